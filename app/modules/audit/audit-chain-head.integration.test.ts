import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import { db } from "~/utils/db.server";
import { inTransaction } from "~/utils/transaction.server";
import { createOrganization } from "../../../tests/support/factories";
import { isPostgres } from "../../../tests/support/test-db";
import { GENESIS_HASH, hashAuditEvent } from "./audit-chain";
import { recordAuditEvent } from "./record-audit-event.server";
import { verifyAuditChain } from "./verify-audit-chain.server";
import { verifyAuditTrail } from "./verify-audit-trail.server";

/**
 * The chain head kept on the organisation's row (issue 12, item 2): on PostgreSQL one statement
 * takes the next seq from it and the database computes the hash, so these tests check that the
 * database's hash is hashAuditEvent's for every row, that queued writers need no retry, and that
 * the head moves only with a committed event. On SQLite the same properties hold for the head
 * that its path keeps up to date.
 */

function chainOf(organizationId: string) {
  return db().auditEvent.findMany({ where: { organizationId }, orderBy: { seq: "asc" } });
}

function headOf(organizationId: string) {
  return db().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { auditSeq: true, auditHash: true, auditPrevHash: true },
  });
}

async function systemActor() {
  const org = await createOrganization();
  const actor: Actor = { kind: "system", organizationId: org.id, label: "chain-head-test" };
  return { org, actor };
}

