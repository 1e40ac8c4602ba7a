import type { Tx } from "../../utils/db.server";
import { sealJobPayload } from "./job-payload.server";
import type { JobKind } from "./job-kinds";

export const DEFAULT_MAX_ATTEMPTS = 8;

export interface JobSpec {
  kind: JobKind;
  payload: unknown;
  organizationId: string | null;
  /** A job with the same key is not enqueued twice (the unique index decides). */
  idempotencyKey?: string;
  maxAttempts?: number;
  runAt?: Date;
}

/**
 * Enqueues a job with the transaction client of the business change: the job commits or rolls
 * back with it (ADR 0028). runAt is always written by us (never the column default): on SQLite the
 * claim compares it as ISO text, the format Prisma writes.
 */
export async function enqueueJob(tx: Tx, spec: JobSpec): Promise<string> {
  const job = await tx.job.create({
    data: {
      organizationId: spec.organizationId,
      kind: spec.kind,
      payload: sealJobPayload(spec.payload),
      idempotencyKey: spec.idempotencyKey ?? null,
      maxAttempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      runAt: spec.runAt ?? new Date(),
      createdAt: new Date(),
    },
    select: { id: true },
  });
  return job.id;
}
