import { ASSESSMENT_STATUSES } from "../assessments/assessment-status";
import { formatNumber, labelKey, translate, type Locale, type MessageKey } from "../../utils/i18n";
import type { PortfolioDashboard } from "./portfolio-dashboard.server";
import {
  filteredPortfolioPath,
  NONE,
  PORTFOLIO_TIERS,
  RESIDENCY_CLASSES,
  SEVERITIES,
  type PortfolioQuery,
} from "./portfolio-query";

/**
 * The portfolio dashboard as the page shows it: labels in the reader's language (never a stored
 * key), numbers formatted, and each figure's link to the portfolio filtered to exactly the vendors
 * it counts (null where no filter can say it, e.g. an unknown stored value).
 */
export interface DashboardTileView {
  id: string;
  label: string;
  value: string;
  href: string | null;
}

export interface DashboardBarView {
  key: string;
  label: string;
  count: number;
  value: string;
  href: string | null;
}

export interface PortfolioDashboardView {
  empty: boolean;
  tiles: DashboardTileView[];
  tiers: DashboardBarView[];
  statuses: DashboardBarView[];
  residency: DashboardBarView[];
  findings: (DashboardBarView & { vendors: string })[];
  trend: { key: string; label: string; average: number | null; value: string; count: string }[];
}

const MONTH_FORMATS = new Map<Locale, Intl.DateTimeFormat>();
function monthLabel(locale: Locale, month: string): string {
  let format = MONTH_FORMATS.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    MONTH_FORMATS.set(locale, format);
  }
  return format.format(new Date(`${month}-01T00:00:00Z`));
}

export function portfolioDashboardView(
  dashboard: PortfolioDashboard,
  locale: Locale,
): PortfolioDashboardView {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const n = (value: number) => formatNumber(locale, value);
  const stored = (prefix: Parameters<typeof labelKey>[0], value: string) =>
    t(labelKey(prefix, value) ?? "common.unknownValue");

  /** Rows in the order of `order` (known values), then any other stored value, then "none". */
  function bars(
    counts: { value: string | null; vendors: number }[],
    order: readonly string[],
    label: (value: string) => string,
    noneLabel: string,
    filter: (value: string) => Partial<PortfolioQuery> | null,
  ): DashboardBarView[] {
    const byValue = new Map(counts.map((c) => [c.value, c.vendors]));
    const values = [
      ...order,
      ...counts.flatMap((c) => (c.value !== null && !order.includes(c.value) ? [c.value] : [])),
    ];
    const rows: DashboardBarView[] = values.map((value) => {
      const count = byValue.get(value) ?? 0;
      const change = order.includes(value) ? filter(value) : null;
      return {
        key: value,
        label: order.includes(value) ? label(value) : t("common.unknownValue"),
        count,
        value: n(count),
        href: change ? filteredPortfolioPath(change) : null,
      };
    });
    const none = byValue.get(null) ?? 0;
    if (none > 0) {
      const change = filter(NONE);
      rows.push({
        key: NONE,
        label: noneLabel,
        count: none,
        value: n(none),
        href: change ? filteredPortfolioPath(change) : null,
      });
    }
    return rows;
  }

  const tiers = bars(
    dashboard.byTier,
    PORTFOLIO_TIERS.filter((tier) => tier !== NONE),
    (tier) => stored("assessments.tier", tier),
    t("portfolio.tierNone"),
    (tier) => ({ tier: tier as PortfolioQuery["tier"] }),
  );
  // Statuses with no vendor are left out: ten bars, most of them empty, say little.
  const statuses = bars(
    dashboard.byStatus,
    ASSESSMENT_STATUSES,
    (status) => stored("assessments.status", status),
    t("portfolio.noAssessment"),
    (status) => ({ status: status as PortfolioQuery["status"] }),
  ).filter((row) => row.count > 0);
  const residency = bars(
    dashboard.byResidency,
    RESIDENCY_CLASSES,
    (value) => stored("assessments.class_", value),
    t("portfolio.residencyNone"),
    (value) => ({ residency: value as PortfolioQuery["residency"] }),
  );
  const findings = dashboard.findingsBySeverity.map((row) => {
    const known = (SEVERITIES as readonly string[]).includes(row.severity);
    return {
      key: row.severity,
      label: known ? stored("review.severity", row.severity) : t("common.unknownValue"),
      count: row.findings,
      value: n(row.findings),
      vendors: n(row.vendors),
      href: known
        ? filteredPortfolioPath({ severity: row.severity as PortfolioQuery["severity"] })
        : null,
    };
  });
  const openFindings = dashboard.findingsBySeverity.reduce((sum, row) => sum + row.findings, 0);
  const tiles: DashboardTileView[] = [
    {
      id: "vendors",
      label: t("portfolio.tileVendors"),
      value: n(dashboard.vendors),
      href: "/portfolio",
    },
    {
      id: "overdue",
      label: t("portfolio.tileOverdue"),
      value: n(dashboard.overdue),
      href: filteredPortfolioPath({ overdue: true }),
    },
    {
      id: "expiring-30",
      label: t("portfolio.tileExpiring30"),
      value: n(dashboard.certificates.within30),
      href: filteredPortfolioPath({ expiry: "30" }),
    },
    {
      id: "expiring-90",
      label: t("portfolio.tileExpiring90"),
      value: n(dashboard.certificates.within90),
      href: filteredPortfolioPath({ expiry: "90" }),
    },
    {
      id: "expired",
      label: t("portfolio.tileExpired"),
      value: n(dashboard.certificates.expired),
      href: filteredPortfolioPath({ expiry: "expired" }),
    },
    {
      id: "critical-findings",
      label: t("portfolio.tileCriticalFindings"),
      // Vendors, not findings: a tile's number is the number of rows its link lists.
      value: n(
        dashboard.findingsBySeverity.find((row) => row.severity === "CRITICAL")?.vendors ?? 0,
      ),
      href: filteredPortfolioPath({ severity: "CRITICAL" }),
    },
  ];
  return {
    empty: dashboard.vendors === 0,
    tiles,
    tiers,
    statuses,
    residency,
    findings: openFindings > 0 ? findings : [],
    trend: dashboard.scoreTrend.map((point) => ({
      key: point.month,
      label: monthLabel(locale, point.month),
      average: point.average === null ? null : Math.round(point.average * 10) / 10,
      value: point.average === null ? "–" : formatNumber(locale, point.average, 1),
      count: n(point.assessments),
    })),
  };
}
