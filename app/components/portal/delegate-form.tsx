import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import type { Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/** The form that invites a colleague to some of the vendor's sections. */
export function DelegateForm({
  sections,
}: {
  sections: { key: string; title: Record<Locale, string> }[];
}) {
  const { t, locale } = useT();
  return (
    <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="intent" value="delegate" />
      <TextField
        label={t("access.delegateEmail")}
        name="contactEmail"
        type="email"
        required
        maxLength={320}
      />
      <TextField label={t("access.delegateName")} name="contactName" maxLength={200} />
      <SelectField
        label={t("access.delegateLanguage")}
        name="locale"
        defaultValue={locale}
        options={[
          { value: "de", label: t("access.language_de") },
          { value: "en", label: t("access.language_en") },
        ]}
      />
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-800">
          {t("access.delegateSections")}
        </legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {sections.map((section) => (
            <label key={section.key} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="sections" value={section.key} />
              {section.title[locale]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit">{t("access.delegateSubmit")}</Button>
      </div>
    </Form>
  );
}
