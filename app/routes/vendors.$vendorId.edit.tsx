import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { BackToVendorLink } from "~/components/vendors/back-to-vendor-link";
import { ConflictNotice } from "~/components/vendors/conflict-notice";
import { FormActions } from "~/components/vendors/form-actions";
import { VendorFormFields } from "~/components/vendors/vendor-form-fields";
import type { UserActor } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/guards.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { updateVendor } from "~/modules/vendors/update-vendor.server";
import { isConflict, readFormData } from "~/modules/vendors/vendor-forms.server";
import {
  formFieldErrors,
  readVendorForm,
  readVersion,
  VENDOR_FIELDS,
  vendorFormValuesOf,
  type VendorFormValues,
} from "~/modules/vendors/vendor-fields";
import { vendorFieldsSchema } from "~/modules/vendors/vendor-schemas";
import { formatTags, splitTags } from "~/modules/vendors/vendor-tags";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale, type MessageKey, labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { countryName } from "~/reference-data/countries";

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
  const navigation = useNavigation();
  const { t, locale } = useT();
  const values = actionData?.values ?? vendor.values;
  const version = actionData?.version ?? vendor.version;
  const errors: Partial<Record<string, MessageKey>> = actionData?.errors ?? {};
  const current = actionData?.current ?? null;

  const display = (field: keyof VendorFormValues, value: string) => {
    if (!value) return t("vendors.emptyValue");
    if (field === "country") return countryName(value, locale);
    if (field === "criticality")
      return t(labelKey("vendors.criticality", value) ?? "common.unknownValue");
    return value;
  };
  // Compared as saved: "llm,strategic " and "llm, strategic" are the same tags.
  const comparable = (field: keyof VendorFormValues, value: string) =>
    field === "tags" ? formatTags(splitTags(value)) : value.trim();
  const differing = current
    ? VENDOR_FIELDS.filter(
        (field) => comparable(field, current[field]) !== comparable(field, values[field]),
      )
    : [];

  return (
    <div className="max-w-2xl space-y-4">
      <BackToVendorLink vendor={vendor} />
      <PageHeader title={t("vendors.editVendorTitle", { name: vendor.name })} />

      {vendor.archived || actionData?.archived ? (
        <Alert tone="warning">{t("vendors.archivedReadOnly")}</Alert>
      ) : (
        <>
          {current ? (
            <ConflictNotice
              rows={differing.map((field) => ({
                field,
                label: t(labelKey("vendors.", field) ?? "common.unknownValue"),
                current: display(field, current[field]),
                yours: display(field, values[field]),
              }))}
            />
          ) : null}
          <Card>
            {actionData && Object.keys(errors).length > 0 ? (
              <Alert tone="error">{t("common.formErrors")}</Alert>
            ) : null}
            <Form method="post" className="mt-3 space-y-4">
              <input type="hidden" name="version" value={version} />
              <VendorFormFields values={values} errors={errors} />
              <FormActions
                submitLabel={t("vendors.saveChanges")}
                cancelTo={`/vendors/${vendor.id}`}
                pending={navigation.state === "submitting"}
              />
            </Form>
          </Card>
        </>
      )}
    </div>
  );
}
