import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requireRole } from "~/modules/auth/guards.server";
import { createProduct } from "~/modules/vendors/create-product.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { VENDOR_WRITE_ROLES } from "~/modules/vendors/vendor-access";
import { readFormData } from "~/modules/vendors/vendor-forms.server";
import {
  DESCRIPTION_MAX,
  FOUNDATION_MODEL_MAX,
  formFieldErrors,
  readProductForm,
  VENDOR_NAME_MAX,
  type ProductFormValues,
} from "~/modules/vendors/vendor-fields";
import { productFieldsSchema } from "~/modules/vendors/vendor-schemas";
import { runUseCase } from "~/utils/http.server";
import { translate, type Locale, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { countriesSortedByName, isEuEea } from "../../seeds/reference/countries";
import { DATA_CATEGORIES } from "../../seeds/reference/data-categories";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "vendors.newProductTitle", { vendor: loaderData?.vendor.name ?? "" })} · Vetted` }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, context, VENDOR_WRITE_ROLES);
  const vendor = await runUseCase(() => getVendor({ actor, input: { vendorId: params.vendorId ?? "" } }));
  return { vendor: { id: vendor.id, name: vendor.name, archived: Boolean(vendor.archivedAt) } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, context, VENDOR_WRITE_ROLES);
  const vendorId = params.vendorId ?? "";
  const values = readProductForm(await readFormData(request));
  const parsed = productFieldsSchema.safeParse(values);
  if (!parsed.success) {
    return data({ values, errors: formFieldErrors(parsed.error.issues) }, { status: 400 });
  }
  await runUseCase(() => createProduct({ actor, input: { vendorId, ...parsed.data } }));
  return redirect(`/vendors/${vendorId}?notice=productCreated#products`);
}

const EMPTY: ProductFormValues = { name: "", description: "", foundationModel: "", hostingRegions: [], dataCategories: [] };

export default function NewProductPage() {
  const { vendor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  const values = actionData?.values ?? EMPTY;
  const errors: Partial<Record<string, MessageKey>> = actionData?.errors ?? {};
  const error = (field: keyof ProductFormValues) => (errors[field] ? t(errors[field]) : undefined);
  const selectedCategories = new Set(values.dataCategories);
  const categoriesError = error("dataCategories");

  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link to={`/vendors/${vendor.id}`} className="text-slate-700 underline">
          {t("vendors.backToVendor", { name: vendor.name })}
        </Link>
      </p>
      <PageHeader title={t("vendors.newProductTitle", { vendor: vendor.name })} />
      {vendor.archived ? (
        <Alert tone="warning">{t("vendors.archivedReadOnly")}</Alert>
      ) : (
        <Card>
          {actionData?.errors ? <Alert tone="error">{t("common.formErrors")}</Alert> : null}
          <Form method="post" className="mt-3 space-y-4">
            <TextField label={t("vendors.productName")} name="name" required maxLength={VENDOR_NAME_MAX} defaultValue={values.name} error={error("name")} />
            <TextField
              label={t("vendors.foundationModel")}
              name="foundationModel"
              maxLength={FOUNDATION_MODEL_MAX}
              defaultValue={values.foundationModel}
              hint={t("vendors.foundationModelHint")}
              error={error("foundationModel")}
            />
            <SelectField
              label={t("vendors.hostingRegions")}
              name="hostingRegions"
              multiple
              size={10}
              defaultValue={values.hostingRegions}
              options={countriesSortedByName(locale).map((c) => ({
                value: c.code,
                label: isEuEea(c.code) ? `${c[locale]} (${t("vendors.euEeaBadge")})` : c[locale],
              }))}
              hint={t("vendors.hostingRegionsHint")}
              error={error("hostingRegions")}
            />
            <fieldset aria-describedby={categoriesError ? "categories-hint categories-error" : "categories-hint"}>
              <legend className="text-sm font-medium text-slate-800">{t("vendors.dataCategories")}</legend>
              <p id="categories-hint" className="text-xs text-slate-600">
                {t("vendors.dataCategoriesHint")}
              </p>
              <div className="mt-2 grid gap-1.5 sm:grid-cols-2">
                {DATA_CATEGORIES.map((category) => (
                  <label key={category.key} className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="dataCategories"
                      value={category.key}
                      defaultChecked={selectedCategories.has(category.key)}
                      aria-invalid={categoriesError ? true : undefined}
                      className="mt-0.5 h-4 w-4"
                    />
                    {category[locale]}
                  </label>
                ))}
              </div>
              {categoriesError ? (
                <p id="categories-error" className="mt-1 text-sm text-red-700">
                  {categoriesError}
                </p>
              ) : null}
            </fieldset>
            <TextAreaField
              label={t("vendors.productDescription")}
              name="description"
              rows={4}
              maxLength={DESCRIPTION_MAX}
              defaultValue={values.description}
              error={error("description")}
            />
            <div className="flex items-center gap-3">
              <Button type="submit" disabled={navigation.state === "submitting"}>
                {t("vendors.createProduct")}
              </Button>
              <Link to={`/vendors/${vendor.id}`} className="text-sm text-slate-700 underline">
                {t("vendors.cancel")}
              </Link>
            </div>
          </Form>
        </Card>
      )}
    </div>
  );
}
