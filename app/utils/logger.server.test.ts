import { describe, expect, it } from "vitest";
import { redactFields } from "./logger.server";

describe("logger", () => {
  it("redacts fields whose names suggest secrets", () => {
    expect(
      redactFields({
        token: "abc",
        inviteToken: "x",
        password: "p",
        code: "123456",
        requestId: "r",
        path: "/x",
      }),
    ).toEqual({
      token: "[redacted]",
      inviteToken: "[redacted]",
      password: "[redacted]",
      code: "[redacted]",
      requestId: "r",
      path: "/x",
    });
  });
});

describe("logger.record", () => {
  it("writes a record (audit checkpoint) at level info even when LOG_LEVEL would drop info lines", async () => {
    const saved = { env: process.env.NODE_ENV, level: process.env.LOG_LEVEL };
    const { logger } = await import("./logger.server");
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      process.env.NODE_ENV = "production";
      process.env.LOG_LEVEL = "error";
      logger.info("dropped.event", { seq: 1 });
      logger.record("audit.checkpoint", { seq: 25 });
    } finally {
      process.stdout.write = original;
      process.env.NODE_ENV = saved.env;
      if (saved.level === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = saved.level;
    }
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0]!)).toMatchObject({
      level: "info",
      event: "audit.checkpoint",
      seq: 25,
    });
  });
});
