import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import {
  DESCRIPTION_MAX,
  FOUNDATION_MODEL_MAX,
  VENDOR_NAME_MAX,
  type ProductFormValues,
} from "~/modules/vendors/vendor-fields";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { countriesSortedByName, isEuEea } from "~/reference-data/countries";
import { DATA_CATEGORIES } from "~/reference-data/data-categories";

/**
 * The product form's fields (name, foundation model, hosting regions, data categories,
 * description), filled with what the user typed or the stored values, each with its translated
 * field error. The data categories are checkboxes in a fieldset, so they work without JavaScript.
 */
export function ProductFormFields({
  values,
  errors,
}: {
  values: ProductFormValues;
  errors: Partial<Record<string, MessageKey>>;
}) {
  const { t, locale } = useT();
  const error = (field: keyof ProductFormValues) => (errors[field] ? t(errors[field]) : undefined);
  const selectedCategories = new Set(values.dataCategories);
  const categoriesError = error("dataCategories");
  return (
    <>
      <TextField
        label={t("vendors.productName")}
        name="name"
        required
        maxLength={VENDOR_NAME_MAX}
        defaultValue={values.name}
        error={error("name")}
      />
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
      <fieldset
        aria-describedby={categoriesError ? "categories-hint categories-error" : "categories-hint"}
      >
        <legend className="text-sm font-medium text-slate-800">
          {t("vendors.dataCategories")}
        </legend>
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
    </>
  );
}
