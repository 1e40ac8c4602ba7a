import { z } from "zod";
import type { VendorActor } from "~/modules/auth/actor";
import { runUseCase } from "~/utils/http.server";
import type { LocalizedMessage } from "~/utils/i18n";
import { changesFromForm } from "./form-changes";
import { saveAnswers } from "./save-answers.server";
import { submitAssessment } from "./submit-assessment.server";
import { confirmCarriedAnswers } from "./confirm-carried-answers.server";
import { getVendorQuestionnaire } from "./vendor-questionnaire.server";

/** "submit" saves and then submits; "confirm_carried" confirms a re-review's carried answers; anything else only saves. */
export const portalFormIntentSchema = z.enum(["save", "submit", "confirm_carried"]).catch("save");
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
}

const EMPTY_SUMMARY: PortalFormSummary = {
  saved: 0,
  conflicts: [],
  invalid: [],
  missingRequired: [],
  carriedUnconfirmed: false,
  carriedConfirmed: false,
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
  const { form } = input;
  const intent = portalFormIntentSchema.parse(form.get("intent"));
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
    saved: outcomes.filter((o) => o.status === "saved").length,
    conflicts: outcomes.flatMap((o) =>
      o.status === "conflict"
        ? [{ questionKey: o.questionKey, yourValue: o.yourValue, currentValue: o.currentValue }]
        : [],
    ),
    invalid: rejected,
    missingRequired: [],
    carriedUnconfirmed: false,
    carriedConfirmed: false,
  };
  if (intent === "save" || summary.conflicts.length > 0 || rejected.length > 0) {
    return {
      kind: "summary",
      status: summary.conflicts.length > 0 ? 409 : rejected.length > 0 ? 400 : 200,
      summary,
    };
  }
  const result = await runUseCase(() => submitAssessment(actor));
  if (!result.ok)
    return {
      kind: "summary",
      status: 400,
      summary: {
        ...summary,
        missingRequired: result.missingRequired,
        carriedUnconfirmed: result.carriedUnconfirmed === true,
      },
    };
  return { kind: "submitted" };
}
