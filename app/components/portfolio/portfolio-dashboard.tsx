import { Link } from "@remix-run/react";
import { ChartFigure } from "~/components/charts/chart-figure";
import { LabelledBars, TimeLines } from "~/components/charts/charts";
import type {
  DashboardBarView,
  PortfolioDashboardView,
} from "~/modules/portfolio/portfolio-dashboard-view";
import { useT } from "~/utils/use-t";

/** A value label that links to the filtered portfolio when a filter can say what it counts. */
function FilterLink({ label, href }: { label: string; href: string | null }) {
  return href ? (
    <Link to={href} className="text-brand-700 underline-offset-2 hover:underline">
      {label}
    </Link>
  ) : (
    <>{label}</>
  );
}

/** A bar chart of vendor counts with its table (the table's first column links to the filter). */
function CountChart({
  id,
  title,
  rows,
  countColumn,
}: {
  id: string;
  title: string;
  rows: DashboardBarView[];
  countColumn: string;
}) {
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <ChartFigure
      collapseTable
      id={id}
      title={title}
      chartClassName={rows.length > 5 ? "h-64" : "h-48"}
      table={{
        columns: [title, countColumn],
        rows: rows.map((row) => ({
          key: row.key,
          cells: [<FilterLink key="label" label={row.label} href={row.href} />, row.value],
        })),
      }}
    >
      <LabelledBars
        rows={rows.map((row) => ({ name: row.label, value: row.count, label: row.value }))}
        max={max}
      />
    </ChartFigure>
  );
}

const CARD = "min-w-0 rounded-lg border border-slate-200 bg-white p-4";

/**
 * The portfolio's dashboard above its table: tiles and charts, each figure a plain link to the
 * table filtered to what it counts (works without JavaScript); every chart has its numbers in a
 * server-rendered table (ChartFigure), the drawing comes after hydration.
 */
export function PortfolioDashboard({ dashboard }: { dashboard: PortfolioDashboardView }) {
  const { t } = useT();
  return (
    <section aria-labelledby="portfolio-dashboard-title" className="mb-6" data-testid="dashboard">
      <h2 id="portfolio-dashboard-title" className="text-lg font-semibold text-slate-900">
        {t("portfolio.dashboardTitle")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("portfolio.dashboardIntro")}</p>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
        {dashboard.tiles.map((tile) => (
          <li key={tile.id}>
            <Link
              to={tile.href ?? "/portfolio"}
              data-testid={`tile-${tile.id}`}
              className="flex h-full flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2"
            >
              <span className="text-2xl font-semibold text-slate-900 tabular-nums">
                {tile.value}
              </span>
              <span className="text-sm text-slate-700">{tile.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      {dashboard.empty ? null : (
        <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-2 2xl:grid-cols-3">
          <div className={CARD}>
            <CountChart
              id="dashboard-tiers"
              title={t("portfolio.chartTiers")}
              rows={dashboard.tiers}
              countColumn={t("portfolio.columnVendors")}
            />
          </div>
          <div className={CARD}>
            <CountChart
              id="dashboard-statuses"
              title={t("portfolio.chartStatuses")}
              rows={dashboard.statuses}
              countColumn={t("portfolio.columnVendors")}
            />
          </div>
          <div className={CARD}>
            <CountChart
              id="dashboard-residency"
              title={t("portfolio.chartResidency")}
              rows={dashboard.residency}
              countColumn={t("portfolio.columnVendors")}
            />
          </div>
          <div className={CARD}>
            {dashboard.findings.length === 0 ? (
              <>
                <p className="font-semibold">{t("portfolio.chartFindings")}</p>
                <p className="mt-2 text-sm text-slate-600">{t("portfolio.noOpenFindings")}</p>
              </>
            ) : (
              <ChartFigure
                collapseTable
                id="dashboard-findings"
                title={t("portfolio.chartFindings")}
                chartClassName="h-48"
                table={{
                  columns: [
                    t("portfolio.columnSeverity"),
                    t("portfolio.columnFindings"),
                    t("portfolio.columnVendorsAffected"),
                  ],
                  rows: dashboard.findings.map((row) => ({
                    key: row.key,
                    cells: [
                      <FilterLink key="label" label={row.label} href={row.href} />,
                      row.value,
                      row.vendors,
                    ],
                  })),
                }}
              >
                <LabelledBars
                  rows={dashboard.findings.map((row) => ({
                    name: row.label,
                    value: row.count,
                    label: row.value,
                  }))}
                  max={Math.max(1, ...dashboard.findings.map((row) => row.count))}
                />
              </ChartFigure>
            )}
          </div>
          <div className={`${CARD} lg:col-span-2`}>
            <ChartFigure
              collapseTable
              id="dashboard-trend"
              title={t("portfolio.chartTrend")}
              chartClassName="h-64"
              table={{
                columns: [
                  t("portfolio.columnMonth"),
                  t("portfolio.columnAverageScore"),
                  t("portfolio.columnSubmitted"),
                ],
                rows: dashboard.trend.map((point) => ({
                  key: point.key,
                  cells: [point.label, point.value, point.count],
                })),
              }}
            >
              <TimeLines
                points={dashboard.trend.map((point) => ({
                  label: point.label,
                  values: { average: point.average },
                }))}
                lines={[{ key: "average", name: t("portfolio.trendLine") }]}
              />
            </ChartFigure>
          </div>
        </div>
      )}
    </section>
  );
}
