import type { Tx } from "../../utils/db.server";
import { mailJobHandler } from "../mail/mail-job.server";
import { regulationDailyJobHandler } from "../regulations/regulation-daily-job.server";
import { reminderJobHandler } from "../reminders/reminder-job-handler.server";
import type { ClaimedJob } from "./claim-jobs.server";
import type { JobKind } from "./job-kinds";

/**
 * What a job kind does. `run` performs the side effect (at least once: it may run again after a
 * crash, so it is idempotent or guarded). `onDone` / `onDead` write what follows from it in the
 * same transaction that marks the job done or dead (e.g. the audit event "reminder.sent").
 */
export interface JobHandler<P> {
  parse(payload: unknown): P;
  run(payload: P, job: ClaimedJob): Promise<void>;
  onDone?(tx: Tx, payload: P, job: ClaimedJob): Promise<void>;
  onDead?(tx: Tx, payload: P, job: ClaimedJob): Promise<void>;
}

const HANDLERS: { [K in JobKind]: JobHandler<never> } = {
  "mail.send": mailJobHandler as JobHandler<never>,
  "reminder.send": reminderJobHandler as JobHandler<never>,
  "regulations.daily": regulationDailyJobHandler as JobHandler<never>,
};

export function jobHandlerFor(kind: JobKind): JobHandler<unknown> {
  return HANDLERS[kind] as JobHandler<unknown>;
}
