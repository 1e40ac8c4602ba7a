import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { ASSESSMENT_STATUSES } from "~/modules/assessments/assessment-status";
import {
  EXPIRY_WINDOWS,
  NONE,
  PORTFOLIO_SORTS,
  PORTFOLIO_TIERS,
  RESIDENCY_CLASSES,
  SEVERITIES,
  TAG_MAX,
  portfolioParams,
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
    query.expiry ||
    query.severity ||
    query.tag,
  );
  return (
    <Form
      // Keyed by the view: a link that changes the filters (a dashboard tile, a sort header)
      // re-renders this page without remounting it, and a select shows its defaultValue only
      // when mounted: the form would show, and submit, the filters of the previous view.
      key={portfolioParams(query).toString()}
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
          { value: NONE, label: t("portfolio.noAssessment") },
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
          { value: NONE, label: t("portfolio.residencyNone") },
        ]}
      />
      <SelectField
        label={t("portfolio.filterExpiry")}
        name="expiry"
        defaultValue={query.expiry ?? ""}
        options={[
          { value: "", label: t("portfolio.any") },
          ...EXPIRY_WINDOWS.map((w) => ({
            value: w,
            label: t(labelKey("portfolio.expiry", w) ?? "common.unknownValue"),
          })),
        ]}
      />
      <SelectField
        label={t("portfolio.filterSeverity")}
        name="severity"
        defaultValue={query.severity ?? ""}
        options={[
          { value: "", label: t("portfolio.any") },
          ...SEVERITIES.map((s) => ({
            value: s,
            label: t(labelKey("review.severity", s) ?? "common.unknownValue"),
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
