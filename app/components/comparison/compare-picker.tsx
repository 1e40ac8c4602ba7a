import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import type { ComparisonRefusal } from "~/modules/comparison/compare-vendors.server";
import { useT } from "~/utils/use-t";

/** Why the chosen vendors cannot be compared. */
export function Refusal({ refusal }: { refusal: ComparisonRefusal }) {
  const { t } = useT();
  if (refusal.reason === "count") return <Alert tone="error">{t("compare.refusedCount")}</Alert>;
  if (refusal.reason === "notScored")
    return (
      <Alert tone="error">
        {t("compare.refusedNotScored", { names: refusal.vendors.map((v) => v.name).join(", ") })}
      </Alert>
    );
  return (
    <Alert tone="error">
      {t("compare.refusedMixed", {
        list: refusal.templates.map((x) => `${x.vendorName} (${x.templateName})`).join(", "),
      })}
    </Alert>
  );
}

/** The vendor picker: GET forms, so choosing works without JavaScript. */
export function Picker({
  choices,
  selected,
  profileId,
  search,
}: {
  choices: { id: string; name: string }[];
  selected: string[];
  profileId: string | null;
  search: string;
}) {
  const { t } = useT();
  return (
    <Card title={t("compare.pickerTitle")}>
      <p className="mb-3 text-sm text-slate-600">{t("compare.pickerHelp")}</p>
      <Form method="get" className="space-y-3">
        {profileId ? <input type="hidden" name="profile" value={profileId} /> : null}
        <fieldset className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          <legend className="sr-only">{t("compare.pickerTitle")}</legend>
          {choices.map((vendor) => (
            <label key={vendor.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="vendor"
                value={vendor.id}
                defaultChecked={selected.includes(vendor.id)}
              />
              {vendor.name}
            </label>
          ))}
        </fieldset>
        <Button type="submit">{t("compare.compareButton")}</Button>
      </Form>
      <Form method="get" className="mt-3 flex items-end gap-2 text-sm">
        <input type="hidden" name="vendors" value={selected.join(",")} />
        <label className="flex flex-col">
          <span className="text-slate-600">{t("compare.search")}</span>
          <input
            type="search"
            name="q"
            defaultValue={search}
            className="rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <Button type="submit" variant="secondary">
          {t("compare.search")}
        </Button>
      </Form>
    </Card>
  );
}
