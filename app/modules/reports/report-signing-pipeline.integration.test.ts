import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { decideAssessment } from "~/modules/assessments/decide-assessment.server";
import { createTestCertificateAuthority } from "~/modules/signing/pkcs12";
import { startTestTsa, type TestTsa } from "~/modules/signing/testing/test-tsa";
import { toolWorkspace } from "~/modules/signing/testing/test-pdf";
import { verifyPdfSignature } from "~/modules/signing/verify-pdf-signature";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { auditEventsOf } from "../../../tests/support/assessment-factories";
import {
  assessmentAwaitingDecision,
  useOperatorCertificate,
} from "../../../tests/support/signed-decisions";
import { readEmbeddedAuditHead } from "./embedded-audit-head";
import { finishPendingReport } from "./finish-pending-report.server";
import { runReportSweep } from "./report-sweep.server";

/**
 * The DPO decision and its signed report (ADR 0020): the decision's transaction holds no
 * rendering, signing or timestamp request; the report follows in a short transaction of its own;
 * a failed or interrupted one is finished by the sweep, once.
 */
const ca = createTestCertificateAuthority("Pipeline GmbH Signing");
let restoreCertificate: () => void;
const savedTsa = process.env.TSA_URL;

beforeAll(() => {
  restoreCertificate = useOperatorCertificate(ca.p12, ca.passphrase);
});

afterAll(() => {
  restoreCertificate();
});

afterEach(async () => {
  useTsa(savedTsa);
  // Each test sees only its own pending reports (a sweep takes every due one).
  await db().pendingReport.deleteMany({});
});

function useTsa(url: string | undefined) {
  if (url === undefined) delete process.env.TSA_URL;
  else process.env.TSA_URL = url;
  resetEnvForTests();
}

