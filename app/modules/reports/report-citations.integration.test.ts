import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideAssessment } from "~/modules/assessments/decide-assessment.server";
import { forwardToDpo } from "~/modules/assessments/forward-to-dpo.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { syncBundledRegulations } from "~/modules/regulations/load-bundled-regulations.server";
import { createTestCertificateAuthority } from "~/modules/signing/pkcs12";
import { db } from "~/utils/db.server";
import { createAssessmentScenario } from "../../../tests/support/assessment-factories";
import { useOperatorCertificate } from "../../../tests/support/signed-decisions";
import { parseReportInput } from "./report-input-snapshot";

/**
 * Issue 21 item 1: "a German DPO reading the German report sees only German citations". The
 * report input a decision stores (what the PDF renders, every chapter) of a bundled assessment
 * holds its references in the report's language and citation style, and nothing in the other.
 */
const ca = createTestCertificateAuthority("Buyer GmbH Signing");
let restore: () => void;

beforeAll(async () => {
  restore = useOperatorCertificate(ca.p12, ca.passphrase);
  await syncBundledRegulations();
});
afterAll(() => restore());

async function storedReportInput(locale: "de" | "en") {
  const s = await createAssessmentScenario();
  const { vendor } = await s.invitedVendor({ locale });
  await s.answer(vendor, s.completeAnswers());
  const submitted = await submitAssessment(vendor);
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.missingRequired.join(", ")}`);
  await forwardToDpo(s.assessor, s.assessment.id, "Bitte prüfen.");
  const current = await s.reload();
  const result = await decideAssessment(s.dpo, s.assessment.id, {
    outcome: "APPROVED",
    rationale: "Geeignet für den vorgesehenen Einsatz.",
    conditions: [],
    expectedVersion: current.version,
  });
  const pending = await db().pendingReport.findUniqueOrThrow({
    where: { decisionId: result.decisionId },
  });
  return { input: parseReportInput(pending.reportInput), json: pending.reportInput };
}

const ENGLISH_MARKS = ["GDPR", "AI Act", "NIS2 Art.", "CJEU", "Implementing Decision", "EDPB"];
const GERMAN_MARKS = ["DSGVO", "KI-VO", "Abs.", "lit."];

function citationsOf(input: ReturnType<typeof parseReportInput>): string[] {
  return [
    ...input.answers.flatMap((s) => s.answers.flatMap((a) => a.references)),
    ...input.references.map((r) => r.reference),
    // A linked provision reads "<citation> — <title>": the citation part.
    ...input.answers.flatMap((s) =>
      s.answers.flatMap((a) => (a.provisions ?? []).map((p) => p.provision.split(" — ")[0]!)),
    ),
  ];
}

describe("the stored report input cites in the report's language", () => {
  it("German: every citation German (answers, references index, linked provisions), none English anywhere", async () => {
    const { input, json } = await storedReportInput("de");
    expect(input.language).toBe("de");
    const citations = citationsOf(input);
    expect(citations.some((c) => c.endsWith(" DSGVO"))).toBe(true);
    expect(citations.some((c) => c.startsWith("Art. ") && c.endsWith(" KI-VO"))).toBe(true);
    expect(input.references.length).toBeGreaterThan(0);
    for (const mark of ENGLISH_MARKS) expect(json, mark).not.toContain(mark);
  });

  it("English: every citation English (answers, references index, linked provisions)", async () => {
    const { input } = await storedReportInput("en");
    expect(input.language).toBe("en");
    const citations = citationsOf(input);
    expect(citations.some((c) => c.startsWith("GDPR Art. "))).toBe(true);
    expect(citations.some((c) => c.startsWith("AI Act Art. "))).toBe(true);
    // Titles may quote German law ("Abs. 2 Nr. 1–10"); the citations may not use its style.
    const german = citations.filter((c) => GERMAN_MARKS.some((mark) => c.includes(mark)));
    expect(german).toEqual([]);
  });
});
