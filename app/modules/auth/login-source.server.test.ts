import { describe, expect, it } from "vitest";
import { loginSourceOf } from "./login-source.server";

describe("loginSourceOf", () => {
  it("keeps an IPv4 address (also IPv4-mapped) and cuts IPv6 to its /64", () => {
    expect(loginSourceOf("203.0.113.7")).toBe("203.0.113.7");
    expect(loginSourceOf("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(loginSourceOf("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    // Every address of one /64 is one source, however it is written.
    expect(loginSourceOf("2001:0db8:0001:0002:ffff::1")).toBe("2001:db8:1:2::/64");
    expect(loginSourceOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(loginSourceOf("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("gives one shared source for anything that is not an address", () => {
    expect(loginSourceOf(null)).toBe("unknown");
    expect(loginSourceOf("unknown")).toBe("unknown");
    expect(loginSourceOf("203.0.113.7, 10.0.0.1")).toBe("unknown");
  });
});
