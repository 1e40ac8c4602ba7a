import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Alert, PageHeader } from "~/components/ui/layout";
import { BackToVendorLink } from "~/components/vendors/back-to-vendor-link";
import { VendorEditForm } from "~/components/vendors/vendor-edit-form";
import type { UserActor } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/guards.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { updateVendor } from "~/modules/vendors/update-vendor.server";
import { isConflict, readFormData } from "~/modules/vendors/vendor-forms.server";
import {
  formFieldErrors,
  readVendorForm,
  readVersion,
  vendorFormValuesOf,
} from "~/modules/vendors/vendor-fields";
import { vendorFieldsSchema } from "~/modules/vendors/vendor-schemas";
import { runUseCase } from "~/utils/http.server";
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

async function loadVendor(actor: UserActor, vendorId: string) {
  const vendor = await runUseCase(() => getVendor({ actor, input: { vendorId } }));
  return {
    id: vendor.id,
    name: vendor.name,
    version: vendor.version,
    archived: Boolean(vendor.archivedAt),
    values: vendorFormValuesOf(vendor),
  };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  return { vendor: await loadVendor(actor, params.vendorId ?? "") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
  const vendorId = params.vendorId ?? "";
  const form = await readFormData(request);
  const values = readVendorForm(form);
  const version = readVersion(form);
  if (version === null) throw new Response("The form is missing its version", { status: 400 });
  const parsed = vendorFieldsSchema.safeParse(values);
  if (!parsed.success) {
    // Keep the version the user loaded: a newer one would let the next save overwrite unseen changes.
    return data(
      {
        values,
        version,
        errors: formFieldErrors(parsed.error.issues),
        current: null,
        archived: false,
      },
      { status: 400 },
    );
  }
  const result = await runUseCase(() =>
    updateVendor({ actor, input: { vendorId, version, ...parsed.data } }).catch(
      (error: unknown) => {
        if (isConflict(error)) return null;
        throw error;
      },
    ),
  );
  if (result)
    return redirect(
      `/vendors/${vendorId}?notice=${result.changed.length ? "updated" : "unchanged"}`,
    );
  // Someone else saved first: show their values next to ours; the form now carries the current
  // version, so saving again is a deliberate choice made after seeing the difference.
  const current = await loadVendor(actor, vendorId);
  return data(
    {
      values,
      version: current.version,
      errors: {},
      current: current.values,
      archived: current.archived,
    },
    { status: 409 },
  );
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
