import { portfolioParams, type PortfolioQuery } from "~/modules/portfolio/portfolio-query";

/** A link to the portfolio (or its export) with the current query changed by `change`. */
export function portfolioHref(
  query: PortfolioQuery,
  change: Partial<PortfolioQuery> = {},
  path = "/portfolio",
): string {
  const params = portfolioParams(query, change).toString();
  return params ? `${path}?${params}` : path;
}
