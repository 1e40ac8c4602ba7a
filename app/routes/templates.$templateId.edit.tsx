// The draft editor. Works without JavaScript: every change is a plain form POST carrying the
// draft's revision; the server applies it to the draft, validates the whole definition and
// either saves (revision + 1) or shows the errors next to the fields, keeping what was typed.
// A stale revision (a colleague saved meanwhile) is refused with a message; nothing is lost.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { templateFileErrorText } from "~/components/templates/template-file-error-text";
import { TemplatePreview } from "~/components/templates/template-preview";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { ParserBusyError, PARSER_BUSY_RETRY_AFTER_SECONDS } from "~/modules/parsing/parser-pool.server";
import {
  CONDITION_SOURCE_TYPES,
  EVIDENCE_DOCUMENT_TYPES,
  TEMPLATE_QUESTION_TYPES,
  type TemplateDefinition,
  type TemplateDefinitionError,
  type TemplateQuestion,
} from "~/modules/questionnaires/template-definition";
import { discardTemplateDraft } from "~/modules/templates/discard-template-draft.server";
import * as edits from "~/modules/templates/draft-edits";
import { findDraft, findTemplate } from "~/modules/templates/find-template.server";
import { publishTemplateDraft } from "~/modules/templates/publish-template-draft.server";
import { readTemplateForm } from "~/modules/templates/read-template-form.server";
import { saveTemplateDraft } from "~/modules/templates/save-template-draft.server";
import { parseTemplateFileInWorker } from "~/modules/templates/parse-template-file.server";
import { serializeTemplate, type TemplateFileError } from "~/modules/templates/template-file";
import { DomainError } from "~/utils/errors";
import { runUseCase } from "~/utils/http.server";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";
import { ScrollRegion } from "~/components/ui/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [translatedTitle(matches, "templates.editorTitle", { name: data?.template.name ?? "" })];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "template:edit");
  const template = await runUseCase(() => findTemplate(actor, params.templateId ?? ""));
  const draft = await findDraft(template.id);
  if (!draft) return redirect(`/templates/${template.id}`);
  return {
    template,
    draft: { id: draft.id, version: draft.version, revision: draft.revision, definition: draft.definition },
    yaml: serializeTemplate(draft.definition, "yaml"),
  };
}

type Posted = Record<string, string | string[]>;
type ActionResult = {
  /** Problems that block the page: a conflict, nothing to publish, every parser worker busy. */
  problem: { key: "conflict" | "conflictGone" | "identical" | "busy"; revision?: number; version?: number } | null;
  errors: TemplateFileError[];
  /** The form that failed (intent + target) and what was typed in it. */
  intent: string;
  target: string;
  posted: Posted;
};

function postedValues(form: FormData): Posted {
  const out: Posted = {};
  for (const name of new Set(form.keys())) {
    const all = form.getAll(name).filter((v): v is string => typeof v === "string");
    out[name] = all.length > 1 || name === "evidenceTypes" ? all : (all[0] ?? "");
  }
  return out;
}

