import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { BackToVendorLink } from "~/components/vendors/back-to-vendor-link";
import { ConfirmActionForm } from "~/components/vendors/confirm-action-form";
import { FormActions } from "~/components/vendors/form-actions";
import { requirePermission } from "~/modules/auth/guards.server";
import { deleteVendor } from "~/modules/vendors/delete-vendor.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { isConfirmed, readFormData } from "~/modules/vendors/vendor-forms.server";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale =
    (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [
    {
      title: `${translate(locale, "vendors.deleteVendorTitle", { name: loaderData?.vendor.name ?? "" })} · Vetted`,
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  const vendor = await runUseCase(() =>
    getVendor({ actor, input: { vendorId: params.vendorId ?? "" } }),
  );
  return {
    vendor: {
      id: vendor.id,
      name: vendor.name,
      productCount: vendor.products.length,
      assessmentCount: vendor.assessments.length,
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  const form = await readFormData(request);
  if (!isConfirmed(form))
    return data({ confirmError: "vendors.errorConfirm" as const }, { status: 400 });
  await runUseCase(() => deleteVendor({ actor, input: { vendorId: params.vendorId ?? "" } }));
  return redirect("/vendors?notice=deleted");
}

export default function DeleteVendorPage() {
  const { vendor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, number } = useT();
  return (
    <div className="max-w-2xl space-y-4">
      <BackToVendorLink vendor={vendor} />
      <PageHeader title={t("vendors.deleteVendorTitle", { name: vendor.name })} />
      <Card>
        {vendor.assessmentCount > 0 ? (
          <Alert tone="warning">{t("vendors.deleteBlockedByAssessments")}</Alert>
        ) : (
          <ConfirmActionForm
            className="space-y-4"
            intro={
              <Alert tone="warning">
                {t("vendors.deleteVendorWarning", { count: number(vendor.productCount) })}
              </Alert>
            }
            confirmLabel={t("vendors.deleteVendorConfirm")}
            confirmError={actionData?.confirmError}
            errorId="delete-confirm-error"
          >
            <FormActions
              submitLabel={t("vendors.deleteVendorButton")}
              cancelTo={`/vendors/${vendor.id}`}
              variant="danger"
            />
          </ConfirmActionForm>
        )}
      </Card>
    </div>
  );
}
