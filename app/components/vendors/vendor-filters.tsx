import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { CRITICALITIES, SEARCH_MAX } from "~/modules/vendors/vendor-fields";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/** The vendor list's search and filters: a plain GET form, so it works without JavaScript. */
export function VendorFilters({
  query,
  filtered,
}: {
  query: { q: string; criticality: string | null; includeArchived: boolean };
  filtered: boolean;
}) {
  const { t } = useT();
  return (
    <Form
      method="get"
      role="search"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="min-w-56 flex-1">
        <TextField
          label={t("vendors.searchLabel")}
          name="q"
          type="search"
          defaultValue={query.q}
          maxLength={SEARCH_MAX}
        />
      </div>
      <div className="w-48">
        <SelectField
          label={t("vendors.filterCriticality")}
          name="criticality"
          defaultValue={query.criticality ?? ""}
          options={[
            { value: "", label: t("vendors.allCriticalities") },
            ...CRITICALITIES.map((c) => ({
              value: c,
              label: t(labelKey("vendors.criticality", c) ?? "common.unknownValue"),
            })),
          ]}
        />
      </div>
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input
          type="checkbox"
          name="archived"
          value="1"
          defaultChecked={query.includeArchived}
          className="h-4 w-4"
        />
        {t("vendors.includeArchived")}
      </label>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          {t("vendors.applyFilters")}
        </Button>
        {filtered ? (
          <Link to="/vendors" className="rounded-md px-3 py-2 text-sm text-slate-700 underline">
            {t("vendors.resetFilters")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