function conflictOf(error: unknown): ActionResult["problem"] {
  if (!(error instanceof DomainError)) return null;
  if (error.code === "CONFLICT") {
    const current = error.details?.currentRevision;
    return typeof current === "number" ? { key: "conflict", revision: current } : { key: "conflictGone" };
  }
  if (error.code === "INVALID_STATE" && error.details?.reason === "identical") return { key: "identical", version: Number(error.details.version) };
  return null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "template:edit");
  // Ownership first: a foreign or unknown id is 404 whatever the form says.
  const template = await runUseCase(() => findTemplate(actor, params.templateId ?? ""));
  const form = await readTemplateForm(request);
  const values = edits.formValuesOf(form);
  const intent = readIntent(values, ["meta", "add-section", "update-section", "move-section", "delete-section", "add-question", "update-question", "move-question", "delete-question", "advanced", "publish", "discard"]);
  const target = values.get("target") ?? "";
  const revision = Number(values.get("revision"));
  if (!Number.isInteger(revision) || revision < 1) throw new Response("The form is missing the draft's revision", { status: 400 });
  const base = { intent, target, posted: postedValues(form), errors: [] as TemplateDefinitionError[], problem: null };
  const editor = `/templates/${template.id}/edit`;

  try {
    if (intent === "publish") {
      const published = await runUseCase(() => publishTemplateDraft(actor, { templateId: template.id, revision }).catch(rethrowUnlessConflict));
      return redirect(`/templates/${template.id}?version=${published.id}&notice=published&v=${published.version}`);
    }
    if (intent === "discard") {
      await runUseCase(() => discardTemplateDraft(actor, { templateId: template.id, revision }).catch(rethrowUnlessConflict));
      return redirect(`/templates/${template.id}?notice=discarded`);
    }

    const draft = await findDraft(template.id);
    if (!draft || draft.revision !== revision) {
      return data<ActionResult>({ ...base, problem: draft ? { key: "conflict", revision: draft.revision } : { key: "conflictGone" } }, { status: 409 });
    }
    const definition = draft.definition;
    let candidate: unknown;
    let next = editor;
    switch (intent) {
      case "meta":
        candidate = edits.updateTemplateMeta(definition, values);
        break;
      case "add-section": {
        const added = edits.addSection(definition);
        candidate = added.candidate;
        next = `${editor}?section=${encodeURIComponent(added.sectionKey)}#section-${added.sectionKey}`;
        break;
      }
      case "update-section":
        candidate = edits.updateSection(definition, target, values);
        break;
      case "move-section":
        candidate = edits.moveSection(definition, target, values.get("direction") === "up" ? "up" : "down");
        next = `${editor}#section-${target}`;
        break;
      case "delete-section":
        candidate = edits.deleteSection(definition, target);
        break;
      case "add-question": {
        const added = edits.addQuestion(definition, target);
        candidate = added.candidate;
        next = `${editor}?question=${encodeURIComponent(added.questionKey)}#question-${added.questionKey}`;
        break;
      }
      case "update-question":
        candidate = edits.updateQuestion(definition, target, values);
        next = `${editor}#question-${values.get("key") ?? ""}`;
        break;
      case "move-question":
        candidate = edits.moveQuestion(definition, target, values.get("direction") === "up" ? "up" : "down");
        next = `${editor}#question-${target}`;
        break;
      case "delete-question":
        candidate = edits.deleteQuestion(definition, target);
        break;
      case "advanced": {
        // Parsed in a parser worker (ADR 0014), after the size, nesting and alias checks.
        let parsed: Awaited<ReturnType<typeof parseTemplateFileInWorker>>;
        try {
          parsed = await parseTemplateFileInWorker(values.get("yaml") ?? "");
        } catch (error) {
          if (!(error instanceof ParserBusyError)) throw error;
          return data<ActionResult>({ ...base, problem: { key: "busy" } }, { status: 503, headers: { "Retry-After": String(PARSER_BUSY_RETRY_AFTER_SECONDS) } });
        }
        if (!parsed.ok) return data<ActionResult>({ ...base, errors: parsed.errors }, { status: 400 });
        candidate = parsed.definition;
        next = `${editor}?view=advanced`;
        break;
      }
      default:
        throw new Response("Unknown action", { status: 400 });
    }
    const saved = await runUseCase(() =>
      saveTemplateDraft(actor, { templateId: template.id, revision, definition: candidate, change: intent }).catch(rethrowUnlessConflict),
    );
    if (!saved.ok) return data<ActionResult>({ ...base, errors: saved.errors }, { status: 400 });
    return redirect(next);
  } catch (error) {
    if (error instanceof edits.EditTargetMissing) return data<ActionResult>({ ...base, problem: { key: "conflictGone" } }, { status: 409 });
    if (error instanceof ConflictSignal) return data<ActionResult>({ ...base, problem: error.problem }, { status: 409 });
    throw error;
  }
}

function readIntent(values: edits.FormValues, known: readonly string[]): string {
  const intent = values.get("intent") ?? "";
  if (!known.includes(intent)) throw new Response("Unknown action", { status: 400 });
  return intent;
}

class ConflictSignal extends Error {
  constructor(readonly problem: NonNullable<ActionResult["problem"]>) {
    super("conflict");
  }
}

