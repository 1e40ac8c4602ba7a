/**
 * The body of a Remix data request (`/route.data`, single fetch) that failed with an HTTP error
 * before Remix ran, in the form Remix's client decodes: turbo-stream's flat JSON of
 * `{ error: ErrorResponse(status, statusText, data) }`, as @remix-run/server-runtime 2.17 encodes
 * a thrown `data(message, { status })`. The client then shows the route's error boundary with the
 * status and message, instead of failing to decode a plain-text answer.
 * (single-fetch-error.server.test.ts compares it byte for byte with Remix's own encoder.)
 */
export function singleFetchErrorBody(status: number, statusText: string, message: string): string {
  return `${JSON.stringify([{ _1: 2 }, "error", ["ErrorResponse", 3, 4, 5], message, status, statusText])}\n`;
}

/** Headers Remix's server puts on a data response. */
export const SINGLE_FETCH_HEADERS = {
  "Content-Type": "text/x-script",
  "X-Remix-Response": "yes",
} as const;
