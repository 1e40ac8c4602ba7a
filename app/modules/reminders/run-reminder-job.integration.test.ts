import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { sha256Hex } from "~/utils/crypto.server";
import { auditEventsOf } from "../../../tests/support/assessment-factories";
import { createOrganization, createUser, createVendor } from "../../../tests/support/factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { createAssessmentRecord } from "../../../tests/support/vendor-factories";
import { runDueJobs } from "../jobs/job-runner.server";
import { REMINDER_JOB_NAME, REMINDER_LEASE_MS, runReminderJob } from "./run-reminder-job.server";

/**
 * The reminder job against a real database and a real SMTP catcher. Every test builds its own
 * organisation; the job looks at all organisations, so each test removes its assessments afterwards
 * and starts without a lease.
 */
const smtp = setupSmtpCatcher();
const DAY = 86_400_000;
const NOW = new Date("2026-06-10T12:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

const organizationIds: string[] = [];
beforeEach(async () => {
  await db().jobLease.deleteMany({ where: { name: REMINDER_JOB_NAME } });
  await db().job.deleteMany({});
});
afterEach(async () => {
  await db().assessment.deleteMany({
    where: { organizationId: { in: organizationIds.splice(0) } },
  });
});

function unique(): string {
  return randomBytes(4).toString("hex");
}

async function createWorld(
  settings: { reminderDaysBefore?: number; remindWhenOverdue?: boolean } = {},
) {
  const org = await createOrganization({ name: `Beispiel AG ${unique()}` });
  organizationIds.push(org.id);
  await db().organization.update({ where: { id: org.id }, data: settings });
  const { user } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  const vendor = await createVendor({ organizationId: org.id });

  async function assessment(
    status: string,
    dueDate: Date | null,
    title = `Due diligence ${unique()}`,
  ) {
    return createAssessmentRecord({
      organizationId: org.id,
      vendorId: vendor.id,
      createdById: user.id,
      status,
      dueDate,
      title,
    });
  }

  /** An invite link row in a given state (the token is not needed: reminders never carry it). */
  async function link(
    assessmentId: string,
    options: {
      locale?: "en" | "de";
      name?: string;
      revoked?: boolean;
      rotated?: boolean;
      expired?: boolean;
    } = {},
  ) {
    const contactEmail = `contact-${unique()}@vendor.example`;
    const row = await db().inviteLink.create({
      data: {
        organizationId: org.id,
        assessmentId,
        contactEmail,
        contactName: options.name ?? null,
        locale: options.locale ?? "en",
        tokenHash: sha256Hex(randomBytes(32).toString("base64url")),
        expiresAt: options.expired ? later(-DAY) : later(60 * DAY),
        revokedAt: options.revoked ? later(-DAY) : null,
        rotatedAt: options.rotated ? later(-DAY) : null,
        createdById: user.id,
      },
    });
    return row;
  }

  return { org, assessment, link };
}

function mailsTo(address: string) {
  return smtp().messages.filter((m) => m.to.includes(address));
}

async function dispatchesOf(organizationId: string) {
  return db().reminderDispatch.findMany({
    where: { organizationId },
    select: { inviteLinkId: true, kind: true },
  });
}

/** A local port nobody listens on: sending there fails at once (connection refused). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

describe("runReminderJob", () => {
  it("reminds each active contact once before the due date and once when overdue, in the contact's language", async () => {
    const world = await createWorld({ reminderDaysBefore: 3, remindWhenOverdue: true });
    const dueSoon = await world.assessment(
      "IN_PROGRESS",
      new Date("2026-06-12T23:59:59Z"),
      "KI-Prüfung 2026",
    );
    const english = await world.link(dueSoon.id, { locale: "en", name: "Erika Muster" });
    const german = await world.link(dueSoon.id, { locale: "de" });
    // Re-issued: the same row with a new token (reissue-invite-link): still the contact's working link.
    const reissued = await world.link(dueSoon.id, { locale: "en", rotated: true });
    const overdue = await world.assessment("INVITED", new Date("2026-06-09T23:59:59Z"));
    const overdueContact = await world.link(overdue.id, { locale: "de" });
    // No reminder for any of these:
    const farAway = await world.assessment("CHANGES_REQUESTED", new Date("2026-06-20T23:59:59Z"));
    const submitted = await world.assessment("SUBMITTED", new Date("2026-06-11T23:59:59Z"));
    const cancelled = await world.assessment("CANCELLED", new Date("2026-06-08T23:59:59Z"));
    const draft = await world.assessment("DRAFT", new Date("2026-06-11T23:59:59Z"));
    const undated = await world.assessment("IN_PROGRESS", null);
    const silent = [
      await world.link(farAway.id),
      await world.link(submitted.id),
      await world.link(cancelled.id),
      await world.link(draft.id),
      await world.link(undated.id),
      await world.link(dueSoon.id, { revoked: true }),
      await world.link(overdue.id, { expired: true }),
    ];

    expect(await runReminderJob({ now: NOW, holder: "instance-1" })).toEqual({
      leased: true,
      sent: 4,
      failed: 0,
    });
    expect(mailsTo(reissued.contactEmail)).toHaveLength(1);

    const [en] = mailsTo(english.contactEmail);
    expect(mailsTo(english.contactEmail)).toHaveLength(1);
    expect(en!.subject).toBe(
      `Reminder: "KI-Prüfung 2026" for ${world.org.name} is due on 12 June 2026`,
    );
    expect(en!.text).toContain("Hello Erika Muster,");
    expect(en!.text).toContain("personal link from the invitation e-mail");
    const [de] = mailsTo(german.contactEmail);
    expect(mailsTo(german.contactEmail)).toHaveLength(1);
    expect(de!.subject).toBe(
      `Erinnerung: „KI-Prüfung 2026“ für ${world.org.name} ist am 12. Juni 2026 fällig`,
    );
    expect(de!.text).toContain(`Guten Tag ${german.contactEmail},`);
    const [late] = mailsTo(overdueContact.contactEmail);
    expect(mailsTo(overdueContact.contactEmail)).toHaveLength(1);
    expect(late!.subject).toMatch(/^Überfällig: .* war am 9\. Juni 2026 fällig$/);
    // The token is not stored, and no other link stands in for it.
    for (const mail of [en!, de!, late!]) {
      expect(mail.text).not.toMatch(/https?:\/\//);
    }
    for (const contact of silent) expect(mailsTo(contact.contactEmail)).toHaveLength(0);

    const dispatches = await dispatchesOf(world.org.id);
    expect(dispatches).toHaveLength(4);
    expect(dispatches).toEqual(
      expect.arrayContaining([
        { inviteLinkId: english.id, kind: "due_soon" },
        { inviteLinkId: reissued.id, kind: "due_soon" },
        { inviteLinkId: german.id, kind: "due_soon" },
        { inviteLinkId: overdueContact.id, kind: "overdue" },
      ]),
    );
    const audited = await auditEventsOf(world.org.id, "reminder.sent");
    expect(audited).toHaveLength(4);
    expect(audited[0]).toMatchObject({
      actorType: "system",
      actorLabel: "reminders",
      targetType: "invite",
    });

    // The same instance again, then a restarted one (new holder once the lease has run out): nothing new.
    expect(await runReminderJob({ now: later(60_000), holder: "instance-1" })).toEqual({
      leased: true,
      sent: 0,
      failed: 0,
    });
    expect(
      await runReminderJob({
        now: later(REMINDER_LEASE_MS + 120_000),
        holder: "instance-1-restarted",
      }),
    ).toEqual({
      leased: true,
      sent: 0,
      failed: 0,
    });
    expect(await dispatchesOf(world.org.id)).toHaveLength(4);

    // Three days on, the first assessment is overdue too: one overdue reminder per contact, once.
    const afterDue = later(3 * DAY);
    expect(await runReminderJob({ now: afterDue, holder: "instance-1-restarted" })).toEqual({
      leased: true,
      sent: 3,
      failed: 0,
    });
    expect(
      await runReminderJob({ now: later(3 * DAY + 60_000), holder: "instance-2" }),
    ).toMatchObject({ sent: 0 });
    expect(mailsTo(english.contactEmail).map((m) => m.subject)).toEqual([
      en!.subject,
      `Overdue: "KI-Prüfung 2026" for ${world.org.name} was due on 12 June 2026`,
    ]);
    expect(mailsTo(german.contactEmail)).toHaveLength(2);
    expect(mailsTo(overdueContact.contactEmail)).toHaveLength(1);
    expect(await auditEventsOf(world.org.id, "reminder.sent")).toHaveLength(7);
  });

  it("sends nothing when the organisation switched reminders off", async () => {
    const world = await createWorld({ reminderDaysBefore: 0, remindWhenOverdue: false });
    const soon = await world.link((await world.assessment("IN_PROGRESS", later(DAY))).id);
    const late = await world.link((await world.assessment("IN_PROGRESS", later(-DAY))).id);
    expect(await runReminderJob({ now: NOW, holder: "instance-1" })).toEqual({
      leased: true,
      sent: 0,
      failed: 0,
    });
    expect(mailsTo(soon.contactEmail)).toHaveLength(0);
    expect(mailsTo(late.contactEmail)).toHaveLength(0);
    expect(await dispatchesOf(world.org.id)).toHaveLength(0);
  });

  it("two runs started at the same time send each reminder exactly once", async () => {
    const world = await createWorld();
    const contacts = [];
    for (let i = 0; i < 3; i++) {
      const assessment = await world.assessment("IN_PROGRESS", later(i % 2 === 0 ? DAY : -DAY));
      contacts.push(
        await world.link(assessment.id),
        await world.link(assessment.id, { locale: "de" }),
      );
    }

    // Different holders (two instances): the lease lets one of them work at a time.
    const [first, second] = await Promise.all([
      runReminderJob({ now: NOW, holder: "instance-a" }),
      runReminderJob({ now: NOW, holder: "instance-b" }),
    ]);
    expect(first.leased || second.leased).toBe(true);
    expect(first.sent + second.sent).toBe(contacts.length);
    for (const contact of contacts) expect(mailsTo(contact.contactEmail)).toHaveLength(1);

    // One holder three times at once (all pass the lease): the dispatch key alone keeps it to once.
    const more = await world.assessment("INVITED", later(2 * DAY));
    const newContacts = [
      await world.link(more.id),
      await world.link(more.id),
      await world.link(more.id),
    ];
    const runs = await Promise.all(
      [0, 1, 2].map(() => runReminderJob({ now: later(60_000), holder: "instance-a" })),
    );
    expect(runs.every((r) => r.leased)).toBe(true);
    expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(newContacts.length);
    for (const contact of [...contacts, ...newContacts])
      expect(mailsTo(contact.contactEmail)).toHaveLength(1);
    expect(await dispatchesOf(world.org.id)).toHaveLength(contacts.length + newContacts.length);
    expect(await auditEventsOf(world.org.id, "reminder.sent")).toHaveLength(
      contacts.length + newContacts.length,
    );
  });

  it("does nothing while another live holder has the lease, and takes over once it has expired", async () => {
    const world = await createWorld();
    const contact = await world.link((await world.assessment("IN_PROGRESS", later(DAY))).id);
    await db().jobLease.create({
      data: { name: REMINDER_JOB_NAME, holder: "other-instance", leaseUntil: later(2 * 60_000) },
    });

    expect(await runReminderJob({ now: NOW, holder: "instance-1" })).toEqual({
      leased: false,
      sent: 0,
      failed: 0,
    });
    expect(mailsTo(contact.contactEmail)).toHaveLength(0);
    expect(
      await db().jobLease.findUniqueOrThrow({ where: { name: REMINDER_JOB_NAME } }),
    ).toMatchObject({ holder: "other-instance" });

    expect(await runReminderJob({ now: later(3 * 60_000), holder: "instance-1" })).toEqual({
      leased: true,
      sent: 1,
      failed: 0,
    });
    // Given back after the run: the next holder need not wait for it to expire.
    const lease = await db().jobLease.findUniqueOrThrow({ where: { name: REMINDER_JOB_NAME } });
    expect(lease.holder).toBe("instance-1");
    expect(lease.leaseUntil.getTime()).toBeLessThan(later(3 * 60_000).getTime());
    expect(await runReminderJob({ now: later(4 * 60_000), holder: "instance-2" })).toEqual({
      leased: true,
      sent: 0,
      failed: 0,
    });
  });

  it("a reminder whose mail fails is queued but not recorded as sent; the runner delivers it once, and only then is it sent", async () => {
    const world = await createWorld();
    const contact = await world.link((await world.assessment("IN_PROGRESS", later(DAY))).id, {
      locale: "de",
    });
    const working = process.env.MAIL_URL;
    process.env.MAIL_URL = await closedPortUrl();
    resetEnvForTests();
    try {
      expect(await runReminderJob({ now: NOW, holder: "instance-1" })).toEqual({
        leased: true,
        sent: 0,
        failed: 1,
      });
    } finally {
      process.env.MAIL_URL = working;
      resetEnvForTests();
    }
    // Nothing is recorded as sent before it was sent.
    expect(await auditEventsOf(world.org.id, "reminder.sent")).toHaveLength(0);
    expect(await auditEventsOf(world.org.id, "reminder.queued")).toHaveLength(1);
    expect(mailsTo(contact.contactEmail)).toHaveLength(0);
    const [job] = await db().job.findMany({
      where: { organizationId: world.org.id, kind: "reminder.send" },
    });
    expect(job).toMatchObject({ status: "queued", attempts: 1 });

    // The next scan does not queue it again; the queue's runner retries it when it is due.
    expect(await runReminderJob({ now: later(60_000), holder: "instance-1" })).toEqual({
      leased: true,
      sent: 0,
      failed: 0,
    });
    expect(await runDueJobs({ holder: "runner-1", now: job!.runAt })).toEqual(["done"]);
    expect(mailsTo(contact.contactEmail)).toHaveLength(1);
    expect(mailsTo(contact.contactEmail)[0]!.subject).toMatch(/^Erinnerung: /);
    expect(await auditEventsOf(world.org.id, "reminder.sent")).toHaveLength(1);
    expect(await auditEventsOf(world.org.id, "reminder.failed")).toHaveLength(0);
    expect(await dispatchesOf(world.org.id)).toEqual([
      { inviteLinkId: contact.id, kind: "due_soon" },
    ]);
  });

  it("a reminder whose mail never goes out ends dead and is recorded as failed, never as sent", async () => {
    const world = await createWorld();
    const contact = await world.link((await world.assessment("IN_PROGRESS", later(DAY))).id);
    const working = process.env.MAIL_URL;
    process.env.MAIL_URL = await closedPortUrl();
    resetEnvForTests();
    try {
      await runReminderJob({ now: NOW, holder: "instance-1" });
      const job = await db().job.findFirstOrThrow({
        where: { organizationId: world.org.id, kind: "reminder.send" },
      });
      await db().job.update({ where: { id: job.id }, data: { maxAttempts: 2 } });
      const queued = await db().job.findUniqueOrThrow({ where: { id: job.id } });
      expect(await runDueJobs({ holder: "runner-1", now: queued.runAt })).toEqual(["dead"]);
    } finally {
      process.env.MAIL_URL = working;
      resetEnvForTests();
    }
    expect(mailsTo(contact.contactEmail)).toHaveLength(0);
    expect(await auditEventsOf(world.org.id, "reminder.sent")).toHaveLength(0);
    expect(await auditEventsOf(world.org.id, "reminder.failed")).toHaveLength(1);
  });
});
