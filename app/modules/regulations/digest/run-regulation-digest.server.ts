import { db } from "../../../utils/db.server";
import { getEnv } from "../../../utils/env.server";
import { rolesAllowedTo } from "../../../utils/permissions";
import { inTransaction } from "../../../utils/transaction.server";
import { recordAuditEvent } from "../../audit/record-audit-event.server";
import type { SystemActor } from "../../auth/actor";
import { enqueueMail } from "../../mail/enqueue-mail.server";
import { recipientLocale } from "../../mail/recipient-locale";
import { acquireJobLease, releaseJobLease } from "../../reminders/job-lease.server";
import { listChangeEvents, type ChangeEventRow } from "../list-change-events.server";
import { isoWeekOf } from "./iso-week";
import { composeRegulationDigestMail, type DigestSections } from "./regulation-digest-mail";

export { isoWeekOf } from "./iso-week";

export const REGULATION_DIGEST_JOB_NAME = "regulation-digest";
const LEASE_MS = 5 * 60_000;
const WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

export interface RegulationDigestResult {
  /** False when another holder has the lease: this run did nothing. */
  leased: boolean;
  /** Organisations whose digest this run queued. */
  organizations: number;
  /** Mails queued (one per recipient). */
  mails: number;
}

/** The key of one recipient's digest of one week; the prefix up to the user is the organisation's. */
function digestKey(organizationId: string, week: string, userId: string): string {
  return `regulations-digest:${organizationId}:${week}:${userId}`;
}

/**
 * Queues the weekly digest of regulatory changes to every organisation's DPOs (the role the
 * permission table lets receive it), each in their own language: the changes detected in the last
 * 7 days, those becoming effective in the last or next 7 days, and pending ones whose record
 * changed. Sync candidates are not facts and stay out. Once per organisation and ISO week: every
 * mail job carries the key organisation + week + recipient (a unique index), checked before and
 * enforced by the database, so a second run, a restart or a concurrent instance sends nothing
 * more; the lease keeps the scan to one instance at a time. Nothing to say: nothing is sent.
 */
export async function runRegulationDigest({
  now = new Date(),
  holder,
}: {
  now?: Date;
  holder: string;
}): Promise<RegulationDigestResult> {
  if (!(await acquireJobLease(REGULATION_DIGEST_JOB_NAME, holder, now, LEASE_MS)))
    return { leased: false, organizations: 0, mails: 0 };
  try {
    return { leased: true, ...(await queueDigests(now)) };
  } finally {
    await releaseJobLease(REGULATION_DIGEST_JOB_NAME, holder, now);
  }
}

async function queueDigests(now: Date): Promise<{ organizations: number; mails: number }> {
  const week = isoWeekOf(now);
  const recipients = await db().membership.findMany({
    where: { deactivatedAt: null, role: { in: [...rolesAllowedTo("regulation-digest:receive")] } },
    select: {
      organizationId: true,
      organization: { select: { name: true } },
      user: { select: { id: true, email: true, name: true, locale: true } },
    },
    orderBy: [{ organizationId: "asc" }, { createdAt: "asc" }],
  });
  const byOrganization = new Map<string, typeof recipients>();
  for (const recipient of recipients) {
    const list = byOrganization.get(recipient.organizationId) ?? [];
    list.push(recipient);
    byOrganization.set(recipient.organizationId, list);
  }
  let organizations = 0;
  let mails = 0;
  for (const [organizationId, members] of byOrganization) {
    const already = await db().job.count({
      where: { idempotencyKey: { startsWith: `regulations-digest:${organizationId}:${week}:` } },
    });
    if (already > 0) continue;
    const sections = await digestSections(organizationId, now);
    if (!sections) continue;
    const queued = await queueOrganizationDigest(organizationId, members, sections, week, now);
    if (queued > 0) {
      organizations++;
      mails += queued;
    }
  }
  return { organizations, mails };
}

async function digestSections(organizationId: string, now: Date): Promise<DigestSections | null> {
  const from = new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
  const to = new Date(now.getTime() + WINDOW_DAYS * DAY_MS);
  const rows = (
    await listChangeEvents({ organizationId }, { activeBetween: { from, now, to } }, { now })
  ).filter((row) => !row.candidate);
  if (rows.length === 0) return null;
  const inWindow = (date: Date | null, end: Date) => date !== null && date >= from && date <= end;
  const detected: ChangeEventRow[] = [];
  const effective: ChangeEventRow[] = [];
  const pending: ChangeEventRow[] = [];
  // Each event once, in the first section it belongs to.
  for (const row of rows) {
    if (inWindow(row.detectedAt, now)) detected.push(row);
    else if (inWindow(row.effectiveAt, to)) effective.push(row);
    else pending.push(row);
  }
  return { detected, effective, pending };
}

async function queueOrganizationDigest(
  organizationId: string,
  members: {
    organization: { name: string };
    user: { id: string; email: string; name: string; locale: string | null };
  }[],
  sections: DigestSections,
  week: string,
  now: Date,
): Promise<number> {
  const appUrl = getEnv().APP_URL;
  const actor: SystemActor = { kind: "system", organizationId, label: "regulation digest" };
  const from = new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
  const to = new Date(now.getTime() + WINDOW_DAYS * DAY_MS);
  try {
    return await inTransaction(async (tx) => {
      for (const { organization, user } of members) {
        const mail = composeRegulationDigestMail({
          locale: recipientLocale(user.locale),
          to: user.email,
          name: user.name,
          organizationId,
          organizationName: organization.name,
          appUrl,
          from,
          to_: to,
          sections,
        });
        await enqueueMail(tx, mail, { idempotencyKey: digestKey(organizationId, week, user.id) });
      }
      await recordAuditEvent(tx, actor, {
        action: "regulations.digest_queued",
        payload: {
          week,
          recipients: members.length,
          changes: sections.detected.length + sections.effective.length + sections.pending.length,
        },
      });
      return members.length;
    });
  } catch (error) {
    // Another instance queued this week's digest between our check and our insert.
    if (isUniqueViolation(error)) return 0;
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "P2002" || /Unique constraint/i.test(String(e?.message ?? ""));
}
