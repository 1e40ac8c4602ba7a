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
    /** Called by the guards with who made the request, for the access log (absent in tests). */
    identify?: (identity: RequestIdentity) => void;
  }
}

/**
 * Who made a request, as the access log records it: ids only, never names or e-mail addresses.
 * A staff user has a user id; a vendor contact has the id of their invite link.
 */
export type RequestIdentity = { organizationId: string; userId?: string; inviteLinkId?: string };

export function clientIp(context: AppLoadContext | undefined): string | null {
  return context?.clientIp ?? null;
}

/**
 * The eight groups of an IPv6 address (compressed notation such as "2001:db8::1" expanded, a
 * zone such as "%eth0" dropped), as lower-case hex without leading zeros; null for anything that
 * is not an IPv6 address.
 */
export function ipv6Groups(ip: string): string[] | null {
  const bare = ip.split("%")[0]!;
  if (!isIPv6(bare)) return null;
  const [head = "", tail = ""] = bare.split("::");
  const left = head ? head.split(":") : [];
  const right = bare.includes("::") && tail ? tail.split(":") : [];
  const groups = [
    ...left,
    ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"),
    ...right,
  ];
  return groups.map((g) => Number.parseInt(g, 16).toString(16));
}

/** An IPv4 address, also written IPv4-mapped ("::ffff:203.0.113.7"); null otherwise. */
export function ipv4Of(ip: string): string | null {
  const v4 = ip.replace(/^::ffff:/i, "");
  return isIPv4(v4) ? v4 : null;
}

/**
 * A coarse form of an IP address for display and anomaly checks: IPv4 /24, IPv6 /48 (compressed
 * notation such as "2001:db8::1" is expanded first). Anything that is not an address gives null.
 */
export function coarseIp(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = ipv4Of(ip);
  if (v4) return `${v4.split(".").slice(0, 3).join(".")}.0/24`;
  const groups = ipv6Groups(ip);
  if (!groups) return null;
  const prefix = groups.slice(0, 3);
  return prefix.every((g) => g === "0") ? "::/48" : `${prefix.join(":")}::/48`;
}
