import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { ASSESSMENT_STATUSES } from "~/modules/assessments/assessment-status";
import { CERTIFICATE_EXPIRY_WINDOWS_DAYS } from "~/modules/portfolio/certificate-expiry";
import {
  PORTFOLIO_SORTS,
  PORTFOLIO_TIERS,
  RESIDENCY_CLASSES,
  TAG_MAX,
  type PortfolioQuery,
} from "~/modules/portfolio/portfolio-query";
import { CRITICALITIES, SEARCH_MAX } from "~/modules/vendors/vendor-fields";
import { labelKey, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

const SORT_LABEL: Record<(typeof PORTFOLIO_SORTS)[number], MessageKey> = {
  name: "portfolio.sortName",
  score: "portfolio.sortScore",
  tier: "portfolio.sortTier",
  due: "portfolio.sortDue",
  transparency: "portfolio.sortTransparency",
};

/** The portfolio's filter and sort form: a plain GET form, so it works without JavaScript. */
export function PortfolioFilters({ query }: { query: PortfolioQuery }) {
  const { t } = useT();
  const filtered = Boolean(
    query.q ||
    query.tier ||
    query.status ||
    query.criticality ||
    query.residency ||
    query.overdue ||
    query.expiring ||
    query.tag,
  );
  return (
    <Form
      method="get"
      role="search"
      className="mb-4 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <TextField
        label={t("portfolio.searchLabel")}
        name="q"
        type="search"
        defaultValue={query.q}
        maxLength={SEARCH_MAX}
      />
      <SelectField
        label={t("portfolio.filterTier")}
        name="tier"
        defaultValue={query.tier ?? ""}
        options={[
          { value: "", label: t("portfolio.any") },
          ...PORTFOLIO_TIERS.map((tier) => ({
            value: tier,
            label:
              tier === "none"
                ? t("portfolio.tierNone")
                : t(labelKey("assessments.tier", tier) ?? "common.unknownValue"),
          })),
        ]}
      />
      <SelectField
        label={t("portfolio.filterStatus")}
        name="status"
        defaultValue={query.status ?? ""}
        options={[
          { value: "", label: t("portfolio.any") },
          ...ASSESSMENT_STATUSES.map((s) => ({
            value: s,
            label: t(labelKey("assessments.status", s) ?? "common.unknownValue"),
          })),
        ]}
      />
      <SelectField
        label={t("portfolio.filterCriticality")}
        name="criticality"
        defaultValue={query.criticality ?? ""}
        options={[
          { value: "", label: t("portfolio.any") },
          ...CRITICALITIES.map((c) => ({
            value: c,
            label: t(labelKey("vendors.criticality", c) ?? "common.unknownValue"),
          })),
        ]}
      />
      <SelectField
        label={t("portfolio.filterResidency")}
        name="residency"
        defaultValue={query.residency ?? ""}
        options={[
          { value: "", label: t("portfolio.any") },
          ...RESIDENCY_CLASSES.map((c) => ({
            value: c,
            label: t(labelKey("assessments.class_", c) ?? "common.unknownValue"),
          })),
        ]}
      />
      <TextField
        label={t("portfolio.filterTag")}
        name="tag"
        defaultValue={query.tag ?? ""}
        maxLength={TAG_MAX}
      />
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
      <SelectField
        label={t("portfolio.filterExpiring")}
        name="expiring"
        defaultValue={query.expiring ? String(query.expiring) : ""}
        options={[
          { value: "", label: t("portfolio.expiringAny") },
          ...CERTIFICATE_EXPIRY_WINDOWS_DAYS.map((days) => ({
            value: String(days),
            label: t("portfolio.expiringWithin", { days }),
          })),
        ]}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="overdue"
          value="1"
          defaultChecked={query.overdue}
          className="h-4 w-4"
        />
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
  );
}