describe("audit chain head on the organisation", () => {
  it("50 concurrent writers in one organisation each commit at the first attempt, with consecutive seqs and hashes equal to hashAuditEvent", async () => {
    const { org, actor } = await systemActor();
    let attempts = 0;
    const returned = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        inTransaction(async (tx) => {
          attempts++;
          await tx.vendor.create({
            data: { organizationId: org.id, name: `Parallel ${i}`, criticality: "LOW" },
          });
          return recordAuditEvent(tx, actor, {
            action: "test.parallel",
            target: { type: "vendor", id: String(i) },
            payload: { i },
          });
        }),
      ),
    );
    expect(attempts).toBe(50);
    const rows = await chainOf(org.id);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    let prevHash = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prevHash).toBe(prevHash);
      expect(row.hash).toBe(hashAuditEvent(row));
      prevHash = row.hash;
    }
    // What recordAuditEvent returned is what was stored.
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const event of returned)
      expect(byId.get(event.id)).toMatchObject({
        seq: event.seq,
        prevHash: event.prevHash,
        hash: event.hash,
        createdAt: event.createdAt,
      });
    expect(await headOf(org.id)).toEqual({
      auditSeq: 50,
      auditHash: rows[49]!.hash,
      auditPrevHash: rows[48]!.hash,
    });
    expect(await verifyAuditChain(db(), org.id)).toEqual({
      ok: true,
      events: 50,
      headSeq: 50,
      headHash: rows[49]!.hash,
    });
    // Two cadence checkpoints (seq 25 and 50) were written in their events' transactions and verify.
    expect(await verifyAuditTrail(db(), org.id)).toMatchObject({
      ok: true,
      checkpoints: { verified: 2 },
      unanchoredEvents: 0,
    });
  });

  it("hashes unicode, quotes, backslashes, control characters and emoji in every field exactly as hashAuditEvent does", async () => {
    const org = await createOrganization();
    const tricky = `Größe "quoted" \\back\\slash\\ 'single' \u2028line\u2029sep\ttab\nnewline 🦄👩‍👩‍👧 漢字 \u0001 \\u0000`;
    const actors: Actor[] = [
      { kind: "system", organizationId: org.id, label: tricky },
      {
        kind: "vendor",
        organizationId: org.id,
        inviteLinkId: `link-"${"\\"}-🦄`,
        assessmentId: "a1",
        email: "ünïcødé@exämple.de",
        ip: "::1",
      },
    ];
    for (const actor of actors) {
      await inTransaction((tx) =>
        recordAuditEvent(tx, actor, {
          action: `test.tricky."ä"\\`,
          target: { type: 'vendor\\"', id: "🦄" },
          payload: {
            [tricky]: tricky,
            loneSurrogate: "\uD800",
            nested: { list: [1, -2.5, 1e21, true, null, "\u0000"], "": "" },
            number: 0.1,
          },
        }),
      );
    }
    const rows = await chainOf(org.id);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.hash).toBe(hashAuditEvent(row));
    expect(await verifyAuditChain(db(), org.id)).toMatchObject({ ok: true, headSeq: 2 });
  });

  it("a rolled-back transaction leaves the head unchanged, and the next event links to the last committed one", async () => {
    const { org, actor } = await systemActor();
    await inTransaction((tx) => recordAuditEvent(tx, actor, { action: "test.first" }));
    const second = await inTransaction((tx) =>
      recordAuditEvent(tx, actor, { action: "test.second" }),
    );
    const before = await headOf(org.id);
    expect(before).toEqual({ auditSeq: 2, auditHash: second.hash, auditPrevHash: second.prevHash });

    await expect(
      inTransaction(async (tx) => {
        await recordAuditEvent(tx, actor, { action: "test.rolled_back" });
        throw new Error("the business write failed");
      }),
    ).rejects.toThrow("the business write failed");
    expect(await headOf(org.id)).toEqual(before);

    const third = await inTransaction((tx) =>
      recordAuditEvent(tx, actor, { action: "test.third" }),
    );
    expect(third).toMatchObject({ seq: 3, prevHash: second.hash });
    expect((await chainOf(org.id)).map((r) => r.action)).toEqual([
      "test.first",
      "test.second",
      "test.third",
    ]);
    expect(await verifyAuditChain(db(), org.id)).toMatchObject({ ok: true, headSeq: 3 });
  });

  it("organisations' heads are independent", async () => {
    const a = await systemActor();
    const b = await systemActor();
    await inTransaction((tx) => recordAuditEvent(tx, a.actor, { action: "test.a" }));
    await inTransaction((tx) => recordAuditEvent(tx, a.actor, { action: "test.a" }));
    const onlyB = await inTransaction((tx) => recordAuditEvent(tx, b.actor, { action: "test.b" }));
    expect(onlyB).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect((await headOf(a.org.id)).auditSeq).toBe(2);
    expect(await headOf(b.org.id)).toEqual({
      auditSeq: 1,
      auditHash: onlyB.hash,
      auditPrevHash: GENESIS_HASH,
    });
  });
  it.skipIf(!isPostgres())(
    "PostgreSQL: a writer queues in its append statement behind an uncommitted one and then takes the next position, without a retry",
    async () => {
      const { org, actor } = await systemActor();
      let releaseFirst!: () => void;
      const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstAppended!: (event: { seq: number; hash: string }) => void;
      const firstEvent = new Promise<{ seq: number; hash: string }>(
        (resolve) => (firstAppended = resolve),
      );
      const first = inTransaction(async (tx) => {
        const event = await recordAuditEvent(tx, actor, { action: "test.holder" });
        firstAppended(event);
        await firstMayCommit;
        return event;
      });
      const held = await firstEvent;
      let secondAttempts = 0;
      const second = inTransaction((tx) => {
        secondAttempts++;
        return recordAuditEvent(tx, actor, { action: "test.queued" });
      });
      // The second writer is waiting for the organisation's row lock, in the append statement itself.
      let waiting: { query: string }[] = [];
      for (let poll = 0; poll < 500 && waiting.length === 0; poll++) {
        waiting = await db().$queryRaw<{ query: string }[]>`
          SELECT "query" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`;
        if (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(waiting).toHaveLength(1);
      expect(waiting[0]!.query).toMatch(/^\s*WITH "head" AS \(\s*UPDATE "Organization"/);
      releaseFirst();
      const [a, b] = await Promise.all([first, second]);
      expect(a).toEqual(held);
      expect(b).toMatchObject({ seq: a.seq + 1, prevHash: a.hash });
      expect(secondAttempts).toBe(1);
      expect(await verifyAuditChain(db(), org.id)).toMatchObject({ ok: true, headSeq: 2 });
    },
  );
});
