import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import type { UserActor } from "~/modules/auth/actor";
import { requireRole } from "~/modules/auth/guards.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { updateVendor } from "~/modules/vendors/update-vendor.server";
import { VENDOR_WRITE_ROLES } from "~/modules/vendors/vendor-access";
import { isConflict, readFormData } from "~/modules/vendors/vendor-forms.server";
import {
  CRITICALITIES,
  DESCRIPTION_MAX,
  formFieldErrors,
  readVendorForm,
  readVersion,
  VENDOR_FIELDS,
  VENDOR_NAME_MAX,
  vendorFormValuesOf,
  WEBSITE_MAX,
  type VendorFormValues,
} from "~/modules/vendors/vendor-fields";
import { vendorFieldsSchema } from "~/modules/vendors/vendor-schemas";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { countriesSortedByName, countryName } from "../../seeds/reference/countries";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "vendors.editVendorTitle", { name: loaderData?.vendor.name ?? "" })} · Vetted` }];
};

async function loadVendor(actor: UserActor, vendorId: string) {
  const vendor = await runUseCase(() => getVendor({ actor, input: { vendorId } }));
  return { id: vendor.id, name: vendor.name, version: vendor.version, archived: Boolean(vendor.archivedAt), values: vendorFormValuesOf(vendor) };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, context, VENDOR_WRITE_ROLES);
  return { vendor: await loadVendor(actor, params.vendorId ?? "") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, context, VENDOR_WRITE_ROLES);
  const vendorId = params.vendorId ?? "";
  const form = await readFormData(request);
  const values = readVendorForm(form);
  const version = readVersion(form);
  if (version === null) throw new Response("The form is missing its version", { status: 400 });
  const parsed = vendorFieldsSchema.safeParse(values);
  if (!parsed.success) {
    // Keep the version the user loaded: a newer one would let the next save overwrite unseen changes.
    return data({ values, version, errors: formFieldErrors(parsed.error.issues), current: null, archived: false }, { status: 400 });
  }
  const result = await runUseCase(() =>
    updateVendor({ actor, input: { vendorId, version, ...parsed.data } }).catch((error: unknown) => {
      if (isConflict(error)) return null;
      throw error;
    }),
  );
  if (result) return redirect(`/vendors/${vendorId}?notice=${result.changed.length ? "updated" : "unchanged"}`);
  // Someone else saved first: show their values next to ours; the form now carries the current
  // version, so saving again is a deliberate choice made after seeing the difference.
  const current = await loadVendor(actor, vendorId);
  return data({ values, version: current.version, errors: {}, current: current.values, archived: current.archived }, { status: 409 });
}

export default function EditVendorPage() {
  const { vendor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  const values = actionData?.values ?? vendor.values;
  const version = actionData?.version ?? vendor.version;
  const errors: Partial<Record<string, MessageKey>> = actionData?.errors ?? {};
  const error = (field: keyof VendorFormValues) => (errors[field] ? t(errors[field]) : undefined);
  const current = actionData?.current ?? null;

  const display = (field: keyof VendorFormValues, value: string) => {
    if (!value) return t("vendors.emptyValue");
    if (field === "country") return countryName(value, locale);
    if (field === "criticality") return t(`vendors.criticality${value}` as MessageKey);
    return value;
  };
  const differing = current ? VENDOR_FIELDS.filter((field) => current[field].trim() !== values[field].trim()) : [];

  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link to={`/vendors/${vendor.id}`} className="text-slate-700 underline">
          {t("vendors.backToVendor", { name: vendor.name })}
        </Link>
      </p>
      <PageHeader title={t("vendors.editVendorTitle", { name: vendor.name })} />

      {vendor.archived || actionData?.archived ? (
        <Alert tone="warning">{t("vendors.archivedReadOnly")}</Alert>
      ) : (
        <>
          {current ? (
            <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="conflict">
              <h2 className="font-semibold">{t("vendors.conflictTitle")}</h2>
              <p className="mt-1">{t("vendors.conflictBody")}</p>
              {differing.length > 0 ? (
                <table className="mt-3 min-w-full text-left">
                  <thead>
                    <tr>
                      <th scope="col" className="py-1 pr-3">{t("vendors.conflictField")}</th>
                      <th scope="col" className="py-1 pr-3">{t("vendors.conflictCurrent")}</th>
                      <th scope="col" className="py-1">{t("vendors.conflictYours")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {differing.map((field) => (
                      <tr key={field} className="border-t border-amber-200 align-top">
                        <th scope="row" className="py-1 pr-3 font-medium">{t(`vendors.${field}` as MessageKey)}</th>
                        <td className="whitespace-pre-wrap py-1 pr-3" data-testid={`current-${field}`}>{display(field, current[field])}</td>
                        <td className="whitespace-pre-wrap py-1">{display(field, values[field])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </div>
          ) : null}
          <Card>
            {actionData && Object.keys(errors).length > 0 ? <Alert tone="error">{t("common.formErrors")}</Alert> : null}
            <Form method="post" className="mt-3 space-y-4">
              <input type="hidden" name="version" value={version} />
              <TextField label={t("vendors.name")} name="name" required maxLength={VENDOR_NAME_MAX} defaultValue={values.name} error={error("name")} />
              <TextField
                label={t("vendors.website")}
                name="website"
                type="url"
                inputMode="url"
                maxLength={WEBSITE_MAX}
                placeholder="https://"
                defaultValue={values.website}
                hint={t("vendors.websiteHint")}
                error={error("website")}
              />
              <SelectField
                label={t("vendors.country")}
                name="country"
                defaultValue={values.country}
                options={[
                  { value: "", label: t("vendors.countryNone") },
                  ...countriesSortedByName(locale).map((c) => ({ value: c.code, label: c[locale] })),
                ]}
                error={error("country")}
              />
              <SelectField
                label={t("vendors.criticality")}
                name="criticality"
                required
                defaultValue={values.criticality}
                options={CRITICALITIES.map((c) => ({ value: c, label: t(`vendors.criticality${c}` as MessageKey) }))}
                hint={t("vendors.criticalityHint")}
                error={error("criticality")}
              />
              <TextAreaField
                label={t("vendors.description")}
                name="description"
                rows={5}
                maxLength={DESCRIPTION_MAX}
                defaultValue={values.description}
                hint={t("vendors.descriptionHint")}
                error={error("description")}
              />
              <div className="flex items-center gap-3">
                <Button type="submit" disabled={navigation.state === "submitting"}>
                  {t("vendors.saveChanges")}
                </Button>
                <Link to={`/vendors/${vendor.id}`} className="text-sm text-slate-700 underline">
                  {t("vendors.cancel")}
                </Link>
              </div>
            </Form>
          </Card>
        </>
      )}
    </div>
  );
}
