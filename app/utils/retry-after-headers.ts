import type { HeadersFunction } from "@remix-run/node";

/**
 * A route's `headers` export for pages whose action may answer 503 while the parser pool is busy:
 * an action's headers reach a document response (a form posted without JavaScript) only through
 * this function, and the browser needs the Retry-After.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const out = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) out.set("Retry-After", retryAfter);
  return out;
};
