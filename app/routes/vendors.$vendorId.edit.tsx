import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Alert, PageHeader } from "~/components/ui/layout";
import { BackToVendorLink } from "~/components/vendors/back-to-vendor-link";
import { VendorEditForm } from "~/components/vendors/vendor-edit-form";
import { requirePermission } from "~/modules/auth/guards.server";
import {
  getVendorEditPage,
  runVendorEditAction,
  type VendorEditActionData,
} from "~/modules/vendors/vendor-edit-page.server";
import { readFormData } from "~/modules/vendors/vendor-forms.server";
import { translate, type Locale, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale =
    (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [
    {
      title: `${translate(locale, "vendors.editVendorTitle", { name: loaderData?.vendor.name ?? "" })} · Vetted`,
    },
  ];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  return { vendor: await getVendorEditPage(actor, { vendorId: params.vendorId ?? "" }) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  const result = await runVendorEditAction(actor, {
    vendorId: params.vendorId ?? "",
    form: await readFormData(request),
  });
  if ("redirectTo" in result) return redirect(result.redirectTo);
  return data<VendorEditActionData>(result.body, { status: result.status });
}

export default function EditVendorPage() {
  const { vendor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const errors: Partial<Record<string, MessageKey>> = actionData?.errors ?? {};
  return (
    <div className="max-w-2xl space-y-4">
      <BackToVendorLink vendor={vendor} />
      <PageHeader title={t("vendors.editVendorTitle", { name: vendor.name })} />

      {vendor.archived || actionData?.archived ? (
        <Alert tone="warning">{t("vendors.archivedReadOnly")}</Alert>
      ) : (
        <VendorEditForm
          vendorId={vendor.id}
          values={actionData?.values ?? vendor.values}
          version={actionData?.version ?? vendor.version}
          errors={errors}
          current={actionData?.current ?? null}
          submitted={Boolean(actionData)}
        />
      )}
    </div>
  );
}
