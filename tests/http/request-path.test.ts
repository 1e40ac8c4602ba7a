import { describe, expect, it } from "vitest";
import { isFeedPath, isPrivatePath, normalizePath, redactPath } from "../../server/request-path.js";

/** The path normalisation in front of the router (server/request-path.js), without a server. */
describe("normalizePath", () => {
  it("reads a path as plainly as the router could", () => {
    expect(normalizePath("//invite//abc/")).toBe("/invite/abc");
    expect(normalizePath("/x/%2e%2E/y/./z/..")).toBe("/y");
    expect(normalizePath("/a\\b%5Cc")).toBe("/a/b/c");
    expect(normalizePath("/%2569nvite")).toBe("/invite");
    expect(normalizePath("/../../..")).toBe("/");
    // Broken escapes and invalid UTF-8 are kept or replaced, never thrown on.
    expect(normalizePath("/%E0%A4%A/%zz/%")).toBe("/\uFFFD%A/%zz/%");
    expect(normalizePath("/caf%C3%A9/😀")).toBe("/café/😀");
  });
});

describe("redactPath", () => {
  it("drops everything after an invite or accept-invitation segment, wherever it is", () => {
    expect(redactPath("/invite/abc.data")).toBe("/invite/[redacted]");
    expect(redactPath("/Accept-Invitation/abc/def")).toBe("/Accept-Invitation/[redacted]");
    expect(redactPath("/portal/../x/invite/abc")).toBe("/x/invite/[redacted]");
    expect(redactPath("/invite")).toBe("/invite");
  });

  it("redacts token-like segments elsewhere and keeps ids", () => {
    expect(redactPath(`/somewhere/${"a".repeat(43)}`)).toBe("/somewhere/[redacted]");
    expect(
      redactPath("/assessments/cmxcn8zan000gpd7d4qy6yop8/evidence/cmxcn8zcf000jpd7dy2tumuws"),
    ).toBe("/assessments/cmxcn8zan000gpd7d4qy6yop8/evidence/cmxcn8zcf000jpd7dy2tumuws");
  });
});

describe("isPrivatePath", () => {
  it("covers the vendor's pages and the secret links, however spelled", () => {
    for (const path of [
      "/portal",
      "/portal.data",
      "//PORTAL/verify",
      "/x/../invite/t",
      "/accept-invitation/t",
      "/%70ortal",
    ])
      expect(isPrivatePath(path), path).toBe(true);
    for (const path of ["/portalx", "/invitations", "/login", "/"])
      expect(isPrivatePath(path), path).toBe(false);
  });
});

describe("secret feed addresses", () => {
  it("are recognised however spelled, and their secret never reaches the log", () => {
    for (const path of ["/feeds/abc/changes.atom", "//FEEDS/x", "/x/../feeds/t", "/%66eeds/t"])
      expect(isFeedPath(path), path).toBe(true);
    for (const path of ["/feedsx", "/regulations/changes", "/"])
      expect(isFeedPath(path), path).toBe(false);
    expect(redactPath("/feeds/short-secret/changes.atom")).toBe("/feeds/[redacted]");
  });
});
