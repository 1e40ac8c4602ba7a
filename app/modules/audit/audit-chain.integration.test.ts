import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import { db } from "~/utils/db.server";
import { inTransaction } from "~/utils/transaction.server";
import { createOrganization } from "../../../tests/support/factories";
import { GENESIS_HASH } from "./audit-chain";
import { recordAuditEvent } from "./record-audit-event.server";
import { verifyAuditChain } from "./verify-audit-chain.server";

/**
 * The tamper-evident audit log against the real database: a chain verifies, an edited or a
 * deleted row is found by seq, and concurrent writers never fork or skip a position.
 */

/** Positional parameter syntax differs: PostgreSQL $1, SQLite ?. */

async function organizationWithEvents(count: number) {
  const org = await createOrganization();
  const actor: Actor = { kind: "system", organizationId: org.id, label: "chain-test" };
  for (let i = 1; i <= count; i++) {
    await inTransaction((tx) =>
      recordAuditEvent(tx, actor, {
        action: `test.step_${i}`,
        target: { type: "vendor", id: `v${i}` },
        payload: { i, text: "Größe äöü" },
      }),
    );
  }
  return { org, actor };
}

function chainOf(organizationId: string) {
  return db().auditEvent.findMany({ where: { organizationId }, orderBy: { seq: "asc" } });
}

describe("audit chain", () => {
  it("links several events from the genesis hash and verifies", async () => {
    const { org } = await organizationWithEvents(5);
    const rows = await chainOf(org.id);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);

    expect(await verifyAuditChain(db(), org.id)).toEqual({
      ok: true,
      events: 5,
      headSeq: 5,
      headHash: rows[4]!.hash,
    });
  });

  it("reports the seq of an event whose payload was altered in the database", async () => {
    const { org } = await organizationWithEvents(5);
    const payload = JSON.stringify({ i: 3, text: "harmless" });
    const changed = await db()
      .$executeRaw`UPDATE "AuditEvent" SET "payload" = ${payload} WHERE "organizationId" = ${org.id} AND "seq" = ${3}`;
    expect(changed).toBe(1);
    const verdict = await verifyAuditChain(db(), org.id);
    expect(verdict).toMatchObject({ ok: false, brokenSeq: 3 });
    expect(verdict.ok ? "" : verdict.reason).toMatch(/altered/);
  });

  it("reports a rewritten event even when its own hash was recomputed (the next link breaks)", async () => {
    const { org } = await organizationWithEvents(4);
    const forged = "f".repeat(64);
    await db()
      .$executeRaw`UPDATE "AuditEvent" SET "hash" = ${forged} WHERE "organizationId" = ${org.id} AND "seq" = ${2}`;
    const verdict = await verifyAuditChain(db(), org.id);
    // Seq 2's content no longer matches the forged hash; verifying stops at the first broken link.
    expect(verdict).toMatchObject({ ok: false, brokenSeq: 2 });
  });

  it("reports a gap when a middle row is deleted", async () => {
    const { org } = await organizationWithEvents(5);
    const deleted = await db()
      .$executeRaw`DELETE FROM "AuditEvent" WHERE "organizationId" = ${org.id} AND "seq" = ${3}`;
    expect(deleted).toBe(1);
    const verdict = await verifyAuditChain(db(), org.id);
    expect(verdict).toMatchObject({ ok: false, brokenSeq: 4 });
    expect(verdict.ok ? "" : verdict.reason).toMatch(/gap: expected 3, found 4/);
  });

  it("keeps one organisation's chain independent of another's tampering", async () => {
    const a = await organizationWithEvents(3);
    const b = await organizationWithEvents(3);
    const forgedAction = "test.forged";
    await db()
      .$executeRaw`UPDATE "AuditEvent" SET "action" = ${forgedAction} WHERE "organizationId" = ${b.org.id} AND "seq" = ${1}`;
    expect(await verifyAuditChain(db(), a.org.id)).toMatchObject({ ok: true, headSeq: 3 });
    expect(await verifyAuditChain(db(), b.org.id)).toMatchObject({ ok: false, brokenSeq: 1 });
  });

  it("ten concurrent writers in one organisation produce a gap-free, valid chain", async () => {
    const { org, actor } = await organizationWithEvents(2);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        inTransaction(async (tx) => {
          await tx.vendor.create({
            data: { organizationId: org.id, name: `Concurrent ${i}`, criticality: "LOW" },
          });
          await recordAuditEvent(tx, actor, {
            action: "test.concurrent",
            target: { type: "vendor", id: String(i) },
            payload: { i },
          });
        }),
      ),
    );
    const rows = await chainOf(org.id);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(
      new Set(
        rows.filter((r) => r.action === "test.concurrent").map((r) => JSON.parse(r.payload).i),
      ),
    ).toEqual(new Set(Array.from({ length: 10 }, (_, i) => i)));
    // Every business write committed exactly once, with its event.
    expect(await db().vendor.count({ where: { organizationId: org.id } })).toBe(10);
    expect(await verifyAuditChain(db(), org.id)).toEqual({
      ok: true,
      events: 12,
      headSeq: 12,
      headHash: rows[11]!.hash,
    });
  });
});
