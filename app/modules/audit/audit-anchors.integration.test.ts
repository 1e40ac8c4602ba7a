import { describe, expect, it } from "vitest";
import { verifyAuditLog } from "~/modules/admin/verify-audit-log.server";
import { db } from "~/utils/db.server";
import { inTransaction } from "~/utils/transaction.server";
import { createOrganization } from "../../../tests/support/factories";
import { createMemberActor } from "../../../tests/support/assessment-factories";
import { anchorAuditChain } from "./anchor-audit-chain.server";
import { AUDIT_CHECKPOINT_EVERY_EVENTS } from "./audit-checkpoint";
import { recordAuditEvent } from "./record-audit-event.server";
import { verifyAuditTrail } from "./verify-audit-trail.server";

/**
 * Checkpoints against the real database: written in the transaction of every 25th event (never
 * for a write that rolled back), checked by the audit page exactly as by `vetted audit verify`,
 * and written on demand by `audit anchor` only for a trail that verifies.
 */
async function organizationWithEvents(count: number) {
  const org = await createOrganization();
  for (let i = 1; i <= count; i++) {
    await inTransaction((tx) =>
      recordAuditEvent(
        tx,
        { kind: "system", organizationId: org.id, label: "anchors" },
        { action: "test.step", payload: { i } },
      ),
    );
  }
  return org;
}

describe("audit checkpoints", () => {
  it("are written with every 25th event, in its transaction, and not for one that rolled back", async () => {
    expect(AUDIT_CHECKPOINT_EVERY_EVENTS).toBe(25);
    const org = await organizationWithEvents(24);
    const actor = { kind: "system" as const, organizationId: org.id, label: "anchors" };
    await expect(
      inTransaction(async (tx) => {
        await recordAuditEvent(tx, actor, { action: "test.rolled_back" });
        throw new Error("the business write failed");
      }),
    ).rejects.toThrow("the business write failed");
    expect(await db().auditCheckpoint.count({ where: { organizationId: org.id } })).toBe(0);
    const event = await inTransaction((tx) =>
      recordAuditEvent(tx, actor, { action: "test.step_25" }),
    );
    const checkpoints = await db().auditCheckpoint.findMany({ where: { organizationId: org.id } });
    expect(checkpoints).toEqual([
      expect.objectContaining({
        seq: 25,
        hash: event.hash,
        reason: "cadence",
        mac: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  it("the audit page reports a truncated chain with the same verdict as the CLI", async () => {
    const org = await organizationWithEvents(27);
    const admin = await createMemberActor(org, "ADMIN");
    const healthy = await verifyAuditLog(admin);
    expect(healthy).toMatchObject({
      ok: true,
      checkpoints: { verified: 1, last: { seq: 25 } },
      unanchoredEvents: 2,
      problems: [],
    });

    await db()
      .$executeRaw`DELETE FROM "AuditEvent" WHERE "organizationId" = ${org.id} AND "seq" > ${20}`;
    const verdict = await verifyAuditLog(admin);
    expect(verdict.chain.ok).toBe(true);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        kind: "chain_truncated",
        source: "checkpoint",
        seq: 25,
        headSeq: 20,
      }),
    ]);
    expect(await verifyAuditTrail(db(), org.id)).toMatchObject({
      ok: false,
      problems: verdict.problems,
    });
  });

  it("audit anchor anchors a verified head, does nothing twice, and refuses a tampered trail", async () => {
    const org = await organizationWithEvents(7);
    expect(await anchorAuditChain(org.id)).toEqual({ anchored: true, seq: 7 });
    expect(await anchorAuditChain(org.id)).toEqual({ anchored: false, reason: "up_to_date" });
    expect(await verifyAuditTrail(db(), org.id)).toMatchObject({
      ok: true,
      unanchoredEvents: 0,
      checkpoints: { verified: 1 },
    });

    await db()
      .$executeRaw`UPDATE "AuditCheckpoint" SET "reason" = ${"cadence"} WHERE "organizationId" = ${org.id}`;
    const refused = await anchorAuditChain(org.id);
    expect(refused).toMatchObject({ anchored: false, reason: "refused" });
    expect(JSON.stringify(refused)).toContain("checkpoint seq 7: its HMAC does not verify");
  });

  it("a long chain without any checkpoint is anchored only when the operator vouches for it (--first-anchor)", async () => {
    const org = await organizationWithEvents(26);
    await db().$executeRaw`DELETE FROM "AuditCheckpoint" WHERE "organizationId" = ${org.id}`;
    expect((await verifyAuditTrail(db(), org.id)).problems).toEqual([
      { kind: "no_checkpoint", headSeq: 26, every: 25 },
    ]);
    expect(await anchorAuditChain(org.id)).toMatchObject({ anchored: false, reason: "refused" });
    expect(await anchorAuditChain(org.id, { firstAnchor: true })).toEqual({
      anchored: true,
      seq: 26,
    });
    expect((await verifyAuditTrail(db(), org.id)).ok).toBe(true);
  });
});
