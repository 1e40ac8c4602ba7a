import { writeFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENESIS_HASH, hashAuditEvent } from "../app/modules/audit/audit-chain";
import { recordAuditEvent } from "../app/modules/audit/record-audit-event.server";
import { createTestCertificateAuthority } from "../app/modules/signing/pkcs12";
import { db } from "../app/utils/db.server";
import { inTransaction } from "../app/utils/transaction.server";
import { runVetted } from "../tests/support/cli";
import { createOrganization } from "../tests/support/factories";
import {
  decidedAssessmentWithReport,
  useOperatorCertificate,
} from "../tests/support/signed-decisions";

/**
 * `vetted audit verify` against an attacker with write access to the database (raw SQL, as they
 * would): a chain that is re-hashed after a rewrite, or cut short at its newest events, is
 * internally consistent, so only the anchors (HMAC'd checkpoints written every 25 events, the
 * chain head embedded in each signed report, an exported copy of the checkpoint log lines)
 * can tell. Each tampering must end in exit 1 with a message saying what happened.
 */
const operator = createTestCertificateAuthority("Vetted Test Operator");
let restoreCertificate: () => void;
let dir: string;

beforeAll(() => {
  restoreCertificate = useOperatorCertificate(operator.p12, operator.passphrase);
  dir = mkdtempSync(path.join(tmpdir(), "vetted-audit-"));
});
afterAll(() => {
  restoreCertificate();
  rmSync(dir, { recursive: true, force: true });
});

async function organizationWithEvents(count: number) {
  const org = await createOrganization();
  for (let i = 1; i <= count; i++) {
    await inTransaction((tx) =>
      recordAuditEvent(
        tx,
        { kind: "system", organizationId: org.id, label: "anchor-test" },
        { action: "test.step", payload: { i } },
      ),
    );
  }
  return org;
}

/** The attacker's rewrite: change one event's payload, then recompute every hash after it so the chain is consistent again. */
async function rewriteAndRehash(
  organizationId: string,
  seq: number,
  payload: Record<string, unknown>,
) {
  const rows = await db().auditEvent.findMany({
    where: { organizationId },
    orderBy: { seq: "asc" },
  });
  let prevHash = GENESIS_HASH;
  const hashes = new Map<number, string>();
  for (const row of rows) {
    const fields = {
      ...row,
      prevHash,
      payload: row.seq === seq ? JSON.stringify(payload) : row.payload,
    };
    const hash = hashAuditEvent(fields);
    if (row.seq >= seq) {
      await db()
        .$executeRaw`UPDATE "AuditEvent" SET "payload" = ${fields.payload}, "prevHash" = ${prevHash}, "hash" = ${hash} WHERE "id" = ${row.id}`;
    }
    hashes.set(row.seq, hash);
    prevHash = hash;
  }
  return hashes;
}

function deleteNewestEvents(organizationId: string, keepUpToSeq: number) {
  return db()
    .$executeRaw`DELETE FROM "AuditEvent" WHERE "organizationId" = ${organizationId} AND "seq" > ${keepUpToSeq}`;
}

function deleteCheckpoints(organizationId: string, fromSeq = 0) {
  return db()
    .$executeRaw`DELETE FROM "AuditCheckpoint" WHERE "organizationId" = ${organizationId} AND "seq" >= ${fromSeq}`;
}

