import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogueIdentity } from "~/reference-data/regulations/catalogue-identity";
import { decideAssessment } from "~/modules/assessments/decide-assessment.server";
import { forwardToDpo } from "~/modules/assessments/forward-to-dpo.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { syncBundledRegulations } from "~/modules/regulations/load-bundled-regulations.server";
import { createTestCertificateAuthority } from "~/modules/signing/pkcs12";
import { resetSigningIdentityForTests } from "~/modules/signing/signing-certificate.server";
import { toolWorkspace } from "~/modules/signing/testing/test-pdf";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { createAssessmentScenario } from "../../../tests/support/assessment-factories";
import { signReportOf } from "../../../tests/support/signed-decisions";

/**
 * Issue 14 item 9: the signed PDF names the catalogue it used and, per question with links, the
 * provisions in force on the assessment date — date-aware, so an obligation that the AI omnibus
 * moved to 2 Dec 2027 is shown as applying from then, not as in force in autumn 2026.
 */
const ca = createTestCertificateAuthority("Buyer GmbH Signing");
const saved = {
  base64: process.env.SIGNING_P12_BASE64,
  passphrase: process.env.SIGNING_P12_PASSPHRASE,
};

beforeAll(async () => {
  process.env.SIGNING_P12_BASE64 = Buffer.from(ca.p12).toString("base64");
  process.env.SIGNING_P12_PASSPHRASE = ca.passphrase;
  resetEnvForTests();
  resetSigningIdentityForTests();
  await syncBundledRegulations();
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

async function reportText(locale: "de" | "en", submittedOn: string) {
  const s = await createAssessmentScenario();
  const { vendor } = await s.invitedVendor({ locale });
  await s.answer(vendor, s.completeAnswers());
  const submitted = await submitAssessment(vendor);
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.missingRequired.join(", ")}`);
  // The assessment date the report must judge by (not the day the test runs).
  await db().assessment.update({
    where: { id: s.assessment.id },
    data: { submittedAt: new Date(`${submittedOn}T10:00:00Z`) },
  });
  await forwardToDpo(s.assessor, s.assessment.id, "Bitte prüfen.");
  const current = await s.reload();
  const result = await decideAssessment(s.dpo, s.assessment.id, {
    outcome: "APPROVED",
    rationale: "Geeignet für den vorgesehenen Einsatz.",
    conditions: [],
    expectedVersion: current!.version,
  });
  const reportId = await signReportOf(result.decisionId);
  const report = await db().signedReport.findUniqueOrThrow({ where: { id: reportId } });
  const tools = toolWorkspace();
  const file = tools.write("report.pdf", report.signedPdf);
  expect(tools.pdfsig(file)).toContain("Signature is Valid");
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

const lineWith = (text: string, needle: string | RegExp) =>
  text
    .split("\n")
    .filter((line) => (typeof needle === "string" ? line.includes(needle) : needle.test(line)));

describe("the signed report names the catalogue and the provisions in force", () => {
  it("in German: catalogue version and hash, Art. 50 in force on 1.10.2026, Art. 9 only from 2.12.2027", async () => {
    const text = await reportText("de", "2026-10-01");
    const identity = catalogueIdentity();
    expect(text).toContain(identity.version);
    expect(text).toContain(identity.sha256.slice(0, 16));
    expect(text).toContain("01.10.2026");
    // Art. 50 or one of its paragraphs, cited the German way ("Art. 50 Abs. 1 KI-VO").
    const art50 = lineWith(text, /Art\. 50 (Abs\. \d )?KI-VO — /);
    expect(art50.length).toBeGreaterThan(0);
    expect(art50.every((line) => line.includes("in Kraft"))).toBe(true);
    const art9 = lineWith(text, "Art. 9 KI-VO — Risikomanagementsystem");
    expect(art9.length).toBeGreaterThan(0);
    expect(art9.every((line) => line.includes("gilt ab 02.12.2027"))).toBe(true);
    expect(art9.some((line) => line.includes("in Kraft"))).toBe(false);
  });

  it("in English, before the AI Act's transparency duties applied (1.6.2026): Art. 50 applies from 2.8.2026", async () => {
    const text = await reportText("en", "2026-06-01");
    expect(text).toContain(catalogueIdentity().version);
    const art50 = lineWith(text, /AI Act Art\. 50(\(\d\))? — /);
    expect(art50.length).toBeGreaterThan(0);
    expect(art50.every((line) => line.includes("applies from 2 Aug 2026"))).toBe(true);
    const gdpr = lineWith(text, "GDPR Art. 28(3)(a) — Processing only on");
    expect(gdpr.length).toBeGreaterThan(0);
    expect(gdpr.every((line) => line.includes("in force"))).toBe(true);
  });
});
