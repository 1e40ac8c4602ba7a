import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  clearRateLimit,
  consumeRateLimit,
  consumeRateLimits,
  MAX_WINDOW_SECONDS,
  refundRateLimit,
} from "./rate-limit.server";

/**
 * The counter itself, on SQLite and PostgreSQL: one statement counts and answers, so parallel
 * attempts cannot overrun a limit; windows end by time in the database; refunds and clears.
 */
const RULE = { limit: 5, windowSeconds: 60 };
const key = (label: string) => `test:${label}:${randomBytes(4).toString("hex")}`;

describe("consumeRateLimit", () => {
  it("admits exactly `limit` of 100 simultaneous attempts, and exactly one is the window's first refusal", async () => {
    const k = key("parallel");
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, () => consumeRateLimit(k, RULE)),
    );
    expect(outcomes.filter((o) => !o.limited)).toHaveLength(5);
    expect(outcomes.filter((o) => o.limited && o.refusedBy === k)).toHaveLength(95);
    expect(outcomes.filter((o) => o.firstRefusal)).toHaveLength(1);
    expect((await db().rateLimitBucket.findUniqueOrThrow({ where: { key: k } })).count).toBe(100);
  });

  it("starts a new window once the old one has ended, and says how long a refusal lasts", async () => {
    const k = key("window");
    const start = new Date("2030-01-01T10:00:00.000Z");
    for (let i = 0; i < 5; i++)
      expect((await consumeRateLimit(k, RULE, start)).limited).toBe(false);
    const refused = await consumeRateLimit(k, RULE, new Date(start.getTime() + 20_000));
    expect(refused).toMatchObject({ limited: true, retryAfterSeconds: 40, firstRefusal: true });
    // One millisecond before the end the window still holds; at its end a new one starts.
    expect((await consumeRateLimit(k, RULE, new Date(start.getTime() + 59_999))).limited).toBe(
      true,
    );
    expect((await consumeRateLimit(k, RULE, new Date(start.getTime() + 60_000))).limited).toBe(
      false,
    );
    const row = await db().rateLimitBucket.findUniqueOrThrow({ where: { key: k } });
    expect(row).toMatchObject({ count: 1, windowStart: new Date(start.getTime() + 60_000) });
  });

  it("gives attempts back and clears windows", async () => {
    const k = key("refund");
    for (let i = 0; i < 5; i++) await consumeRateLimit(k, RULE);
    await refundRateLimit(k);
    expect((await consumeRateLimit(k, RULE)).limited).toBe(false);
    expect((await consumeRateLimit(k, RULE)).limited).toBe(true);
    await clearRateLimit(k);
    expect((await consumeRateLimit(k, RULE)).limited).toBe(false);
    // Never below zero.
    const fresh = key("floor");
    await refundRateLimit(fresh);
    await consumeRateLimit(fresh, RULE);
    await refundRateLimit(fresh);
    await refundRateLimit(fresh);
    expect((await db().rateLimitBucket.findUniqueOrThrow({ where: { key: fresh } })).count).toBe(0);
  });

  it("charges several keys in order and stops at the first refusal", async () => {
    const broad = key("broad");
    const narrow = key("narrow");
    const entries = [
      [broad, { limit: 2, windowSeconds: 60 }],
      [narrow, RULE],
    ] as const;
    for (let i = 0; i < 2; i++) expect((await consumeRateLimits(entries)).limited).toBe(false);
    expect(await consumeRateLimits(entries)).toMatchObject({ limited: true, refusedBy: broad });
    expect((await db().rateLimitBucket.findUniqueOrThrow({ where: { key: narrow } })).count).toBe(
      2,
    );
  });

  it("sweeps counters whose window ended long ago when a new window starts", async () => {
    const old = key("old");
    await consumeRateLimit(old, RULE, new Date(Date.now() - 3 * MAX_WINDOW_SECONDS * 1000));
    await consumeRateLimit(key("new"), RULE);
    expect(await db().rateLimitBucket.findUnique({ where: { key: old } })).toBeNull();
  });
});
