import { ASSESSMENT_STATUSES, type AssessmentStatus } from "../assessments/assessment-status";
import { CRITICALITIES, SEARCH_MAX, type Criticality } from "../vendors/vendor-fields";
import { TAG_MAX } from "../vendors/vendor-tags";
import { parseCertificateExpiryWindow, type CertificateExpiryWindow } from "./certificate-expiry";

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
export const PORTFOLIO_PAGE_SIZE = 50;
// The longest tag the vendor form accepts is the longest `?tag=` the portfolio reads.
export { TAG_MAX };

export interface PortfolioQuery {
  q: string;
  tier: PortfolioTier | null;
  status: AssessmentStatus | null;
  criticality: Criticality | null;
  residency: ResidencyClass | null;
  overdue: boolean;
  /** Certificates ending within this many days (or ended already); see certificate-expiry.ts. */
  expiring: CertificateExpiryWindow | null;
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
    status: oneOf(ASSESSMENT_STATUSES, params.get("status")),
    criticality: oneOf(CRITICALITIES, params.get("criticality")),
    residency: oneOf(RESIDENCY_CLASSES, params.get("residency")),
    overdue: params.get("overdue") === "1",
    expiring: parseCertificateExpiryWindow(params.get("expiring")),
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
  if (next.expiring) params.set("expiring", String(next.expiring));
  if (next.tag) params.set("tag", next.tag);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir) params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  return params;
}
