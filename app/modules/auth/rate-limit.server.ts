import { db, type Db, type Tx } from "../../utils/db.server";

/**
 * Fixed-window attempt counters in the database, so limits hold across several app instances.
 *
 * An attempt is counted BEFORE the work it guards, by one statement that increments the key's
 * counter (or starts a new window when the old one has run out) and returns the new count. Of
 * N simultaneous attempts against a limit of L, exactly L see a count ≤ L and do the work; the
 * database serialises the increments (PostgreSQL row lock of INSERT … ON CONFLICT, SQLite's
 * single writer). Reading first and counting after the work let 100 parallel wrong passwords
 * through a limit of 5 (issue 11, item 5; docs/decisions/0017).
 *
 * Keys name what is limited, e.g. "login:ip:<address>". Work that must not count (a successful
 * sign-in) gives its attempt back with refundRateLimit, or ends the key's window with
 * clearRateLimit.
 */
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/** Windows longer than this are not supported: the sweep removes counters older than twice this. */
export const MAX_WINDOW_SECONDS = 24 * 3600;

export const RATE_LIMITS = {
  /** Second-factor codes (sign-in, step-up) of one account. */
  codePerAccount: { limit: 5, windowSeconds: 5 * 60 },
  /** Second-factor codes from one address, whatever the account. */
  codePerIp: { limit: 30, windowSeconds: 5 * 60 },
  /** Current-password checks of a signed-in user changing their password. */
  passwordChangePerAccount: { limit: 5, windowSeconds: 15 * 60 },
  /** Vendor invite links and user invitations opened (POST) from one address. */
  invitePerIp: { limit: 30, windowSeconds: 5 * 60 },
  /** Secret feed addresses read (GET) from one address: as for the other token routes. */
  feedPerIp: { limit: 30, windowSeconds: 5 * 60 },
} satisfies Record<string, RateLimitRule>;

export interface RateLimitOutcome {
  limited: boolean;
  /** Until the refusing window ends (0 when admitted). */
  retryAfterSeconds: number;
  /** The key whose limit refused the attempt; null when admitted. */
  refusedBy: string | null;
  /** This is the first refused attempt of that key's window: alert once, not per attempt. */
  firstRefusal: boolean;
}

const ADMITTED: RateLimitOutcome = {
  limited: false,
  retryAfterSeconds: 0,
  refusedBy: null,
  firstRefusal: false,
};

/**
 * Counts one attempt on `key` and says whether it is within the limit. One statement, portable
 * across SQLite (≥ 3.35) and PostgreSQL; the DateTime parameters are bound the way Prisma
 * stores them on each provider (ISO text on SQLite, timestamp(3) in UTC on PostgreSQL), so the
 * window comparison happens in the database, in the same statement as the increment.
 */
export async function consumeRateLimit(
  key: string,
  rule: RateLimitRule,
  now = new Date(),
  /** A transaction client when the count must commit or roll back with a change. */
  client: Tx | Db = db(),
): Promise<RateLimitOutcome> {
  if (rule.windowSeconds > MAX_WINDOW_SECONDS)
    throw new Error(`rate limit windows are at most ${MAX_WINDOW_SECONDS} s`);
  const expiredBefore = new Date(now.getTime() - rule.windowSeconds * 1000);
  const rows = await client.$queryRaw<{ count: number | bigint; windowStart: Date | string }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${expiredBefore} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${expiredBefore} THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  const count = Number(row.count);
  if (count === 1) await sweepOldCounters(client, now);
  if (count <= rule.limit) return ADMITTED;
  const windowEnd = new Date(row.windowStart).getTime() + rule.windowSeconds * 1000;
  return {
    limited: true,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
    refusedBy: key,
    firstRefusal: count === rule.limit + 1,
  };
}

/**
 * Counts one attempt on each key in order and stops at the first that refuses: later keys are
 * not charged for an attempt that never reached them. Order keys from the broadest (per
 * address) to the narrowest.
 */
export async function consumeRateLimits(
  entries: readonly (readonly [string, RateLimitRule])[],
  now = new Date(),
): Promise<RateLimitOutcome> {
  for (const [key, rule] of entries) {
    const outcome = await consumeRateLimit(key, rule, now);
    if (outcome.limited) return outcome;
  }
  return ADMITTED;
}

/**
 * Gives one counted attempt back (a successful sign-in must not use up its address's budget).
 * One conditional UPDATE; if the window rolled over in between, the new window is one lower,
 * never below zero.
 */
export async function refundRateLimit(key: string): Promise<void> {
  await db().rateLimitBucket.updateMany({
    where: { key, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

/** Ends the key's window (e.g. an account's failures after its owner signed in). */
export async function clearRateLimit(key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key } });
}

/** Counters whose window ended long ago; run whenever a new window starts (indexed, cheap). */
async function sweepOldCounters(client: Tx | Db, now: Date): Promise<void> {
  await client.rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - 2 * MAX_WINDOW_SECONDS * 1000) } },
  });
}
