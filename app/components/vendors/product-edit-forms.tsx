import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import type { ProductEditActionData } from "~/modules/vendors/product-edit-page.server";
import { PRODUCT_FIELDS, type ProductFormValues } from "~/modules/vendors/vendor-fields";
import { countryName } from "~/reference-data/countries";
import { dataCategoryLabel } from "~/reference-data/data-categories";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ConfirmActionForm } from "./confirm-action-form";
import { ConflictNotice } from "./conflict-notice";
import { FormActions } from "./form-actions";
import { ProductFormFields } from "./product-form-fields";

/**
 * The product's edit form (with both versions side by side after a conflict) and its delete
 * form (refused while assessments use the product).
 */
export function ProductEditForms({
  vendorId,
  product,
  actionData,
  pending,
}: {
  vendorId: string;
  product: { version: number; assessmentCount: number; values: ProductFormValues };
  actionData: ProductEditActionData | undefined;
  pending: boolean;
}) {
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
  const normalised = (value: string | string[]) =>
    Array.isArray(value) ? [...value].sort().join(",") : value.trim();
  const differing = current
    ? PRODUCT_FIELDS.filter((field) => normalised(current[field]) !== normalised(values[field]))
    : [];
  const fieldLabel: Record<keyof ProductFormValues, MessageKey> = {
    name: "vendors.productName",
    description: "vendors.productDescription",
    foundationModel: "vendors.foundationModel",
    hostingRegions: "vendors.hostingRegions",
    dataCategories: "vendors.dataCategories",
  };

  return (
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
        {Object.keys(errors).length > 0 ? (
          <Alert tone="error">{t("common.formErrors")}</Alert>
        ) : null}
        <Form method="post" className="mt-3 space-y-4">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version} />
          <ProductFormFields values={values} errors={errors} />
          <FormActions
            submitLabel={t("vendors.saveChanges")}
            cancelTo={`/vendors/${vendorId}`}
            pending={pending}
          />
        </Form>
      </Card>

      <Card title={t("vendors.deleteProductTitle")}>
        {product.assessmentCount > 0 ? (
          <p className="text-sm text-slate-700">{t("vendors.deleteProductBlocked")}</p>
        ) : (
          <ConfirmActionForm
            intent="delete"
            intro={
              <p className="text-sm text-slate-700">{t("vendors.deleteProductExplanation")}</p>
            }
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
  );
}
