import { db } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { enqueueJob } from "../jobs/enqueue-job.server";
import { runJobsNow } from "../jobs/job-runner.server";
import { recipientLocale } from "../mail/recipient-locale";
import { acquireJobLease, releaseJobLease } from "./job-lease.server";
import { composeReminderMail } from "./reminder-mail";
import { recordReminderEvent, type ReminderJobPayload } from "./reminder-job-handler.server";
import { MAX_REMINDER_DAYS_BEFORE, reminderKindFor, type ReminderKind } from "./reminder-rules";

export const REMINDER_JOB_NAME = "reminders";
export const REMINDER_LEASE_MS = 5 * 60_000;
/** Assessments in which the vendor is still expected to answer. */
const ANSWERING_STATUSES = ["INVITED", "IN_PROGRESS", "CHANGES_REQUESTED"];
const DAY_MS = 86_400_000;

export interface ReminderJobResult {
  /** False when another holder has the lease: this run did nothing. */
  leased: boolean;
  /** Reminders queued and accepted by the mail server in this run. */
  sent: number;
  /** Reminders queued whose first delivery failed: their jobs stay queued and are retried. */
  failed: number;
}

interface DueReminder {
  kind: ReminderKind;
  inviteLinkId: string;
  organizationId: string;
  organizationName: string;
  assessmentId: string;
  title: string;
  dueDate: Date;
  contactEmail: string;
  contactName: string | null;
  locale: string;
}

/**
 * Queues the vendor reminders that are due (see reminder-rules.ts), across all organisations, and
 * tries to deliver each at once. Exactly-once queueing comes from the database: a ReminderDispatch
 * row (unique per assessment, link and kind) is inserted with the reminder's mail job and a
 * "reminder.queued" audit event in one transaction, so a second run, a restarted instance or a
 * concurrent instance finds it and skips. The mail itself is a durable job (ADR 0028): it is
 * recorded as "reminder.sent" only after the mail server accepted it, and retried after a crash or
 * a failure. The lease keeps the scan to one instance at a time and is given back after the run.
 */
export async function runReminderJob({
  now = new Date(),
  holder,
}: {
  now?: Date;
  holder: string;
}): Promise<ReminderJobResult> {
  if (!(await acquireJobLease(REMINDER_JOB_NAME, holder, now, REMINDER_LEASE_MS))) {
    return { leased: false, sent: 0, failed: 0 };
  }
  try {
    return { leased: true, ...(await queueDueReminders(now)) };
  } finally {
    await releaseJobLease(REMINDER_JOB_NAME, holder, now);
  }
}

async function queueDueReminders(now: Date): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const reminder of await findDueReminders(now)) {
    const jobId = await claimReminder(reminder, now);
    if (!jobId) continue;
    const delivered = await runJobsNow([jobId]);
    if (delivered.has(jobId)) sent++;
    else failed++;
  }
  return { sent, failed };
}

/**
 * Active links (neither revoked nor expired) of assessments that are due within 30 days or overdue.
 * A re-issued link keeps its row (rotatedAt set, new token hash): it is the same contact with a
 * working token, so it is reminded like any other; the old token has no row of its own.
 */
async function findDueReminders(now: Date): Promise<DueReminder[]> {
  const links = await db().inviteLink.findMany({
    where: {
      revokedAt: null,
      expiresAt: { gt: now },
      assessment: {
        status: { in: ANSWERING_STATUSES },
        dueDate: { not: null, lte: new Date(now.getTime() + MAX_REMINDER_DAYS_BEFORE * DAY_MS) },
      },
    },
    select: {
      id: true,
      organizationId: true,
      contactEmail: true,
      contactName: true,
      locale: true,
      reminders: { select: { kind: true } },
      assessment: {
        select: {
          id: true,
          title: true,
          dueDate: true,
          organization: {
            select: { name: true, reminderDaysBefore: true, remindWhenOverdue: true },
          },
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  const due: DueReminder[] = [];
  for (const link of links) {
    const { assessment } = link;
    if (!assessment.dueDate) continue;
    const kind = reminderKindFor(assessment.dueDate, now, assessment.organization);
    // Already sent ones are skipped here to save a transaction; claimReminder re-checks.
    if (!kind || link.reminders.some((r) => r.kind === kind)) continue;
    due.push({
      kind,
      inviteLinkId: link.id,
      organizationId: link.organizationId,
      organizationName: assessment.organization.name,
      assessmentId: assessment.id,
      title: assessment.title,
      dueDate: assessment.dueDate,
      contactEmail: link.contactEmail,
      contactName: link.contactName,
      locale: link.locale,
    });
  }
  return due;
}

/**
 * Records the dispatch, queues the reminder's mail and says so in the audit trail, in one
 * transaction; null when the reminder was already queued. A concurrent insert of the same key
 * makes this transaction fail with a unique violation; inTransaction retries it, and the retry
 * finds the row and returns null.
 */
async function claimReminder(reminder: DueReminder, now: Date): Promise<string | null> {
  const key = {
    assessmentId: reminder.assessmentId,
    inviteLinkId: reminder.inviteLinkId,
    kind: reminder.kind,
  };
  return inTransaction(async (tx) => {
    const existing = await tx.reminderDispatch.findUnique({
      where: { assessmentId_inviteLinkId_kind: key },
      select: { id: true },
    });
    if (existing) return null;
    const dispatch = await tx.reminderDispatch.create({
      data: { ...key, organizationId: reminder.organizationId, sentAt: now },
      select: { id: true },
    });
    const payload: ReminderJobPayload = {
      mail: composeReminderMail({
        kind: reminder.kind,
        locale: recipientLocale(reminder.locale),
        to: reminder.contactEmail,
        contactName: reminder.contactName,
        organizationId: reminder.organizationId,
        organizationName: reminder.organizationName,
        title: reminder.title,
        dueDate: reminder.dueDate,
      }),
      reminder: {
        dispatchId: dispatch.id,
        organizationId: reminder.organizationId,
        inviteLinkId: reminder.inviteLinkId,
        assessmentId: reminder.assessmentId,
        kind: reminder.kind,
        dueDate: reminder.dueDate.toISOString(),
      },
    };
    const jobId = await enqueueJob(tx, {
      kind: "reminder.send",
      payload,
      organizationId: reminder.organizationId,
      idempotencyKey: `reminder:${reminder.assessmentId}:${reminder.inviteLinkId}:${reminder.kind}`,
    });
    await recordReminderEvent(tx, "reminder.queued", payload.reminder);
    return jobId;
  });
}
