import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { StatusBadge } from "~/components/assessment-badges";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { ConfirmActionForm } from "~/components/vendors/confirm-action-form";
import { requirePermission, requireUser } from "~/modules/auth/guards.server";
import { can } from "~/utils/permissions";
import { archiveVendor, unarchiveVendor } from "~/modules/vendors/archive-vendor.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { isConfirmed, readFormData, readIntent } from "~/modules/vendors/vendor-forms.server";
import { portfolioTagHref } from "~/modules/vendors/vendor-tags";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale, type MessageKey, labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { countryName, isEuEea } from "~/reference-data/countries";
import { dataCategoryLabel } from "~/reference-data/data-categories";
import { pageTitle } from "~/utils/page-title";
import { ScrollRegion } from "~/components/ui/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [pageTitle(loaderData?.vendor.name, translate(locale, "vendors.title"))];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const vendor = await runUseCase(() => getVendor({ actor, input: { vendorId: params.vendorId ?? "" } }));
  return { vendor, canWrite: can(actor.role, "vendor:edit") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  const vendorId = params.vendorId ?? "";
  const form = await readFormData(request);
  const intent = readIntent(form, ["archive", "unarchive"] as const);
  if (intent === "archive") {
    if (!isConfirmed(form)) return data({ confirmError: "vendors.errorConfirm" as const }, { status: 400 });
    await runUseCase(() => archiveVendor({ actor, input: { vendorId } }));
    return redirect(`/vendors/${vendorId}?notice=archived`);
  }
  if (intent === "unarchive") {
    await runUseCase(() => unarchiveVendor({ actor, input: { vendorId } }));
    return redirect(`/vendors/${vendorId}?notice=unarchived`);
  }
  throw new Response("Unknown action", { status: 400 });
}

const NOTICES: Record<string, MessageKey> = {
  created: "vendors.noticeCreated",
  updated: "vendors.noticeUpdated",
  unchanged: "vendors.noticeUnchanged",
  archived: "vendors.noticeArchived",
  unarchived: "vendors.noticeUnarchived",
  productCreated: "vendors.noticeProductCreated",
  productUpdated: "vendors.noticeProductUpdated",
  productDeleted: "vendors.noticeProductDeleted",
};

const linkButton = "rounded-md px-4 py-2 text-sm font-medium";

