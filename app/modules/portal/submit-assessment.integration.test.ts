import { describe, expect, it } from "vitest";
import { computeScore, recommendationFor } from "~/modules/assessments/compute-score";
import { getAssessment } from "~/modules/assessments/get-assessment.server";
import { parseStoredScore } from "~/modules/assessments/stored-score";
import { hiddenQuestionKeys } from "~/modules/questionnaires/conditions";
import { questionsOf } from "~/modules/questionnaires/template-definition";
import { getEnv } from "~/utils/env.server";
import {
  auditEventsOf,
  createAssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { SCORING_METHOD_VERSION } from "../../../scoring";
import { submitAssessment } from "./submit-assessment.server";
import { getVendorQuestionnaire } from "./vendor-questionnaire.server";

/**
 * The vendor submits: completeness check in template order, score stored with the scoring-method
 * version and reproducible from the stored answers, knock-outs capping the tier, and a real mail
 * to the assessor.
 */

const smtp = setupSmtpCatcher();

const SUBMITTED_AT = new Date("2026-11-20T10:00:00.000Z");
const AS_OF = "2026-11-20";

describe("submitAssessment", () => {
  it("lists the missing required questions in template order and changes nothing", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    const all = s.completeAnswers();
    // Answer some questions, one required answer is cleared again (null counts as missing).
    await s.answer(vendor, {
      "security.iso27001": all["security.iso27001"]!,
      "compliance.dpa": all["compliance.dpa"]!,
      "data_use.retention_days": all["data_use.retention_days"]!,
      "security.encryption": "unknown",
    });
    await s.answer(vendor, { "data_use.retention_days": null });
    const answered = new Set(["security.iso27001", "compliance.dpa", "security.encryption"]);
    // Questions hidden by their show-if rule (given these answers) are not required.
    const hidden = hiddenQuestionKeys(s.definition.sections, {
      "security.iso27001": all["security.iso27001"],
      "compliance.dpa": all["compliance.dpa"],
      "security.encryption": "unknown",
    });
    const expectedMissing = questionsOf(s.definition)
      .filter((q) => q.required && !answered.has(q.key) && !hidden.has(q.key))
      .map((q) => q.key);
    expect(expectedMissing).toContain("data_use.retention_days");
    expect(expectedMissing.length).toBeGreaterThan(10);

    const before = await s.reload();
    const eventsBefore = await auditEventsOf(s.org.id);
    smtp().clear();

    const result = await submitAssessment(vendor, SUBMITTED_AT);
    expect(result).toEqual({ ok: false, missingRequired: expectedMissing });

    expect(await s.reload()).toEqual(before);
    expect(before.scoreResult).toBeNull();
    expect(await auditEventsOf(s.org.id)).toEqual(eventsBefore);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp().messages.filter((m) => m.to.includes(s.assessor.email))).toEqual([]);
  });

  it("without any answer every required question is missing", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    const result = await submitAssessment(vendor, SUBMITTED_AT);
    // Without answers, questions shown only after a certain answer stay hidden and are not required.
    const hidden = hiddenQuestionKeys(s.definition.sections, {});
    expect(hidden.size).toBeGreaterThan(0);
    expect(result).toEqual({
      ok: false,
      missingRequired: questionsOf(s.definition)
        .filter((q) => q.required && !hidden.has(q.key))
        .map((q) => q.key),
    });
    expect((await s.reload()).status).toBe("INVITED");
  });

  it("complete answers: SUBMITTED, score stored with the current method version and reproducible, assessor mailed", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    // KR has a whole-country adequacy decision since 2021-12-17: the result depends on the reference date.
    await s.answer(
      vendor,
      s.completeAnswers({ "residency.inference_countries": ["DE", "KR"] }, 0.8),
    );
    const before = await s.reload();

    expect(await submitAssessment(vendor, SUBMITTED_AT)).toEqual({ ok: true });

    const after = await s.reload();
    expect(after.status).toBe("SUBMITTED");
    expect(after.submittedAt).toEqual(SUBMITTED_AT);
    expect(after.version).toBe(before.version + 1);
    expect(after.scoringMethodVersion).toBe(SCORING_METHOD_VERSION);

    const stored = JSON.parse(after.scoreResult!) as ReturnType<typeof computeScore>;
    expect(stored.methodVersion).toBe(SCORING_METHOD_VERSION);
    expect(typeof stored.overall).toBe("number");
    expect(after.overallScore).toBe(stored.overall);
    expect(stored.completeness.missingRequired).toEqual([]);

    // Reproducible: the same answers and reference date give exactly the stored result.
    const recomputed = computeScore(s.definition, await s.storedAnswers(), AS_OF);
    expect(recomputed.overall).toBe(after.overallScore);
    expect(JSON.stringify(recomputed)).toBe(after.scoreResult);
    expect(parseStoredScore(after.scoreResult)).not.toBeNull();
    // …and the reference date is the submission day: the same answers scored before the Korean
    // adequacy decision give a different result.
    expect(
      JSON.stringify(computeScore(s.definition, await s.storedAnswers(), "2021-01-01")),
    ).not.toBe(after.scoreResult);

    const [event] = await auditEventsOf(s.org.id, "assessment.submitted");
    expect(event).toMatchObject({
      actorType: "vendor",
      actorId: vendor.inviteLinkId,
      targetId: s.assessment.id,
    });
    expect(JSON.parse(event!.payload)).toEqual({
      overall: stored.overall,
      riskTier: stored.riskTier,
      knockOuts: stored.knockOuts.map((k) => k.questionKey),
      methodVersion: SCORING_METHOD_VERSION,
    });

    const mail = await smtp().waitFor((m) => m.to.includes(s.assessor.email));
    expect(mail.subject).toContain(s.vendor.name);
    expect(mail.text).toContain(`${getEnv().APP_URL}/assessments/${s.assessment.id}`);
    expect(mail.text).toContain(s.assessment.title);

    // The vendor never sees scores.
    const vendorView = JSON.stringify(await getVendorQuestionnaire(vendor));
    expect(vendorView).not.toContain("riskTier");
    expect(vendorView).not.toContain("overall");
    expect(vendorView).not.toContain(String(stored.overall));
  });

  it("'unknown' answers count as answered for completeness", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    await s.answer(
      vendor,
      s.completeAnswers({
        "security.encryption": "unknown",
        "security.iso27001": "unknown",
        "data_use.retention_days": "unknown",
      }),
    );
    expect(await submitAssessment(vendor, SUBMITTED_AT)).toEqual({ ok: true });
    const score = parseStoredScore((await s.reload()).scoreResult)!;
    expect(score.questions.find((q) => q.key === "security.encryption")?.status).toBe("unknown");
  });

  it("a knock-out answer caps the risk tier and the recommendation is REJECT", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    const good = s.completeAnswers();
    // Without the knock-out the same vendor would be recommended…
    const baseline = computeScore(s.definition, good, AS_OF);
    expect(baseline.knockOuts).toEqual([]);
    expect(["low", "medium"]).toContain(baseline.riskTier);
    expect(recommendationFor(baseline)).toBe("APPROVE");

    // The knock-out answer reveals the required follow-up on training, which the vendor answers too.
    await s.answer(vendor, s.completeAnswers({ "data_use.model_training": "no_opt_out" }));
    expect(await submitAssessment(vendor, SUBMITTED_AT)).toEqual({ ok: true });

    const row = await s.reload();
    const stored = parseStoredScore(row.scoreResult)!;
    expect(stored.knockOuts.map((k) => k.questionKey)).toEqual(["data_use.model_training"]);
    expect(stored.riskTier).not.toBeNull();
    expect(["low", "medium"]).not.toContain(stored.riskTier);
    expect(recommendationFor(stored)).toBe("REJECT");
    // …and the overall average alone would still have been good enough for "medium" or better.
    expect(stored.overall!).toBeGreaterThanOrEqual(60);

    const view = await getAssessment(s.assessor, s.assessment.id);
    expect(view.recommendation).toBe("REJECT");
    expect(view.score?.knockOuts).toHaveLength(1);
  });
});
