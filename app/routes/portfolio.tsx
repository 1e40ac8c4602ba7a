import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PortfolioDashboard } from "~/components/portfolio/portfolio-dashboard";
import { PortfolioFilters } from "~/components/portfolio/portfolio-filters";
import { portfolioHref as href } from "~/components/portfolio/portfolio-href";
import { PortfolioTable } from "~/components/portfolio/portfolio-table";
import { PageHeader } from "~/components/ui/layout";
import { getSessionUserLocale, requireUser } from "~/modules/auth/guards.server";
import { listPortfolio } from "~/modules/portfolio/list-portfolio.server";
import { cachedPortfolioDashboard } from "~/modules/portfolio/portfolio-dashboard-cache.server";
import { portfolioDashboardView } from "~/modules/portfolio/portfolio-dashboard-view";
import { portfolioRowView } from "~/modules/portfolio/portfolio-view";
import { parsePortfolioParams, portfolioParams } from "~/modules/portfolio/portfolio-query";
import { runUseCase } from "~/utils/http.server";
import { resolveLocale } from "~/utils/locale.server";
import { translate, type Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import type { ShellHandle } from "~/components/app-shell";

/** A table page: it uses the full width beside the navigation. */
export const handle: ShellHandle = { layout: "wide" };

export const meta: MetaFunction = ({ matches }) => {
  const locale =
    (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "portfolio.title")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const query = parsePortfolioParams(new URL(request.url).searchParams);
  // The same language the root loader resolves (the session is validated once per request).
  const locale = await resolveLocale(request, await getSessionUserLocale(request, context));
  // One clock for both: a tile's count and the table it links to agree on "today".
  const now = new Date();
  const [{ items, total, page, pageCount }, dashboard] = await runUseCase(() =>
    Promise.all([listPortfolio(actor, { query, now }), cachedPortfolioDashboard(actor, now)]),
  );
  return {
    rows: items.map((row) => portfolioRowView(row, locale)),
    total,
    page,
    pageCount,
    query,
    dashboard: portfolioDashboardView(dashboard, locale),
  };
}

export default function PortfolioPage() {
  const { rows, total, page, pageCount, query, dashboard } = useLoaderData<typeof loader>();
  const { t, number } = useT();
  const exportHref = (format: string) => {
    const params = portfolioParams({ ...query, page: 1 });
    params.set("format", format);
    return `/portfolio/export?${params.toString()}`;
  };

  return (
    <div>
      <PageHeader title={t("portfolio.title")}>{t("portfolio.intro")}</PageHeader>

      <PortfolioDashboard dashboard={dashboard} />

      <PortfolioFilters query={query} />

      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600" aria-live="polite" data-testid="portfolio-count">
          {t("portfolio.resultCount", { count: number(total) })}
        </p>
        <p className="flex items-center gap-3">
          <span className="text-slate-600">{t("portfolio.exportLabel")}:</span>
          <a href={exportHref("csv")} className="underline" download>
            {t("portfolio.exportCsv")}
          </a>
          <a href={exportHref("xlsx")} className="underline" download>
            {t("portfolio.exportXlsx")}
          </a>
          <a href={exportHref("json")} className="underline" download>
            {t("portfolio.exportJson")}
          </a>
        </p>
      </div>

      {rows.length === 0 ? (
        <p className="text-slate-600">{t("portfolio.noMatches")}</p>
      ) : (
        <PortfolioTable rows={rows} query={query} />
      )}
      {pageCount > 1 ? (
        <nav
          aria-label={t("portfolio.pagination")}
          className="mt-4 flex items-center gap-4 text-sm"
        >
          {page > 1 ? (
            <Link to={href(query, { page: page - 1 })} rel="prev" className="underline">
              {t("portfolio.previousPage")}
            </Link>
          ) : null}
          <span aria-current="page">{t("portfolio.pageOf", { page, pageCount })}</span>
          {page < pageCount ? (
            <Link to={href(query, { page: page + 1 })} rel="next" className="underline">
              {t("portfolio.nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
