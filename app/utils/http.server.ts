import { DomainError, statusForCode } from "./errors";
import type { LocalizedMessage } from "./i18n";

export { fieldErrors } from "./validation-messages";

/**
 * The body of an error Response a page can explain: the message as key + parameters, translated
 * by the error boundary in the reader's language (the use case that threw does not know it).
 */
export type ErrorBody = { message: LocalizedMessage };

/** A Response carrying a message the error boundary translates (JSON, so Remix parses it back). */
export function errorResponse(
  status: number,
  message: LocalizedMessage,
  headers?: HeadersInit,
): Response {
  return Response.json({ message } satisfies ErrorBody, { status, headers });
}

/**
 * Runs a use case from a route and turns a DomainError into the matching HTTP Response (thrown,
 * so Remix shows the route's error boundary) carrying the error's message key and parameters.
 * Unknown errors propagate to the root boundary, which shows a request id only.
 */
export async function runUseCase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      throw errorResponse(statusForCode(error.code), error.userMessage);
    }
    throw error;
  }
}

/**
 * The answer of a JSON endpoint that scripts and the page's fetchers both call (autosave, the
 * clarification fetcher): a real Response with the status the outcome means (409 conflict,
 * 400 invalid input, 200 success). A resource route must answer with a Response: Remix turns a
 * `data()` value of a directly called resource route into a 200 and prints a multi-line
 * "REMIX FUTURE CHANGE" warning each time. Single fetch (`/portal/answer.data`, the browser's
 * fetcher) reads a returned Response as data with its status, so the fetcher gets the same body.
 */
export function jsonReply(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers });
}

export function notFoundResponse(): Response {
  return new Response("Not Found", { status: 404 });
}
