import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requireRole } from "~/modules/auth/guards.server";
import { deleteVendor } from "~/modules/vendors/delete-vendor.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { VENDOR_WRITE_ROLES } from "~/modules/vendors/vendor-access";
import { isConfirmed, readFormData } from "~/modules/vendors/vendor-forms.server";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "vendors.deleteVendorTitle", { name: loaderData?.vendor.name ?? "" })} · Vetted` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, context, VENDOR_WRITE_ROLES);
  const vendor = await runUseCase(() => getVendor({ actor, input: { vendorId: params.vendorId ?? "" } }));
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
  const actor = await requireRole(request, context, VENDOR_WRITE_ROLES);
  const form = await readFormData(request);
  if (!isConfirmed(form)) return data({ confirmError: "vendors.errorConfirm" as const }, { status: 400 });
  await runUseCase(() => deleteVendor({ actor, input: { vendorId: params.vendorId ?? "" } }));
  return redirect("/vendors?notice=deleted");
}

export default function DeleteVendorPage() {
  const { vendor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, number } = useT();
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link to={`/vendors/${vendor.id}`} className="text-slate-700 underline">
          {t("vendors.backToVendor", { name: vendor.name })}
        </Link>
      </p>
      <PageHeader title={t("vendors.deleteVendorTitle", { name: vendor.name })} />
      <Card>
        {vendor.assessmentCount > 0 ? (
          <Alert tone="warning">{t("vendors.deleteBlockedByAssessments")}</Alert>
        ) : (
          <Form method="post" className="space-y-4">
            <Alert tone="warning">{t("vendors.deleteVendorWarning", { count: number(vendor.productCount) })}</Alert>
            <div>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="confirm"
                  value="yes"
                  required
                  className="h-4 w-4"
                  aria-invalid={actionData?.confirmError ? true : undefined}
                  aria-describedby={actionData?.confirmError ? "delete-confirm-error" : undefined}
                />
                {t("vendors.deleteVendorConfirm")}
              </label>
              {actionData?.confirmError ? (
                <p id="delete-confirm-error" className="mt-1 text-sm text-red-700">
                  {t(actionData.confirmError)}
                </p>
              ) : null}
            </div>
            <div className="flex items-center gap-3">
              <Button type="submit" variant="danger">
                {t("vendors.deleteVendorButton")}
              </Button>
              <Link to={`/vendors/${vendor.id}`} className="text-sm text-slate-700 underline">
                {t("vendors.cancel")}
              </Link>
            </div>
          </Form>
        )}
      </Card>
    </div>
  );
}
