import { canonicalJson } from "../../utils/canonical-json";

/** One question as each candidate answered it (candidate order), with the points its answer earned. */
export interface QuestionAcrossCandidates {
  key: string;
  /** Template order, used to break ties. */
  order: number;
  answers: unknown[];
  /** 0..1 per candidate; null when not applicable, unscored, unknown or unanswered. */
  points: (number | null)[];
}

export interface DifferingQuestion {
  key: string;
  /** max − min of the known points (0..1); 0 when fewer than two candidates have points. */
  spread: number;
  /** True when some candidates have points and others none (unknown, unanswered, not applicable). */
  partlyUnknown: boolean;
}

/**
 * The questions where the candidates' answers differ most: ranked by the spread of their points
 * (largest first); questions whose answers differ but whose points cannot be compared (some
 * candidates have none) follow, then template order. Questions every candidate answered the same
 * way are left out.
 */
export function rankDifferingQuestions(
  questions: QuestionAcrossCandidates[],
  limit = 15,
): DifferingQuestion[] {
  const ranked = questions
    .filter((q) => new Set(q.answers.map((a) => canonicalJson(a ?? null))).size > 1)
    .map((q) => {
      const known = q.points.filter((p): p is number => p !== null);
      const spread =
        known.length >= 2
          ? Math.round((Math.max(...known) - Math.min(...known)) * 10_000) / 10_000
          : 0;
      return {
        key: q.key,
        order: q.order,
        spread,
        partlyUnknown: known.length > 0 && known.length < q.points.length,
      };
    })
    .sort(
      (a, b) =>
        b.spread - a.spread ||
        Number(b.partlyUnknown) - Number(a.partlyUnknown) ||
        a.order - b.order,
    );
  return ranked
    .slice(0, Math.max(0, limit))
    .map(({ key, spread, partlyUnknown }) => ({ key, spread, partlyUnknown }));
}

/** Ranks of candidates by overall score (1 = best; no score ranks last; ties share the name order). */
export function rankByOverall<T extends { vendorName: string; overall: number | null }>(
  candidates: T[],
): Map<T, number> {
  const sorted = [...candidates].sort(
    (a, b) =>
      (b.overall ?? -1) - (a.overall ?? -1) || a.vendorName.localeCompare(b.vendorName, "en"),
  );
  return new Map(sorted.map((c, index) => [c, index + 1]));
}
