import { describe, expect, it } from "vitest";
import { METHOD_VERSION_1_1_0, SCORING_METHOD_VERSION } from "../../../scoring";
import {
  auditEventsOf,
  createAssessmentScenario,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { randomBytes } from "node:crypto";
import { db } from "../../utils/db.server";
import type { VendorActor } from "../auth/actor";
import { saveAnswers } from "../portal/save-answers.server";
import { savePortalForm } from "../portal/save-portal-form.server";
import { buildReportInput } from "../reports/build-report-input.server";
import { inTransaction } from "../../utils/transaction.server";
import { submitAssessment } from "../portal/submit-assessment.server";
import { loadTemplateVersion } from "../questionnaires/load-template-version.server";
import { importTemplate } from "../templates/import-template.server";
import { computeScore } from "./compute-score";
import { createInviteLink } from "./create-invite-link.server";
import { parseStoredScore } from "./stored-score";
import { startAssessment } from "./start-assessment.server";

/**
 * Scoring method 1.2.0 in the app (issue 21): a knock-out keyed to a catalogue provision applies
 * from the day the provision applies (AI Act Art. 6(2), Annex III high-risk systems: 2 December
 * 2027 after the AI omnibus), options that make a question not applicable, and the vendor portal
 * refusing a date of a past test that lies in the future.
 */

const uniqueSuffix = () => randomBytes(4).toString("hex");

const HIGH_RISK_PROVISION = "eu:2024/1689:art:6:par:2";

function highRiskTemplate(key: string, from: string) {
  const text = (en: string, de: string) => ({ en, de });
  return {
    key,
    title: text("High-risk readiness", "Hochrisiko-Bereitschaft"),
    sections: [
      {
        key: "ai",
        title: text("AI Act", "KI-Verordnung"),
        weight: 1,
        questions: [
          {
            key: "ai.conformity",
            type: "single_choice",
            label: text("Conformity assessment", "Konformitätsbewertung"),
            required: true,
            options: [
              { value: "done", label: text("Done", "Abgeschlossen"), points: 1 },
              { value: "not_started", label: text("Not started", "Nicht begonnen"), points: 0 },
              {
                value: "not_high_risk",
                label: text("Not a high-risk system", "Kein Hochrisiko-System"),
                points: 0,
                notApplicable: true,
              },
            ],
            knockOut: {
              when: ["not_started"],
              label: text(
                "Conformity assessment not started",
                "Konformitätsbewertung nicht begonnen",
              ),
              from,
            },
          },
          {
            key: "security.last_pentest",
            type: "date",
            label: text("Last penetration test", "Letzter Penetrationstest"),
            required: true,
            thresholds: { kind: "linear", min: 0, max: 730, higherIsBetter: false },
          },
          {
            key: "security.certificate_valid_until",
            type: "date",
            label: text("Certificate valid until", "Zertifikat gültig bis"),
            required: false,
          },
        ],
      },
    ],
  };
}

async function importHighRisk(s: AssessmentScenario, from = HIGH_RISK_PROVISION) {
  const key = `high-risk-${uniqueSuffix()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")}`;
  return importTemplate(s.assessor, {
    text: JSON.stringify(highRiskTemplate(key, from)),
    format: "json",
    mode: "new",
    publish: true,
  });
}

/** A new assessment of `templateVersionId` for the scenario's vendor, with its vendor contact. */
async function assessmentOf(s: AssessmentScenario, templateVersionId: string) {
  const assessment = await startAssessment(s.assessor, {
    vendorId: s.vendor.id,
    productId: s.product.id,
    templateVersionId,
    title: `High-risk check ${uniqueSuffix()}`,
    dueDate: "2028-03-31",
  });
  const { inviteId } = await createInviteLink(s.assessor, assessment.id, {
    contactEmail: `security-${uniqueSuffix()}@acme.example`,
    locale: "en",
  });
  return { assessment, vendor: await s.vendorActorFor(inviteId) };
}

async function saveVendorAnswers(vendor: VendorActor, answers: Record<string, string>) {
  const outcomes = await saveAnswers(
    vendor,
    Object.entries(answers).map(([questionKey, value]) => ({ questionKey, value, baseVersion: 0 })),
  );
  expect(outcomes.map((o) => o.status)).toEqual(Object.keys(answers).map(() => "saved"));
}

describe("scoring method 1.2.0 in the app", () => {
  it("a knock-out keyed to AI Act Art. 6(2) knocks out on a reference day after 2 December 2027, not before", async () => {
    const s = await createAssessmentScenario();
    const imported = await importHighRisk(s);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const { definition } = await loadTemplateVersion(imported.versionId);
    const answers = { "ai.conformity": "not_started", "security.last_pentest": "2026-11-30" };

    const before = computeScore(definition, answers, "2027-12-01");
    const after = computeScore(definition, answers, "2027-12-03");
    expect(before.methodVersion).toBe(SCORING_METHOD_VERSION);
    expect(before.knockOuts).toEqual([]);
    expect(after.knockOuts).toEqual([
      { questionKey: "ai.conformity", label: "Conformity assessment not started" },
    ]);
    expect(after.explanation!.knockOuts[0]!.appliesFrom).toBe("2027-12-02");
    // Before the omnibus the Annex III obligations applied from 2 August 2026 (the version in force).
    expect(computeScore(definition, answers, "2026-07-31").explanation!.knockOuts).toEqual([]);
    // Method 1.1.0 ignores the day (as it always did): a stored 1.1.0 score stays reproducible.
    expect(
      computeScore(definition, answers, "2027-12-01", { methodVersion: METHOD_VERSION_1_1_0 })
        .knockOuts,
    ).toHaveLength(1);
    // "Not a high-risk system" takes the question out of the score instead of scoring 0.
    const notHighRisk = computeScore(
      definition,
      { ...answers, "ai.conformity": "not_high_risk" },
      "2027-12-03",
    );
    expect(notHighRisk.knockOuts).toEqual([]);
    expect(notHighRisk.questions[0]).toMatchObject({ status: "not_applicable", points: null });
  });

  it("the vendor's submission is scored on its day: knocked out after 2 December 2027, not before", async () => {
    const s = await createAssessmentScenario();
    const imported = await importHighRisk(s);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    for (const [day, knockedOut] of [
      ["2027-12-01", false],
      ["2027-12-03", true],
    ] as const) {
      const { assessment, vendor } = await assessmentOf(s, imported.versionId);
      await saveVendorAnswers(vendor, {
        "ai.conformity": "not_started",
        "security.last_pentest": "2026-11-30",
      });
      expect(await submitAssessment(vendor, new Date(`${day}T10:00:00.000Z`))).toEqual({
        ok: true,
      });
      const row = await db().assessment.findUniqueOrThrow({ where: { id: assessment.id } });
      const stored = parseStoredScore(row.scoreResult)!;
      expect(row.scoringMethodVersion).toBe(SCORING_METHOD_VERSION);
      expect(stored.methodVersion).toBe(SCORING_METHOD_VERSION);
      expect(stored.knockOuts.map((k) => k.questionKey)).toEqual(
        knockedOut ? ["ai.conformity"] : [],
      );
      if (!knockedOut) continue;
      // The report (in the assessment's language: the invite's, English) names the day the
      // knock-out applies from.
      const decision = await db().decision.create({
        data: {
          organizationId: s.org.id,
          assessmentId: assessment.id,
          outcome: "REJECTED",
          rationale: "Conformity assessment not started.",
          decidedById: s.dpo.userId,
        },
      });
      const report = await inTransaction((tx) =>
        buildReportInput(tx, {
          organizationId: s.org.id,
          assessmentId: assessment.id,
          decisionId: decision.id,
          signerName: "DPO",
          signerLocale: "de",
          recommendation: "REJECT",
          againstRecommendation: false,
          auditHead: { seq: 0, hash: "" },
          verifyUrl: "https://vetted.example/verify",
        }),
      );
      expect(report.knockOuts).toEqual([
        {
          question: "Conformity assessment",
          label: "Conformity assessment not started (applies from 2 Dec 2027)",
        },
      ]);
    }
  });

  it("a portal submission of a future pentest date gets the message and stores nothing", async () => {
    const s = await createAssessmentScenario();
    const imported = await importHighRisk(s);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const { assessment, vendor } = await assessmentOf(s, imported.versionId);
    const future = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const eventsBefore = await auditEventsOf(s.org.id, "assessment.submitted");

    // The plain form as the portal renders it: per question the value, the version it was
    // rendered with (v.) and the value it showed (o.).
    const form = new FormData();
    form.set("intent", "submit");
    const field = (key: string, value: string) => {
      form.set(`q.${key}`, value);
      form.set(`v.${key}`, "0");
      form.set(`o.${key}`, "null");
    };
    field("ai.conformity", "done");
    field("security.last_pentest", future);
    // A certificate's expiry is not scored by age: a future day is what it should be.
    field("security.certificate_valid_until", future);
    const result = await savePortalForm(vendor, { form });

    expect(result).toMatchObject({ kind: "summary", status: 400 });
    if (result.kind !== "summary") throw new Error("expected a summary");
    expect(result.summary.invalid).toEqual([
      { questionKey: "security.last_pentest", message: { key: "answers.dateInFuture" } },
    ]);
    const row = await db().assessment.findUniqueOrThrow({ where: { id: assessment.id } });
    expect(row.status).not.toBe("SUBMITTED");
    expect(row.scoreResult).toBeNull();
    const stored = await db().answer.findMany({
      where: { assessmentId: assessment.id, questionKey: "security.last_pentest" },
    });
    expect(stored).toEqual([]);
    const expiry = await db().answer.findFirstOrThrow({
      where: { assessmentId: assessment.id, questionKey: "security.certificate_valid_until" },
    });
    expect(JSON.parse(expiry.value)).toBe(future);
    expect(await auditEventsOf(s.org.id, "assessment.submitted")).toEqual(eventsBefore);
  });

  it("refuses a template whose knock-out names an unknown provision or no day, with a message", async () => {
    const s = await createAssessmentScenario();
    const unknown = await importHighRisk(s, "eu:2024/1689:art:999");
    expect(unknown).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          path: "sections[0].questions[0].knockOut.from",
          key: "templateErrors.knockOutFromUnknown",
        }),
      ],
    });
    const malformed = await importHighRisk(s, "2027-02-30");
    expect(malformed.ok).toBe(false);
    if (!malformed.ok)
      expect(malformed.errors.map((e) => e.key)).toEqual(["templateErrors.knockOutFrom"]);
  });
});
