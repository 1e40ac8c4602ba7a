import { redirect } from "@remix-run/node";
import { DomainError } from "../../utils/errors";
import { TAB_PARAM, type AssessmentTab } from "../assessments/assessment-tabs";
import type { UserActor } from "../auth/actor";
import { requestChanges } from "./change-requests.server";
import { addComment } from "./comments.server";
import { createFinding, deleteFinding, updateFinding } from "./findings.server";
import {
  REVIEW_FLASH_PARAM,
  REVIEW_INTENTS,
  type ReviewIntent,
  type ReviewFlash,
} from "./review-flash";

/**
 * The review forms of the assessment page post here (route assessments.$assessmentId.review).
 * Every outcome, success or a refusal the user can fix, is a redirect back to the page with a
 * short flash in the query (`?review=<intent>:<code>`) and an anchor, so the forms work the same
 * with and without JavaScript. Wrong role and foreign ids are not fixable: they surface as
 * 403/404 through runUseCase.
 */

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const list = (form: FormData, name: string): string[] =>
  form.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");

function findingFields(form: FormData) {
  return {
    title: text(form, "title"),
    severity: text(form, "severity") as never,
    description: text(form, "description"),
    remediation: text(form, "remediation"),
    owner: text(form, "owner"),
    dueDate: text(form, "dueDate"),
    status: (text(form, "status") || "OPEN") as never,
    questionKeys: list(form, "questionKeys"),
  };
}

/** Runs one review intent; returns the flash to show (or rethrows what is not the user's to fix). */
async function runIntent(
  actor: UserActor,
  assessmentId: string,
  intent: ReviewIntent,
  form: FormData,
): Promise<{ flash: ReviewFlash; anchor: string }> {
  const findingId = text(form, "findingId");
  try {
    switch (intent) {
      case "createFinding": {
        const created = await createFinding(actor, { assessmentId, ...findingFields(form) });
        return { flash: { intent, code: "ok" }, anchor: `finding-${created.findingId}` };
      }
      case "updateFinding":
        await updateFinding(actor, {
          assessmentId,
          findingId,
          expectedVersion: text(form, "expectedVersion") as never,
          ...findingFields(form),
        });
        return { flash: { intent, code: "ok", id: findingId }, anchor: `finding-${findingId}` };
      case "deleteFinding":
        if (text(form, "confirm") !== "yes")
          return {
            flash: { intent, code: "confirmRequired", id: findingId },
            anchor: `finding-${findingId}`,
          };
        await deleteFinding(actor, {
          assessmentId,
          findingId,
          expectedVersion: text(form, "expectedVersion") as never,
        });
        return { flash: { intent, code: "ok" }, anchor: "findings" };
      case "addComment": {
        const questionKey = text(form, "questionKey") || null;
        await addComment(actor, {
          assessmentId,
          questionKey,
          visibility: text(form, "visibility") as never,
          body: text(form, "body"),
        });
        return {
          flash: { intent, code: "ok" },
          anchor: questionKey ? `answer-${questionKey}` : "comments",
        };
      }
      case "requestChanges": {
        const expected = text(form, "expectedVersion");
        await requestChanges(actor, {
          assessmentId,
          questionKeys: list(form, "questionKeys"),
          message: text(form, "message"),
          expectedVersion: expected === "" ? undefined : (expected as never),
        });
        return { flash: { intent, code: "ok" }, anchor: "change-requests" };
      }
    }
  } catch (error) {
    // Fixable refusals go back to the form; FORBIDDEN and NOT_FOUND propagate (403/404).
    if (
      error instanceof DomainError &&
      (error.code === "VALIDATION" || error.code === "CONFLICT" || error.code === "INVALID_STATE")
    ) {
      // The flash names a key of the review namespace (it travels in the query string).
      const code =
        error.code === "VALIDATION"
          ? error.key.startsWith("review.")
            ? error.key.slice("review.".length)
            : "error"
          : error.code === "CONFLICT"
            ? "conflict"
            : "invalidState";
      const anchor =
        intent === "addComment"
          ? "comments"
          : intent === "requestChanges"
            ? "request-changes"
            : findingId
              ? `finding-${findingId}`
              : "findings";
      return { flash: { intent, code, ...(findingId ? { id: findingId } : {}) }, anchor };
    }
    throw error;
  }
}

/**
 * The tab of the assessment page a review form belongs to when its URL names none (or an unknown
 * one): findings on Findings, a comment on an answer and a change request on Answers, a general
 * comment on Conversation.
 */
export function defaultTabOfReviewForm(intent: ReviewIntent, form: FormData): AssessmentTab {
  switch (intent) {
    case "createFinding":
    case "updateFinding":
    case "deleteFinding":
      return "findings";
    case "addComment":
      return text(form, "questionKey") ? "answers" : "conversation";
    case "requestChanges":
      return "answers";
  }
}

/**
 * Runs the form and redirects back to the page, on `tab` (the tab the form posted from, already
 * checked against the list of tabs) or else the tab the form belongs to.
 */
export async function handleReviewForm(
  actor: UserActor,
  assessmentId: string,
  form: FormData,
  tab: AssessmentTab | null = null,
): Promise<Response> {
  const raw = form.get("intent");
  const intent = REVIEW_INTENTS.find((i) => i === raw);
  const back = `/assessments/${encodeURIComponent(assessmentId)}`;
  if (!intent)
    return redirect(
      `${back}?${TAB_PARAM}=${tab ?? "overview"}&${REVIEW_FLASH_PARAM}=unknown:unknownIntent`,
      303,
    );
  const { flash, anchor } = await runIntent(actor, assessmentId, intent, form);
  const value = [flash.intent, flash.code, flash.id].filter(Boolean).join(":");
  const landing = tab ?? defaultTabOfReviewForm(intent, form);
  return redirect(
    `${back}?${TAB_PARAM}=${landing}&${REVIEW_FLASH_PARAM}=${encodeURIComponent(value)}#${encodeURIComponent(anchor)}`,
    303,
  );
}
