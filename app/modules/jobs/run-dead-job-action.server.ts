import { z } from "zod";
import { DomainError, statusForCode } from "../../utils/errors";
import type { LocalizedMessage } from "../../utils/i18n";
import type { UserActor } from "../auth/actor";
import { discardDeadJob } from "./discard-dead-job.server";
import { retryDeadJob } from "./retry-dead-job.server";

const deadJobFormSchema = z.object({
  intent: z.enum(["retry", "discard"]),
  jobId: z.string().min(1).max(64),
});

export interface DeadJobActionData {
  ok: boolean;
  message: LocalizedMessage;
}

/**
 * The /admin/jobs form: retry or discard one dead job. A form that does not parse is a 400, a job
 * that is not (or no longer) in the organisation's dead-letter list a 404; both answer with a
 * message the page shows, so the no-JavaScript form keeps working.
 */
export async function runDeadJobAction(
  actor: UserActor,
  form: FormData,
): Promise<{ status: number; body: DeadJobActionData }> {
  const parsed = deadJobFormSchema.safeParse({
    intent: form.get("intent"),
    jobId: form.get("jobId"),
  });
  if (!parsed.success)
    return { status: 400, body: { ok: false, message: { key: "errors.formUnreadable" } } };
  const { intent, jobId } = parsed.data;
  try {
    if (intent === "retry") await retryDeadJob(actor, jobId);
    else await discardDeadJob(actor, jobId);
  } catch (error) {
    if (error instanceof DomainError)
      return { status: statusForCode(error.code), body: { ok: false, message: error.userMessage } };
    throw error;
  }
  const key = intent === "retry" ? "admin.jobRetried" : "admin.jobDiscarded";
  return { status: 200, body: { ok: true, message: { key } } };
}
