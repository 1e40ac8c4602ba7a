import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui/layout";
import { StatusBadge, TierBadge } from "~/components/assessment-badges";
import { requireUser } from "~/modules/auth/guards.server";
import { can } from "~/utils/permissions";
import {
  assessmentListParams,
  parseAssessmentListFilters,
} from "~/modules/assessments/assessment-list-filters";
import { AssessmentListFiltersForm } from "~/components/assessments/assessment-list-filters-form";
import { listAssessments } from "~/modules/assessments/list-assessments.server";
import { runUseCase } from "~/utils/http.server";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { formatScore } from "~/utils/score-format";
import type { ShellHandle } from "~/components/app-shell";

/** A table page: it uses the full width beside the navigation. */
export const handle: ShellHandle = { layout: "wide" };

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

export default function AssessmentsPage() {
  const { items, page, pageCount, filters, ignored, query, canCreate } =
    useLoaderData<typeof loader>();
  const { t, date, locale } = useT();
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
      <AssessmentListFiltersForm filters={filters} ignored={ignored} filtered={filtered} />
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
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatScore(locale, a.overallScore)}
                  </td>
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
