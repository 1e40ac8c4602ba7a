import { getEnv } from "./env.server";

/** Longer targets are refused: no page of ours needs one, and they end up in headers and cookies. */
export const REDIRECT_TARGET_MAX_LENGTH = 2000;

/**
 * A redirect target taken from the request (`redirectTo` of a form or query), reduced to a path
 * on our own site; anything else gives `fallback`.
 *
 * The check is made on the URL a browser will resolve, not on the string: the target is parsed
 * against APP_URL with the WHATWG URL parser (the one browsers use), must keep our origin, and
 * the answer is the parsed pathname + search + hash. A path that still starts with "//" after
 * parsing ("/.//evil.example", "/%2e//evil.example", "/a/..//evil.example" all become
 * "//evil.example") would be read by the browser as another host, so it is refused too. Raw
 * backslashes (browsers read "\" as "/") and control characters (browsers drop tabs and
 * newlines; Node refuses them in headers) are refused before parsing.
 */
export function safeRedirectPath(
  target: FormDataEntryValue | string | null | undefined,
  fallback = "/",
  appUrl: string = getEnv().APP_URL,
): string {
  if (typeof target !== "string" || target.length > REDIRECT_TARGET_MAX_LENGTH) return fallback;
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  const origin = new URL(appUrl).origin;
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return fallback;
  // The answer must mean the same thing when the browser resolves it again.
  if (new URL(path, origin).origin !== origin) return fallback;
  return path;
}
