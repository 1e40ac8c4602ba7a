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
//
// 1.2.0 — everything in 1.1.0 (same result fields, same rules), and (issue 21):
//   • a knock-out may carry `from` (YYYY-MM-DD): it applies only when `asOf` is on or after that
//     day (needs `options.asOf`). Before it the knock-out neither caps the tier nor is listed;
//     from it on its explanation says "applies from <day>" and carries `appliesFrom`.
//   • options of single_choice and multi_choice questions may be marked `notApplicable`:
//     choosing one (in a multi_choice: as the only selection) makes the question not applicable
//     exactly like the reserved answer "na" (status "not_applicable", out of the denominator;
//     tokens: the option's value and "na"). Combined with other options it is an invalid answer.
//     No best answer ("what would raise this score") ever proposes such an option.
//   • a date question scored by age (thresholds) answered with a day after `asOf` is an invalid
//     answer (unanswered, 0 in the score, missing for completeness) instead of a negative age;
//     best answers of date questions are never after `asOf`.
//   Method 1.1.0 ignores `from` and `notApplicable` (as it always did: it never read them), so a
//   1.1.0 result computed on a template that already carried them is reproduced byte for byte.

export const METHOD_VERSION_1_0_0 = "1.0.0";
export const METHOD_VERSION_1_1_0 = "1.1.0";
export const METHOD_VERSION_1_2_0 = "1.2.0";

/** The version of the scoring rules new results are computed with. Stored with every result. */
export const SCORING_METHOD_VERSION = METHOD_VERSION_1_2_0;

/** Method versions this library can compute. An old result with another version cannot be reproduced here. */
export const SUPPORTED_METHOD_VERSIONS: readonly string[] = [
  METHOD_VERSION_1_0_0,
  METHOD_VERSION_1_1_0,
  METHOD_VERSION_1_2_0,
];

/** The versions scored by prepareTemplate()/scorePrepared() (1.0.0 has its own frozen scorer). */
export type PreparedMethodVersion = typeof METHOD_VERSION_1_1_0 | typeof METHOD_VERSION_1_2_0;
