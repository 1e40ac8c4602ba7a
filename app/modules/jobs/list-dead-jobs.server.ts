import { db } from "../../utils/db.server";
import { assertCan } from "../../utils/permissions";
import type { UserActor } from "../auth/actor";

export interface DeadJobRow {
  id: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** How many dead jobs the page lists, newest first. */
export const DEAD_JOBS_LISTED = 100;

/**
 * The dead-letter list of the actor's organisation: jobs that ran out of attempts. Never the
 * payload (mail bodies hold invite links and codes), only what says why it gave up.
 */
export async function listDeadJobs(actor: UserActor): Promise<DeadJobRow[]> {
  assertCan(actor, "job:manage", "errors.forbidden");
  return db().job.findMany({
    where: { organizationId: actor.organizationId, status: "dead" },
    select: {
      id: true,
      kind: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      finishedAt: true,
    },
    orderBy: [{ finishedAt: "desc" }, { id: "asc" }],
    take: DEAD_JOBS_LISTED,
  });
}
