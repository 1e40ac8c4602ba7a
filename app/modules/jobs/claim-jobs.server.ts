import { Prisma } from "../../generated/sqlite/client";
import { db } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { providerOf } from "../../utils/migrate.server";

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: string;
  organizationId: string | null;
  /** Counting this run. */
  attempts: number;
  maxAttempts: number;
}

interface ClaimRow {
  id: string;
  kind: string;
  payload: string;
  organizationId: string | null;
  attempts: number | bigint;
  maxAttempts: number | bigint;
}

/**
 * Claims up to `limit` due jobs for `holder` in ONE statement, so the database decides races
 * between runners (ADR 0028): queued jobs whose runAt has come, and running jobs whose lock has
 * expired (their runner died: at-least-once). PostgreSQL skips rows another runner is claiming
 * (FOR UPDATE SKIP LOCKED) and re-checks the condition on rows that changed meanwhile; SQLite has
 * one writer at a time, so the statement alone is enough. `onlyIds` restricts the claim to jobs a
 * use case just enqueued (runJobsNow).
 */
export async function claimJobs({
  holder,
  now,
  limit,
  onlyIds,
}: {
  holder: string;
  now: Date;
  limit: number;
  onlyIds?: readonly string[];
}): Promise<ClaimedJob[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  const lockedUntil = new Date(now.getTime() + getEnv().JOB_LOCK_SECONDS * 1000);
  const only = onlyIds ? Prisma.sql`AND "id" IN (${Prisma.join(onlyIds)})` : Prisma.empty;
  const skipLocked =
    providerOf(getEnv().DATABASE_URL) === "postgresql"
      ? Prisma.sql`FOR UPDATE SKIP LOCKED`
      : Prisma.empty;
  const rows = await db().$queryRaw<ClaimRow[]>`
    UPDATE "Job"
    SET "status" = 'running', "lockedBy" = ${holder}, "lockedUntil" = ${lockedUntil},
        "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE (("status" = 'queued' AND "runAt" <= ${now})
          OR ("status" = 'running' AND "lockedUntil" < ${now}))
        ${only}
      ORDER BY "runAt"
      LIMIT ${limit}
      ${skipLocked}
    )
    -- Again on the row being updated: a row another runner claimed meanwhile no longer matches.
    AND (("status" = 'queued' AND "runAt" <= ${now})
      OR ("status" = 'running' AND "lockedUntil" < ${now}))
    RETURNING "id", "kind", "payload", "organizationId", "attempts", "maxAttempts"`;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    organizationId: row.organizationId,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.maxAttempts),
  }));
}
