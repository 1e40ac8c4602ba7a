import { canonicalJson } from "../../utils/canonical-json";

/** One side of a diff: the questions of its template version, its answers and its stored score. */
export interface DiffSide {
  questions: { key: string; sectionKey: string }[];
  sections: { key: string }[];
  answers: Record<string, unknown>;
  overall: number | null;
  riskTier: string | null;
  sectionScores: Record<string, number | null>;
}

export interface AnswerChange {
  key: string;
  sectionKey: string;
  before: unknown;
  after: unknown;
}

export interface ScoreChange {
  key: string;
  before: number | null;
  after: number | null;
  /** after − before (2 decimals); null when either side has no score. */
  delta: number | null;
}

export interface AssessmentDiff {
  /** Questions in both versions whose answer changed (template order of the later assessment). */
  changed: AnswerChange[];
  /** Questions only the later assessment's template version has. */
  added: { key: string; sectionKey: string; after: unknown }[];
  /** Questions only the earlier assessment's template version had. */
  removed: { key: string; sectionKey: string; before: unknown }[];
  overall: ScoreChange;
  riskTier: { before: string | null; after: string | null };
  /** Every section of either version: the later version's order, then sections it dropped. */
  sections: ScoreChange[];
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";
const same = (a: unknown, b: unknown) =>
  (isEmpty(a) && isEmpty(b)) || canonicalJson(a ?? null) === canonicalJson(b ?? null);

function scoreChange(
  key: string,
  before: number | null | undefined,
  after: number | null | undefined,
): ScoreChange {
  const b = before ?? null;
  const a = after ?? null;
  return {
    key,
    before: b,
    after: a,
    delta: a !== null && b !== null ? Math.round((a - b) * 100) / 100 : null,
  };
}

/**
 * What changed between two assessments of one vendor: answers matched by question key (template
 * versions may differ: questions only one side has are listed as added or removed), the overall
 * score, the tier and each section's score. Pure: no database, no clock.
 */
export function diffAssessments(before: DiffSide, after: DiffSide): AssessmentDiff {
  const beforeKeys = new Set(before.questions.map((q) => q.key));
  const afterKeys = new Set(after.questions.map((q) => q.key));
  const changed = after.questions
    .filter((q) => beforeKeys.has(q.key) && !same(before.answers[q.key], after.answers[q.key]))
    .map((q) => ({
      key: q.key,
      sectionKey: q.sectionKey,
      before: before.answers[q.key] ?? null,
      after: after.answers[q.key] ?? null,
    }));
  const added = after.questions
    .filter((q) => !beforeKeys.has(q.key))
    .map((q) => ({ key: q.key, sectionKey: q.sectionKey, after: after.answers[q.key] ?? null }));
  const removed = before.questions
    .filter((q) => !afterKeys.has(q.key))
    .map((q) => ({ key: q.key, sectionKey: q.sectionKey, before: before.answers[q.key] ?? null }));
  const sectionKeys = [
    ...after.sections.map((s) => s.key),
    ...before.sections.map((s) => s.key).filter((k) => !after.sections.some((s) => s.key === k)),
  ];
  return {
    changed,
    added,
    removed,
    overall: scoreChange("overall", before.overall, after.overall),
    riskTier: { before: before.riskTier, after: after.riskTier },
    sections: sectionKeys.map((key) =>
      scoreChange(key, before.sectionScores[key], after.sectionScores[key]),
    ),
  };
}
