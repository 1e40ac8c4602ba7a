import { TEMPLATE_FORM_MAX_BYTES } from "../templates/read-template-form.server";
import { TEMPLATE_FILE_MAX_BYTES } from "../templates/template-file";
import { VERIFY_MAX_BYTES } from "../signing/verify-limits";
import {
  FRAMEWORK_FILE_MAX_BYTES,
  FRAMEWORK_FORM_MAX_BYTES,
} from "../regulations/import/framework-import-limits";
import { getEnv } from "../../utils/env.server";
import { formatNumber, translate, type Locale, type MessageKey } from "../../utils/i18n";
import { resolveLocale } from "../../utils/locale.server";
import { SINGLE_FETCH_HEADERS, singleFetchErrorBody } from "../../utils/single-fetch-error.server";

/**
 * How large a request body may be, per route: the one table of limits. server/app.js applies it
 * to every request before Remix reads a byte (server/body-limit.js): a declared Content-Length
 * above the limit is answered 413 at once, a body without one is counted while it streams and
 * cut off at the limit. A route missing from the table gets the default, so no route can go
 * without a limit. Routes may check again (the upload routes do, with the same numbers).
 */
export interface BodyLimit {
  /** The most the body may carry, multipart framing and other fields included. */
  maxBytes: number;
  /** The limit as the user knows it (the file size), for the message. */
  shownMaxBytes: number;
  /** The sentence that says what was too large; `{size}` is filled with shownMaxBytes. */
  messageKey: MessageKey;
}

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * Every form that is not an upload. The largest field a form may carry is 100,000 characters
 * (readFormData); URL-encoded, a character takes up to 9 bytes ("€" is %E2%82%AC).
 */
export const DEFAULT_BODY_MAX_BYTES = 1 * MIB;
/**
 * One autosaved answer: the largest is a sub-processor table (200 rows of name, purpose, country
 * and mechanism, about 150,000 characters) or a long text of 50,000 characters.
 */
const PORTAL_ANSWER_MAX_BYTES = 2 * MIB;
/** The vendor's whole questionnaire in one post (the form that works without JavaScript). */
const PORTAL_QUESTIONNAIRE_MAX_BYTES = 8 * MIB;
/** Room for the multipart boundaries, part headers and small fields around an uploaded file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * KIB;

type LimitTable = Record<string, BodyLimit>;

function form(maxBytes: number): BodyLimit {
  return { maxBytes, shownMaxBytes: maxBytes, messageKey: "common.bodyTooLarge" };
}

function upload(
  fileMaxBytes: number,
  messageKey: MessageKey,
  overheadBytes = MULTIPART_OVERHEAD_BYTES,
): BodyLimit {
  return { maxBytes: fileMaxBytes + overheadBytes, shownMaxBytes: fileMaxBytes, messageKey };
}

/** Paths as the router sees them (see routePath): lower case, no trailing slash, no ".data". */
function limitTable(): LimitTable {
  const template = upload(
    TEMPLATE_FILE_MAX_BYTES,
    "common.fileTooLarge",
    TEMPLATE_FORM_MAX_BYTES - TEMPLATE_FILE_MAX_BYTES,
  );
  return {
    "/portal/evidence": upload(getEnv().EVIDENCE_MAX_BYTES, "evidence.tooLargePage"),
    "/verify": upload(VERIFY_MAX_BYTES, "verify.tooLarge"),
    "/templates/import": template,
    "/templates/:id/edit": template,
    "/regulations/import": upload(
      FRAMEWORK_FILE_MAX_BYTES,
      "common.fileTooLarge",
      FRAMEWORK_FORM_MAX_BYTES - FRAMEWORK_FILE_MAX_BYTES,
    ),
    "/portal/answer": form(PORTAL_ANSWER_MAX_BYTES),
    "/portal": form(PORTAL_QUESTIONNAIRE_MAX_BYTES),
  };
}

/**
 * The path the router will match, in the table's spelling: decoded (the router decodes too),
 * lower case (routes match case-insensitively), without a trailing slash, and a Remix data
 * request ("/portal.data", "/_root.data" for "/") named after its page.
 */
export function routePath(pathname: string): string {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    path = pathname;
  }
  path = path.toLowerCase();
  if (path === "/_root.data") return "/";
  if (path.endsWith(".data")) path = path.slice(0, -".data".length);
  while (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return path;
}

/** The limit of the route that will receive a request for `pathname`. */
export function bodyLimitFor(pathname: string): BodyLimit {
  const table = limitTable();
  const path = routePath(pathname);
  const exact = table[path];
  if (exact) return exact;
  const segments = path.split("/");
  for (const [pattern, limit] of Object.entries(table)) {
    const parts = pattern.split("/");
    if (
      parts.length === segments.length &&
      parts.every((part, i) => part.startsWith(":") || part === segments[i])
    )
      return limit;
  }
  return form(DEFAULT_BODY_MAX_BYTES);
}

/** "1", "25", "2.3" ("2,3" in German): megabytes for the messages' "{size} MB". */
function megabytes(locale: Locale, bytes: number): string {
  return formatNumber(locale, bytes / MIB, bytes % MIB === 0 ? 0 : 1);
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/**
 * The 413 answer, in the visitor's language: an error for Remix's client on a data request
 * (`.data`), a small page for a browser's form post, JSON for our own upload script (the shape
 * the evidence upload answers with), plain text otherwise.
 * Nothing was read or saved, so the message says to go back and try with less.
 */
export async function bodyTooLargeResponse(request: Request, limit: BodyLimit): Promise<Response> {
  const locale = await resolveLocale(request);
  const message = translate(locale, limit.messageKey, {
    size: megabytes(locale, limit.shownMaxBytes),
  });
  // server/body-limit.js adds `Connection: close`: the rest of the body is never read.
  const headers = { "Cache-Control": "no-store" };
  const accept = request.headers.get("Accept") ?? "";
  // A form sent by Remix's client (JavaScript on): an error its route's error boundary shows.
  if (new URL(request.url).pathname.endsWith(".data")) {
    return new Response(singleFetchErrorBody(413, "Payload Too Large", message), {
      status: 413,
      headers: { ...headers, ...SINGLE_FETCH_HEADERS },
    });
  }
  if (accept.includes("application/json")) {
    return Response.json(
      { ok: false, code: "too_large", message, params: { max: String(limit.shownMaxBytes) } },
      { status: 413, headers },
    );
  }
  if (accept.includes("text/html")) {
    const title = translate(locale, "common.bodyTooLargeTitle");
    const page = [
      "<!DOCTYPE html>",
      `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
      `<title>${escapeHtml(title)} · Vetted</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>`,
      `<body style="font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; line-height: 1.5">`,
      `<main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`,
      `<p><a href="/">${escapeHtml(translate(locale, "common.goHome"))}</a></p></main></body></html>`,
    ].join("");
    return new Response(page, {
      status: 413,
      headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
    });
  }
  return new Response(message, {
    status: 413,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** What server/app.js takes from the server build (exported by app/entry.server.tsx). */
export const bodyLimits = { limitFor: bodyLimitFor, tooLarge: bodyTooLargeResponse };
