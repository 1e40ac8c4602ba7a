import { ipv4Of, ipv6Groups } from "../../utils/request-context.server";

/**
 * Where a sign-in attempt comes from, as the limits see it: an IPv4 address, or the /64 of an
 * IPv6 address (one subscriber usually holds a whole /64, so counting single IPv6 addresses
 * would give an attacker billions of fresh sources). Anything else is "unknown", one shared
 * source.
 */
export function loginSourceOf(ip: string | null): string {
  if (!ip) return "unknown";
  const v4 = ipv4Of(ip);
  if (v4) return v4;
  const groups = ipv6Groups(ip);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : "unknown";
}
