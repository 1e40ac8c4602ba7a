import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { StatusPill, TierPill } from "~/components/assessment-badges";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/layout";
import { ASSESSMENT_STATUSES } from "~/modules/assessments/assessment-status";
import { getSessionUserLocale, requireUser } from "~/modules/auth/guards.server";
import { listPortfolio } from "~/modules/portfolio/list-portfolio.server";
import { portfolioRowView } from "~/modules/portfolio/portfolio-view";
import {
  parsePortfolioParams,
  PORTFOLIO_SORTS,
  PORTFOLIO_TIERS,
  portfolioParams,
  RESIDENCY_CLASSES,
  TAG_MAX,
  type PortfolioQuery,
} from "~/modules/portfolio/portfolio-query";
import { CRITICALITIES, SEARCH_MAX } from "~/modules/vendors/vendor-fields";
import { runUseCase } from "~/utils/http.server";
import { resolveLocale } from "~/utils/locale.server";
import { useDelegatedNavigation } from "~/components/ui/delegated-navigation";
import { translate, type Locale, type MessageKey, labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ScrollRegion } from "~/components/ui/scroll-region";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "portfolio.title")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const query = parsePortfolioParams(new URL(request.url).searchParams);
  // The same language the root loader resolves (the session is validated once per request).
  const locale = await resolveLocale(request, await getSessionUserLocale(request, context));
  const { items, total, page, pageCount } = await runUseCase(() => listPortfolio(actor, { query }));
  return { rows: items.map((row) => portfolioRowView(row, locale)), total, page, pageCount, query };
}

const SORT_LABEL: Record<(typeof PORTFOLIO_SORTS)[number], MessageKey> = {
  name: "portfolio.sortName",
  score: "portfolio.sortScore",
  tier: "portfolio.sortTier",
  due: "portfolio.sortDue",
  transparency: "portfolio.sortTransparency",
};

function href(query: PortfolioQuery, change: Partial<PortfolioQuery> = {}, path = "/portfolio"): string {
  const params = portfolioParams(query, change).toString();
  return params ? `${path}?${params}` : path;
}

export default function PortfolioPage() {
  const { rows, total, page, pageCount, query } = useLoaderData<typeof loader>();
  const { t, number } = useT();
  const navigateOnClick = useDelegatedNavigation();
  const filtered = Boolean(
    query.q || query.tier || query.status || query.criticality || query.residency || query.overdue || query.tag,
  );
  const exportHref = (format: string) => {
    const params = portfolioParams({ ...query, page: 1 });
    params.set("format", format);
    return `/portfolio/export?${params.toString()}`;
  };
  const sortHeader = (sort: (typeof PORTFOLIO_SORTS)[number], label: MessageKey, align = "") => {
    const active = query.sort === sort;
    const nextDir = active ? (query.dir === "desc" || (!query.dir && (sort === "score" || sort === "transparency")) ? "asc" : "desc") : null;
    return (
      <th scope="col" className={align || undefined} aria-sort={active ? ((query.dir ?? (sort === "score" || sort === "transparency" ? "desc" : "asc")) === "asc" ? "ascending" : "descending") : undefined}>
        <Link to={href(query, { sort, dir: nextDir, page: 1 })} className="underline-offset-2 hover:underline">
          {t(label)}
        </Link>
      </th>
    );
  };

  return (
    <div>
      <PageHeader title={t("portfolio.title")}>{t("portfolio.intro")}</PageHeader>

      <Form method="get" role="search" className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label={t("portfolio.searchLabel")} name="q" type="search" defaultValue={query.q} maxLength={SEARCH_MAX} />
        <SelectField
          label={t("portfolio.filterTier")}
          name="tier"
          defaultValue={query.tier ?? ""}
          options={[
            { value: "", label: t("portfolio.any") },
            ...PORTFOLIO_TIERS.map((tier) => ({ value: tier, label: tier === "none" ? t("portfolio.tierNone") : t(labelKey("assessments.tier", tier) ?? "common.unknownValue") })),
          ]}
        />
        <SelectField
          label={t("portfolio.filterStatus")}
          name="status"
          defaultValue={query.status ?? ""}
          options={[{ value: "", label: t("portfolio.any") }, ...ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(labelKey("assessments.status", s) ?? "common.unknownValue") }))]}
        />
        <SelectField
          label={t("portfolio.filterCriticality")}
          name="criticality"
          defaultValue={query.criticality ?? ""}
          options={[{ value: "", label: t("portfolio.any") }, ...CRITICALITIES.map((c) => ({ value: c, label: t(labelKey("vendors.criticality", c) ?? "common.unknownValue") }))]}
        />
        <SelectField
          label={t("portfolio.filterResidency")}
          name="residency"
          defaultValue={query.residency ?? ""}
          options={[{ value: "", label: t("portfolio.any") }, ...RESIDENCY_CLASSES.map((c) => ({ value: c, label: t(labelKey("assessments.class_", c) ?? "common.unknownValue") }))]}
        />
        <TextField label={t("portfolio.filterTag")} name="tag" defaultValue={query.tag ?? ""} maxLength={TAG_MAX} />
        <SelectField
          label={t("portfolio.sortLabel")}
          name="sort"
          defaultValue={query.sort}
          options={PORTFOLIO_SORTS.map((s) => ({ value: s, label: t(SORT_LABEL[s]) }))}
        />
        <SelectField
          label={t("portfolio.dirLabel")}
          name="dir"
          defaultValue={query.dir ?? ""}
          options={[
            { value: "", label: t("portfolio.dirDefault") },
            { value: "asc", label: t("portfolio.dirAsc") },
            { value: "desc", label: t("portfolio.dirDesc") },
          ]}
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} className="h-4 w-4" />
          {t("portfolio.filterOverdue")}
        </label>
        <div className="flex items-end gap-2">
          <Button type="submit" variant="secondary">
            {t("portfolio.apply")}
          </Button>
          {filtered ? (
            <Link to="/portfolio" className="rounded-md px-3 py-2 text-sm text-slate-700 underline">
              {t("portfolio.reset")}
            </Link>
          ) : null}
        </div>
      </Form>

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
        <ScrollRegion label={t("portfolio.title")} className="rounded-lg border border-slate-200 bg-white">
          {/* Cell padding set once for the table, not on each of its 500 cells; the rows' links are
              plain anchors, navigated client-side by one handler (components/ui/delegated-navigation). */}
          <table className="min-w-full text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2" data-testid="portfolio-table" onClick={navigateOnClick}>
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
                <th scope="col" className="text-right">{t("portfolio.columnFindings")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="portfolio-row" className="border-t border-slate-100">
                  <td>
                    <a href={`/vendors/${row.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
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
                  <td>{row.status ? <StatusPill status={row.status.key} label={row.status.label} /> : <span className="text-slate-500">{t("portfolio.noAssessment")}</span>}</td>
                  <td className="tabular-nums">
                    {row.due}
                    {row.overdue ? <span className="ml-1 rounded bg-red-100 px-1 text-xs font-medium text-red-900">{t("portfolio.overdueBadge")}</span> : null}
                  </td>
                  <td className="tabular-nums">{row.expiry}</td>
                  <td className="text-right tabular-nums">{row.findings}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("portfolio.pagination")} className="mt-4 flex items-center gap-4 text-sm">
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
