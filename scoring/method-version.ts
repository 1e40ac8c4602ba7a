// Scoring-method versions. Every result carries the version it was computed with, and this library
// keeps every listed version reproducible byte for byte (golden files in scoring/fixtures/).
//
// 1.0.0 — weighted section and overall scores, knock-outs capping the tier, completeness,
//         per-question points with a reason. Countries questions: all EU/EEA → 1, worst country
//         with an adequacy decision (a plain list of codes) → 0.75, any other country → 0.25.
//         Sums are taken in template order.
//
// 1.1.0 — everything in 1.0.0 (same result fields, same rules for every other question type), and:
//   • countries questions are rated by the residency module: each listed country is classified
//     eu_eea (1) > adequacy decision in force on `asOf` that covers the recipient — US only for
//     DPF-certified, Canada only for commercial recipients (0.8) > third country with SCCs/BCRs
//     (0.5) > third country without (declared) safeguards (0) > unknown (0, counted as "unknown");
//     the question earns the points of its worst country. Safeguard and recipient come from
//     `options.countryFlowDefaults` (default: none declared). Knock-out/indicator tokens are the
//     codes, the residency classes and "third_country" for either third-country class.
//   • adequacy can be given as dated, scoped decisions (`options.adequacyDecisions`).
//   • weight profiles (`options.weightProfile`) override section/question weights; the result
//     records the profile id and a SHA-256 checksum of it.
//   • new result fields: `weightProfile`, `transparency` (FMTI-style indicator count),
//     `residency` (product rating from `options.residencyFlows`) and `explanation`
//     (contributions sorted by lost points, the ten best improvements, knock-out causes, the
//     tier's threshold and cap; all in points of the overall score).
//   • sums are taken in the order of the section/question keys, so the order of questions in the
//     template never changes a score, not even in the last bit.

export const METHOD_VERSION_1_0_0 = "1.0.0";
export const METHOD_VERSION_1_1_0 = "1.1.0";

/** The version of the scoring rules new results are computed with. Stored with every result. */
export const SCORING_METHOD_VERSION = METHOD_VERSION_1_1_0;

/** Method versions this library can compute. An old result with another version cannot be reproduced here. */
export const SUPPORTED_METHOD_VERSIONS: readonly string[] = [
  METHOD_VERSION_1_0_0,
  METHOD_VERSION_1_1_0,
];
