import { formatAnswer } from "../questionnaires/format-answer";
import { translate, type Locale } from "../../utils/i18n";
import { formatPoints } from "../../utils/score-format";
import type { Comparison } from "./compare-vendors.server";

/**
 * The comparison as its page shows it, in the reader's language (issue 12: view models, not
 * rows). compareVendors() keeps every language and the raw answers for the exports; the page
 * needs one language and, for the "differ most" table, only each cell's text: the answers, the
 * question types and option lists stay on the server, and the page renders strings.
 */
export function comparisonPageView(comparison: Comparison, locale: Locale) {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(locale, key, params);
  return {
    ...comparison,
    sections: comparison.sections.map((s) => ({ key: s.key, title: s.title[locale] })),
    differing: comparison.differing.map((d) => ({
      key: d.key,
      label: d.label[locale],
      spread: formatPoints(locale, d.spread),
      cells: d.answers.map((answer, i) => {
        const points = d.points[i] ?? null;
        return {
          text: formatAnswer({ type: d.type, options: d.options }, answer, locale, t),
          unknown: answer === "unknown",
          points: points === null ? null : formatPoints(locale, points),
        };
      }),
    })),
  };
}

export type ComparisonPage = ReturnType<typeof comparisonPageView>;
