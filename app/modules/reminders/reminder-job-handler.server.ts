import { z } from "zod";
import type { Tx } from "../../utils/db.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { SystemActor } from "../auth/actor";
import type { JobHandler } from "../jobs/job-handlers.server";
import { outgoingMailSchema } from "../mail/mail-job.server";
import { sendMail } from "../mail/send-mail.server";

const reminderJobSchema = z.object({
  mail: outgoingMailSchema,
  reminder: z.object({
    dispatchId: z.string(),
    organizationId: z.string(),
    inviteLinkId: z.string(),
    assessmentId: z.string(),
    kind: z.string(),
    dueDate: z.string(),
  }),
});
export type ReminderJobPayload = z.infer<typeof reminderJobSchema>;

export function reminderActor(organizationId: string): SystemActor {
  return { kind: "system", organizationId, label: "reminders" };
}

/**
 * "reminder.send": the reminder's mail. Only once the mail server has accepted it is the
 * reminder recorded as sent ("reminder.sent", in the transaction that marks the job done); a job
 * that runs out of attempts records "reminder.failed". The dispatch row stays either way, so the
 * schedule never queues the same reminder twice; an admin may retry a dead one.
 */
export const reminderJobHandler: JobHandler<ReminderJobPayload> = {
  parse: (payload) => reminderJobSchema.parse(payload),
  run: ({ mail }) => sendMail(mail),
  async onDone(tx, { reminder }) {
    const now = new Date();
    await tx.reminderDispatch.updateMany({
      where: { id: reminder.dispatchId },
      data: { sentAt: now },
    });
    await recordReminderEvent(tx, "reminder.sent", reminder);
  },
  async onDead(tx, { reminder }) {
    await recordReminderEvent(tx, "reminder.failed", reminder);
  },
};

export async function recordReminderEvent(
  tx: Tx,
  action: "reminder.queued" | "reminder.sent" | "reminder.failed",
  reminder: ReminderJobPayload["reminder"],
): Promise<void> {
  await recordAuditEvent(tx, reminderActor(reminder.organizationId), {
    action,
    target: { type: "invite", id: reminder.inviteLinkId },
    payload: {
      assessmentId: reminder.assessmentId,
      kind: reminder.kind,
      dueDate: reminder.dueDate,
    },
  });
}
