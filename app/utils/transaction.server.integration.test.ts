import { describe, expect, it } from "vitest";
import { createOrganization } from "../../tests/support/factories";
import { recordAuditEvent } from "../modules/audit/record-audit-event.server";
import { db, type Tx } from "./db.server";
import { DomainError } from "./errors";
import { afterCommit, inTransaction } from "./transaction.server";

/** Takes the organisation's audit seq 1 again: the unique (organizationId, seq) conflict a racing chain writer meets. */
async function collideOnAuditSeq(tx: Tx, organizationId: string): Promise<void> {
  await tx.auditEvent.create({
    data: {
      organizationId,
      seq: 1,
      action: "test.collision",
      actorType: "system",
      actorLabel: "test",
      payload: "{}",
      createdAt: new Date(),
      prevHash: "0",
      hash: "collision",
    },
  });
}

async function orgWithOneAuditEvent() {
  const org = await createOrganization();
  await inTransaction((tx) =>
    recordAuditEvent(
      tx,
      { kind: "system", organizationId: org.id, label: "test" },
      { action: "test.first" },
    ),
  );
  return org;
}

/**
 * Side effects that describe committed state (the audit checkpoint log line) run after the
 * commit: once, only for the attempt that committed, never for one that rolled back.
 */
describe("afterCommit", () => {
  it("runs once after the commit, sees the committed row, and never runs for a rolled-back or retried attempt", async () => {
    const org = await orgWithOneAuditEvent();
    const seen: string[] = [];
    let attempt = 0;
    await inTransaction(async (tx) => {
      attempt++;
      const vendor = await tx.vendor.create({
        data: { organizationId: org.id, name: `Attempt ${attempt}`, criticality: "LOW" },
      });
      afterCommit(tx, () => seen.push(vendor.name));
      // A concurrent writer took the same audit position: the first attempt is retried.
      if (attempt === 1) await collideOnAuditSeq(tx, org.id);
    });
    expect(attempt).toBe(2);
    expect(seen).toEqual(["Attempt 2"]);
    expect(
      (
        await db().vendor.findMany({ where: { organizationId: org.id }, select: { name: true } })
      ).map((v) => v.name),
    ).toEqual(["Attempt 2"]);

    await expect(
      inTransaction(async (tx) => {
        afterCommit(tx, () => seen.push("rolled back"));
        throw new Error("the business write failed");
      }),
    ).rejects.toThrow("the business write failed");
    expect(seen).toEqual(["Attempt 2"]);
  });
});

/**
 * Retries are for the conflicts a second attempt can resolve (a racing writer took the next audit
 * seq, the first answer to a question, a reminder's dispatch row …): the retry re-reads and then
 * succeeds or reports the conflict properly. A genuine duplicate stays a duplicate however often
 * it is tried: it fails at once with a message the user can read, not after six attempts as a 500.
 */
describe("inTransaction retries", () => {
  it("retries a race for the next audit seq", async () => {
    const org = await orgWithOneAuditEvent();
    let attempts = 0;
    await inTransaction(async (tx) => {
      attempts++;
      if (attempts === 1) await collideOnAuditSeq(tx, org.id);
      await recordAuditEvent(
        tx,
        { kind: "system", organizationId: org.id, label: "test" },
        { action: "test.second" },
      );
    });
    expect(attempts).toBe(2);
    expect(await db().auditEvent.count({ where: { organizationId: org.id } })).toBe(2);
  });

  it("does not retry a genuine duplicate (a second weight profile of the same name) and answers a readable conflict", async () => {
    const org = await createOrganization();
    await db().weightProfile.create({
      data: { organizationId: org.id, name: "Health data", weights: "{}" },
    });
    let attempts = 0;
    const failure = await inTransaction(async (tx) => {
      attempts++;
      await tx.weightProfile.create({
        data: { organizationId: org.id, name: "Health data", weights: "{}" },
      });
    }).catch((error: unknown) => error);
    expect(attempts).toBe(1);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: "CONFLICT", key: "errors.alreadyExists" });
    expect(await db().weightProfile.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("does not retry a genuine duplicate written by a tagged raw query either", async () => {
    const org = await createOrganization();
    let attempts = 0;
    const failure = await inTransaction(async (tx) => {
      attempts++;
      await tx.$executeRaw`INSERT INTO "Organization" ("id", "slug", "name") VALUES (${`dup-${org.id}`}, ${org.slug}, ${"Duplicate"})`;
    }).catch((error: unknown) => error);
    expect(attempts).toBe(1);
    expect(failure).toMatchObject({ code: "CONFLICT", key: "errors.alreadyExists" });
  });
});
