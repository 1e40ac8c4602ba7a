import { z } from "zod";
import type { VendorActor } from "~/modules/auth/actor";
import { runUseCase } from "~/utils/http.server";
import type { LocalizedMessage } from "~/utils/i18n";
import { changesFromForm } from "./form-changes";
import { saveAnswers } from "./save-answers.server";
import { submitAssessment } from "./submit-assessment.server";
import { confirmCarriedAnswers } from "./confirm-carried-answers.server";
import { getVendorQuestionnaire } from "./vendor-questionnaire.server";
import { checkSubmitReadiness } from "./check-submit-readiness.server";
import { markSectionsDone } from "./mark-sections-done.server";
import { parseRowIntent, postedRows, withoutRow, type PostedRow } from "./subprocessor-rows";

/**
 * "submit" saves and then asks for confirmation (when nothing is missing); "confirm_submit"
 * submits; "sections_done" saves and tells the delegator (a colleague's sections are complete);
 * "confirm_carried" confirms a re-review's carried answers; a sub-processor table's
 * "addRow:<key>" / "removeRow:<key>:<index>" save and re-render the table (no JavaScript needed);
 * anything else only saves.
 */
export const portalFormIntentSchema = z
  .enum(["save", "submit", "confirm_submit", "confirm_carried", "sections_done"])
  .catch("save");
export type PortalFormIntent = z.infer<typeof portalFormIntentSchema>;

/** What the page shows after a plain form post: what was saved and what was refused. */
export interface PortalFormSummary {
  saved: number;
  conflicts: { questionKey: string; yourValue: unknown; currentValue: unknown }[];
  invalid: { questionKey: string; message: LocalizedMessage }[];
  missingRequired: string[];
  /** A re-review's carried answers were not yet confirmed (the submit waits for it). */
  carriedUnconfirmed: boolean;
  /** The carried answers were confirmed by this post. */
  carriedConfirmed: boolean;
  /** Nothing is missing: the page asks "submit N answers?" before the final submit. */
  confirm: { answered: number } | null;
  /** A delegated colleague's "done" went through (the delegator was told). */
  sectionsDone: boolean;
  /** A sub-processor table re-rendered by addRow/removeRow: its question and the rows to show. */
  rows: { questionKey: string; values: PostedRow[] } | null;
}

const EMPTY_SUMMARY: PortalFormSummary = {
  saved: 0,
  conflicts: [],
  invalid: [],
  missingRequired: [],
  carriedUnconfirmed: false,
  carriedConfirmed: false,
  confirm: null,
  sectionsDone: false,
  rows: null,
};

export type PortalFormResult =
  { kind: "submitted" } | { kind: "summary"; status: number; summary: PortalFormSummary };

/**
 * The plain form submit of the vendor's questionnaire (works without JavaScript): save what
 * changed, then optionally submit. Only the questions this contact may change now are read (after
 * "request changes": the reopened ones; for a colleague: their sections); fields of any other
 * question are ignored, not refused, so a page rendered before a change request, or a hand-made
 * form, never blocks the submit. Conflicts are 409, invalid or missing answers 400.
 */
export async function savePortalForm(
  actor: VendorActor,
  input: { form: FormData },
): Promise<PortalFormResult> {
  const rowIntent = parseRowIntent(input.form.get("intent"));
  // A row removed without JavaScript: its fields leave the post before it is read.
  const form = rowIntent?.kind === "removeRow" ? withoutRow(input.form, rowIntent) : input.form;
  const intent = rowIntent ? "save" : portalFormIntentSchema.parse(form.get("intent"));
  if (intent === "confirm_submit") return finalSubmit(actor);
  if (intent === "confirm_carried") {
    // Its own small form: it carries no answers, so nothing else is saved with it.
    await runUseCase(() => confirmCarriedAnswers(actor));
    return { kind: "summary", status: 200, summary: { ...EMPTY_SUMMARY, carriedConfirmed: true } };
  }
  const { sections, changeable } = await getVendorQuestionnaire(actor);
  const mayChange = new Set(changeable);
  const questions = sections
    .flatMap((section) => section.questions)
    .filter((question) => mayChange.has(question.key));
  const { changes, invalid } = changesFromForm(questions, form);
  const outcomes = changes.length > 0 ? await runUseCase(() => saveAnswers(actor, changes)) : [];
  const rejected = [
    ...invalid,
    ...outcomes.flatMap((o) =>
      o.status === "invalid" ? [{ questionKey: o.questionKey, message: o.message }] : [],
    ),
  ];
  const summary: PortalFormSummary = {
    ...EMPTY_SUMMARY,
    saved: outcomes.filter((o) => o.status === "saved").length,
    conflicts: outcomes.flatMap((o) =>
      o.status === "conflict"
        ? [{ questionKey: o.questionKey, yourValue: o.yourValue, currentValue: o.currentValue }]
        : [],
    ),
    invalid: rejected,
    rows: rowIntent
      ? { questionKey: rowIntent.questionKey, values: postedRows(form, rowIntent) }
      : null,
  };
  if (intent === "save" || summary.conflicts.length > 0 || rejected.length > 0) {
    return {
      kind: "summary",
      status: summary.conflicts.length > 0 ? 409 : rejected.length > 0 ? 400 : 200,
      summary,
    };
  }
  // Submit and "done" wait until every required answer (of this contact's sections) is there.
  const readiness = await runUseCase(() => checkSubmitReadiness(actor));
  if (readiness.missingRequired.length > 0 || readiness.carriedUnconfirmed)
    return {
      kind: "summary",
      status: 400,
      summary: {
        ...summary,
        missingRequired: readiness.missingRequired,
        carriedUnconfirmed: readiness.carriedUnconfirmed,
      },
    };
  if (intent === "sections_done") {
    await runUseCase(() => markSectionsDone(actor));
    return { kind: "summary", status: 200, summary: { ...summary, sectionsDone: true } };
  }
  return {
    kind: "summary",
    status: 200,
    summary: { ...summary, confirm: { answered: readiness.answered } },
  };
}

/** The confirmed submit: the submit checks everything again (answers may have changed meanwhile). */
async function finalSubmit(actor: VendorActor): Promise<PortalFormResult> {
  const result = await runUseCase(() => submitAssessment(actor));
  if (result.ok) return { kind: "submitted" };
  return {
    kind: "summary",
    status: 400,
    summary: {
      ...EMPTY_SUMMARY,
      missingRequired: result.missingRequired,
      carriedUnconfirmed: result.carriedUnconfirmed === true,
    },
  };
}
