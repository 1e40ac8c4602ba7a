import { z } from "zod";
import { inTransaction } from "../../utils/transaction.server";
import { DomainError } from "../../utils/errors";
import { enqueueJob } from "../jobs/enqueue-job.server";
import type { JobHandler } from "../jobs/job-handlers.server";
import { runRegulationDailyJob } from "./run-regulation-daily-job.server";

const payloadSchema = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
type RegulationDailyPayload = z.infer<typeof payloadSchema>;

export function regulationDailyIdempotencyKey(day: string): string {
  return `regulations.daily:${day}`;
}

/**
 * Queues the day's regulation job once across instances: the job's idempotency key is the day,
 * so of several instances (or ticks) enqueueing it, one insert wins and the others meet the
 * unique key. Returns whether this call queued it.
 */
export async function enqueueRegulationDailyJob(day: string): Promise<boolean> {
  try {
    await inTransaction((tx) =>
      enqueueJob(tx, {
        kind: "regulations.daily",
        payload: { day },
        organizationId: null,
        idempotencyKey: regulationDailyIdempotencyKey(day),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.key === "errors.alreadyExists") return false;
    throw error;
  }
}

/**
 * "regulations.daily": runs the day's job. When another holder has the lease (an operator's run
 * of the same work), this attempt fails and the queue retries it later; the work itself records
 * nothing twice.
 */
export const regulationDailyJobHandler: JobHandler<RegulationDailyPayload> = {
  parse: (payload) => payloadSchema.parse(payload),
  async run({ day }, job) {
    const result = await runRegulationDailyJob({ day, holder: `job:${job.id}` });
    if (!result.leased) throw new Error("regulations.daily: another run holds the lease");
  },
};
