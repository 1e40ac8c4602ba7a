import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/verify-audit-chain.server";
import { forwardToDpo } from "~/modules/assessments/forward-to-dpo.server";
import { decideAssessment } from "~/modules/assessments/decide-assessment.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { createTestCertificateAuthority } from "~/modules/signing/pkcs12";
import { resetSigningIdentityForTests } from "~/modules/signing/signing-certificate.server";
import { toolWorkspace } from "~/modules/signing/testing/test-pdf";
import { verifyReport } from "~/modules/signing/verify-report.server";
import { parseStoredScore } from "~/modules/assessments/stored-score";
import { db } from "~/utils/db.server";
import { formatScore } from "~/utils/score-format";
import { resetEnvForTests } from "~/utils/env.server";
import {
  auditEventsOf,
  createAssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { signReportOf } from "../../../tests/support/signed-decisions";

/**
 * The DPO's decision produces the signed report after its transaction (ADR 0020): rendered from
 * what the decision recorded, signed with the organisation's certificate (PAdES), stored with both
 * hashes, the certificate fingerprint and the audit-chain head (the decision's own event), and
 * recorded in the audit trail.
 */
const ca = createTestCertificateAuthority("Buyer GmbH Signing");
const saved = {
  base64: process.env.SIGNING_P12_BASE64,
  passphrase: process.env.SIGNING_P12_PASSPHRASE,
};

beforeAll(() => {
  process.env.SIGNING_P12_BASE64 = Buffer.from(ca.p12).toString("base64");
  process.env.SIGNING_P12_PASSPHRASE = ca.passphrase;
  resetEnvForTests();
  resetSigningIdentityForTests();
});

afterAll(() => {
  for (const [key, value] of [
    ["SIGNING_P12_BASE64", saved.base64],
    ["SIGNING_P12_PASSPHRASE", saved.passphrase],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
  resetSigningIdentityForTests();
});

async function decidedScenario() {
  const s = await createAssessmentScenario();
  const { vendor } = await s.invitedVendor({ locale: "de" });
  await s.answer(vendor, s.completeAnswers());
  const submitted = await submitAssessment(vendor);
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.missingRequired.join(", ")}`);
  await forwardToDpo(s.assessor, s.assessment.id, "Bitte prüfen.");
  const current = await s.reload();
  const result = await decideAssessment(s.dpo, s.assessment.id, {
    outcome: "APPROVED_WITH_CONDITIONS",
    rationale: "Geeignet für den vorgesehenen Einsatz; Bedingungen für Übermittlungen.",
    conditions: [
      { text: "EU-only inference for our tenant", dueDate: "2027-03-31" },
      { text: "Annual ISO 27001 surveillance report", dueDate: "2027-06-30" },
    ],
    expectedVersion: current!.version,
  });
  return { s, result, reportId: await signReportOf(result.decisionId) };
}

describe("signed report on decision", () => {
  it("is rendered, signed, stored and audited with the decision", async () => {
    const { s, result, reportId } = await decidedScenario();
    expect(result.reportPending).toBe(true);
    const report = await db().signedReport.findUniqueOrThrow({ where: { id: reportId } });
    expect(report).toMatchObject({
      organizationId: s.org.id,
      assessmentId: s.assessment.id,
      decisionId: result.decisionId,
      timestamped: false,
    });
    const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
    expect(report.sha256).toBe(sha(report.signedPdf));
    expect(report.unsignedSha256).toBe(sha(report.unsignedPdf));
    // Signing only appends/fills the signature: the unsigned original is a different, stored file.
    expect(report.sha256).not.toBe(report.unsignedSha256);

    // The chain head printed in the report is the decision's own event; the report event follows it.
    const events = await auditEventsOf(s.org.id);
    const decided = events.find((e) => e.action === "assessment.decided")!;
    const signed = events.find((e) => e.action === "report.signed")!;
    expect(report.auditHeadSeq).toBe(decided.seq);
    expect(report.auditHeadHash).toBe(decided.hash);
    expect(signed.seq).toBe(decided.seq + 1);
    expect(JSON.parse(signed.payload)).toMatchObject({
      decisionId: result.decisionId,
      sha256: report.sha256,
      certificateFingerprint: report.certificateFingerprint,
    });
    expect((await verifyAuditChain(db(), s.org.id)).ok).toBe(true);

    // pdfsig accepts it, and the text is the assessment's (German, the vendor contact's language).
    const tools = toolWorkspace();
    const file = tools.write("report.pdf", report.signedPdf);
    const pdfsig = tools.pdfsig(file);
    expect(pdfsig).toContain("Signature is Valid");
    expect(pdfsig).toContain("Total document signed");
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain(s.vendor.name);
    expect(text).toContain("EU-only inference for our tenant");
    expect(text).toContain(report.auditHeadHash);
    expect(text).toMatch(/Bedingungen|Auflagen/);
    expect(execFileSync("qpdf", ["--check", file], { encoding: "utf8" })).toMatch(
      /No syntax or stream encoding errors/,
    );

    // Our verifier knows it as unchanged and names the assessment.
    const verdict = await verifyReport(report.signedPdf);
    expect(verdict.verdict).toBe("valid");
  });

  it("prints the page's rounded scores and the worded reasons, never the library's symbols (issue 15)", async () => {
    const { s, reportId } = await decidedScenario();
    const report = await db().signedReport.findUniqueOrThrow({ where: { id: reportId } });
    const row = await db().assessment.findUniqueOrThrow({
      where: { id: s.assessment.id },
      select: { scoreResult: true },
    });
    const score = parseStoredScore(row.scoreResult)!;
    const file = toolWorkspace().write("report.pdf", report.signedPdf);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    // The same function formats the overall score on the assessment page and the portfolio.
    expect(text).toContain(`${formatScore("de", score.overall)} / 100`);
    for (const section of score.sections.filter((x) => x.score !== null))
      expect(text).toContain(`${formatScore("de", section.score)} / 100`);
    expect(text).toMatch(/Antwort „[^“]+“: (volle Punktzahl|keine Punkte|[\d,]+ % der Punkte)/);
    expect(text).not.toMatch(/≥|→|option '|answer '/);
  });

  it("a new decision supersedes the old one and gets its own report; verify says the old one was superseded", async () => {
    const { s, reportId } = await decidedScenario();
    const first = await db().signedReport.findUniqueOrThrow({ where: { id: reportId } });
    const current = await s.reload();
    const second = await decideAssessment(s.secondDpo, s.assessment.id, {
      outcome: "REJECTED",
      rationale: "Nach neuer Prüfung abgelehnt: Übermittlungen ohne Garantien.",
      conditions: [],
      expectedVersion: current!.version,
    });
    const secondReportId = await signReportOf(second.decisionId);
    expect(secondReportId).not.toBe(reportId);
    expect(await db().signedReport.count({ where: { assessmentId: s.assessment.id } })).toBe(2);
    const old = await verifyReport(first.signedPdf);
    expect(old.verdict).toBe("valid");
    expect(old.report?.supersededAt).toBeInstanceOf(Date);
    const fresh = await db().signedReport.findUniqueOrThrow({ where: { id: secondReportId } });
    expect((await verifyReport(fresh.signedPdf)).report?.supersededAt).toBeNull();
  });
});