function rethrowUnlessConflict(error: unknown): never {
  const problem = conflictOf(error);
  if (problem) throw new ConflictSignal(problem);
  throw error;
}

/* ------------------------------------------------------------------------------------------ */

function Hidden({ revision, intent, target }: { revision: number; intent: string; target?: string }) {
  return (
    <>
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="intent" value={intent} />
      {target !== undefined ? <input type="hidden" name="target" value={target} /> : null}
    </>
  );
}

/** A one-button form (move, delete, add): works without JavaScript. */
function ActionButton({ revision, intent, target, direction, children, variant = "secondary" }: { revision: number; intent: string; target: string; direction?: string; children: ReactNode; variant?: "secondary" | "danger" | "primary" }) {
  return (
    <Form method="post" className="inline">
      <Hidden revision={revision} intent={intent} target={target} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <Button type="submit" variant={variant} className="!px-2 !py-1 text-xs">
        {children}
      </Button>
    </Form>
  );
}

/** Errors whose path lies under `prefix`, by the rest of their path (e.g. `options[1].points`). */
function errorsUnder(errors: TemplateDefinitionError[], prefix: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const error of errors) {
    if (error.path === prefix) found.set("", error.message);
    else if (error.path.startsWith(`${prefix}.`) || error.path.startsWith(`${prefix}[`)) {
      const rest = error.path.slice(prefix.length).replace(/^\./, "");
      if (!found.has(rest)) found.set(rest, error.message);
    }
  }
  return found;
}

function firstError(errors: Map<string, string>, ...prefixes: string[]): string | undefined {
  for (const [path, message] of errors) {
    if (prefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))) return message;
  }
  return undefined;
}

