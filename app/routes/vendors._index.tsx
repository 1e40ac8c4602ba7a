import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { StatusBadge } from "~/components/assessment-badges";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, PageHeader } from "~/components/ui/layout";
import { requireUser } from "~/modules/auth/guards.server";
import { can } from "~/utils/permissions";
import { listVendors } from "~/modules/vendors/list-vendors.server";
import { CRITICALITIES, SEARCH_MAX } from "~/modules/vendors/vendor-fields";
import { countryName } from "~/reference-data/countries";
import { translate, type Locale, labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ScrollRegion } from "~/components/ui/scroll-region";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "vendors.title")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const params = new URL(request.url).searchParams;
  const list = await listVendors({
    actor,
    input: {
      q: params.get("q"),
      criticality: params.get("criticality"),
      includeArchived: params.get("archived") === "1",
      page: params.get("page"),
    },
  });
  return { ...list, canWrite: can(actor.role, "vendor:edit") };
}

export default function VendorsPage() {
  const { items, total, page, pageCount, query, canWrite } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, locale, number } = useT();
  const filtered = Boolean(query.q || query.criticality || query.includeArchived);

  const pageLink = (target: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(target));
    return `?${next.toString()}`;
  };

  return (
    <div>
      <PageHeader
        title={t("vendors.title")}
        actions={
          canWrite ? (
            <Link
              to="/vendors/new"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("vendors.newVendor")}
            </Link>
          ) : null
        }
      >
        {t("vendors.intro")}
      </PageHeader>

      {params.get("notice") === "deleted" ? (
        <div className="mb-4">
          <Alert tone="success">{t("vendors.noticeVendorDeleted")}</Alert>
        </div>
      ) : null}

      <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-56 flex-1">
          <TextField label={t("vendors.searchLabel")} name="q" type="search" defaultValue={query.q} maxLength={SEARCH_MAX} />
        </div>
        <div className="w-48">
          <SelectField
            label={t("vendors.filterCriticality")}
            name="criticality"
            defaultValue={query.criticality ?? ""}
            options={[
              { value: "", label: t("vendors.allCriticalities") },
              ...CRITICALITIES.map((c) => ({ value: c, label: t(labelKey("vendors.criticality", c) ?? "common.unknownValue") })),
            ]}
          />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="archived" value="1" defaultChecked={query.includeArchived} className="h-4 w-4" />
          {t("vendors.includeArchived")}
        </label>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            {t("vendors.applyFilters")}
          </Button>
          {filtered ? (
            <Link to="/vendors" className="rounded-md px-3 py-2 text-sm text-slate-700 underline">
              {t("vendors.resetFilters")}
            </Link>
          ) : null}
        </div>
      </Form>

      {items.length === 0 ? (
        <p className="text-slate-600">
          {filtered ? t("vendors.noMatches") : canWrite ? t("vendors.emptyListWriter") : t("vendors.emptyList")}
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {t("vendors.resultCount", { count: number(total) })}
          </p>
          <ScrollRegion label={t("vendors.title")} className="rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("vendors.columnName")}</th>
                  <th scope="col" className="px-3 py-2">{t("vendors.columnCountry")}</th>
                  <th scope="col" className="px-3 py-2">{t("vendors.columnCriticality")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("vendors.columnProducts")}</th>
                  <th scope="col" className="px-3 py-2">{t("vendors.columnLatestAssessment")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("vendors.columnScore")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((vendor) => (
                  <tr key={vendor.id} data-testid="vendor-row" className="border-t border-slate-100">
                    <td className="px-3 py-2">
                      <Link to={`/vendors/${vendor.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                        {vendor.name}
                      </Link>
                      {vendor.archivedAt ? (
                        <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">
                          {t("vendors.archivedBadge")}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">{vendor.country ? countryName(vendor.country, locale) : "–"}</td>
                    <td className="px-3 py-2">{t(labelKey("vendors.criticality", vendor.criticality) ?? "common.unknownValue")}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{number(vendor.productCount)}</td>
                    <td className="px-3 py-2">
                      {vendor.latestAssessment ? (
                        <Link to={`/assessments/${vendor.latestAssessment.id}`}>
                          <StatusBadge status={vendor.latestAssessment.status} />
                        </Link>
                      ) : (
                        <span className="text-slate-500">{t("vendors.noAssessmentYet")}</span>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{number(vendor.latestAssessment?.overallScore)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {pageCount > 1 ? (
            <nav aria-label={t("vendors.pagination")} className="mt-4 flex items-center gap-4 text-sm">
              {page > 1 ? (
                <Link to={pageLink(page - 1)} rel="prev" className="underline">
                  {t("vendors.previousPage")}
                </Link>
              ) : null}
              <span aria-current="page">{t("vendors.pageOf", { page, pageCount })}</span>
              {page < pageCount ? (
                <Link to={pageLink(page + 1)} rel="next" className="underline">
                  {t("vendors.nextPage")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
