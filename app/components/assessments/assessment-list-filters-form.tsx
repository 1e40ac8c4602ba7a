import { Form, Link } from "@remix-run/react";
import { Alert } from "~/components/ui/layout";
import {
  CONDITION_DUE_WITHIN_DAYS,
  type AssessmentFilterParam,
  type AssessmentListFilters,
} from "~/modules/assessments/assessment-list-filters";
import { ASSESSMENT_STATUSES } from "~/modules/assessments/assessment-status";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/** What an ignored parameter is called on the page (never its name in the address). */
const FILTER_LABEL: Record<AssessmentFilterParam, MessageKey> = {
  status: "assessments.filterStatus",
  overdue: "assessments.filterOverdue",
  clarifications: "assessments.filterClarificationsAnswered",
  conditions: "assessments.filterConditionsDue",
};
const FILTER_LABEL_PARAMS = { days: CONDITION_DUE_WITHIN_DAYS };

/**
 * The assessment list's filters as a GET form (works without JavaScript): the status and the work
 * filters the home page's counts link to; parameters the page did not understand are named.
 */
export function AssessmentListFiltersForm({
  filters,
  ignored,
  filtered,
}: {
  filters: AssessmentListFilters;
  ignored: AssessmentFilterParam[];
  filtered: boolean;
}) {
  const { t } = useT();
  return (
    <>
      {ignored.length > 0 ? (
        <div className="mb-4">
          <Alert tone="warning">
            {t("assessments.filtersIgnored", {
              names: ignored.map((name) => t(FILTER_LABEL[name], FILTER_LABEL_PARAMS)).join("; "),
            })}
          </Alert>
        </div>
      ) : null}
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-2">
        <label className="text-sm">
          <span className="mb-1 block font-medium">{t("assessments.filterStatus")}</span>
          <select
            name="status"
            defaultValue={filters.status ?? ""}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="">{t("assessments.allStatuses")}</option>
            {ASSESSMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`assessments.status${s}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="text-sm">
          <legend className="mb-1 font-medium">{t("assessments.filterWork")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1 py-2">
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="overdue"
                value="1"
                defaultChecked={filters.overdue}
                className="h-4 w-4"
              />
              {t("assessments.filterOverdue")}
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="clarifications"
                value="answered"
                defaultChecked={filters.clarificationsAnswered}
                className="h-4 w-4"
              />
              {t("assessments.filterClarificationsAnswered")}
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="conditions"
                value="due"
                defaultChecked={filters.conditionsDue}
                className="h-4 w-4"
              />
              {t("assessments.filterConditionsDue", { days: CONDITION_DUE_WITHIN_DAYS })}
            </label>
          </div>
        </fieldset>
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          {t("assessments.filter")}
        </button>
        {filtered ? (
          <Link to="/assessments" className="px-1 py-2 text-sm text-slate-700 underline">
            {t("assessments.showAll")}
          </Link>
        ) : null}
      </Form>
    </>
  );
}
