import { describe, expect, it } from "vitest";
import { redactFields } from "./logger.server";

describe("logger", () => {
  it("redacts fields whose names suggest secrets", () => {
    expect(redactFields({ token: "abc", inviteToken: "x", password: "p", code: "123456", requestId: "r", path: "/x" })).toEqual({
      token: "[redacted]",
      inviteToken: "[redacted]",
      password: "[redacted]",
      code: "[redacted]",
      requestId: "r",
      path: "/x",
    });
  });
});
