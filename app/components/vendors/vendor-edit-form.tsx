import { Form, useNavigation } from "@remix-run/react";
import { Alert, Card } from "~/components/ui/layout";
import { VENDOR_FIELDS, type VendorFormValues } from "~/modules/vendors/vendor-fields";
import { formatTags, splitTags } from "~/modules/vendors/vendor-tags";
import { countryName } from "~/reference-data/countries";
import { labelKey, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ConflictNotice } from "./conflict-notice";
import { FormActions } from "./form-actions";
import { VendorFormFields } from "./vendor-form-fields";

/**
 * The vendor's edit form. After a conflicting save it first lists the fields someone else changed
 * (theirs next to ours); the form then carries the current version, so saving again is deliberate.
 */
export function VendorEditForm({
  vendorId,
  values,
  version,
  errors,
  current,
  submitted,
}: {
  vendorId: string;
  values: VendorFormValues;
  version: number;
  errors: Partial<Record<string, MessageKey>>;
  /** The saved values after a conflict, otherwise null. */
  current: VendorFormValues | null;
  /** Whether this renders the answer to a submit (only then are errors announced). */
  submitted: boolean;
}) {
  const navigation = useNavigation();
  const { t, locale } = useT();
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
        {submitted && Object.keys(errors).length > 0 ? (
          <Alert tone="error">{t("common.formErrors")}</Alert>
        ) : null}
        <Form method="post" className="mt-3 space-y-4">
          <input type="hidden" name="version" value={version} />
          <VendorFormFields values={values} errors={errors} />
          <FormActions
            submitLabel={t("vendors.saveChanges")}
            cancelTo={`/vendors/${vendorId}`}
            pending={navigation.state === "submitting"}
          />
        </Form>
      </Card>
    </>
  );
}
