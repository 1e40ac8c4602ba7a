import { z } from "zod";
import { ASSESSMENT_STATUSES } from "../assessments/assessment-status";
import { CRITICALITIES, SEARCH_MAX } from "../vendors/vendor-fields";

/** Portfolio view parameters: they live in the URL, so a view can be shared and exported. */
export const PORTFOLIO_SORTS = ["name", "score", "tier", "due", "transparency"] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
export const PORTFOLIO_TIERS = ["low", "medium", "high", "critical", "none"] as const;
export const RESIDENCY_CLASSES = ["eu_eea", "adequacy", "third_country_safeguards", "third_country_no_safeguards", "unknown"] as const;
export const PORTFOLIO_PAGE_SIZE = 50;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .nullish()
    .transform((value) => (value && (values as readonly string[]).includes(value) ? (value as T[number]) : null));

export const portfolioQuerySchema = z.object({
  q: z
    .string()
    .nullish()
    .transform((value) => (value ?? "").trim().slice(0, SEARCH_MAX)),
  tier: optionalEnum(PORTFOLIO_TIERS),
  status: optionalEnum(ASSESSMENT_STATUSES),
  criticality: optionalEnum(CRITICALITIES),
  residency: optionalEnum(RESIDENCY_CLASSES),
  overdue: z
    .string()
    .nullish()
    .transform((value) => value === "1"),
  tag: z
    .string()
    .nullish()
    .transform((value) => (value ?? "").trim().slice(0, 50) || null),
  sort: optionalEnum(PORTFOLIO_SORTS).transform((value) => value ?? "name"),
  dir: optionalEnum(["asc", "desc"] as const),
  page: z
    .string()
    .nullish()
    .transform((value) => (value && /^\d{1,6}$/.test(value) ? Math.max(1, Number(value)) : 1)),
});
export type PortfolioQuery = z.output<typeof portfolioQuerySchema>;

const KEYS = ["q", "tier", "status", "criticality", "residency", "overdue", "tag", "sort", "dir", "page"] as const;

/** URL search params → a parsed query (unknown values are ignored, never an error). */
export function parsePortfolioParams(params: URLSearchParams): PortfolioQuery {
  return portfolioQuerySchema.parse(Object.fromEntries(KEYS.map((key) => [key, params.get(key)])));
}

/** A query → search params (defaults left out), e.g. for page and sort links and the export. */
export function portfolioParams(query: PortfolioQuery, change: Partial<PortfolioQuery> = {}): URLSearchParams {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.tier) params.set("tier", next.tier);
  if (next.status) params.set("status", next.status);
  if (next.criticality) params.set("criticality", next.criticality);
  if (next.residency) params.set("residency", next.residency);
  if (next.overdue) params.set("overdue", "1");
  if (next.tag) params.set("tag", next.tag);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir) params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  return params;
}
