import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Alert, PageHeader } from "~/components/ui/layout";
import { StatusBadge, TierBadge } from "~/components/assessment-badges";
import { requireUser } from "~/modules/auth/guards.server";
import { can } from "~/utils/permissions";
import { ASSESSMENT_STATUSES } from "~/modules/assessments/assessment-status";
import {
  assessmentListParams,
  CONDITION_DUE_WITHIN_DAYS,
  parseAssessmentListFilters,
  type AssessmentFilterParam,
} from "~/modules/assessments/assessment-list-filters";
import type { MessageKey } from "~/utils/i18n";
import { listAssessments } from "~/modules/assessments/list-assessments.server";
import { runUseCase } from "~/utils/http.server";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";
import { ScrollRegion } from "~/components/ui/scroll-region";

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "assessments.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const url = new URL(request.url);
  // Work filters (the home page's counts link here): an unknown value is named and ignored.
  const { filters, ignored } = parseAssessmentListFilters(url.searchParams);
  const page = Number(url.searchParams.get("page") ?? "1") || 1;
  const list = await runUseCase(() => listAssessments(actor, { filters, page }));
  return {
    ...list,
    filters,
    ignored,
    query: assessmentListParams(filters).toString(),
    canCreate: can(actor.role, "assessment:edit"),
  };
}

/** What an ignored parameter is called on the page (never its name in the address). */
const FILTER_LABEL: Record<AssessmentFilterParam, MessageKey> = {
  status: "assessments.filterStatus",
  overdue: "assessments.filterOverdue",
  clarifications: "assessments.filterClarificationsAnswered",
  conditions: "assessments.filterConditionsDue",
};
const FILTER_LABEL_PARAMS = { days: CONDITION_DUE_WITHIN_DAYS };

export default function AssessmentsPage() {
  const { items, page, pageCount, filters, ignored, query, canCreate } =
    useLoaderData<typeof loader>();
  const { t, date, number } = useT();
  const filtered = query !== "";
  const pageLink = (to: number) => `?${query ? `${query}&` : ""}page=${to}`;
  return (
    <div>
      <PageHeader
        title={t("assessments.title")}
        actions={
          canCreate ? (
            <Link
              to="/assessments/new"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("assessments.newAssessment")}
            </Link>
          ) : null
        }
      />
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
      {items.length === 0 ? (
        <p className="text-slate-600">
          {t(filtered ? "assessments.emptyFiltered" : "assessments.empty")}
        </p>
      ) : (
        <ScrollRegion
          label={t("assessments.title")}
          className="rounded-lg border border-slate-200 bg-white"
        >
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("assessments.assessmentTitle")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("assessments.vendor")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("assessments.status")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("assessments.score")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("assessments.tier")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("assessments.dueDate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className="border-t border-slate-100" data-testid="assessment-row">
                  <td className="px-3 py-2">
                    <Link to={`/assessments/${a.id}`} className="text-brand-700 underline">
                      {a.title}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {a.vendor.name}
                    {a.product ? ` · ${a.product.name}` : ""}
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={a.status} />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{number(a.overallScore, 1)}</td>
                  <td className="px-3 py-2">
                    <TierBadge tier={a.riskTier} knockOuts={a.knockOutCount} />
                  </td>
                  <td className="px-3 py-2">{date(a.dueDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {pageCount > 1 ? (
        <nav
          aria-label={t("common.navPagination")}
          className="mt-4 flex items-center gap-3 text-sm"
        >
          {page > 1 ? (
            <Link to={pageLink(page - 1)} className="underline">
              {t("assessments.previous")}
            </Link>
          ) : null}
          <span>{t("assessments.page", { page, pageCount })}</span>
          {page < pageCount ? (
            <Link to={pageLink(page + 1)} className="underline">
              {t("assessments.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
