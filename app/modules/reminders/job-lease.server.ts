import { db } from "../../utils/db.server";

/**
 * A database lease per background job, so that of several app instances (or a CLI run next to a
 * server) only one runs a job at a time. Whoever holds an unexpired lease may renew it; anyone
 * may take over an expired one (the holder crashed or was restarted).
 *
 * Both steps are single statements, so the database decides the race: the conditional
 * `updateMany` matches only for the holder or after expiry (PostgreSQL re-checks the condition
 * after a concurrent update commits), and of two `create`s of a missing row one violates the
 * primary key.
 */
export async function acquireJobLease(
  name: string,
  holder: string,
  now: Date,
  durationMs: number,
): Promise<boolean> {
  const leaseUntil = new Date(now.getTime() + durationMs);
  const taken = await db().jobLease.updateMany({
    where: { name, OR: [{ leaseUntil: { lt: now } }, { holder }] },
    data: { holder, leaseUntil },
  });
  if (taken.count === 1) return true;
  try {
    await db().jobLease.create({ data: { name, holder, leaseUntil } });
    return true;
  } catch (error) {
    // The row exists: another holder has a live lease (or just created it).
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Gives the lease back after a run (only if this holder still has it), so that the next run —
 * another instance's or an operator's `reminders run` — need not wait for it to expire.
 */
export async function releaseJobLease(name: string, holder: string, now: Date): Promise<void> {
  await db().jobLease.updateMany({
    where: { name, holder },
    data: { leaseUntil: new Date(now.getTime() - 1) },
  });
}

/**
 * Gives back every lease this holder still has (server/index.js on shutdown, after its runs
 * ended): the next instance need not wait for them to expire.
 */
export async function releaseJobLeasesOf(holder: string, now: Date = new Date()): Promise<number> {
  const released = await db().jobLease.updateMany({
    where: { holder, leaseUntil: { gte: now } },
    data: { leaseUntil: new Date(now.getTime() - 1) },
  });
  return released.count;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "P2002" || /Unique constraint/i.test(String(e?.message ?? ""));
}
