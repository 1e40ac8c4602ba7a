import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAuditEvent } from "~/modules/audit/record-audit-event.server";
import {
  listAuditEvents,
  parseAuditQuery,
  startOfDayInZone,
  AUDIT_PAGE_SIZE,
} from "~/modules/audit/list-audit-events.server";
import type { Actor } from "~/modules/auth/actor";
import { db } from "~/utils/db.server";
import { inTransaction } from "~/utils/transaction.server";
import { actorFor } from "../../../tests/support/admin-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { verifyAuditLog } from "./verify-audit-log.server";

/** The audit log page's use case: filters from the URL, keyset pages, tenant scope. */

async function recordAt(
  at: Date,
  actor: Actor,
  action: string,
  target?: { type: string; id: string },
  payload?: Record<string, unknown>,
) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  try {
    await inTransaction((tx) => recordAuditEvent(tx, actor, { action, target, payload }));
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => {
  vi.useRealTimers();
});

let orgId: string;
let reader: ReturnType<typeof actorFor>;
let assessor: ReturnType<typeof actorFor>;
let auditorActor: ReturnType<typeof actorFor>;

beforeAll(async () => {
  const org = await createOrganization();
  orgId = org.id;
  const admin = await createUser({
    organizationId: org.id,
    role: "ADMIN",
    withTotp: true,
    email: "admin@example.test",
  });
  const alice = actorFor(
    await createUser({ organizationId: org.id, role: "ASSESSOR", email: "alice@example.test" }),
  );
  const bob = actorFor(
    await createUser({ organizationId: org.id, role: "DPO", email: "bob@example.test" }),
  );
  const auditor = await createUser({ organizationId: org.id, role: "AUDITOR" });
  reader = actorFor(admin);
  assessor = alice;
  auditorActor = actorFor(auditor);
  const system: Actor = { kind: "system", organizationId: org.id, label: "scheduler" };

  await recordAt(
    new Date("2026-03-09T12:00:00Z"),
    alice,
    "auth.login",
    { type: "user", id: alice.userId },
    { method: "password" },
  );
  await recordAt(new Date("2026-03-10T12:00:00Z"), bob, "auth.login_failed", {
    type: "user",
    id: bob.userId,
  });
  // 23:30 UTC on 10 March is 00:30 on 11 March in Berlin, the display time zone.
  await recordAt(
    new Date("2026-03-10T23:30:00Z"),
    alice,
    "user.role_changed",
    { type: "user", id: bob.userId },
    { from: "DPO", to: "ADMIN", note: "Prüfung ✓" },
  );
  await recordAt(new Date("2026-03-11T12:00:00Z"), system, "vendor.created", {
    type: "vendor",
    id: "v1",
  });
  await recordAt(new Date("2026-03-12T08:00:00Z"), bob, "user.invited", {
    type: "invitation",
    id: "i1",
  });

  // Another organisation's events never show up.
  const other = await createOrganization();
  const carol = actorFor(
    await createUser({
      organizationId: other.id,
      role: "ADMIN",
      email: "alice.other@example.test",
    }),
  );
  await recordAt(new Date("2026-03-10T12:00:00Z"), carol, "auth.login", {
    type: "user",
    id: carol.userId,
  });
});

async function seqs(query: Parameters<typeof listAuditEvents>[1]) {
  const page = await listAuditEvents(reader, query);
  return page.events.map((e) => e.seq);
}

