// One vendor (ADR 0023: guard → parse → use case → view model). Data from getVendor, the
// archive/unarchive forms through runVendorPageAction (app/modules/vendors), the markup is
// VendorPage (app/components/vendors).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ResidencyReratingsTable } from "~/components/regulations/residency-reratings-table";
import { Card } from "~/components/ui/layout";
import { VendorPage } from "~/components/vendors/vendor-page";
import { requirePermission, requireUser } from "~/modules/auth/guards.server";
import { listResidencyReratings } from "~/modules/regulations/list-residency-reratings.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { runVendorPageAction } from "~/modules/vendors/run-vendor-page-action.server";
import { readFormData } from "~/modules/vendors/vendor-forms.server";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale } from "~/utils/i18n";
import { pageTitle } from "~/utils/page-title";
import { can } from "~/utils/permissions";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale =
    (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [pageTitle(loaderData?.vendor.name, translate(locale, "vendors.title"))];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request, context);
  const vendor = await runUseCase(() =>
    getVendor({ actor, input: { vendorId: params.vendorId ?? "" } }),
  );
  // Residency re-ratings after regulation changes (ADR 0034): getVendor found the vendor in the
  // actor's organisation, and the list is scoped to it as well.
  const reratings = await listResidencyReratings(actor.organizationId, { vendorId: vendor.id });
  return { vendor, canWrite: can(actor.role, "vendor:edit"), reratings };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  const form = await readFormData(request);
  const result = await runVendorPageAction(actor, { vendorId: params.vendorId ?? "", form });
  if (result.kind === "redirect") return redirect(result.to);
  return data({ confirmError: result.confirmError }, { status: 400 });
}

export default function VendorRoute() {
  const { vendor, canWrite, reratings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useT();
  return (
    <>
      <VendorPage
        vendor={vendor}
        canWrite={canWrite}
        notice={params.get("notice")}
        confirmError={actionData?.confirmError}
      />
      {reratings.length > 0 ? (
        <Card className="mt-4" title={t("impact.vendorReratingsTitle")}>
          <p className="mb-2 text-sm text-slate-600">{t("impact.reratingsIntro")}</p>
          <ResidencyReratingsTable rows={reratings} show="change" />
        </Card>
      ) : null}
    </>
  );
}
