import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import {
  CRITICALITIES,
  DESCRIPTION_MAX,
  VENDOR_NAME_MAX,
  WEBSITE_MAX,
  type VendorFormValues,
} from "~/modules/vendors/vendor-fields";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ComboBoxField } from "~/components/ui/combo-box";
import { countriesSortedByName } from "~/reference-data/countries";

/**
 * The vendor form's fields (name, website, country, criticality, description, tags), filled with
 * what the user typed or the stored values, each with its translated field error. Tags are one
 * comma-separated text field (no JavaScript needed); the server splits and checks them.
 */
export function VendorFormFields({
  values,
  errors,
}: {
  values: VendorFormValues;
  errors: Partial<Record<string, MessageKey>>;
}) {
  const { t, locale } = useT();
  const error = (field: keyof VendorFormValues) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <>
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
      <ComboBoxField
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
        options={CRITICALITIES.map((c) => ({ value: c, label: t(`vendors.criticality${c}`) }))}
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
      <TextField
        label={t("vendors.tags")}
        name="tags"
        autoComplete="off"
        defaultValue={values.tags}
        hint={t("vendors.tagsHint")}
        error={error("tags")}
      />
    </>
  );
}
