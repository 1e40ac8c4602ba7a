import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { ScrollRegion } from "~/components/ui/scroll-region";
import {
  EVIDENCE_DOCUMENT_TYPES,
  TEMPLATE_QUESTION_TYPES,
  type TemplateQuestion,
} from "~/modules/questionnaires/template-definition";
import { NEW_OPTION_ROWS } from "~/modules/templates/draft-edits";
import type { PostedValues } from "~/modules/templates/template-editor-form";
import { useT } from "~/utils/use-t";
import { firstError } from "./editor-errors";
import { Hidden } from "./editor-form-parts";

/** A cited catalogue key in both citation styles; `known`: the organisation's catalogue has it. */
export interface ReferenceCitation {
  en: string;
  de: string;
  known: boolean;
}

/**
 * The form of one question. After a refused save it shows what was typed (`posted`) with the
 * errors next to the fields; otherwise the stored question. Settings it does not show are kept.
 */
export function QuestionForm({
  question,
  earlier,
  revision,
  posted,
  errors,
  citations,
}: {
  question: TemplateQuestion;
  earlier: { key: string; label: string }[];
  revision: number;
  posted: PostedValues | null;
  errors: Map<string, string>;
  citations: Record<string, ReferenceCitation>;
}) {
  const { t, locale } = useT();
  const v = (name: string, stored: string) =>
    posted ? (typeof posted[name] === "string" ? (posted[name] as string) : "") : stored;
  const checked = (name: string, stored: boolean) => (posted ? posted[name] === "on" : stored);
  const type = v("type", question.type);
  const options = question.options ?? [];
  const rowCount = posted ? Number(posted.optionCount ?? 0) : options.length + NEW_OPTION_ROWS;
  const composite = question.showIf && !("question" in question.showIf) ? question.showIf : null;
  const leaf = question.showIf && "question" in question.showIf ? question.showIf : null;
  const evidenceTypes = posted
    ? ((posted.evidenceTypes as string[] | undefined) ?? [])
    : (question.evidence?.documentTypes ?? []);
  return (
    <Form
      method="post"
      className="mt-3 space-y-4 rounded-md border border-brand-200 bg-brand-50/40 p-4"
      aria-label={t("templates.editQuestion")}
    >
      <Hidden revision={revision} intent="update-question" target={question.key} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("templates.questionKey")}
          name="key"
          defaultValue={v("key", question.key)}
          error={firstError(errors, "key")}
          required
        />
        <SelectField
          label={t("templates.questionType")}
          name="type"
          defaultValue={type}
          options={TEMPLATE_QUESTION_TYPES.map((value) => ({ value, label: value }))}
          error={firstError(errors, "type")}
        />
        <TextAreaField
          label={t("templates.labelEn")}
          name="labelEn"
          rows={2}
          defaultValue={v("labelEn", question.label.en)}
          error={firstError(errors, "label.en", "label")}
        />
        <TextAreaField
          label={t("templates.labelDe")}
          name="labelDe"
          rows={2}
          defaultValue={v("labelDe", question.label.de)}
          error={firstError(errors, "label.de")}
        />
        <TextAreaField
          label={t("templates.helpEn")}
          name="helpEn"
          rows={2}
          defaultValue={v("helpEn", question.help?.en ?? "")}
          error={firstError(errors, "help.en", "help")}
        />
        <TextAreaField
          label={t("templates.helpDe")}
          name="helpDe"
          rows={2}
          defaultValue={v("helpDe", question.help?.de ?? "")}
          error={firstError(errors, "help.de")}
        />
        <TextField
          label={t("templates.weight")}
          name="weight"
          inputMode="decimal"
          defaultValue={v("weight", String(question.weight))}
          error={firstError(errors, "weight")}
        />
        <label className="flex items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            name="required"
            defaultChecked={checked("required", question.required)}
          />{" "}
          {t("templates.required")}
        </label>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("templates.options")}</legend>
        <p className="text-xs text-slate-600">{t("templates.optionsHint")}</p>
        {firstError(errors, "options") && !errors.has("options") ? null : errors.get("options") ? (
          <p className="text-sm text-red-700">{errors.get("options")}</p>
        ) : null}
        <input type="hidden" name="optionCount" value={rowCount} />
        <ScrollRegion label={t("templates.options")}>
          <table className="w-full text-xs">
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col">{t("templates.optionValue")}</th>
                <th scope="col">{t("templates.optionLabelEn")}</th>
                <th scope="col">{t("templates.optionLabelDe")}</th>
                <th scope="col">{t("templates.optionPoints")}</th>
                <th scope="col">{t("templates.optionExclusive")}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: rowCount }, (_, i) => {
                const option = options[i];
                const name = (field: string) => `options[${i}].${field}`;
                const rowError = firstError(errors, `options[${i}]`);
                return (
                  <tr key={i} className="align-top">
                    <td className="pr-1">
                      <input
                        type="hidden"
                        name={name("original")}
                        value={posted ? v(name("original"), "") : (option?.value ?? "")}
                      />
                      <input
                        aria-label={`${t("templates.optionValue")} ${i + 1}`}
                        name={name("value")}
                        defaultValue={v(name("value"), option?.value ?? "")}
                        className="w-full rounded border border-slate-300 px-1 py-0.5"
                      />
                      {rowError ? <p className="text-red-700">{rowError}</p> : null}
                    </td>
                    <td className="pr-1">
                      <input
                        aria-label={`${t("templates.optionLabelEn")} ${i + 1}`}
                        name={name("labelEn")}
                        defaultValue={v(name("labelEn"), option?.label.en ?? "")}
                        className="w-full rounded border border-slate-300 px-1 py-0.5"
                      />
                    </td>
                    <td className="pr-1">
                      <input
                        aria-label={`${t("templates.optionLabelDe")} ${i + 1}`}
                        name={name("labelDe")}
                        defaultValue={v(name("labelDe"), option?.label.de ?? "")}
                        className="w-full rounded border border-slate-300 px-1 py-0.5"
                      />
                    </td>
                    <td className="pr-1">
                      <input
                        aria-label={`${t("templates.optionPoints")} ${i + 1}`}
                        name={name("points")}
                        inputMode="decimal"
                        defaultValue={v(name("points"), option ? String(option.points) : "")}
                        className="w-16 rounded border border-slate-300 px-1 py-0.5"
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${t("templates.optionExclusive")} ${i + 1}`}
                        name={name("exclusive")}
                        defaultChecked={checked(name("exclusive"), option?.exclusive ?? false)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="text-sm font-semibold">{t("templates.knockOut")}</legend>
        <TextField
          label={t("templates.knockOutWhen")}
          hint={t("templates.knockOutWhenHint")}
          name="knockOutWhen"
          defaultValue={v("knockOutWhen", question.knockOut?.when.join(", ") ?? "")}
          error={firstError(errors, "knockOut.when", "knockOut")}
        />
        <TextField
          label={t("templates.knockOutLabelEn")}
          name="knockOutLabelEn"
          defaultValue={v("knockOutLabelEn", question.knockOut?.label.en ?? "")}
          error={firstError(errors, "knockOut.label.en")}
        />
        <TextField
          label={t("templates.knockOutLabelDe")}
          name="knockOutLabelDe"
          defaultValue={v("knockOutLabelDe", question.knockOut?.label.de ?? "")}
          error={firstError(errors, "knockOut.label.de")}
        />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="text-sm font-semibold">{t("templates.showIf")}</legend>
        <SelectField
          label={t("templates.showIfQuestion")}
          name="showIfQuestion"
          defaultValue={v("showIfQuestion", leaf?.question ?? "")}
          options={[
            { value: "", label: t("templates.showIfAlways") },
            ...earlier.map((q) => ({ value: q.key, label: `${q.key} – ${q.label}`.slice(0, 90) })),
          ]}
          error={firstError(errors, "showIf.question", "showIf")}
        />
        <TextField
          label={t("templates.showIfValues")}
          name="showIfValues"
          defaultValue={v("showIfValues", leaf?.in.join(", ") ?? "")}
          error={firstError(errors, "showIf.in")}
        />
        {composite ? (
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input
              type="checkbox"
              name="showIfMode"
              value="composite"
              defaultChecked={posted ? posted.showIfMode === "composite" : true}
            />
            {t("templates.showIfComposite", { condition: JSON.stringify(composite) })}
          </label>
        ) : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <TextAreaField
            label={t("templates.references")}
            hint={t("templates.referencesHint")}
            name="references"
            rows={3}
            defaultValue={v("references", question.references.join("\n"))}
            error={firstReferenceError(errors)}
          />
          {question.references.length > 0 ? (
            <ul className="mt-1 text-xs text-slate-600" data-testid="reference-citations">
              {question.references.map((key) => {
                const citation = citations[key];
                return (
                  <li key={key}>
                    <span className="font-mono">{key}</span>: {citation ? citation[locale] : key}
                    {citation && !citation.known
                      ? ` (${t("templates.referenceNotInCatalogue")})`
                      : ""}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
        <TextAreaField
          label={t("templates.regulationRefs")}
          hint={t("templates.regulationRefsHint")}
          name="regulationRefs"
          rows={3}
          defaultValue={v("regulationRefs", question.regulationRefs.join("\n"))}
          error={firstError(errors, "regulationRefs")}
        />
        <TextField
          label={t("templates.tags")}
          hint={t("templates.tagsHint")}
          name="tags"
          defaultValue={v("tags", question.tags.join(", "))}
          error={firstError(errors, "tags")}
        />
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t("templates.unit")}
          name="unit"
          defaultValue={v("unit", question.unit ?? "")}
          error={firstError(errors, "unit")}
        />
        <TextField
          label={t("templates.min")}
          name="min"
          inputMode="decimal"
          defaultValue={v("min", question.min?.toString() ?? "")}
          error={firstError(errors, "min")}
        />
        <TextField
          label={t("templates.max")}
          name="max"
          inputMode="decimal"
          defaultValue={v("max", question.max?.toString() ?? "")}
          error={firstError(errors, "max")}
        />
      </div>

      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold">{t("templates.evidenceTypes")}</legend>
        {firstError(errors, "evidence") ? (
          <p className="text-sm text-red-700">{firstError(errors, "evidence")}</p>
        ) : null}
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {EVIDENCE_DOCUMENT_TYPES.map((docType) => (
            <label key={docType} className="inline-flex items-center gap-1 text-xs">
              <input
                type="checkbox"
                name="evidenceTypes"
                value={docType}
                defaultChecked={evidenceTypes.includes(docType)}
              />{" "}
              {docType}
            </label>
          ))}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="expiryRequired"
            defaultChecked={checked("expiryRequired", question.evidence?.expiryRequired ?? false)}
          />{" "}
          {t("templates.expiryRequired")}
        </label>
      </fieldset>

      <p className="text-xs text-slate-600">{t("templates.otherSettingsKept")}</p>
      <div className="flex gap-2">
        <Button type="submit">{t("templates.saveQuestion")}</Button>
        <Link to="." className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm">
          {t("templates.closeEditor")}
        </Link>
      </div>
    </Form>
  );
}

/** The first error of the references field or of one of its keys (`references[2]`). */
function firstReferenceError(errors: Map<string, string>): string | undefined {
  for (const [path, message] of errors)
    if (path === "references" || (path.startsWith("references[") && path.endsWith("]")))
      return message;
  return undefined;
}
