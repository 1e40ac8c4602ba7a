import { createHash } from "node:crypto";
import { db } from "../../utils/db.server";
import { resolveLocaleFromHeaders } from "../../utils/locale.server";
import { isRole } from "../auth/actor";
import { mustEnrolMfa, validateSessionCookie } from "../auth/guards.server";

/**
 * A cache of rendered pages for the read-heavy views procurement teams keep open (portfolio,
 * comparison), ADR 0012. server/app.js asks it before Remix runs:
 *
 *   - An entry belongs to ONE session: the key holds the session id, the user's name, e-mail and
 *     role, the language, the full URL and the organisation's audit-chain head. Every write that
 *     changes what these pages show records an audit event in its transaction, so a new head
 *     means a new key. An entry lives one minute from its render: that bounds what time alone
 *     changes (overdue flags). Its age, not the clock's minute, so a page rendered at :59 is not
 *     thrown away a second later.
 *   - Each request still validates its session (one joined query) and reads the head (one
 *     query); a revoked or expired session never sees a cached page. The validation is kept in
 *     the request's scope (PageRequest.scope), which server/app.js hands to Remix: a miss does
 *     not validate the session a second time in the loaders.
 *   - Only 200 HTML responses that streamed to the end without a render error (entry.server
 *     calls context.markIncomplete) and set no cookie are kept. The per-request CSP nonce and
 *     request id are cut out when a page is kept and filled in for every response.
 */
export const CACHED_PATHS = ["/portfolio", "/compare"] as const;
const MAX_ENTRIES = 500;
const MAX_CHARACTERS = 64 * 1024 * 1024;
const MAX_AGE_MS = 60_000;

interface Entry {
  /** The page cut at its nonce and request id: text, slot, text, slot, …, text. */
  parts: string[];
  /** Which value each slot takes, in order. */
  slots: ("nonce" | "requestId")[];
  characters: number;
  contentType: string;
  /** When it was rendered (ms). */
  storedAt: number;
}

const entries = new Map<string, Entry>();
let characters = 0;

export interface PageRequest {
  method: string;
  /** Path and query string, as requested. */
  url: string;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
  /** The request's scope that Remix's loaders get (context.requestScope): the validated session is kept there. */
  scope?: Map<symbol, unknown>;
}

/** `identity`: who asked (ids only), for the access log of a page served from the cache. */
export type PageProbe = {
  key: string;
  hit: Entry | null;
  identity: { organizationId: string; userId: string };
};

/** The cache key of a request, with the entry when there is one; null: not cacheable. */
export async function probePage(request: PageRequest, now = Date.now()): Promise<PageProbe | null> {
  if (request.method !== "GET") return null;
  const path = request.url.split("?")[0];
  if (!(CACHED_PATHS as readonly string[]).includes(path ?? "")) return null;
  const valid = await validateSessionCookie(request.cookie, request.scope);
  if (!valid || !isRole(valid.membership.role)) return null;
  const { session } = valid;
  // Someone who must first set up a second factor is redirected by Remix, never served here.
  if (mustEnrolMfa(valid, valid.membership.role)) return null;
  const locale = await resolveLocaleFromHeaders(
    request.cookie,
    request.acceptLanguage,
    session.user.locale,
  );
  const [head] = await db().$queryRaw<{ seq: number | bigint }[]>`
    SELECT "seq" FROM "AuditEvent" WHERE "organizationId" = ${session.organizationId} ORDER BY "seq" DESC LIMIT 1`;
  const key = createHash("sha256")
    .update(
      JSON.stringify([
        session.id,
        session.user.name,
        session.user.email,
        valid.membership.role,
        locale,
        request.url,
        String(head?.seq ?? 0),
      ]),
    )
    .digest("hex");
  let hit = entries.get(key) ?? null;
  if (hit && now - hit.storedAt >= MAX_AGE_MS) {
    forget(key, hit);
    hit = null;
  }
  if (hit) {
    entries.delete(key); // least recently used first out: re-insert at the end
    entries.set(key, hit);
  }
  return {
    key,
    hit,
    identity: { organizationId: session.organizationId, userId: session.user.id },
  };
}

/** Keeps a rendered page; `nonce` and `requestId` are the ones it was rendered with. */
export function storePage(
  key: string,
  page: { html: string; contentType: string; nonce: string; requestId: string },
  now = Date.now(),
): void {
  if (!page.nonce || !page.requestId || !page.html.includes("</html>")) return;
  const parts: string[] = [];
  const slots: Entry["slots"] = [];
  let from = 0;
  for (;;) {
    const nonceAt = page.html.indexOf(page.nonce, from);
    const requestIdAt = page.html.indexOf(page.requestId, from);
    if (nonceAt < 0 && requestIdAt < 0) break;
    const isNonce = nonceAt >= 0 && (requestIdAt < 0 || nonceAt < requestIdAt);
    const at = isNonce ? nonceAt : requestIdAt;
    parts.push(page.html.slice(from, at));
    slots.push(isNonce ? "nonce" : "requestId");
    from = at + (isNonce ? page.nonce : page.requestId).length;
  }
  parts.push(page.html.slice(from));
  const previous = entries.get(key);
  if (previous) forget(key, previous);
  entries.set(key, {
    parts,
    slots,
    characters: page.html.length,
    contentType: page.contentType,
    storedAt: now,
  });
  characters += page.html.length;
  for (const [oldest, entry] of entries) {
    if (entries.size <= MAX_ENTRIES && characters <= MAX_CHARACTERS) break;
    forget(oldest, entry);
  }
}

function forget(key: string, entry: Entry): void {
  entries.delete(key);
  characters -= entry.characters;
}

/** A cached page with this response's nonce and request id. */
export function renderCachedPage(
  entry: Entry,
  response: { nonce: string; requestId: string },
): string {
  let html = entry.parts[0]!;
  for (let i = 0; i < entry.slots.length; i++)
    html += response[entry.slots[i]!] + entry.parts[i + 1]!;
  return html;
}

/** Empties the cache (tests). */
export function clearPageCache(): void {
  entries.clear();
  characters = 0;
}

export const pageCache = {
  paths: CACHED_PATHS,
  probe: probePage,
  store: storePage,
  render: renderCachedPage,
};
