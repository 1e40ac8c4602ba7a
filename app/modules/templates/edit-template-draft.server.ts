import { z } from "zod";
import { DomainError } from "../../utils/errors";
import { ParserBusyError } from "../parsing/parser-pool.server";
import { discardTemplateDraft } from "./discard-template-draft.server";
import * as edits from "./draft-edits";
import { findDraft, findTemplate } from "./find-template.server";
import { parseTemplateFileInWorker } from "./parse-template-file.server";
import { publishTemplateDraft } from "./publish-template-draft.server";
import { saveTemplateDraft } from "./save-template-draft.server";
import { requireTemplateWriter, type TemplateActor } from "./template-access";
import { TEMPLATE_EDITOR_INTENTS, type EditorProblem } from "./template-editor-form";
import type { TemplateFileError } from "./template-file";

const isFormValues = (value: unknown): value is edits.FormValues =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as edits.FormValues).get === "function" &&
  typeof (value as edits.FormValues).getAll === "function";

/**
 * One post of the draft editor. The envelope (which draft, at which revision, what to do, to
 * what) is checked here; the fields of the edit itself are read by the pure edits in
 * draft-edits.ts, and the whole resulting definition is validated by saveTemplateDraft.
 */
export const editTemplateDraftSchema = z.object({
  templateId: z.string().min(1).max(64),
  revision: z.coerce.number().int().min(1),
  intent: z.enum(TEMPLATE_EDITOR_INTENTS),
  // The key of the section or question the edit is about ("" for template-wide edits).
  target: z.string().max(200).default(""),
  values: z.custom<edits.FormValues>(isFormValues),
});
export type EditTemplateDraftInput = z.infer<typeof editTemplateDraftSchema>;
/** What a caller hands over: the raw form fields, checked here (a form may carry anything). */
export type EditTemplateDraftRequest = {
  [K in keyof z.input<typeof editTemplateDraftSchema>]: unknown;
};

export type EditTemplateDraftOutcome =
  /** Done: where the editor continues (the edited element, or the template after publish/discard). */
  | { kind: "done"; redirectTo: string }
  /** Nothing changed: a colleague saved or published meanwhile, nothing to publish, parsers busy. */
  | { kind: "refused"; problem: EditorProblem; status: 409 | 503 }
  /** Nothing changed: the edited definition breaks a rule; the errors carry its paths. */
  | { kind: "invalid"; errors: TemplateFileError[] };

/**
 * Applies one editor post to the template's draft. Every edit carries the revision the editor
 * showed: a stale one (a colleague saved meanwhile) is refused as a conflict and nothing is lost.
 * Throws VALIDATION for an envelope no form of ours sends, NOT_FOUND for a foreign template.
 */
export async function editTemplateDraft(
  actor: TemplateActor,
  input: EditTemplateDraftRequest,
): Promise<EditTemplateDraftOutcome> {
  requireTemplateWriter(actor);
  const parsed = editTemplateDraftSchema.safeParse(input);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    throw new DomainError(
      "VALIDATION",
      field === "revision" ? "errors.draftRevisionMissing" : "errors.unknownFormAction",
    );
  }
  const { templateId, revision, intent, target, values } = parsed.data;
  const template = await findTemplate(actor, templateId);
  try {
    if (intent === "publish") {
      const published = await publishTemplateDraft(actor, { templateId: template.id, revision });
      return {
        kind: "done",
        redirectTo: `/templates/${template.id}?version=${published.id}&notice=published&v=${published.version}`,
      };
    }
    if (intent === "discard") {
      await discardTemplateDraft(actor, { templateId: template.id, revision });
      return { kind: "done", redirectTo: `/templates/${template.id}?notice=discarded` };
    }
    const draft = await findDraft(template.id);
    if (!draft || draft.revision !== revision) {
      return {
        kind: "refused",
        status: 409,
        problem: draft ? { key: "conflict", revision: draft.revision } : { key: "conflictGone" },
      };
    }
    const applied = await applyEdit(
      draft.definition,
      intent,
      target,
      values,
      `/templates/${template.id}/edit`,
    );
    if (applied.kind !== "candidate") return applied;
    const saved = await saveTemplateDraft(actor, {
      templateId: template.id,
      revision,
      definition: applied.candidate,
      change: intent,
    });
    if (!saved.ok) return { kind: "invalid", errors: saved.errors };
    return { kind: "done", redirectTo: applied.next };
  } catch (error) {
    const problem = conflictOf(error);
    if (problem) return { kind: "refused", status: 409, problem };
    throw error;
  }
}

type Applied =
  | { kind: "candidate"; candidate: unknown; next: string }
  | Extract<EditTemplateDraftOutcome, { kind: "refused" | "invalid" }>;

/** The edited definition (not yet validated) and where the editor continues after saving it. */
async function applyEdit(
  definition: Parameters<typeof edits.updateTemplateMeta>[0],
  intent: Exclude<EditTemplateDraftInput["intent"], "publish" | "discard">,
  target: string,
  values: edits.FormValues,
  editor: string,
): Promise<Applied> {
  const direction = values.get("direction") === "up" ? "up" : "down";
  const candidate = (value: unknown, next = editor): Applied => ({
    kind: "candidate",
    candidate: value,
    next,
  });
  switch (intent) {
    case "meta":
      return candidate(edits.updateTemplateMeta(definition, values));
    case "add-section": {
      const added = edits.addSection(definition);
      return candidate(
        added.candidate,
        `${editor}?section=${encodeURIComponent(added.sectionKey)}#section-${added.sectionKey}`,
      );
    }
    case "update-section":
      return candidate(edits.updateSection(definition, target, values));
    case "move-section":
      return candidate(
        edits.moveSection(definition, target, direction),
        `${editor}#section-${target}`,
      );
    case "delete-section":
      return candidate(edits.deleteSection(definition, target));
    case "add-question": {
      const added = edits.addQuestion(definition, target);
      return candidate(
        added.candidate,
        `${editor}?question=${encodeURIComponent(added.questionKey)}#question-${added.questionKey}`,
      );
    }
    case "update-question":
      return candidate(
        edits.updateQuestion(definition, target, values),
        `${editor}#question-${values.get("key") ?? ""}`,
      );
    case "move-question":
      return candidate(
        edits.moveQuestion(definition, target, direction),
        `${editor}#question-${target}`,
      );
    case "delete-question":
      return candidate(edits.deleteQuestion(definition, target));
    case "advanced": {
      // Parsed in a parser worker (ADR 0014), after the size, nesting and alias checks.
      let parsed: Awaited<ReturnType<typeof parseTemplateFileInWorker>>;
      try {
        parsed = await parseTemplateFileInWorker(values.get("yaml") ?? "");
      } catch (error) {
        if (!(error instanceof ParserBusyError)) throw error;
        return { kind: "refused", status: 503, problem: { key: "busy" } };
      }
      if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
      return candidate(parsed.definition, `${editor}?view=advanced`);
    }
  }
}

/** The refusals a colleague's concurrent change causes, as the page shows them; null for anything else. */
function conflictOf(error: unknown): EditorProblem | null {
  if (error instanceof edits.EditTargetMissing) return { key: "conflictGone" };
  if (!(error instanceof DomainError)) return null;
  if (error.code === "CONFLICT") {
    const current = error.details?.currentRevision;
    return typeof current === "number"
      ? { key: "conflict", revision: current }
      : { key: "conflictGone" };
  }
  if (error.code === "INVALID_STATE" && error.details?.reason === "identical")
    return { key: "identical", version: Number(error.details.version) };
  return null;
}
