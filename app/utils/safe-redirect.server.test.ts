import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect.server";

const APP = "https://vetted.example.com";

describe("safeRedirectPath", () => {
  it.each([
    ["/assessments/abc?x=1#top", "/assessments/abc?x=1#top"],
    ["/", "/"],
    ["/vendors/./a/../b", "/vendors/b"],
    ["/%5cevil.example", "/%5cevil.example"], // an encoded backslash is a path character: same site
    ["/a%2F%2Fb", "/a%2F%2Fb"],
  ])("keeps the local path %j as %j", (target, expected) => {
    expect(safeRedirectPath(target, "/home", APP)).toBe(expected);
  });

  it.each([
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2e//evil.example",
    "/a/..//evil.example",
    "/a/b/../..//evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/./\\evil.example",
    "%2f%2fevil.example",
    "https://evil.example/",
    "https://vetted.example.com/also-absolute",
    "http:evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    " //evil.example",
    "evil",
    "",
    `/${"a".repeat(2000)}`,
  ])("refuses %j", (target) => {
    expect(safeRedirectPath(target, "/home", APP)).toBe("/home");
  });

  it("refuses what is not a string", () => {
    expect(safeRedirectPath(null, "/home", APP)).toBe("/home");
    expect(safeRedirectPath(undefined, "/home", APP)).toBe("/home");
  });

  it("never answers a path a browser would read as another host", () => {
    // Every single-segment trick around "//" with dots, encodings and slashes.
    const parts = ["/", ".", "..", "%2e", "%2E%2E", "a", "%2f", "%5c"];
    for (const a of parts)
      for (const b of parts)
        for (const c of parts) {
          const target = `/${a}/${b}/${c}/evil.example`;
          const result = safeRedirectPath(target, "/home", APP);
          expect(new URL(result, APP).origin, target).toBe(APP);
          expect(result.startsWith("//"), target).toBe(false);
        }
  });
});
