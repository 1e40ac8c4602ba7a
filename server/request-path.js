// How server/app.js reads a request path before judging it: the same normalisation for the
// access log's redaction and for the private-page headers, so that no spelling of a path that
// the router (WHATWG URL parsing, then React Router's matching) takes for an invite,
// accept-invitation or portal route escapes either. Plain JavaScript without dependencies:
// it runs in front of the Remix build.

// Pages reached through a secret link (invite and user-invitation tokens) and the vendor's
// session behind it, including Remix's ".data" requests for them (ADR 0007).
const PRIVATE_ROOT = /^\/(invite|accept-invitation|portal)(\/|\.data$|$)/i;
// Route segments followed by a credential: everything after them is redacted (feeds: the secret
// feed address of a feed reader, /feeds/<secret>/changes.atom).
const SECRET_ROOTS = new Set(["invite", "accept-invitation", "feeds"]);
// A segment that looks like a token wherever it appears (ours are 43 base64url characters; ids
// are 25): redacted too, in case a future route carries one elsewhere.
const TOKEN_LIKE = /^[A-Za-z0-9_-]{32,}(\.data)?$/;
// "%25" decodes to "%": a path may be encoded more than once; a few rounds reach its plain form.
const DECODE_ROUNDS = 4;

const HEX = "0123456789abcdef";

/** One round of percent-decoding; escapes that are not valid UTF-8 become U+FFFD, never an error. */
function decodeOnce(text) {
  if (!text.includes("%")) return text;
  const bytes = [];
  for (let i = 0; i < text.length;) {
    // (indexOf("") is 0: past the end there is no digit, hence the length check.)
    const high = HEX.indexOf(text.charAt(i + 1).toLowerCase());
    const low = HEX.indexOf(text.charAt(i + 2).toLowerCase());
    if (text[i] === "%" && i + 2 < text.length && high !== -1 && low !== -1) {
      bytes.push(high * 16 + low);
      i += 3;
    } else {
      const char = String.fromCodePoint(text.codePointAt(i));
      bytes.push(...Buffer.from(char, "utf8"));
      i += char.length;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/**
 * The path as the router ends up seeing it, or more plainly: percent-escapes decoded (repeatedly),
 * backslashes read as slashes (WHATWG URL does so for http), empty and "." segments dropped, ".."
 * resolved (also when it was spelled "%2e%2e"). Case is kept; matchers compare without it.
 * @param {string} pathname
 */
export function normalizePath(pathname) {
  let path = String(pathname);
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    const decoded = decodeOnce(path);
    if (decoded === path) break;
    path = decoded;
  }
  const segments = [];
  for (const segment of path.replaceAll("\\", "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join("/")}`;
}

/** Does the path lead to a page behind a secret link (invite, accept-invitation, portal)? */
export function isPrivatePath(pathname) {
  return PRIVATE_ROOT.test(normalizePath(pathname));
}

// Feed readers' secret addresses (/feeds/<secret>/…): no Referer and no indexing, but the routes
// choose their own caching (a feed reader may keep a copy; shared caches may not).
const FEED_ROOT = /^\/feeds(\/|$)/i;

/** Does the path lead to a secret feed address? */
export function isFeedPath(pathname) {
  return FEED_ROOT.test(normalizePath(pathname));
}

/**
 * A request path fit for logs: normalised (see normalizePath), everything after an invite or
 * accept-invitation segment replaced by "[redacted]", and any other token-like segment too.
 * The query string is never part of it (callers pass req.path).
 * @param {string} pathname
 */
export function redactPath(pathname) {
  const segments = normalizePath(pathname).split("/").slice(1);
  const kept = [];
  for (const [index, segment] of segments.entries()) {
    if (SECRET_ROOTS.has(segment.toLowerCase())) {
      kept.push(segment);
      if (index < segments.length - 1) kept.push("[redacted]");
      break;
    }
    kept.push(TOKEN_LIKE.test(segment) ? "[redacted]" : segment);
  }
  return `/${kept.join("/")}`;
}