function QuestionForm({
  question,
  earlier,
  revision,
  posted,
  errors,
}: {
  question: TemplateQuestion;
  earlier: { key: string; label: string }[];
  revision: number;
  posted: Posted | null;
  errors: Map<string, string>;
}) {
  const { t } = useT();
  const v = (name: string, stored: string) => (posted ? (typeof posted[name] === "string" ? (posted[name] as string) : "") : stored);
  const checked = (name: string, stored: boolean) => (posted ? posted[name] === "on" : stored);
  const type = v("type", question.type);
  const options = question.options ?? [];
  const rowCount = posted ? Number(posted.optionCount ?? 0) : options.length + edits.NEW_OPTION_ROWS;
  const composite = question.showIf && !("question" in question.showIf) ? question.showIf : null;
  const leaf = question.showIf && "question" in question.showIf ? question.showIf : null;
  const evidenceTypes = posted ? ((posted.evidenceTypes as string[] | undefined) ?? []) : (question.evidence?.documentTypes ?? []);
  return (
    <Form method="post" className="mt-3 space-y-4 rounded-md border border-brand-200 bg-brand-50/40 p-4" aria-label={t("templates.editQuestion")}>
      <Hidden revision={revision} intent="update-question" target={question.key} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("templates.questionKey")} name="key" defaultValue={v("key", question.key)} error={firstError(errors, "key")} required />
        <SelectField
          label={t("templates.questionType")}
          name="type"
          defaultValue={type}
          options={TEMPLATE_QUESTION_TYPES.map((value) => ({ value, label: value }))}
          error={firstError(errors, "type")}
        />
        <TextAreaField label={t("templates.labelEn")} name="labelEn" rows={2} defaultValue={v("labelEn", question.label.en)} error={firstError(errors, "label.en", "label")} />
        <TextAreaField label={t("templates.labelDe")} name="labelDe" rows={2} defaultValue={v("labelDe", question.label.de)} error={firstError(errors, "label.de")} />
        <TextAreaField label={t("templates.helpEn")} name="helpEn" rows={2} defaultValue={v("helpEn", question.help?.en ?? "")} error={firstError(errors, "help.en", "help")} />
        <TextAreaField label={t("templates.helpDe")} name="helpDe" rows={2} defaultValue={v("helpDe", question.help?.de ?? "")} error={firstError(errors, "help.de")} />
        <TextField label={t("templates.weight")} name="weight" inputMode="decimal" defaultValue={v("weight", String(question.weight))} error={firstError(errors, "weight")} />
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="required" defaultChecked={checked("required", question.required)} /> {t("templates.required")}
        </label>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("templates.options")}</legend>
        <p className="text-xs text-slate-600">{t("templates.optionsHint")}</p>
        {firstError(errors, "options") && !errors.has("options") ? null : errors.get("options") ? <p className="text-sm text-red-700">{errors.get("options")}</p> : null}
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
                      <input type="hidden" name={name("original")} value={posted ? v(name("original"), "") : (option?.value ?? "")} />
                      <input aria-label={`${t("templates.optionValue")} ${i + 1}`} name={name("value")} defaultValue={v(name("value"), option?.value ?? "")} className="w-full rounded border border-slate-300 px-1 py-0.5" />
                      {rowError ? <p className="text-red-700">{rowError}</p> : null}
                    </td>
                    <td className="pr-1">
                      <input aria-label={`${t("templates.optionLabelEn")} ${i + 1}`} name={name("labelEn")} defaultValue={v(name("labelEn"), option?.label.en ?? "")} className="w-full rounded border border-slate-300 px-1 py-0.5" />
                    </td>
                    <td className="pr-1">
                      <input aria-label={`${t("templates.optionLabelDe")} ${i + 1}`} name={name("labelDe")} defaultValue={v(name("labelDe"), option?.label.de ?? "")} className="w-full rounded border border-slate-300 px-1 py-0.5" />
                    </td>
                    <td className="pr-1">
                      <input aria-label={`${t("templates.optionPoints")} ${i + 1}`} name={name("points")} inputMode="decimal" defaultValue={v(name("points"), option ? String(option.points) : "")} className="w-16 rounded border border-slate-300 px-1 py-0.5" />
                    </td>
                    <td>
                      <input type="checkbox" aria-label={`${t("templates.optionExclusive")} ${i + 1}`} name={name("exclusive")} defaultChecked={checked(name("exclusive"), option?.exclusive ?? false)} />
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
        <TextField label={t("templates.knockOutWhen")} hint={t("templates.knockOutWhenHint")} name="knockOutWhen" defaultValue={v("knockOutWhen", question.knockOut?.when.join(", ") ?? "")} error={firstError(errors, "knockOut.when", "knockOut")} />
        <TextField label={t("templates.knockOutLabelEn")} name="knockOutLabelEn" defaultValue={v("knockOutLabelEn", question.knockOut?.label.en ?? "")} error={firstError(errors, "knockOut.label.en")} />
        <TextField label={t("templates.knockOutLabelDe")} name="knockOutLabelDe" defaultValue={v("knockOutLabelDe", question.knockOut?.label.de ?? "")} error={firstError(errors, "knockOut.label.de")} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="text-sm font-semibold">{t("templates.showIf")}</legend>
        <SelectField
          label={t("templates.showIfQuestion")}
          name="showIfQuestion"
          defaultValue={v("showIfQuestion", leaf?.question ?? "")}
          options={[{ value: "", label: t("templates.showIfAlways") }, ...earlier.map((q) => ({ value: q.key, label: `${q.key} – ${q.label}`.slice(0, 90) }))]}
          error={firstError(errors, "showIf.question", "showIf")}
        />
        <TextField label={t("templates.showIfValues")} name="showIfValues" defaultValue={v("showIfValues", leaf?.in.join(", ") ?? "")} error={firstError(errors, "showIf.in")} />
        {composite ? (
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="showIfMode" value="composite" defaultChecked={posted ? posted.showIfMode === "composite" : true} />
            {t("templates.showIfComposite", { condition: JSON.stringify(composite) })}
          </label>
        ) : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextAreaField label={t("templates.regulationRefs")} hint={t("templates.regulationRefsHint")} name="regulationRefs" rows={3} defaultValue={v("regulationRefs", question.regulationRefs.join("\n"))} error={firstError(errors, "regulationRefs")} />
        <TextField label={t("templates.tags")} hint={t("templates.tagsHint")} name="tags" defaultValue={v("tags", question.tags.join(", "))} error={firstError(errors, "tags")} />
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("templates.unit")} name="unit" defaultValue={v("unit", question.unit ?? "")} error={firstError(errors, "unit")} />
        <TextField label={t("templates.min")} name="min" inputMode="decimal" defaultValue={v("min", question.min?.toString() ?? "")} error={firstError(errors, "min")} />
        <TextField label={t("templates.max")} name="max" inputMode="decimal" defaultValue={v("max", question.max?.toString() ?? "")} error={firstError(errors, "max")} />
      </div>

      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold">{t("templates.evidenceTypes")}</legend>
        {firstError(errors, "evidence") ? <p className="text-sm text-red-700">{firstError(errors, "evidence")}</p> : null}
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {EVIDENCE_DOCUMENT_TYPES.map((docType) => (
            <label key={docType} className="inline-flex items-center gap-1 text-xs">
              <input type="checkbox" name="evidenceTypes" value={docType} defaultChecked={evidenceTypes.includes(docType)} /> {docType}
            </label>
          ))}
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="expiryRequired" defaultChecked={checked("expiryRequired", question.evidence?.expiryRequired ?? false)} /> {t("templates.expiryRequired")}
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

