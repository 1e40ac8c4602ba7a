import { describe, expect, it } from "vitest";
import { de } from "./de";

// Scans every German UI string for English left in it and for other German words used for the
// concept the product calls "Bewertung" (issue 15 item 5). Template and question texts are
// content and live elsewhere; this covers only the dictionaries the UI is built from.

/** English words that have no place in a German sentence (loan words like "Dashboard" are not listed). */
const ENGLISH_WORDS = [
  "the",
  "and",
  "of",
  "with",
  "for",
  "is",
  "are",
  "this",
  "your",
  "you",
  "please",
  "click",
  "assessment",
  "assessments",
  "vendor",
  "vendors",
  "review",
  "reviews",
  "score",
  "scores",
  "question",
  "questions",
  "answer",
  "answers",
  "template",
  "templates",
  "finding",
  "findings",
  "settings",
  "submit",
  "save",
  "cancel",
  "delete",
  "none",
  "unknown",
  "yes",
  "high",
  "low",
  "medium",
  "critical",
  "residency",
  "transparency",
  "threshold",
  "points",
];

/** Other words for "Bewertung" (the assessment of a vendor). */
const ASSESSMENT_SYNONYMS = [
  /\b(?:Nach|Lieferanten|Anbieter)?prüfung(?:en)?\b/i,
  /\bPrüfungs-/i,
  /\bBeurteilung(?:en)?\b/i,
  /\bBegutachtung(?:en)?\b/i,
  /\bAssessments?\b/i,
  /\bRe-Review/i,
  /\bPrüfbericht/i,
  /\bnachgeprüft\b/i,
];

/**
 * Where "Prüfung" means a check, not an assessment: verifying a signed PDF, the audit chain's
 * verification, the assessor's review of submitted scores. The second factor's
 * "Zwei-Faktor-Prüfung" is a check everywhere and is removed before the scan.
 */
const CHECK_MEANING_KEYS = [
  /^verify\./,
  /^audit\.intro$/,
  /^reports\.(chapterVerification|verifyStep3)$/,
  // "Die Punktzahlen stehen zur Prüfung bereit": ready for the assessor's review.
  /^assessments\.submittedMailBody$/,
];

/** Keys whose German text quotes values a template author types (option values, tags, types). */
const TEMPLATE_SYNTAX_KEYS = new Set([
  "templates.knockOutWhenHint",
  "templates.tagsHint",
  "weights.questionWeightsHint",
  "templateErrors.invalidCondition",
  "templateErrors.dpfQuestion",
]);

function entries(): Array<[string, string]> {
  return Object.entries(de).flatMap(([namespace, table]) =>
    Object.entries(table as Record<string, string>).map(([key, value]): [string, string] => [
      `${namespace}.${key}`,
      value,
    ]),
  );
}

/** The text a reader sees: placeholders, URLs, commands and e-mail templates' code removed. */
function prose(value: string): string {
  return value
    .replace(/\{[^}]*\}/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/npm run [^\n.]*/g, " ")
    .replace(/<[^>]*>/g, " ");
}

describe("German dictionaries", () => {
  it("contain no English words", () => {
    const pattern = new RegExp(`(?<![\\p{L}-])(?:${ENGLISH_WORDS.join("|")})(?![\\p{L}-])`, "iu");
    const leftovers = entries()
      .filter(([key]) => !TEMPLATE_SYNTAX_KEYS.has(key))
      .filter(([, value]) => pattern.test(prose(value)))
      .map(([key, value]) => `${key}: ${value}`);
    expect(leftovers).toEqual([]);
  });

  it("use one word for an assessment: Bewertung", () => {
    const synonyms = entries()
      .filter(([key]) => !CHECK_MEANING_KEYS.some((pattern) => pattern.test(key)))
      .map(([key, value]): [string, string] => [
        key,
        prose(value).replace(/Zwei-Faktor-Prüfung/g, ""),
      ])
      .filter(([, value]) => ASSESSMENT_SYNONYMS.some((pattern) => pattern.test(value)))
      .map(([key, value]) => `${key}: ${value}`);
    expect(synonyms).toEqual([]);
  });
});
