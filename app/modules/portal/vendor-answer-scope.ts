import type { MessageKey } from "../../utils/i18n";
import { VENDOR_EDITABLE } from "../assessments/assessment-status";

/**
 * The one rule for what a vendor contact may change right now, shared by every reader of vendor
 * input (the plain form, autosave, evidence upload and removal) and by the page that decides
 * which inputs are enabled:
 *  - nothing once the questionnaire is submitted (or decided);
 *  - a delegated colleague only the sections delegated to them;
 *  - while a change request is open, only the questions it reopened;
 *  - in a re-review (issue 14 item 8), only the questions asked again: carried answers are
 *    confirmed as a whole, not edited (a change request can reopen one).
 * Pure (no I/O): the caller loads status, delegation and the open change request.
 */
export interface VendorAnswerScope {
  status: string;
  /** Sections of a delegated colleague; null: every section. */
  sections: readonly string[] | null;
  /** Questions reopened by the open change request; null: no change request is open. */
  reopened: readonly string[] | null;
  /** In a re-review: the questions asked again (the delta); null: not a re-review. */
  delta: readonly string[] | null;
}

/** Why a question cannot be changed; the codes double as evidence error codes. */
export type AnswerLock = "read_only" | "section_not_delegated" | "not_reopened" | "carried";

/** Why an answer cannot change, as a message key the page or the JSON response translates. */
export const ANSWER_LOCK_MESSAGES: Record<AnswerLock, MessageKey> = {
  read_only: "errors.questionnaireReadOnly",
  section_not_delegated: "errors.sectionNotDelegated",
  not_reopened: "errors.questionNotReopened",
  carried: "reReview.errorCarriedReadOnly",
};

/** Is the questionnaire open for the vendor at all (not yet submitted, or sent back)? */
export function questionnaireOpen(scope: Pick<VendorAnswerScope, "status">): boolean {
  return (VENDOR_EDITABLE as readonly string[]).includes(scope.status);
}

export function answerLock(
  scope: VendorAnswerScope,
  question: { key: string; sectionKey: string },
): AnswerLock | null {
  if (!questionnaireOpen(scope)) return "read_only";
  if (scope.sections && !scope.sections.includes(question.sectionKey))
    return "section_not_delegated";
  // An open change request decides alone: it may reopen a carried answer.
  if (scope.reopened) return scope.reopened.includes(question.key) ? null : "not_reopened";
  if (scope.delta && !scope.delta.includes(question.key)) return "carried";
  return null;
}

/** The keys of the questions this contact may change now, in the order given. */
export function changeableQuestionKeys(
  scope: VendorAnswerScope,
  questions: readonly { key: string; sectionKey: string }[],
): string[] {
  return questions
    .filter((question) => answerLock(scope, question) === null)
    .map((question) => question.key);
}

/** May this contact see the section at all (its questions, answers and evidence files)? */
export function sectionVisible(
  scope: Pick<VendorAnswerScope, "sections">,
  sectionKey: string,
): boolean {
  return !scope.sections || scope.sections.includes(sectionKey);
}
