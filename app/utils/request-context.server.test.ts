import { describe, expect, it } from "vitest";
import { coarseIp, ipv4Of, ipv6Groups } from "./request-context.server";

describe("coarseIp", () => {
  it("reduces IPv4 to /24 and IPv6 to /48", () => {
    expect(coarseIp("203.0.113.77")).toBe("203.0.113.0/24");
    expect(coarseIp("::ffff:203.0.113.77")).toBe("203.0.113.0/24");
    expect(coarseIp("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(coarseIp(null)).toBeNull();
  });

  it("expands compressed IPv6 before cutting it to /48, and refuses non-addresses", () => {
    expect(coarseIp("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(coarseIp("2001:0db8:0abc:ffff:1:2:3:4")).toBe("2001:db8:abc::/48");
    expect(coarseIp("fe80::1%eth0")).toBe("fe80:0:0::/48");
    expect(coarseIp("::1")).toBe("::/48");
    expect(coarseIp("unknown")).toBeNull();
    expect(coarseIp("203.0.113.77, 10.0.0.1")).toBeNull();
  });
});

describe("ipv6Groups and ipv4Of", () => {
  it("expand IPv6 and recognise (mapped) IPv4", () => {
    expect(ipv6Groups("2001:db8::1")).toEqual(["2001", "db8", "0", "0", "0", "0", "0", "1"]);
    expect(ipv6Groups("fe80::1%eth0")).toEqual(["fe80", "0", "0", "0", "0", "0", "0", "1"]);
    expect(ipv6Groups("203.0.113.7")).toBeNull();
    expect(ipv4Of("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(ipv4Of("2001:db8::1")).toBeNull();
  });
});
