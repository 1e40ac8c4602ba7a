import { isIPv4, isIPv6 } from "node:net";
import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    cspNonce: string;
    clientIp: string;
    /** Created per HTTP request by server/app.js: values its loaders share (absent in tests). */
    requestScope?: Map<symbol, unknown>;
    /** Called when a streamed page fails after its status went out (it must not be cached). */
    markIncomplete?: () => void;
  }
}

export function clientIp(context: AppLoadContext | undefined): string | null {
  return context?.clientIp ?? null;
}

/**
 * A coarse form of an IP address for display and anomaly checks: IPv4 /24, IPv6 /48 (compressed
 * notation such as "2001:db8::1" is expanded first). Anything that is not an address gives null.
 */
export function coarseIp(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = ip.replace(/^::ffff:/i, "");
  if (isIPv4(v4)) return `${v4.split(".").slice(0, 3).join(".")}.0/24`;
  const bare = ip.split("%")[0]!;
  if (!isIPv6(bare)) return null;
  const [head = "", tail = ""] = bare.split("::");
  const left = head ? head.split(":") : [];
  const right = bare.includes("::") && tail ? tail.split(":") : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  const prefix = groups.slice(0, 3).map((g) => Number.parseInt(g, 16).toString(16));
  return prefix.every((g) => g === "0") ? "::/48" : `${prefix.join(":")}::/48`;
}

/**
 * A redirect target from user input, reduced to a path on our own site. Anything else (other
 * origins, protocol-relative or backslash tricks, control characters that browsers strip)
 * falls back to `fallback`.
 */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  const base = "http://vetted.invalid";
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || target.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