export default function TemplateEditorPage() {
  const { template, draft, yaml } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, locale } = useT();
  const definition = draft.definition as TemplateDefinition;
  const revision = draft.revision;
  const view = params.get("view") ?? "structure";
  const errors = actionData?.errors ?? [];
  const failed = (intent: string, target?: string) => actionData && actionData.intent === intent && (target === undefined || actionData.target === target);
  const openQuestion = failed("update-question") ? actionData!.target : params.get("question");
  const openSection = failed("update-section") ? actionData!.target : params.get("section");
  const problem = actionData?.problem;
  const tab = (name: string, label: string) => (
    <Link to={name === "structure" ? "." : `?view=${name}`} aria-current={view === name ? "page" : undefined} className={`rounded-t-md px-3 py-1.5 text-sm ${view === name ? "bg-white font-semibold shadow-sm" : "text-slate-600 hover:bg-slate-100"}`}>
      {label}
    </Link>
  );
  const questions = definition.sections.flatMap((s) => s.questions);

  return (
    <div className="space-y-4">
      <Link to={`/templates/${template.id}`} className="text-sm text-brand-700 hover:underline">
        ← {t("templates.backToTemplate")}
      </Link>
      <PageHeader title={t("templates.editorTitle", { name: template.name })}>{t("templates.editorIntro", { version: draft.version, revision })}</PageHeader>
      {params.get("notice") === "imported" ? <Alert tone="success">{t("templates.noticeImported")}</Alert> : null}
      {problem ? (
        <Alert tone="error">
          {problem.key === "conflict"
            ? t("templates.conflict", { revision: problem.revision ?? "" })
            : problem.key === "identical"
              ? t("templates.identical", { version: problem.version ?? "" })
              : problem.key === "busy"
                ? t("templates.parserBusy")
                : t("templates.conflictGone")}
        </Alert>
      ) : null}
      {errors.length > 0 ? (
        <Alert tone="error">
          <p className="font-medium">{t("templates.errorsTitle")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 font-mono text-xs" data-testid="editor-errors">
            {errors.map((error, index) => (
              <li key={index}>{error.path === "(file)" ? templateFileErrorText(t, error) : `${error.path}: ${error.message}`}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <Card>
        <div className="flex flex-wrap items-center gap-3">
          <Form method="post">
            <Hidden revision={revision} intent="publish" />
            <Button type="submit">{t("templates.publish", { version: draft.version })}</Button>
          </Form>
          <Form method="post">
            <Hidden revision={revision} intent="discard" />
            <Button type="submit" variant="danger">
              {t("templates.discard")}
            </Button>
          </Form>
          <p className="text-xs text-slate-600">{t("templates.publishHint")}</p>
        </div>
      </Card>

      <nav className="flex gap-1 border-b border-slate-200" aria-label={t("templates.tabStructure")}>
        {tab("structure", t("templates.tabStructure"))}
        {tab("preview", t("templates.tabPreview"))}
        {tab("advanced", t("templates.tabAdvanced"))}
      </nav>

      {view === "preview" ? (
        <Card>
          <p className="mb-4 text-sm text-slate-600">{t("templates.previewIntro")}</p>
          <div className="grid gap-8 lg:grid-cols-2">
            <TemplatePreview definition={definition} locale="en" />
            <TemplatePreview definition={definition} locale="de" />
          </div>
        </Card>
      ) : view === "advanced" ? (
        <Card>
          <Form method="post" className="space-y-3">
            <Hidden revision={revision} intent="advanced" />
            <TextAreaField
              label={t("templates.tabAdvanced")}
              hint={t("templates.advancedHint")}
              name="yaml"
              rows={30}
              spellCheck={false}
              defaultValue={failed("advanced") && typeof actionData?.posted.yaml === "string" ? actionData.posted.yaml : yaml}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
            />
            <Button type="submit">{t("templates.advancedSave")}</Button>
          </Form>
        </Card>
      ) : (
        <div className="space-y-4">
          <Card title={t("templates.templateDetails")}>
            <Form method="post" className="grid gap-4 sm:grid-cols-2">
              <Hidden revision={revision} intent="meta" />
              <TextField label={t("templates.titleEn")} name="titleEn" defaultValue={failed("meta") ? String(actionData!.posted.titleEn ?? "") : definition.title.en} error={errorsUnder(errors, "title").get("en")} />
              <TextField label={t("templates.titleDe")} name="titleDe" defaultValue={failed("meta") ? String(actionData!.posted.titleDe ?? "") : definition.title.de} error={errorsUnder(errors, "title").get("de")} />
              <TextAreaField label={t("templates.descriptionEn")} name="descriptionEn" rows={2} defaultValue={failed("meta") ? String(actionData!.posted.descriptionEn ?? "") : (definition.description?.en ?? "")} error={errorsUnder(errors, "description").get("en")} />
              <TextAreaField label={t("templates.descriptionDe")} name="descriptionDe" rows={2} defaultValue={failed("meta") ? String(actionData!.posted.descriptionDe ?? "") : (definition.description?.de ?? "")} error={errorsUnder(errors, "description").get("de")} />
              <div>
                <Button type="submit" variant="secondary">
                  {t("templates.saveDetails")}
                </Button>
              </div>
            </Form>
          </Card>

          {definition.sections.map((section, s) => {
            const sectionErrors = errorsUnder(errors, `sections[${s}]`);
            const posted = failed("update-section", section.key) ? actionData!.posted : null;
            const pv = (name: string, stored: string) => (posted ? String(posted[name] ?? "") : stored);
            return (
              <section key={section.key} id={`section-${section.key}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="text-lg font-semibold">
                    {section.title[locale]} <span className="font-mono text-xs text-slate-500">{section.key}</span>
                  </h2>
                  <span className="ml-auto flex flex-wrap gap-1">
                    <Link to={`?section=${encodeURIComponent(section.key)}#section-${section.key}`} className="rounded-md border border-slate-300 px-2 py-1 text-xs">
                      {t("templates.editSection")}
                    </Link>
                    <ActionButton revision={revision} intent="move-section" target={section.key} direction="up">
                      ↑ <span className="sr-only">{t("templates.moveUp")}</span>
                    </ActionButton>
                    <ActionButton revision={revision} intent="move-section" target={section.key} direction="down">
                      ↓ <span className="sr-only">{t("templates.moveDown")}</span>
                    </ActionButton>
                    <ActionButton revision={revision} intent="delete-section" target={section.key} variant="danger">
                      {t("templates.deleteSection")}
                    </ActionButton>
                  </span>
                </div>
                {sectionErrors.get("") || sectionErrors.get("questions") ? <p className="text-sm text-red-700">{sectionErrors.get("") ?? sectionErrors.get("questions")}</p> : null}
                {openSection === section.key ? (
                  <Form method="post" className="mt-3 grid gap-4 rounded-md border border-brand-200 bg-brand-50/40 p-4 sm:grid-cols-2">
                    <Hidden revision={revision} intent="update-section" target={section.key} />
                    <TextField label={t("templates.sectionKey")} name="key" defaultValue={pv("key", section.key)} error={sectionErrors.get("key")} />
                    <TextField label={t("templates.sectionWeight")} name="weight" inputMode="decimal" defaultValue={pv("weight", String(section.weight))} error={sectionErrors.get("weight")} />
                    <TextField label={t("templates.titleEn")} name="titleEn" defaultValue={pv("titleEn", section.title.en)} error={sectionErrors.get("title.en")} />
                    <TextField label={t("templates.titleDe")} name="titleDe" defaultValue={pv("titleDe", section.title.de)} error={sectionErrors.get("title.de")} />
                    <TextAreaField label={t("templates.descriptionEn")} name="descriptionEn" rows={2} defaultValue={pv("descriptionEn", section.description?.en ?? "")} error={sectionErrors.get("description.en")} />
                    <TextAreaField label={t("templates.descriptionDe")} name="descriptionDe" rows={2} defaultValue={pv("descriptionDe", section.description?.de ?? "")} error={sectionErrors.get("description.de")} />
                    <div className="flex gap-2">
                      <Button type="submit">{t("templates.saveSection")}</Button>
                      <Link to="." className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm">
                        {t("templates.closeEditor")}
                      </Link>
                    </div>
                  </Form>
                ) : null}
                <ol className="mt-3 space-y-2">
                  {section.questions.map((question, q) => {
                    const prefix = `sections[${s}].questions[${q}]`;
                    const questionErrors = errorsUnder(errors, prefix);
                    const index = questions.findIndex((x) => x.key === question.key);
                    const earlier = questions
                      .slice(0, index)
                      .filter((x) => (CONDITION_SOURCE_TYPES as readonly string[]).includes(x.type))
                      .map((x) => ({ key: x.key, label: x.label[locale] }));
                    return (
                      <li key={question.key} id={`question-${question.key}`} className="rounded-md border border-slate-100 p-2">
                        <div className="flex flex-wrap items-start gap-2">
                          <div className="min-w-0 flex-1">
                            <p className="text-sm font-medium" data-testid="question-label">
                              {question.label[locale]}
                            </p>
                            <p className="font-mono text-xs text-slate-500">
                              {question.key} · {question.type}
                              {question.required ? ` · ${t("templates.required")}` : ""} · {t("templates.weight")} {question.weight}
                            </p>
                            {questionErrors.size > 0 && openQuestion !== question.key ? (
                              <p className="text-xs text-red-700">{[...questionErrors.entries()].map(([path, message]) => `${path || "question"}: ${message}`).join("; ")}</p>
                            ) : null}
                          </div>
                          <span className="flex flex-wrap gap-1">
                            <Link to={`?question=${encodeURIComponent(question.key)}#question-${question.key}`} className="rounded-md border border-slate-300 px-2 py-1 text-xs" aria-label={`${t("templates.editQuestion")} ${question.key}`}>
                              {t("templates.editQuestion")}
                            </Link>
                            <ActionButton revision={revision} intent="move-question" target={question.key} direction="up">
                              ↑ <span className="sr-only">{t("templates.moveUp")} {question.key}</span>
                            </ActionButton>
                            <ActionButton revision={revision} intent="move-question" target={question.key} direction="down">
                              ↓ <span className="sr-only">{t("templates.moveDown")} {question.key}</span>
                            </ActionButton>
                            <ActionButton revision={revision} intent="delete-question" target={question.key} variant="danger">
                              {t("templates.deleteQuestion")} <span className="sr-only">{question.key}</span>
                            </ActionButton>
                          </span>
                        </div>
                        {openQuestion === question.key ? (
                          <QuestionForm
                            question={question}
                            earlier={earlier}
                            revision={revision}
                            posted={failed("update-question", question.key) ? actionData!.posted : null}
                            errors={questionErrors}
                          />
                        ) : null}
                      </li>
                    );
                  })}
                </ol>
                <div className="mt-3">
                  <ActionButton revision={revision} intent="add-question" target={section.key}>
                    + {t("templates.addQuestion")}
                  </ActionButton>
                </div>
              </section>
            );
          })}
          <Form method="post">
            <Hidden revision={revision} intent="add-section" />
            <Button type="submit" variant="secondary">
              + {t("templates.addSection")}
            </Button>
          </Form>
        </div>
      )}
    </div>
  );
}
