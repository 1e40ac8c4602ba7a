import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import type { UserActor } from "~/modules/auth/actor";
import { requireRole } from "~/modules/auth/guards.server";
import { deleteProduct } from "~/modules/vendors/delete-product.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { updateProduct } from "~/modules/vendors/update-product.server";
import { VENDOR_WRITE_ROLES } from "~/modules/vendors/vendor-access";
import { isConfirmed, isConflict, readFormData, readIntent } from "~/modules/vendors/vendor-forms.server";
import {
  DESCRIPTION_MAX,
  FOUNDATION_MODEL_MAX,
  formFieldErrors,
  PRODUCT_FIELDS,
  productFormValuesOf,
  readProductForm,
  readVersion,
  VENDOR_NAME_MAX,
  type ProductFormValues,
} from "~/modules/vendors/vendor-fields";
import { productFieldsSchema } from "~/modules/vendors/vendor-schemas";
import { notFoundResponse, runUseCase } from "~/utils/http.server";
import { translate, type Locale, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { countriesSortedByName, countryName, isEuEea } from "../../seeds/reference/countries";
import { DATA_CATEGORIES, dataCategoryLabel } from "../../seeds/reference/data-categories";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData, matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "en";
  return [{ title: `${translate(locale, "vendors.editProductTitle", { name: loaderData?.product.name ?? "" })} · Vetted` }];
};

async function loadProduct(actor: UserActor, vendorId: string, productId: string) {
  const vendor = await runUseCase(() => getVendor({ actor, input: { vendorId } }));
  const product = vendor.products.find((p) => p.id === productId);
  if (!product) throw notFoundResponse();
  return {
    vendor: { id: vendor.id, name: vendor.name, archived: Boolean(vendor.archivedAt) },
    product: {
      id: product.id,
      name: product.name,
      version: product.version,
      assessmentCount: product.assessmentCount,
      values: productFormValuesOf(product),
    },
  };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, context, VENDOR_WRITE_ROLES);
  return loadProduct(actor, params.vendorId ?? "", params.productId ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, context, VENDOR_WRITE_ROLES);
  const vendorId = params.vendorId ?? "";
  const productId = params.productId ?? "";
  const form = await readFormData(request);
  const intent = readIntent(form, ["save", "delete"] as const);

  if (intent === "delete") {
    if (!isConfirmed(form)) {
      return data({ intent, confirmError: "vendors.errorConfirm" as const, values: null, version: null, errors: {}, current: null }, { status: 400 });
    }
    await runUseCase(() => deleteProduct({ actor, input: { vendorId, productId } }));
    return redirect(`/vendors/${vendorId}?notice=productDeleted#products`);
  }
  if (intent !== "save") throw new Response("Unknown action", { status: 400 });

  const values = readProductForm(form);
  const version = readVersion(form);
  if (version === null) throw new Response("The form is missing its version", { status: 400 });
  const parsed = productFieldsSchema.safeParse(values);
  if (!parsed.success) {
    // Keep the version the user loaded: a newer one would let the next save overwrite unseen changes.
    return data({ intent, confirmError: null, values, version, errors: formFieldErrors(parsed.error.issues), current: null }, { status: 400 });
  }
  const result = await runUseCase(() =>
    updateProduct({ actor, input: { vendorId, productId, version, ...parsed.data } }).catch((error: unknown) => {
      if (isConflict(error)) return null;
      throw error;
    }),
  );
  if (result) return redirect(`/vendors/${vendorId}?notice=${result.changed.length ? "productUpdated" : "unchanged"}#products`);
  // Someone else saved first: show both versions; the form now carries the current version.
  const current = await loadProduct(actor, vendorId, productId);
  return data(
    { intent, confirmError: null, values, version: current.product.version, errors: {}, current: current.product.values },
    { status: 409 },
  );
}

export default function EditProductPage() {
  const { vendor, product } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  const values = actionData?.values ?? product.values;
  const version = actionData?.version ?? product.version;
  const errors: Partial<Record<string, MessageKey>> = actionData?.errors ?? {};
  const error = (field: keyof ProductFormValues) => (errors[field] ? t(errors[field]) : undefined);
  const current = actionData?.current ?? null;
  const selectedCategories = new Set(values.dataCategories);
  const categoriesError = error("dataCategories");

  const display = (field: keyof ProductFormValues, value: string | string[]) => {
    if (Array.isArray(value)) {
      if (value.length === 0) return t("vendors.emptyValue");
      return field === "hostingRegions"
        ? value.map((code) => countryName(code, locale)).join(", ")
        : value.map((key) => dataCategoryLabel(key, locale)).join(", ");
    }
    return value || t("vendors.emptyValue");
  };
  const normalised = (value: string | string[]) => (Array.isArray(value) ? [...value].sort().join(",") : value.trim());
  const differing = current ? PRODUCT_FIELDS.filter((field) => normalised(current[field]) !== normalised(values[field])) : [];
  const fieldLabel: Record<keyof ProductFormValues, MessageKey> = {
    name: "vendors.productName",
    description: "vendors.productDescription",
    foundationModel: "vendors.foundationModel",
    hostingRegions: "vendors.hostingRegions",
    dataCategories: "vendors.dataCategories",
  };

  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link to={`/vendors/${vendor.id}`} className="text-slate-700 underline">
          {t("vendors.backToVendor", { name: vendor.name })}
        </Link>
      </p>
      <PageHeader title={t("vendors.editProductTitle", { name: product.name })} />
      {vendor.archived ? (
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
                        <th scope="row" className="py-1 pr-3 font-medium">{t(fieldLabel[field])}</th>
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
            {Object.keys(errors).length > 0 ? <Alert tone="error">{t("common.formErrors")}</Alert> : null}
            <Form method="post" className="mt-3 space-y-4">
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="version" value={version} />
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
                  {t("vendors.saveChanges")}
                </Button>
                <Link to={`/vendors/${vendor.id}`} className="text-sm text-slate-700 underline">
                  {t("vendors.cancel")}
                </Link>
              </div>
            </Form>
          </Card>

          <Card title={t("vendors.deleteProductTitle")}>
            {product.assessmentCount > 0 ? (
              <p className="text-sm text-slate-700">{t("vendors.deleteProductBlocked")}</p>
            ) : (
              <Form method="post" className="space-y-3">
                <p className="text-sm text-slate-700">{t("vendors.deleteProductExplanation")}</p>
                <input type="hidden" name="intent" value="delete" />
                <div>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="confirm"
                      value="yes"
                      required
                      className="h-4 w-4"
                      aria-invalid={actionData?.confirmError ? true : undefined}
                      aria-describedby={actionData?.confirmError ? "delete-product-confirm-error" : undefined}
                    />
                    {t("vendors.deleteProductConfirm")}
                  </label>
                  {actionData?.confirmError ? (
                    <p id="delete-product-confirm-error" className="mt-1 text-sm text-red-700">
                      {t(actionData.confirmError)}
                    </p>
                  ) : null}
                </div>
                <Button type="submit" variant="danger">
                  {t("vendors.deleteProductButton")}
                </Button>
              </Form>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
