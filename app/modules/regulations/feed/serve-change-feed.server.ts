import { getEnv } from "../../../utils/env.server";
import { consumeRateLimit, RATE_LIMITS } from "../../auth/rate-limit.server";
import { sha256Hex } from "../../../utils/crypto.server";
import { buildChangeAtom, buildChangeJsonFeed } from "../change-feed-documents";
import { listChangeEvents } from "../list-change-events.server";
import { resolveFeedToken } from "./resolve-feed-token.server";

export type ChangeFeedFormat = "atom" | "json";

/** Feed readers want the recent past; the page and the CLI reach older events. */
export const FEED_MAX_ENTRIES = 100;
/** Readers poll every few minutes to hours; five minutes of staleness costs nobody anything. */
const FEED_MAX_AGE_SECONDS = 300;

const CONTENT_TYPES: Record<ChangeFeedFormat, string> = {
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

// Referrer-Policy: no-referrer and X-Robots-Tag come from server/app.js (FEED_HEADERS) for every
// /feeds path, so even an answer that never reaches this module carries them.

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

/**
 * GET /feeds/<secret>/changes.(atom|json): the change feed of the secret's user and organisation,
 * in the user's language. Unknown, revoked and orphaned secrets are one 404; requests per address
 * are limited like the other token routes (429 with Retry-After). Conditional GETs (ETag) answer
 * 304: a polling reader that has the current document gets no body (it is still built to hash it).
 */
export async function serveChangeFeed(
  request: Request,
  secret: string,
  format: ChangeFeedFormat,
  ip: string | null,
  now = new Date(),
): Promise<Response> {
  const limit = await consumeRateLimit(`feed:ip:${ip ?? "unknown"}`, RATE_LIMITS.feedPerIp, now);
  if (limit.limited)
    return plain(429, "Too many requests\n", { "Retry-After": String(limit.retryAfterSeconds) });
  const reader = await resolveFeedToken(secret, now);
  if (!reader) return plain(404, "Not found\n");
  const rows = await listChangeEvents(
    { organizationId: reader.organizationId },
    {},
    { now, take: FEED_MAX_ENTRIES },
  );
  const appUrl = getEnv().APP_URL;
  const input = {
    rows,
    locale: reader.locale,
    organizationName: reader.organizationName,
    appUrl,
    // The address the reader used, rebuilt on the public URL (never the Host header's).
    selfUrl: new URL(`/feeds/${secret}/changes.${format}`, appUrl).href,
    feedId: `urn:vetted:change-feed:${reader.organizationId}:${reader.locale}`,
    now,
  };
  const body = format === "atom" ? buildChangeAtom(input) : buildChangeJsonFeed(input);
  const etag = `"${sha256Hex(body).slice(0, 32)}"`;
  const headers = {
    "Cache-Control": `private, max-age=${FEED_MAX_AGE_SECONDS}`,
    ETag: etag,
    Vary: "Accept-Encoding",
  };
  if (request.headers.get("If-None-Match") === etag)
    return new Response(null, { status: 304, headers });
  return new Response(body, {
    status: 200,
    headers: { ...headers, "Content-Type": CONTENT_TYPES[format] },
  });
}
