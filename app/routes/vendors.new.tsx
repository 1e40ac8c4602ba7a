import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requireRole } from "~/modules/auth/guards.server";
import { createVendor } from "~/modules/vendors/create-vendor.server";
import { VENDOR_WRITE_ROLES } from "~/modules/vendors/vendor-access";
import { readFormData } from "~/modules/vendors/vendor-forms.server";
import {
  CRITICALITIES,
  DESCRIPTION_MAX,
  formFieldErrors,
  readVendorForm,
  VENDOR_NAME_MAX,
  WEBSITE_MAX,
  type VendorFormValues,
} from "~/modules/vendors/vendor-fields";
import { vendorFieldsSchema } from "~/modules/vendors/vendor-schemas";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { countriesSortedByName } from "../../seeds/reference/countries";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "vendors.newVendorTitle")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, VENDOR_WRITE_ROLES);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireRole(request, context, VENDOR_WRITE_ROLES);
  const values = readVendorForm(await readFormData(request));
  const parsed = vendorFieldsSchema.safeParse(values);
  if (!parsed.success) {
    return data({ values, errors: formFieldErrors(parsed.error.issues) }, { status: 400 });
  }
  const vendor = await runUseCase(() => createVendor({ actor, input: parsed.data }));
  return redirect(`/vendors/${vendor.id}?notice=created`);
}

const EMPTY: VendorFormValues = { name: "", website: "", country: "", criticality: "MEDIUM", description: "" };

export default function NewVendorPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  const values = actionData?.values ?? EMPTY;
  const errors: Partial<Record<string, MessageKey>> = actionData?.errors ?? {};
  const error = (field: keyof VendorFormValues) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("vendors.newVendorTitle")} />
      <Card>
        {actionData?.errors ? <Alert tone="error">{t("common.formErrors")}</Alert> : null}
        <Form method="post" className="mt-3 space-y-4">
          <TextField
            label={t("vendors.name")}
            name="name"
            required
            maxLength={VENDOR_NAME_MAX}
            defaultValue={values.name}
            error={error("name")}
          />
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
              {t("vendors.createVendor")}
            </Button>
            <Link to="/vendors" className="text-sm text-slate-700 underline">
              {t("vendors.cancel")}
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}
