/**
 * The outcome of a review form, carried back to the assessment page in the query string
 * (`?review=<intent>:<code>[:<findingId>]`), so it shows with and without JavaScript.
 */
export const REVIEW_FLASH_PARAM = "review";
export const REVIEW_INTENTS = [
  "createFinding",
  "updateFinding",
  "deleteFinding",
  "addComment",
  "requestChanges",
] as const;
export type ReviewIntent = (typeof REVIEW_INTENTS)[number];

export interface ReviewFlash {
  intent: ReviewIntent | "unknown";
  /** "ok" or an error code (a key of the review locale namespace, e.g. titleTooShort, conflict). */
  code: string;
  id?: string;
}

/** Error codes the page can explain; anything else shows a generic message. */
export const REVIEW_ERROR_CODES = [
  "titleTooShort",
  "titleTooLong",
  "invalidSeverity",
  "descriptionRequired",
  "textTooLong",
  "ownerTooLong",
  "invalidDate",
  "invalidStatus",
  "invalidVisibility",
  "bodyRequired",
  "questionsRequired",
  "messageRequired",
  "unknownQuestion",
  "conflict",
  "invalidState",
  "confirmRequired",
] as const;

export function parseReviewFlash(search: string | URLSearchParams): ReviewFlash | null {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const raw = params.get(REVIEW_FLASH_PARAM);
  if (!raw) return null;
  const [intent, code, id] = raw.split(":");
  const known = (REVIEW_INTENTS as readonly string[]).includes(intent ?? "")
    ? (intent as ReviewIntent)
    : "unknown";
  return {
    intent: known,
    code: /^\w{1,40}$/.test(code ?? "") ? code! : "error",
    ...(id && /^[\w-]{1,64}$/.test(id) ? { id } : {}),
  };
}
