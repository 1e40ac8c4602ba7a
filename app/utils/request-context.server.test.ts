import { describe, expect, it } from "vitest";
import { coarseIp, safeRedirectPath } from "./request-context.server";

describe("safeRedirectPath", () => {
  it("keeps local paths with query and hash", () => {
    expect(safeRedirectPath("/assessments/abc?x=1#top")).toBe("/assessments/abc?x=1#top");
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "evil",
    "",
    "/%0a",
  ])("refuses %j", (target) => {
    const result = safeRedirectPath(target, "/home");
    expect(result.startsWith("//")).toBe(false);
    expect(["/home", "/%0a"]).toContain(result);
  });

  it("refuses non-strings", () => {
    expect(safeRedirectPath(null)).toBe("/");
  });
});

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
