import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";

/**
 * The import form: a file or pasted text, imported as a new template or as a draft of an existing
 * one. After a refused submit it keeps the pasted text and the chosen mode.
 */
export function ImportTemplateForm({ text, mode }: { text: string; mode: string | undefined }) {
  const { t } = useT();
  return (
    <Card>
      <Form method="post" encType="multipart/form-data" className="space-y-4">
        <div className="space-y-1">
          <label htmlFor="template-file" className="block text-sm font-medium text-slate-800">
            {t("templates.importFile")}
          </label>
          <input
            id="template-file"
            type="file"
            name="file"
            accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            className="block text-sm"
          />
        </div>
        <TextAreaField
          label={t("templates.importText")}
          name="text"
          rows={10}
          defaultValue={text}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
        />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">
            {t("templates.importMode")}
          </legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value="new" defaultChecked={mode !== "draft"} />{" "}
            {t("templates.importModeNew")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value="draft" defaultChecked={mode === "draft"} />{" "}
            {t("templates.importModeDraft")}
          </label>
        </fieldset>
        <Button type="submit">{t("templates.importSubmit")}</Button>
      </Form>
    </Card>
  );
}
