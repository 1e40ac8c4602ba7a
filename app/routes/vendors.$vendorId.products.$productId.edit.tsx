import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { BackToVendorLink } from "~/components/vendors/back-to-vendor-link";
import { ConfirmActionForm } from "~/components/vendors/confirm-action-form";
import { ConflictNotice } from "~/components/vendors/conflict-notice";
import { FormActions } from "~/components/vendors/form-actions";
import { ProductFormFields } from "~/components/vendors/product-form-fields";
import type { UserActor } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/guards.server";
import { deleteProduct } from "~/modules/vendors/delete-product.server";
import { getVendor } from "~/modules/vendors/get-vendor.server";
import { updateProduct } from "~/modules/vendors/update-product.server";
import { isConfirmed, isConflict, readFormData, readIntent } from "~/modules/vendors/vendor-forms.server";
import {
  formFieldErrors,
  PRODUCT_FIELDS,
  productFormValuesOf,
  readProductForm,
  readVersion,
  type ProductFormValues,
} from "~/modules/vendors/vendor-fields";
import { productFieldsSchema } from "~/modules/vendors/vendor-schemas";
import { notFoundResponse, runUseCase } from "~/utils/http.server";
import { translate, type Locale, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { countryName } from "~/reference-data/countries";
import { dataCategoryLabel } from "~/reference-data/data-categories";

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
  const actor = await requirePermission(request, context, "vendor:edit");
  return loadProduct(actor, params.vendorId ?? "", params.productId ?? "");
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "vendor:edit");
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
  const current = actionData?.current ?? null;

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
      <BackToVendorLink vendor={vendor} />
      <PageHeader title={t("vendors.editProductTitle", { name: product.name })} />
      {vendor.archived ? (
        <Alert tone="warning">{t("vendors.archivedReadOnly")}</Alert>
      ) : (
        <>
          {current ? (
            <ConflictNotice
              rows={differing.map((field) => ({
                field,
                label: t(fieldLabel[field]),
                current: display(field, current[field]),
                yours: display(field, values[field]),
              }))}
            />
          ) : null}
          <Card>
            {Object.keys(errors).length > 0 ? <Alert tone="error">{t("common.formErrors")}</Alert> : null}
            <Form method="post" className="mt-3 space-y-4">
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="version" value={version} />
              <ProductFormFields values={values} errors={errors} />
              <FormActions submitLabel={t("vendors.saveChanges")} cancelTo={`/vendors/${vendor.id}`} pending={navigation.state === "submitting"} />
            </Form>
          </Card>

          <Card title={t("vendors.deleteProductTitle")}>
            {product.assessmentCount > 0 ? (
              <p className="text-sm text-slate-700">{t("vendors.deleteProductBlocked")}</p>
            ) : (
              <ConfirmActionForm
                intent="delete"
                intro={<p className="text-sm text-slate-700">{t("vendors.deleteProductExplanation")}</p>}
                confirmLabel={t("vendors.deleteProductConfirm")}
                confirmError={actionData?.confirmError}
                errorId="delete-product-confirm-error"
              >
                <Button type="submit" variant="danger">
                  {t("vendors.deleteProductButton")}
                </Button>
              </ConfirmActionForm>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
