import { ASSESSMENT_STATUSES, type AssessmentStatus } from "../assessments/assessment-status";
import type { FindingSeverity } from "../review/review-input";
import { CRITICALITIES, SEARCH_MAX, type Criticality } from "../vendors/vendor-fields";
import { TAG_MAX } from "../vendors/vendor-tags";

/**
 * Portfolio view parameters. They live in the URL, so a view can be shared and exported; unknown
 * values are ignored (never an error). No zod here: the page imports this module in the browser.
 */
export const PORTFOLIO_SORTS = ["name", "score", "tier", "due", "transparency"] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
export const PORTFOLIO_TIERS = ["low", "medium", "high", "critical", "none"] as const;
export type PortfolioTier = (typeof PORTFOLIO_TIERS)[number];
export const RESIDENCY_CLASSES = [
  "eu_eea",
  "adequacy",
  "third_country_safeguards",
  "third_country_no_safeguards",
  "unknown",
] as const;
export type ResidencyClass = (typeof RESIDENCY_CLASSES)[number];
/**
 * Certificate windows of the `expiry` filter: already expired, or expiring within 30 / 90 days
 * from today (UTC calendar days, both ends inclusive), or "soon" (expired or within 90 days: the
 * home page's count). The windows nest: "90" includes "30", "soon" includes all.
 */
export const EXPIRY_WINDOWS = ["expired", "30", "90", "soon"] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];
/**
 * Finding severities of the `severity` filter (vendors with an open finding of that severity).
 * The same list as review-input's FINDING_SEVERITIES, written out because that module brings zod
 * into the browser; portfolio-query.test.ts checks that the two stay equal.
 */
export const SEVERITIES = [
  "LOW",
  "MEDIUM",
  "HIGH",
  "CRITICAL",
] as const satisfies readonly FindingSeverity[];
/** "none": vendors without an assessment (status) or without a residency rating (residency). */
export const NONE = "none";
export const PORTFOLIO_PAGE_SIZE = 50;
// The longest tag the vendor form accepts is the longest `?tag=` the portfolio reads.
export { TAG_MAX };

export interface PortfolioQuery {
  q: string;
  tier: PortfolioTier | null;
  status: AssessmentStatus | typeof NONE | null;
  criticality: Criticality | null;
  residency: ResidencyClass | typeof NONE | null;
  overdue: boolean;
  expiry: ExpiryWindow | null;
  severity: FindingSeverity | null;
  tag: string | null;
  sort: PortfolioSort;
  dir: "asc" | "desc" | null;
  page: number;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** URL search params → a query. */
export function parsePortfolioParams(params: URLSearchParams): PortfolioQuery {
  const page = params.get("page");
  return {
    q: (params.get("q") ?? "").trim().slice(0, SEARCH_MAX),
    tier: oneOf(PORTFOLIO_TIERS, params.get("tier")),
    status: oneOf([...ASSESSMENT_STATUSES, NONE], params.get("status")),
    criticality: oneOf(CRITICALITIES, params.get("criticality")),
    residency: oneOf([...RESIDENCY_CLASSES, NONE], params.get("residency")),
    overdue: params.get("overdue") === "1",
    expiry: oneOf(EXPIRY_WINDOWS, params.get("expiry")),
    severity: oneOf(SEVERITIES, params.get("severity")),
    tag: (params.get("tag") ?? "").trim().slice(0, TAG_MAX) || null,
    sort: oneOf(PORTFOLIO_SORTS, params.get("sort")) ?? "name",
    dir: oneOf(["asc", "desc"] as const, params.get("dir")),
    page: page && /^\d{1,6}$/.test(page) ? Math.max(1, Number(page)) : 1,
  };
}

/** A query → search params (defaults left out), for sort and page links and the export. */
export function portfolioParams(
  query: PortfolioQuery,
  change: Partial<PortfolioQuery> = {},
): URLSearchParams {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.tier) params.set("tier", next.tier);
  if (next.status) params.set("status", next.status);
  if (next.criticality) params.set("criticality", next.criticality);
  if (next.residency) params.set("residency", next.residency);
  if (next.overdue) params.set("overdue", "1");
  if (next.expiry) params.set("expiry", next.expiry);
  if (next.severity) params.set("severity", next.severity);
  if (next.tag) params.set("tag", next.tag);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir) params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  return params;
}

/** The portfolio filtered by `filter` alone, other filters left out (what a dashboard tile links to). */
export function filteredPortfolioPath(filter: Partial<PortfolioQuery>): string {
  const params = portfolioParams(parsePortfolioParams(new URLSearchParams()), filter).toString();
  return params ? `/portfolio?${params}` : "/portfolio";
}
