import { formatDate, formatNumber, labelKey, translate, type Locale } from "../../utils/i18n";
import type { PortfolioRow } from "./list-portfolio.server";
import { formatScore } from "../../utils/score-format";

/**
 * One row of the portfolio table as the page shows it: every cell already a string in the
 * reader's language, links as paths. The loader sends this view model, not the stored row: the
 * page renders it without formatting or translating per cell (fifty rows on every fresh render,
 * issue 12), the browser hydrates with the same strings, and nothing the page does not show
 * (criticality, raw dates, ranks) leaves the server.
 */
export interface PortfolioRowView {
  id: string;
  name: string;
  /** "#tag #other", empty without tags. */
  tags: string;
  product: string;
  score: string;
  /** The latest assessment's page, when there is a score to link. */
  scoreHref: string | null;
  tier: { key: string; label: string } | null;
  transparency: string;
  residency: string;
  status: { key: string; label: string } | null;
  due: string;
  overdue: boolean;
  expiry: string;
  findings: string;
}

const NONE = "–";

/**
 * The translated labels of stored values (tiers, statuses, residency classes), by locale, prefix
 * and value: a handful of distinct labels repeat on every row of every page, and the
 * dictionaries never change while the server runs.
 */
const LABELS = new Map<string, string>();
function storedValueLabel(
  locale: Locale,
  prefix: Parameters<typeof labelKey>[0],
  value: string,
): string {
  const key = `${locale}\u0000${prefix}${value}`;
  let label = LABELS.get(key);
  if (label === undefined) {
    label = translate(locale, labelKey(prefix, value) ?? "common.unknownValue");
    // Values come from rows: bounded by the dictionaries' labels plus whatever unknown values
    // are stored, so the map is capped rather than trusted to stay small.
    if (LABELS.size < 1000) LABELS.set(key, label);
  }
  return label;
}

export function portfolioRowView(row: PortfolioRow, locale: Locale): PortfolioRowView {
  const label = (prefix: Parameters<typeof labelKey>[0], value: string) =>
    storedValueLabel(locale, prefix, value);
  const scored = row.latestAssessmentId !== null && row.overall !== null;
  return {
    id: row.id,
    name: row.name,
    tags: row.tags.map((tag) => `#${tag}`).join(" "),
    product: row.product ?? NONE,
    score: scored ? formatScore(locale, row.overall) : NONE,
    scoreHref: scored ? `/assessments/${row.latestAssessmentId}` : null,
    tier: row.tier ? { key: row.tier, label: label("assessments.tier", row.tier) } : null,
    transparency:
      row.transparency === null
        ? NONE
        : translate(locale, "portfolio.percent", {
            value: formatNumber(locale, row.transparency, 1),
          }),
    residency: row.residencyClass ? label("assessments.class_", row.residencyClass) : NONE,
    status: row.status ? { key: row.status, label: label("assessments.status", row.status) } : null,
    due: row.dueDate ? formatDate(locale, row.dueDate) : NONE,
    overdue: row.overdue,
    expiry: row.certificateExpiry ? formatDate(locale, row.certificateExpiry) : NONE,
    findings: formatNumber(locale, row.openFindings),
  };
}
