import { db } from "../../utils/db.server";

/**
 * Fixed-window counters in the database, so limits hold across several app instances.
 * `hit` records an attempt; `check` only reads. Keys name what is limited, e.g.
 * "login:account:<email>" or "login:ip:<ip>".
 */
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  loginPerAccount: { limit: 5, windowSeconds: 15 * 60 },
  loginPerIp: { limit: 30, windowSeconds: 15 * 60 },
  codePerAccount: { limit: 5, windowSeconds: 5 * 60 },
  codePerIp: { limit: 30, windowSeconds: 5 * 60 },
  invitePerIp: { limit: 30, windowSeconds: 5 * 60 },
} satisfies Record<string, RateLimitRule>;

export interface RateLimitStatus {
  limited: boolean;
  retryAfterSeconds: number;
}

function windowEnd(windowStart: Date, rule: RateLimitRule): number {
  return windowStart.getTime() + rule.windowSeconds * 1000;
}

export async function checkRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitStatus> {
  const bucket = await db().rateLimitBucket.findUnique({ where: { key } });
  if (!bucket || windowEnd(bucket.windowStart, rule) <= now.getTime() || bucket.count < rule.limit) {
    return { limited: false, retryAfterSeconds: 0 };
  }
  return { limited: true, retryAfterSeconds: Math.ceil((windowEnd(bucket.windowStart, rule) - now.getTime()) / 1000) };
}

export async function hitRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<void> {
  const expiredBefore = new Date(now.getTime() - rule.windowSeconds * 1000);
  // Reset an expired window, then count; two statements keep this portable across providers.
  await db().rateLimitBucket.updateMany({
    where: { key, windowStart: { lte: expiredBefore } },
    data: { windowStart: now, count: 0 },
  });
  await db().rateLimitBucket.upsert({
    where: { key },
    create: { key, windowStart: now, count: 1 },
    update: { count: { increment: 1 } },
  });
}

export async function resetRateLimit(key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key } });
}

/** Checks several limits at once; the longest wait wins. */
export async function checkRateLimits(entries: [string, RateLimitRule][]): Promise<RateLimitStatus> {
  const statuses = await Promise.all(entries.map(([key, rule]) => checkRateLimit(key, rule)));
  const limited = statuses.filter((s) => s.limited);
  return limited.length === 0
    ? { limited: false, retryAfterSeconds: 0 }
    : { limited: true, retryAfterSeconds: Math.max(...limited.map((s) => s.retryAfterSeconds)) };
}