/** A URL on which nothing listens: the timestamp authority is down. */
async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/tsa`;
}

async function decide(s: Awaited<ReturnType<typeof assessmentAwaitingDecision>>, dpo = s.dpo) {
  const current = await s.reload();
  return decideAssessment(dpo, s.assessment.id, {
    outcome: "APPROVED",
    rationale: "Geeignet für den vorgesehenen Einsatz.",
    conditions: [],
    expectedVersion: current.version,
  });
}

/** The decision's own audit event: the chain head its report must carry. */
async function decisionEvent(organizationId: string, decisionId: string) {
  const events = await auditEventsOf(organizationId, "assessment.decided");
  const event = events.find((e) => JSON.parse(e.payload).decisionId === decisionId);
  if (!event) throw new Error("no assessment.decided event");
  return { seq: event.seq, hash: event.hash };
}

describe("a decision while the timestamp authority hangs", () => {
  let tsa: TestTsa;
  beforeAll(async () => {
    tsa = await startTestTsa({ hold: true });
  });
  afterAll(async () => {
    tsa.release();
    await tsa.close();
  });

  it("commits without waiting for it, and other organisations' writes go on while the signing is blocked", async () => {
    useTsa(tsa.url);
    const s = await assessmentAwaitingDecision();
    const other = await assessmentAwaitingDecision();

    // Before ADR 0020 the timestamp request was made inside the decision (and its transaction).
    const decision = decideAssessment(s.dpo, s.assessment.id, {
      outcome: "APPROVED",
      rationale: "Geeignet für den vorgesehenen Einsatz.",
      conditions: [],
      expectedVersion: (await s.reload()).version,
    });
    const first = await Promise.race([
      decision.then(() => "the decision committed"),
      tsa.waitForReceived(1).then(() => "the timestamp authority was asked first"),
    ]);
    if (first !== "the decision committed") tsa.release();
    expect(first).toBe("the decision committed");
    const decided = await decision;
    expect(decided.reportPending).toBe(true);
    expect(tsa.received()).toBe(0);
    expect(
      (await db().assessment.findUniqueOrThrow({ where: { id: s.assessment.id } })).status,
    ).toBe("APPROVED");

    // The signing starts after the commit and hangs at the timestamp authority…
    const signing = finishPendingReport(decided.decisionId);
    await tsa.waitForReceived(1);
    expect(tsa.held()).toBe(1);
    // …while another organisation's DPO decides, and so does this organisation's on another
    // assessment: audited writes that would have queued behind the signing before.
    const otherDecided = await decide(other);
    expect(otherDecided.reportPending).toBe(true);
    const sameOrg = await assessmentAwaitingDecision({ organizationId: s.org.id });
    const sameOrgDecided = await decide(sameOrg);
    expect(tsa.held()).toBe(1);
    expect(await db().signedReport.count({ where: { decisionId: decided.decisionId } })).toBe(0);
    expect(await db().pendingReport.count({ where: { decisionId: decided.decisionId } })).toBe(1);

    tsa.release();
    const outcome = await signing;
    expect(outcome.kind).toBe("signed");
    const report = await db().signedReport.findUniqueOrThrow({
      where: { decisionId: decided.decisionId },
    });
    expect(report.timestamped).toBe(true);
    const head = await decisionEvent(s.org.id, decided.decisionId);
    // The decision's own event, although later events (the second decision) came before the signing.
    expect(await readEmbeddedAuditHead(new Uint8Array(report.signedPdf))).toEqual(head);
    expect({ seq: report.auditHeadSeq, hash: report.auditHeadHash }).toEqual(head);
    expect(sameOrgDecided.reportPending).toBe(true);
  });
});

describe("the timestamp authority down", () => {
  let tsa: TestTsa;
  beforeAll(async () => {
    tsa = await startTestTsa();
  });
  afterAll(() => tsa.close());

  it("leaves the decision standing and the report pending; the sweep makes it later, and pdfsig accepts it", async () => {
    useTsa(await unreachableUrl());
    const s = await assessmentAwaitingDecision();
    const decided = await decide(s);
    const attempt = await finishPendingReport(decided.decisionId);
    expect(attempt).toMatchObject({ kind: "failed", gaveUp: false });
    expect(
      (await db().assessment.findUniqueOrThrow({ where: { id: s.assessment.id } })).status,
    ).toBe("APPROVED");
    expect(await db().decision.count({ where: { id: decided.decisionId } })).toBe(1);
    const pending = await db().pendingReport.findUniqueOrThrow({
      where: { decisionId: decided.decisionId },
    });
    expect(pending).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(pending.lastError).toBeTruthy();
    expect(await db().signedReport.count({ where: { decisionId: decided.decisionId } })).toBe(0);

    // Not before its backoff…
    useTsa(tsa.url);
    expect(await runReportSweep({ holder: "test-sweep" })).toMatchObject({
      leased: true,
      signed: 0,
    });
    // …then the sweep makes it.
    const later = new Date(pending.nextAttemptAt.getTime() + 1000);
    expect(await runReportSweep({ holder: "test-sweep", now: later })).toMatchObject({
      leased: true,
      signed: 1,
      failed: 0,
    });
    expect(await db().pendingReport.count({ where: { decisionId: decided.decisionId } })).toBe(0);
    const report = await db().signedReport.findUniqueOrThrow({
      where: { decisionId: decided.decisionId },
    });
    expect(report.timestamped).toBe(true);
    const tools = toolWorkspace();
    const pdfsig = tools.pdfsig(tools.write("swept.pdf", report.signedPdf));
    expect(pdfsig).toContain("Signature Validation: Signature is Valid.");
    expect(pdfsig).toContain("Total document signed");
    expect((await verifyPdfSignature(new Uint8Array(report.signedPdf))).timestamp?.tsaName).toBe(
      "Vetted Test TSA",
    );
    expect(await readEmbeddedAuditHead(new Uint8Array(report.signedPdf))).toEqual(
      await decisionEvent(s.org.id, decided.decisionId),
    );
    const signedEvents = (await auditEventsOf(s.org.id, "report.signed")).filter(
      (e) => JSON.parse(e.payload).decisionId === decided.decisionId,
    );
    expect(signedEvents).toHaveLength(1);
  });

  it("gives up after the last attempt and says why", async () => {
    useTsa(await unreachableUrl());
    const s = await assessmentAwaitingDecision();
    const decided = await decide(s);
    await db().pendingReport.update({
      where: { decisionId: decided.decisionId },
      data: { attempts: 11 },
    });
    expect(await finishPendingReport(decided.decisionId)).toMatchObject({
      kind: "failed",
      gaveUp: true,
    });
    const pending = await db().pendingReport.findUniqueOrThrow({
      where: { decisionId: decided.decisionId },
    });
    expect(pending).toMatchObject({ status: "FAILED", attempts: 12 });
    // A given-up report is not tried again by the sweep.
    expect(
      await finishPendingReport(decided.decisionId, { now: new Date(Date.now() + 86_400_000) }),
    ).toEqual({ kind: "skipped" });
  });
});

describe("two finishers at once", () => {
  it("two sweepers store exactly one report", async () => {
    useTsa(undefined);
    const s = await assessmentAwaitingDecision();
    const decided = await decide(s);
    const results = await Promise.all([
      runReportSweep({ holder: "sweeper-a" }),
      runReportSweep({ holder: "sweeper-b" }),
    ]);
    expect(results.reduce((sum, r) => sum + r.signed, 0)).toBe(1);
    expect(await db().signedReport.count({ where: { decisionId: decided.decisionId } })).toBe(1);
    const signedEvents = (await auditEventsOf(s.org.id, "report.signed")).filter(
      (e) => JSON.parse(e.payload).decisionId === decided.decisionId,
    );
    expect(signedEvents).toHaveLength(1);
  });

  it("a finisher whose claim ran out and the one that took over both sign, and exactly one report is stored", async () => {
    const tsa = await startTestTsa({ hold: true });
    try {
      useTsa(tsa.url);
      const s = await assessmentAwaitingDecision();
      const decided = await decide(s);
      // The first attempt hangs at the timestamp authority…
      const first = finishPendingReport(decided.decisionId);
      await tsa.waitForReceived(1);
      // …until its claim has run out: a second finisher takes the report over and hangs too.
      const second = finishPendingReport(decided.decisionId, {
        now: new Date(Date.now() + 3_600_000),
      });
      await tsa.waitForReceived(2);
      tsa.release();
      const outcomes = await Promise.all([first, second]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(["done", "signed"]);
      const report = await db().signedReport.findUniqueOrThrow({
        where: { decisionId: decided.decisionId },
      });
      expect(outcomes.map((o) => ("reportId" in o ? o.reportId : null))).toEqual([
        report.id,
        report.id,
      ]);
      const signedEvents = (await auditEventsOf(s.org.id, "report.signed")).filter(
        (e) => JSON.parse(e.payload).decisionId === decided.decisionId,
      );
      expect(signedEvents).toHaveLength(1);
      expect(await db().pendingReport.count({ where: { decisionId: decided.decisionId } })).toBe(0);
    } finally {
      tsa.release();
      await tsa.close();
    }
  });
});
