import { decideAssessment } from "../../app/modules/assessments/decide-assessment.server";
import { forwardToDpo } from "../../app/modules/assessments/forward-to-dpo.server";
import { finishPendingReport } from "../../app/modules/reports/finish-pending-report.server";
import { submitAssessment } from "../../app/modules/portal/submit-assessment.server";
import { resetSigningIdentityForTests } from "../../app/modules/signing/signing-certificate.server";
import { resetEnvForTests } from "../../app/utils/env.server";
import { createAssessmentScenario } from "./assessment-factories";

/**
 * Decided assessments with their signed reports, made through the real use cases (vendor answers,
 * submit, forward, DPO decision), and the operator's signing certificate for a test file.
 */
export async function decidedAssessmentWithReport(options: { organizationId?: string } = {}) {
  const s = await assessmentAwaitingDecision(options);
  const current = await s.reload();
  const result = await decideAssessment(s.dpo, s.assessment.id, {
    outcome: "APPROVED",
    rationale: "Geeignet für den vorgesehenen Einsatz.",
    conditions: [],
    expectedVersion: current.version,
  });
  // The report is made after the decision's commit (ADR 0020): here at once, as the route does.
  const report = await signReportOf(result.decisionId);
  return { s, result, reportId: report };
}

/** Makes a decision's pending signed report now and returns its id (throws when none results). */
export async function signReportOf(decisionId: string): Promise<string> {
  const outcome = await finishPendingReport(decisionId);
  if (outcome.kind === "signed" || (outcome.kind === "done" && outcome.reportId))
    return outcome.reportId!;
  throw new Error(
    `the decision got no signed report (${JSON.stringify(outcome)}; is a signing certificate configured?)`,
  );
}

/** An assessment answered completely by its vendor, submitted and forwarded to the DPO. */
export async function assessmentAwaitingDecision(options: { organizationId?: string } = {}) {
  const s = await createAssessmentScenario(options);
  const { vendor } = await s.invitedVendor({ locale: "de" });
  await s.answer(vendor, s.completeAnswers());
  const submitted = await submitAssessment(vendor);
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.missingRequired.join(", ")}`);
  await forwardToDpo(s.assessor, s.assessment.id, "Bitte prüfen.");
  return s;
}

const SIGNING_VARIABLES = [
  "SIGNING_P12_BASE64",
  "SIGNING_P12_PATH",
  "SIGNING_P12_PASSPHRASE",
] as const;

/** Configures the operator's certificate (SIGNING_P12_BASE64) and returns a function restoring the old environment. */
export function useOperatorCertificate(p12: Uint8Array, passphrase: string): () => void {
  const saved = Object.fromEntries(SIGNING_VARIABLES.map((key) => [key, process.env[key]]));
  delete process.env.SIGNING_P12_PATH;
  process.env.SIGNING_P12_BASE64 = Buffer.from(p12).toString("base64");
  process.env.SIGNING_P12_PASSPHRASE = passphrase;
  resetEnvForTests();
  resetSigningIdentityForTests();
  return () => {
    for (const key of SIGNING_VARIABLES) {
      const value = saved[key];
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvForTests();
    resetSigningIdentityForTests();
  };
}