describe("listing audit events", () => {
  it("lists the organisation's events newest first, as display DTOs", async () => {
    const page = await listAuditEvents(reader, {});
    expect(page.events.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(page.olderCursor).toBeNull();
    expect(page.newerCursor).toBeNull();
    expect(page.targetTypes).toEqual(["invitation", "user", "vendor"]);

    const roleChange = page.events.find((e) => e.seq === 3)!;
    const row = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: orgId, seq: 3 },
    });
    expect(roleChange).toMatchObject({
      action: "user.role_changed",
      actorType: "user",
      actorLabel: "alice@example.test",
      targetType: "user",
      ipAddress: "198.51.100.7",
      createdAt: "2026-03-10T23:30:00.000Z",
      hashShort: row.hash.slice(0, 12),
      payloadValid: true,
    });
    expect(roleChange.payload).toBe(
      JSON.stringify({ from: "DPO", note: "Prüfung ✓", to: "ADMIN" }, null, 2),
    );
    expect(page.events.find((e) => e.seq === 4)).toMatchObject({
      actorType: "system",
      actorLabel: "scheduler",
    });
  });

  it("filters by action prefix (case-insensitive input)", async () => {
    expect(await seqs({ action: "auth." })).toEqual([2, 1]);
    expect(await seqs({ action: "auth.login_" })).toEqual([2]);
    expect(await seqs({ action: "user." })).toEqual([5, 3]);
    expect(parseAuditQuery(new URLSearchParams("action=AUTH.")).query.action).toBe("auth.");
    expect(await seqs({ action: "nothing." })).toEqual([]);
  });

  it("filters by actor e-mail substring, target type and both together", async () => {
    expect(await seqs(parseAuditQuery(new URLSearchParams("actor=ALICE")).query)).toEqual([3, 1]);
    expect(await seqs({ actor: "bob@" })).toEqual([5, 2]);
    expect(await seqs({ targetType: "vendor" })).toEqual([4]);
    expect(await seqs({ action: "user.", actor: "bob" })).toEqual([5]);
  });

  it("filters by calendar day in the display time zone, both ends inclusive", async () => {
    expect(await seqs({ from: "2026-03-11" })).toEqual([5, 4, 3]);
    expect(await seqs({ to: "2026-03-10" })).toEqual([2, 1]);
    expect(await seqs({ from: "2026-03-11", to: "2026-03-11" })).toEqual([4, 3]);
    expect(await seqs({ from: "2026-03-13" })).toEqual([]);
  });

  it("lets auditors read and verify, and nobody else", async () => {
    expect((await listAuditEvents(auditorActor, {})).events).toHaveLength(5);
    await expect(listAuditEvents(assessor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(verifyAuditLog(assessor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const verdict = await verifyAuditLog(auditorActor);
    expect(verdict).toMatchObject({
      ok: true,
      headSeq: 5,
      chain: { ok: true, events: 5 },
      problems: [],
    });
  });
});

describe("reading the query from the URL", () => {
  it("ignores empty values and reports invalid ones instead of failing", () => {
    const { query, errors } = parseAuditQuery(
      new URLSearchParams(
        "action=&actor=%20&from=2026-02-30&to=yesterday&targetType=user&before=abc",
      ),
    );
    expect(query).toEqual({ targetType: "user" });
    expect(errors).toEqual({
      from: "audit.errorDate",
      to: "audit.errorDate",
      before: "audit.errorCursor",
    });

    const reversed = parseAuditQuery(new URLSearchParams("from=2026-03-12&to=2026-03-01"));
    expect(reversed.query).toEqual({ from: "2026-03-12" });
    expect(reversed.errors).toEqual({ to: "audit.errorDateOrder" });

    expect(parseAuditQuery(new URLSearchParams("before=71")).query).toEqual({ before: 71 });
  });

  it("converts calendar days to instants in Europe/Berlin across DST changes", () => {
    expect(startOfDayInZone("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDayInZone("2026-07-01").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfDayInZone("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayInZone("2026-03-29", undefined, 1).toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
    expect(startOfDayInZone("2026-10-25", undefined, 1).toISOString()).toBe(
      "2026-10-25T23:00:00.000Z",
    );
  });
});

describe("paging", () => {
  it("walks 120 events in pages of 50 with stable cursors, both ways", async () => {
    const org = await createOrganization();
    const admin = actorFor(
      await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true }),
    );
    for (let i = 1; i <= 120; i++) {
      await inTransaction((tx) =>
        recordAuditEvent(tx, admin, { action: i % 2 ? "test.odd" : "test.even", payload: { i } }),
      );
    }
    expect(AUDIT_PAGE_SIZE).toBe(50);

    const first = await listAuditEvents(admin, {});
    expect(first.events.map((e) => e.seq)).toEqual(range(120, 71));
    expect(first).toMatchObject({ newerCursor: null, olderCursor: 71 });

    const second = await listAuditEvents(admin, { before: first.olderCursor! });
    expect(second.events.map((e) => e.seq)).toEqual(range(70, 21));
    expect(second).toMatchObject({ newerCursor: 70, olderCursor: 21 });

    const third = await listAuditEvents(admin, { before: second.olderCursor! });
    expect(third.events.map((e) => e.seq)).toEqual(range(20, 1));
    expect(third).toMatchObject({ newerCursor: 20, olderCursor: null });

    const backToSecond = await listAuditEvents(admin, { after: third.newerCursor! });
    expect(backToSecond.events.map((e) => e.seq)).toEqual(range(70, 21));
    expect(backToSecond).toMatchObject({ newerCursor: 70, olderCursor: 21 });
    const backToFirst = await listAuditEvents(admin, { after: backToSecond.newerCursor! });
    expect(backToFirst.events.map((e) => e.seq)).toEqual(range(120, 71));
    expect(backToFirst).toMatchObject({ newerCursor: null, olderCursor: 71 });

    // Filters and cursors combine: 60 odd events → 50 + 10.
    const odd = await listAuditEvents(admin, { action: "test.odd" });
    expect(odd.events).toHaveLength(50);
    expect(odd.events[0]!.seq).toBe(119);
    const oddRest = await listAuditEvents(admin, { action: "test.odd", before: odd.olderCursor! });
    expect(oddRest.events.map((e) => e.seq)).toEqual(range(19, 1).filter((n) => n % 2 === 1));
    expect(oddRest.olderCursor).toBeNull();
  });

  it("shows a payload that is not valid JSON as stored instead of failing", async () => {
    const org = await createOrganization();
    const admin = actorFor(
      await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true }),
    );
    await inTransaction((tx) =>
      recordAuditEvent(tx, admin, { action: "test.broken", payload: { ok: true } }),
    );
    const broken = "{not json";
    await db()
      .$executeRaw`UPDATE "AuditEvent" SET "payload" = ${broken} WHERE "organizationId" = ${org.id}`;
    const page = await listAuditEvents(admin, {});
    expect(page.events[0]).toMatchObject({ payload: "{not json", payloadValid: false });
  });
});

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n >= to; n--) out.push(n);
  return out;
}
