import { db } from "../../utils/db.server";
import { logger } from "../../utils/logger.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { SystemActor } from "../auth/actor";
import { recipientLocale } from "../mail/recipient-locale";
import { sendMail } from "../mail/send-mail.server";
import { acquireJobLease, releaseJobLease } from "./job-lease.server";
import { composeReminderMail } from "./reminder-mail";
import { MAX_REMINDER_DAYS_BEFORE, reminderKindFor, type ReminderKind } from "./reminder-rules";

export const REMINDER_JOB_NAME = "reminders";
export const REMINDER_LEASE_MS = 5 * 60_000;
/** Assessments in which the vendor is still expected to answer. */
const ANSWERING_STATUSES = ["INVITED", "IN_PROGRESS", "CHANGES_REQUESTED"];
const DAY_MS = 86_400_000;

export interface ReminderJobResult {
  /** False when another holder has the lease: this run did nothing. */
  leased: boolean;
  sent: number;
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
 * Sends the vendor reminders that are due (see reminder-rules.ts), across all organisations.
 * Exactly-once comes from the database, not from this process: a ReminderDispatch row (unique per
 * assessment, link and kind) is inserted with its audit event before the mail goes out, so a second
 * run, a restarted instance or a concurrent instance finds it and skips. The lease keeps the work to
 * one instance at a time and is given back after the run; a crashed holder's lease simply expires.
 * The unique key stays correct even when a lease expires mid-run.
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
    return { leased: true, ...(await sendDueReminders(now)) };
  } finally {
    await releaseJobLease(REMINDER_JOB_NAME, holder, now);
  }
}

async function sendDueReminders(now: Date): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const reminder of await findDueReminders(now)) {
    const dispatchId = await claimReminder(reminder, now);
    if (!dispatchId) continue;
    try {
      await sendMail(
        composeReminderMail({
          kind: reminder.kind,
          locale: recipientLocale(reminder.locale),
          to: reminder.contactEmail,
          contactName: reminder.contactName,
          organizationId: reminder.organizationId,
          organizationName: reminder.organizationName,
          title: reminder.title,
          dueDate: reminder.dueDate,
        }),
      );
      sent++;
    } catch (error) {
      failed++;
      // Never the mail body: the message of a transport error names no content.
      logger.warn("reminder.send_failed", {
        dispatchId,
        kind: reminder.kind,
        error: String((error as Error)?.message ?? error),
      });
      await releaseReminder(reminder, dispatchId);
    }
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

function systemActor(organizationId: string): SystemActor {
  return { kind: "system", organizationId, label: "reminders" };
}

/**
 * Records the dispatch and its audit event in one transaction; null when the reminder was already
 * sent. A concurrent insert of the same key makes this transaction fail with a unique violation;
 * inTransaction retries it, and the retry finds the row and returns null.
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
    await recordAuditEvent(tx, systemActor(reminder.organizationId), {
      action: "reminder.sent",
      target: { type: "invite", id: reminder.inviteLinkId },
      payload: {
        assessmentId: reminder.assessmentId,
        kind: reminder.kind,
        dueDate: reminder.dueDate.toISOString(),
      },
    });
    return dispatch.id;
  });
}

/** The mail did not go out: remove the dispatch so the next run retries, and say so in the audit trail. */
async function releaseReminder(reminder: DueReminder, dispatchId: string): Promise<void> {
  await inTransaction(async (tx) => {
    await tx.reminderDispatch.deleteMany({ where: { id: dispatchId } });
    await recordAuditEvent(tx, systemActor(reminder.organizationId), {
      action: "reminder.failed",
      target: { type: "invite", id: reminder.inviteLinkId },
      payload: { assessmentId: reminder.assessmentId, kind: reminder.kind },
    });
  });
}
