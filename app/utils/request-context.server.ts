import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    cspNonce: string;
    clientIp: string;
  }
}

export function clientIp(context: AppLoadContext | undefined): string | null {
  return context?.clientIp ?? null;
}

/** A coarse form of an IP address for display and anomaly checks: IPv4 /24, IPv6 /48. */
export function coarseIp(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = ip.replace(/^::ffff:/, "");
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return `${v4.split(".").slice(0, 3).join(".")}.0/24`;
  const parts = ip.split(":").filter(Boolean);
  return `${parts.slice(0, 3).join(":")}::/48`;
}

export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}
