import { Link } from "@remix-run/react";
import { StatusPill, TierPill } from "~/components/assessment-badges";
import { useDelegatedNavigation } from "~/components/ui/delegated-navigation";
import { ScrollRegion } from "~/components/ui/scroll-region";
import type { PortfolioRowView } from "~/modules/portfolio/portfolio-view";
import { PORTFOLIO_SORTS, type PortfolioQuery } from "~/modules/portfolio/portfolio-query";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { portfolioHref as href } from "./portfolio-href";

/** The portfolio's table: rows arrive as view models in the reader's language (no work per cell). */
export function PortfolioTable({
  rows,
  query,
}: {
  rows: PortfolioRowView[];
  query: PortfolioQuery;
}) {
  const { t } = useT();
  const navigateOnClick = useDelegatedNavigation();
  const sortHeader = (sort: (typeof PORTFOLIO_SORTS)[number], label: MessageKey, align = "") => {
    const active = query.sort === sort;
    const nextDir = active
      ? query.dir === "desc" || (!query.dir && (sort === "score" || sort === "transparency"))
        ? "asc"
        : "desc"
      : null;
    return (
      <th
        scope="col"
        className={align || undefined}
        aria-sort={
          active
            ? (query.dir ?? (sort === "score" || sort === "transparency" ? "desc" : "asc")) ===
              "asc"
              ? "ascending"
              : "descending"
            : undefined
        }
      >
        <Link
          to={href(query, { sort, dir: nextDir, page: 1 })}
          className="underline-offset-2 hover:underline"
        >
          {t(label)}
        </Link>
      </th>
    );
  };

  return (
    <ScrollRegion
      label={t("portfolio.title")}
      className="rounded-lg border border-slate-200 bg-white"
    >
      {/* Cell padding set once for the table, not on each of its 500 cells; the rows' links are
              plain anchors, navigated client-side by one handler (components/ui/delegated-navigation). */}
      <table
        className="min-w-full text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2"
        data-testid="portfolio-table"
        onClick={navigateOnClick}
      >
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {sortHeader("name", "portfolio.columnVendor")}
            <th scope="col">{t("portfolio.columnProduct")}</th>
            {sortHeader("score", "portfolio.columnScore", "text-right")}
            {sortHeader("tier", "portfolio.columnTier")}
            {sortHeader("transparency", "portfolio.columnTransparency", "text-right")}
            <th scope="col">{t("portfolio.columnResidency")}</th>
            <th scope="col">{t("portfolio.columnStatus")}</th>
            {sortHeader("due", "portfolio.columnDue")}
            <th scope="col">{t("portfolio.columnExpiry")}</th>
            <th scope="col" className="text-right">
              {t("portfolio.columnFindings")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="portfolio-row" className="border-t border-slate-100">
              <td>
                <a
                  href={`/vendors/${row.id}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {row.name}
                </a>
                {row.tags ? <span className="ml-2 text-xs text-slate-500">{row.tags}</span> : null}
              </td>
              <td>{row.product}</td>
              <td className="text-right tabular-nums">
                {row.scoreHref ? (
                  <a href={row.scoreHref} className="underline-offset-2 hover:underline">
                    {row.score}
                  </a>
                ) : (
                  row.score
                )}
              </td>
              <td>
                <TierPill tier={row.tier?.key ?? null} label={row.tier?.label ?? ""} />
              </td>
              <td className="text-right tabular-nums">{row.transparency}</td>
              <td>{row.residency}</td>
              <td>
                {row.status ? (
                  <StatusPill status={row.status.key} label={row.status.label} />
                ) : (
                  <span className="text-slate-500">{t("portfolio.noAssessment")}</span>
                )}
              </td>
              <td className="tabular-nums">
                {row.due}
                {row.overdue ? (
                  <span className="ml-1 rounded bg-red-100 px-1 text-xs font-medium text-red-900">
                    {t("portfolio.overdueBadge")}
                  </span>
                ) : null}
              </td>
              <td className="tabular-nums">{row.expiry}</td>
              <td className="text-right tabular-nums">{row.findings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
