// Scoring-method versions. Every result carries the version it was computed with, and this library
// keeps every listed version reproducible byte for byte (golden files in scoring/fixtures/).
//
// 1.0.0 — weighted section and overall scores, knock-outs capping the tier, completeness,
//         per-question points with a reason. Countries questions: all EU/EEA → 1, worst country
//         with an adequacy decision (a plain list of codes) → 0.75, any other country → 0.25.
//         Sums are taken in template order.
//
// 1.1.0 — everything in 1.0.0, and:
//   • countries questions are rated by the residency module: every listed country is a data flow,
//     classified eu_eea (1) > adequacy decision valid on `asOf`, respecting partial scopes (0.8) >
//     third country with SCCs/BCRs (0.5) > third country without safeguards (0) > unknown (0);
//     the question earns the points of its worst flow. Knock-out tokens gain the five residency
//     classes (and keep "third_country" for any third-country class).
//   • adequacy can be given as dated, scoped decisions (`options.adequacyDecisions`).
//   • weight profiles (`options.weightProfile`) override section/question weights; the result
//     records the profile id and a SHA-256 checksum of it.
//   • a transparency index counted like the FMTI (binary indicators per question), a product
//     residency rating from `residencyFlows`, and explanations: contributions sorted by impact,
//     the ten best improvements per section and overall, knock-out causes and the tier's reason.
//   • sums are taken in the order of the section/question keys, so the order of questions in
//     the template never changes a score, not even in the last bit.

export const METHOD_VERSION_1_0_0 = "1.0.0";
export const METHOD_VERSION_1_1_0 = "1.1.0";

/** The version of the scoring rules new results are computed with. Stored with every result. */
export const SCORING_METHOD_VERSION = METHOD_VERSION_1_1_0;

/** Method versions this library can compute. An old result with another version cannot be reproduced here. */
export const SUPPORTED_METHOD_VERSIONS: readonly string[] = [
  METHOD_VERSION_1_0_0,
  METHOD_VERSION_1_1_0,
];
