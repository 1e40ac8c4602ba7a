// Totals the way the Foundation Model Transparency Index counts them: every indicator is binary and
// worth one point, a developer's total is the number of indicators it satisfies, and domain and
// subdomain subtotals are the same count within the group. The counting itself is the scoring
// library's (countIndicators), the same that scores transparency indicators in assessments. Pure.

import { countIndicators, type DomainCount } from "../../../scoring";
import type { FmtiEdition } from "./read-fmti-edition";

export interface FmtiDeveloperTotal {
  developer: string;
  /** Indicators satisfied: the developer's FMTI score. */
  total: number;
  /** Indicators in the edition (the maximum total). */
  indicators: number;
  /** Per domain, with per-subdomain counts, in order of first appearance. */
  byDomain: DomainCount[];
}

/** One entry per developer, in the matrix's column order. */
export function computeFmtiTotals(edition: FmtiEdition): FmtiDeveloperTotal[] {
  return edition.developers.map((developer, column) => {
    const counts = countIndicators(
      edition.indicators.map((indicator, index) => ({
        domain: indicator.domain,
        subdomain: indicator.subdomain,
        satisfied: edition.scores[index]![column] === 1,
      })),
    );
    return {
      developer,
      total: counts.satisfied,
      indicators: counts.total,
      byDomain: counts.byDomain,
    };
  });
}

/** Name order independent of the locale: case-insensitive, then by code unit. */
export function compareDeveloperNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ranking order of the published index (published_totals.csv lists 85 first and the tie at 75 as
 * "AI21 Labs" before "Aleph Alpha"): total descending, then name ascending.
 */
export function sortFmtiTotals<T extends { developer: string; total: number }>(
  totals: readonly T[],
): T[] {
  return [...totals].sort(
    (a, b) => b.total - a.total || compareDeveloperNames(a.developer, b.developer),
  );
}

/** `developer<TAB>total`, one line per developer, in ranking order, with a final line break. */
export function formatFmtiTotals(totals: readonly FmtiDeveloperTotal[]): string {
  return sortFmtiTotals(totals)
    .map((entry) => `${entry.developer}\t${entry.total}\n`)
    .join("");
}

/** Mean total over the developers (not rounded); null without developers. */
export function meanFmtiTotal(totals: readonly { total: number }[]): number | null {
  if (totals.length === 0) return null;
  return totals.reduce((sum, entry) => sum + entry.total, 0) / totals.length;
}