export default function VendorPage() {
  const { vendor, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, locale, date, number } = useT();
  const notice = NOTICES[params.get("notice") ?? ""];
  const archived = Boolean(vendor.archivedAt);
  const editable = canWrite && !archived;
  const websiteIsLink = vendor.website ? /^https?:\/\//i.test(vendor.website) : false;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/vendors" className="text-slate-700 underline">
          {t("vendors.backToList")}
        </Link>
      </p>
      <PageHeader
        title={
          <>
            {vendor.name}
            {archived ? (
              <span className="ml-3 rounded bg-slate-200 px-2 py-0.5 align-middle text-sm font-medium text-slate-700">
                {t("vendors.archivedBadge")}
              </span>
            ) : null}
          </>
        }
        actions={
          editable ? (
            <>
              <Link to={`/vendors/${vendor.id}/edit`} className={`${linkButton} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}>
                {t("vendors.editVendor")}
              </Link>
              <Link
                to={`/assessments/new?vendorId=${encodeURIComponent(vendor.id)}`}
                className={`${linkButton} bg-brand-600 text-white hover:bg-brand-700`}
              >
                {t("vendors.startAssessment")}
              </Link>
            </>
          ) : null
        }
      />

      {notice ? <Alert tone="success">{t(notice)}</Alert> : null}
      {archived ? <Alert tone="warning">{t("vendors.archivedNotice")}</Alert> : null}
      <p className="text-sm">
        <Link to={`/vendors/${vendor.id}/history`} className="text-brand-700 underline">
          {t("compare.history")}
        </Link>
      </p>

      <Card title={t("vendors.details")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-slate-600">{t("vendors.website")}</dt>
          <dd>
            {vendor.website ? (
              websiteIsLink ? (
                <a href={vendor.website} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
                  {vendor.website}
                </a>
              ) : (
                vendor.website
              )
            ) : (
              <span className="text-slate-500">{t("vendors.notSpecified")}</span>
            )}
          </dd>
          <dt className="font-medium text-slate-600">{t("vendors.country")}</dt>
          <dd>
            {vendor.country ? (
              <CountryName code={vendor.country} />
            ) : (
              <span className="text-slate-500">{t("vendors.notSpecified")}</span>
            )}
          </dd>
          <dt className="font-medium text-slate-600">{t("vendors.criticality")}</dt>
          <dd>{t(labelKey("vendors.criticality", vendor.criticality) ?? "common.unknownValue")}</dd>
          <dt className="font-medium text-slate-600">{t("vendors.description")}</dt>
          <dd className="whitespace-pre-wrap">
            {vendor.description ?? <span className="text-slate-500">{t("vendors.notSpecified")}</span>}
          </dd>
          <dt className="font-medium text-slate-600">{t("vendors.tags")}</dt>
          <dd>
            {vendor.tags.length === 0 ? (
              <span className="text-slate-500">{t("vendors.notSpecified")}</span>
            ) : (
              <ul className="flex flex-wrap gap-2" data-testid="vendor-tags">
                {vendor.tags.map((tag, index) => (
                  <li key={`${index}:${tag}`}>
                    <Link
                      to={portfolioTagHref(tag)}
                      title={t("vendors.tagLinkTitle", { tag })}
                      className="rounded bg-slate-100 px-2 py-0.5 text-brand-700 underline-offset-2 hover:underline"
                    >
                      {`#${tag}`}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt className="font-medium text-slate-600">{t("vendors.createdAt")}</dt>
          <dd>{date(vendor.createdAt, true)}</dd>
          <dt className="font-medium text-slate-600">{t("vendors.updatedAt")}</dt>
          <dd>{date(vendor.updatedAt, true)}</dd>
        </dl>
      </Card>

      <section id="products" aria-labelledby="products-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="products-heading" className="text-lg font-semibold text-slate-900">
            {t("vendors.productsTitle")}
          </h2>
          {editable ? (
            <Link to={`/vendors/${vendor.id}/products/new`} className={`${linkButton} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`}>
              {t("vendors.addProduct")}
            </Link>
          ) : null}
        </div>
        {vendor.products.length === 0 ? (
          <p className="text-sm text-slate-600">{t("vendors.noProducts")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {vendor.products.map((product) => (
              <li key={product.id} className="py-4 first:pt-0 last:pb-0" data-testid="product-item">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h3 className="font-semibold text-slate-900">
                    {product.name}
                    {product.assessmentCount > 0 ? (
                      <span className="ml-2 text-xs font-normal text-slate-600">
                        {t("vendors.productUsedByAssessments", { count: number(product.assessmentCount) })}
                      </span>
                    ) : null}
                  </h3>
                  {editable ? (
                    <Link to={`/vendors/${vendor.id}/products/${product.id}/edit`} className="text-sm text-brand-700 underline">
                      {t("vendors.editProduct")}
                      <span className="sr-only">: {product.name}</span>
                    </Link>
                  ) : null}
                </div>
                {product.description ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{product.description}</p> : null}
                <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
                  <dt className="font-medium text-slate-600">{t("vendors.foundationModel")}</dt>
                  <dd>{product.foundationModel ?? <span className="text-slate-500">{t("vendors.notSpecified")}</span>}</dd>
                  <dt className="font-medium text-slate-600">{t("vendors.hostingRegions")}</dt>
                  <dd>
                    {product.hostingRegions.length === 0 ? (
                      <span className="text-slate-500">{t("vendors.notSpecified")}</span>
                    ) : (
                      <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="hosting-regions">
                        {product.hostingRegions.map((code) => (
                          <li key={code}>
                            <CountryName code={code} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                  <dt className="font-medium text-slate-600">{t("vendors.dataCategories")}</dt>
                  <dd>
                    {product.dataCategories.length === 0 ? (
                      <span className="text-slate-500">{t("vendors.notSpecified")}</span>
                    ) : (
                      product.dataCategories.map((key) => dataCategoryLabel(key, locale)).join(" · ")
                    )}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Card title={t("vendors.assessmentsTitle")}>
        {vendor.assessments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("vendors.noAssessments")}</p>
        ) : (
          <ScrollRegion label={t("vendors.assessmentsTitle")}>
            <table className="min-w-full text-sm">
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("vendors.columnTitle")}</th>
                  <th scope="col" className="py-2 pr-3">{t("vendors.columnProduct")}</th>
                  <th scope="col" className="py-2 pr-3">{t("vendors.columnStatus")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("vendors.columnScore")}</th>
                  <th scope="col" className="py-2">{t("vendors.columnDueDate")}</th>
                </tr>
              </thead>
              <tbody>
                {vendor.assessments.map((assessment) => (
                  <tr key={assessment.id} className="border-t border-slate-100" data-testid="vendor-assessment-row">
                    <td className="py-2 pr-3">
                      <Link to={`/assessments/${assessment.id}`} className="text-brand-700 underline">
                        {assessment.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{assessment.product?.name ?? t("vendors.wholeVendor")}</td>
                    <td className="py-2 pr-3">
                      <StatusBadge status={assessment.status} />
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{number(assessment.overallScore)}</td>
                    <td className="py-2">{date(assessment.dueDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>

      {canWrite ? (
        <Card title={t("vendors.manageTitle")}>
          {archived ? (
            <Form method="post" className="space-y-3">
              <p className="text-sm text-slate-700">{t("vendors.unarchiveExplanation")}</p>
              <input type="hidden" name="intent" value="unarchive" />
              <Button type="submit" variant="secondary">
                {t("vendors.unarchiveButton")}
              </Button>
            </Form>
          ) : (
            <ConfirmActionForm
              intent="archive"
              intro={<p className="text-sm text-slate-700">{t("vendors.archiveExplanation")}</p>}
              confirmLabel={t("vendors.archiveConfirm")}
              confirmError={actionData?.confirmError}
              errorId="archive-confirm-error"
            >
              <Button type="submit" variant="secondary">
                {t("vendors.archiveButton")}
              </Button>
            </ConfirmActionForm>
          )}
          <div className="mt-6 border-t border-slate-100 pt-4 text-sm">
            {vendor.assessments.length > 0 ? (
              <p className="text-slate-700">{t("vendors.deleteBlockedByAssessments")}</p>
            ) : (
              <Link to={`/vendors/${vendor.id}/delete`} className="font-medium text-red-700 underline">
                {t("vendors.deleteVendorLink")}
              </Link>
            )}
          </div>
        </Card>
      ) : null}
    </div>
  );
}

function CountryName({ code }: { code: string }) {
  const { t, locale } = useT();
  const inside = isEuEea(code);
  return (
    <span>
      {countryName(code, locale)}
      {inside ? (
        <span
          className="ml-1.5 rounded bg-blue-100 px-1.5 py-0.5 text-xs font-medium text-blue-900"
          title={t("vendors.euEeaBadgeTitle")}
          data-testid="eu-eea-badge"
        >
          {t("vendors.euEeaBadge")}
        </span>
      ) : null}
    </span>
  );
}
