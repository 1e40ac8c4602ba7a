import { redirect } from "@remix-run/node";
import { jsonReply } from "../../utils/http.server";
import { DomainError, statusForCode, type ErrorCode } from "../../utils/errors";
import { QUESTION_KEY_PATTERN } from "../questionnaires/template-definition";
import type { ClarificationActionData, ClarificationFormError } from "./clarification-input";

/**
 * The form protocol shared by the two clarification routes and the ClarificationThreads
 * component: fields intent (ask|reply|resolve), questionKey, threadId, body, and `via=fetcher`,
 * which the component adds only once JavaScript runs. A plain POST (no JavaScript) is answered
 * with a redirect back to the question; a fetcher POST with JSON (a Response with the outcome's
 * status: both routes are resource routes, see jsonReply), so the page does not jump.
 */
export const CLARIFICATION_INTENTS = ["ask", "reply", "resolve"] as const;
export type ClarificationIntent = (typeof CLARIFICATION_INTENTS)[number];

export interface ClarificationFields {
  intent: string;
  questionKey: string;
  threadId: string;
  body: string;
  viaFetcher: boolean;
}

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export function readClarificationFields(form: FormData): ClarificationFields {
  return {
    intent: field(form, "intent"),
    questionKey: field(form, "questionKey"),
    threadId: field(form, "threadId"),
    body: field(form, "body"),
    viaFetcher: field(form, "via") === "fetcher",
  };
}

function formErrorOf(code: ErrorCode): ClarificationFormError {
  switch (code) {
    case "VALIDATION":
      return "body";
    case "NOT_FOUND":
      return "notFound";
    case "FORBIDDEN":
      return "forbidden";
    case "INVALID_STATE":
      return "closed";
    default:
      return "invalid";
  }
}

/** The answer to a request whose form is unusable (unknown intent): 400 either way. */
export function invalidClarificationForm(fields: ClarificationFields) {
  const message = "Unknown clarification action";
  if (fields.viaFetcher)
    return jsonReply(
      { ok: false, intent: fields.intent, error: "invalid" } satisfies ClarificationActionData,
      400,
    );
  return new Response(message, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * Runs the use case and answers: a redirect to `back` (plain POST) or JSON (fetcher). Domain
 * errors become their HTTP status with a short message, never a 500.
 */
export async function answerClarificationForm(
  fields: ClarificationFields,
  work: () => Promise<unknown>,
  back: string,
) {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const status = statusForCode(error.code);
    if (fields.viaFetcher)
      return jsonReply(
        {
          ok: false,
          intent: fields.intent,
          error: formErrorOf(error.code),
        } satisfies ClarificationActionData,
        status,
      );
    return new Response(error.message, {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  if (fields.viaFetcher)
    return jsonReply({ ok: true, intent: fields.intent } satisfies ClarificationActionData);
  // 303: the browser follows with a GET of the page, scrolled to the question.
  return redirect(back, 303);
}

/** `#<prefix><key>` for a well-formed question key; nothing otherwise (the key is user input). */
export function anchorFor(prefix: string, questionKey: string): string {
  return QUESTION_KEY_PATTERN.test(questionKey) && questionKey.length <= 200
    ? `#${prefix}${questionKey}`
    : "";
}
