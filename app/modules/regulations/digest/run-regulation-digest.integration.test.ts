import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { auditEventsOf } from "../../../../tests/support/assessment-factories";
import {
  createTestChangeEvent,
  createTestInstrument,
} from "../../../../tests/support/change-event-factories";
import { createOrganization, createUser } from "../../../../tests/support/factories";
import { setupSmtpCatcher } from "../../../../tests/support/mail";
import {
  isoWeekOf,
  REGULATION_DIGEST_JOB_NAME,
  runRegulationDigest,
} from "./run-regulation-digest.server";

/**
 * The weekly digest of regulatory changes (issue 14 item 5) through the job queue to a real SMTP
 * catcher: DPOs only, each in their language, once per organisation and ISO week whoever runs it
 * (a second run, a restart, two instances at once), and nothing when there is nothing to say.
 * Only organisation rows are written here, so other organisations of this file see nothing.
 */
const smtp = setupSmtpCatcher();
const DAY = 86_400_000;
const NOW = new Date();
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const unique = () => randomBytes(4).toString("hex");

beforeEach(async () => {
  await db().jobLease.deleteMany({ where: { name: REGULATION_DIGEST_JOB_NAME } });
  smtp().clear();
});

async function createWorld() {
  const org = await createOrganization({ name: `Beispiel AG ${unique()}` });
  const dpoDe = await createUser({ organizationId: org.id, role: "DPO", name: "Dora" });
  await db().user.update({ where: { id: dpoDe.user.id }, data: { locale: "de" } });
  const dpoEn = await createUser({ organizationId: org.id, role: "DPO", name: "Dean" });
  const admin = await createUser({ organizationId: org.id, role: "ADMIN" });
  const gone = await createUser({ organizationId: org.id, role: "DPO" });
  await db().membership.update({
    where: { id: gone.membership.id },
    data: { deactivatedAt: ago(1) },
  });
  const instrument = await createTestInstrument(org.id, {
    titleDe: "Datenschutzrahmen",
    titleEn: "Privacy framework",
  });
  return { org, dpoDe, dpoEn, admin, gone, instrument };
}

const mailsTo = (email: string) => smtp().messages.filter((m) => m.to.includes(email));

describe("runRegulationDigest", () => {
  it("mails each active DPO the week's changes in their language, with links; others get nothing", async () => {
    const world = await createWorld();
    const detected = await createTestChangeEvent(world.instrument, {
      detectedAt: ago(2),
      summaryDe: "Neue Pflicht zur Protokollierung",
      summaryEn: "New logging duty",
    });
    const becomingEffective = await createTestChangeEvent(world.instrument, {
      detectedAt: ago(90),
      effectiveAt: new Date(NOW.getTime() + 3 * DAY),
      type: "application_date_shift",
      summaryEn: "Obligations start",
    });
    const old = await createTestChangeEvent(world.instrument, {
      detectedAt: ago(90),
      effectiveAt: ago(60),
      summaryEn: "Long in force",
    });
    await db().changeEvent.update({ where: { id: old.id }, data: { updatedAt: ago(60) } });
    await db().changeEvent.update({
      where: { id: becomingEffective.id },
      data: { updatedAt: ago(60) },
    });
    const candidate = await createTestChangeEvent(world.instrument, {
      detectedAt: ago(1),
      source: "sync",
      confirmed: false,
      summaryEn: "Unconfirmed rumour",
    });

    const result = await runRegulationDigest({ now: NOW, holder: "test" });
    expect(result.leased).toBe(true);

    const en = await smtp().waitFor((m) => m.to.includes(world.dpoEn.user.email));
    expect(en.subject).toBe("Regulatory changes this week: 2");
    expect(en.text).toContain("Hello Dean,");
    expect(en.text).toContain("New logging duty");
    expect(en.text).toContain("Obligations start");
    expect(en.text).toContain(`/regulations/changes/${detected.id}`);
    expect(en.text).toContain(`/regulations/changes/${becomingEffective.id}`);
    expect(en.text).not.toContain("Long in force");
    expect(en.text).not.toContain("Unconfirmed rumour");
    expect(en.text).not.toContain(candidate.id);
    const de = await smtp().waitFor((m) => m.to.includes(world.dpoDe.user.email));
    expect(de.subject).toBe("Regulatorische Änderungen dieser Woche: 2");
    expect(de.text).toContain("Hallo Dora,");
    expect(de.text).toContain("Neue Pflicht zur Protokollierung");
    expect(de.text).toContain("Datenschutzrahmen");
    expect(mailsTo(world.admin.user.email)).toEqual([]);
    expect(mailsTo(world.gone.user.email)).toEqual([]);
    const audit = await auditEventsOf(world.org.id, "regulations.digest_queued");
    expect(audit).toHaveLength(1);
  });

  it("sends once per organisation and ISO week: a second run, a restart, two instances at once", async () => {
    const world = await createWorld();
    await createTestChangeEvent(world.instrument, { detectedAt: ago(1) });
    const [first, second] = await Promise.all([
      runRegulationDigest({ now: NOW, holder: "instance-a" }),
      runRegulationDigest({ now: NOW, holder: "instance-b" }),
    ]);
    expect([first.leased, second.leased].sort()).toEqual([false, true]);
    await runRegulationDigest({ now: new Date(NOW.getTime() + 60_000), holder: "restarted" });
    const jobs = await db().job.findMany({
      where: { idempotencyKey: { startsWith: `regulations-digest:${world.org.id}:` } },
      select: { idempotencyKey: true },
    });
    expect(jobs.map((job) => job.idempotencyKey).sort()).toEqual(
      [world.dpoDe.user.id, world.dpoEn.user.id]
        .map((userId) => `regulations-digest:${world.org.id}:${isoWeekOf(NOW)}:${userId}`)
        .sort(),
    );
    await smtp().waitFor((m) => m.to.includes(world.dpoEn.user.email));
    await smtp().waitFor((m) => m.to.includes(world.dpoDe.user.email));
    expect(mailsTo(world.dpoEn.user.email)).toHaveLength(1);
    expect(await auditEventsOf(world.org.id, "regulations.digest_queued")).toHaveLength(1);
  });

  it("says nothing when there is nothing to say", async () => {
    const world = await createWorld();
    const old = await createTestChangeEvent(world.instrument, {
      detectedAt: ago(30),
      effectiveAt: ago(20),
    });
    await db().changeEvent.update({ where: { id: old.id }, data: { updatedAt: ago(20) } });
    await runRegulationDigest({ now: NOW, holder: "test" });
    expect(
      await db().job.count({
        where: { idempotencyKey: { startsWith: `regulations-digest:${world.org.id}:` } },
      }),
    ).toBe(0);
    expect(await auditEventsOf(world.org.id, "regulations.digest_queued")).toEqual([]);
  });

  it("numbers ISO weeks across a year end", () => {
    expect(isoWeekOf(new Date("2026-12-28T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeekOf(new Date("2027-01-03T23:00:00Z"))).toBe("2026-W53");
    expect(isoWeekOf(new Date("2027-01-04T00:00:00Z"))).toBe("2027-W01");
    expect(isoWeekOf(new Date("2025-12-29T00:00:00Z"))).toBe("2026-W01");
  });
});