describe("vetted audit verify: anchored chains", () => {
  it("a healthy chain passes and says how many of its newest events are not yet anchored", async () => {
    const org = await organizationWithEvents(30);
    const result = runVetted(["audit", "verify", "--org", org.slug]);
    expect(result.stdout).toContain(`${org.slug}: intact — 30 events, head seq 30`);
    expect(result.stdout).toMatch(
      new RegExp(
        `${org.slug}: anchors — 1 checkpoint verified \\(last at seq 25, [^)]+\\); 5 events after it are not yet anchored`,
      ),
    );
    expect(result.stdout).not.toContain("TAMPERED");
    expect(result.code).toBe(0);
  });

  it("deleting the newest events (truncation) is reported against the last checkpoint", async () => {
    const org = await organizationWithEvents(30);
    expect(await deleteNewestEvents(org.id, 22)).toBe(8);
    const result = runVetted(["audit", "verify", "--org", org.slug]);
    expect(result.stdout).toMatch(
      new RegExp(
        `${org.slug}: TAMPERED — the chain ends at seq 22, but checkpoint seq 25 .* anchors a longer chain: its newest events were deleted \\(truncated\\)`,
      ),
    );
    expect(result.code).toBe(1);
  });

  it("rewriting an event and re-hashing the whole chain is reported by the checkpoint", async () => {
    const org = await organizationWithEvents(30);
    await rewriteAndRehash(org.id, 3, { i: 3, note: "nothing happened here" });
    const result = runVetted(["audit", "verify", "--org", org.slug]);
    // The chain itself is consistent again: only the anchor can tell.
    expect(result.stdout).toContain(`${org.slug}: intact — 30 events, head seq 30`);
    expect(result.stdout).toMatch(
      new RegExp(
        `${org.slug}: TAMPERED — checkpoint seq 25 .* anchors hash [0-9a-f]{12}…, but the chain has [0-9a-f]{12}… there: the chain was rewritten and re-hashed`,
      ),
    );
    expect(result.code).toBe(1);
  });

  it("deleting the checkpoints that would expose a rewrite is reported (one is due every 25 events)", async () => {
    const org = await organizationWithEvents(60);
    await rewriteAndRehash(org.id, 40, { i: 40, note: "rewritten" });
    expect(await deleteCheckpoints(org.id, 26)).toBe(1);
    const result = runVetted(["audit", "verify", "--org", org.slug]);
    expect(result.stdout).toContain(
      `${org.slug}: TAMPERED — no checkpoint at seq 50, though one is written every 25 events: checkpoints were deleted`,
    );
    expect(result.code).toBe(1);
  });

  it("a forged checkpoint (wrong HMAC) is reported", async () => {
    const org = await organizationWithEvents(30);
    const rows = await db().auditEvent.findMany({
      where: { organizationId: org.id },
      orderBy: { seq: "asc" },
    });
    // The attacker re-hashes after a rewrite and moves the checkpoint to the new hash; they cannot compute its HMAC.
    const hashes = await rewriteAndRehash(org.id, 10, { i: 10, note: "rewritten" });
    expect(hashes.get(25)).not.toBe(rows[24]!.hash);
    const changed = await db()
      .$executeRaw`UPDATE "AuditCheckpoint" SET "hash" = ${hashes.get(25)!} WHERE "organizationId" = ${org.id} AND "seq" = ${25}`;
    expect(changed).toBe(1);
    // And inserts one of their own for the head, with a made-up HMAC.
    const at = new Date();
    await db()
      .$executeRaw`INSERT INTO "AuditCheckpoint" ("id", "organizationId", "seq", "hash", "reason", "createdAt", "mac") VALUES (${"forged-" + org.id}, ${org.id}, ${30}, ${hashes.get(30)!}, ${"cadence"}, ${at}, ${"ab".repeat(32)})`;
    const result = runVetted(["audit", "verify", "--org", org.slug]);
    expect(result.stdout).toContain(
      `${org.slug}: TAMPERED — checkpoint seq 25: its HMAC does not verify: the checkpoint row was forged or altered`,
    );
    expect(result.stdout).toContain(
      `${org.slug}: TAMPERED — checkpoint seq 30: its HMAC does not verify: the checkpoint row was forged or altered`,
    );
    expect(result.code).toBe(1);
  });

  it("a rewrite is caught by a signed report's chain head even when every checkpoint is deleted and the report row is adjusted", async () => {
    const { s, reportId } = await decidedAssessmentWithReport();
    const report = await db().signedReport.findUniqueOrThrow({ where: { id: reportId } });
    const healthy = runVetted(["audit", "verify", "--org", s.org.slug]);
    expect(healthy.stdout).toMatch(
      new RegExp(
        `${s.org.slug}: anchors — \\d+ checkpoints? verified .*; 1 signed report head verified`,
      ),
    );
    expect(healthy.code).toBe(0);

    const hashes = await rewriteAndRehash(s.org.id, 2, { rewritten: true });
    await deleteCheckpoints(s.org.id);
    // The database record of the report follows the rewrite; the signed PDF cannot.
    await db()
      .$executeRaw`UPDATE "SignedReport" SET "auditHeadHash" = ${hashes.get(report.auditHeadSeq)!} WHERE "id" = ${reportId}`;
    const result = runVetted(["audit", "verify", "--org", s.org.slug]);
    expect(result.stdout).toMatch(
      new RegExp(
        `${s.org.slug}: TAMPERED — signed report ${reportId}: the chain head in its signed PDF \\(seq ${report.auditHeadSeq}, hash ${report.auditHeadHash.slice(0, 12)}…\\) is not in the chain \\(it has [0-9a-f]{12}… there\\): the chain was rewritten and re-hashed`,
      ),
    );
    expect(result.code).toBe(1);
  });

  it("a truncation back to before the last checkpoint, checkpoint row included, is caught with --checkpoints <exported log lines>", async () => {
    const org = await organizationWithEvents(27);
    // The operator's log store kept the checkpoint log lines (the same lines the server writes).
    const { checkpointLogLine } = await import("../app/modules/audit/audit-checkpoint");
    const rows = await db().auditCheckpoint.findMany({
      where: { organizationId: org.id },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((r) => r.seq)).toEqual([25]);
    const exported = path.join(dir, `checkpoints-${org.slug}.log`);
    writeFileSync(
      exported,
      `${rows.map((row) => checkpointLogLine(row, new Date())).join("\n")}\n{"level":"info","event":"http.request"}\n`,
    );

    await deleteCheckpoints(org.id);
    await deleteNewestEvents(org.id, 20);
    // Inside the database alone this is an older, consistent state of the chain.
    const alone = runVetted(["audit", "verify", "--org", org.slug]);
    expect(alone.code).toBe(0);

    const result = runVetted(["audit", "verify", "--org", org.slug, "--checkpoints", exported]);
    expect(result.stdout).toMatch(
      new RegExp(
        `${org.slug}: TAMPERED — the chain ends at seq 20, but exported checkpoint seq 25 .* anchors a longer chain: its newest events were deleted \\(truncated\\)`,
      ),
    );
    expect(result.stdout).toContain(
      `${org.slug}: TAMPERED — exported checkpoint seq 25 is missing from the database: checkpoint rows were deleted`,
    );
    expect(result.code).toBe(1);
  });
});
