// The demo organisation as `npm run vetted -- demo seed` creates it: every stored demo answer is a
// valid answer to its question, and every submitted demo assessment has each required visible
// question answered, so the demo shows the bundled due-diligence questionnaire as a vendor fills it.

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeScore } from "../../app/modules/assessments/compute-score";
import { parseStoredAnswer } from "../../app/modules/portal/vendor-questionnaire.server";
import { hiddenQuestionKeys } from "../../app/modules/questionnaires/conditions";
import { parseAnswerValue } from "../../app/modules/questionnaires/answer-value";
import { parseStoredDefinition } from "../../app/modules/questionnaires/load-template-version.server";
import { questionsOf } from "../../app/modules/questionnaires/template-definition";
import { db } from "../../app/utils/db.server";
import { getReReviewStartPage } from "../../app/modules/assessments/re-review/get-re-review-start-page.server";
import { ANNEX_III_SHIFT } from "../../app/modules/assessments/re-review/re-review-fixtures";
import { startReReviews } from "../../app/modules/assessments/re-review/start-re-reviews.server";
import type { UserActor } from "../../app/modules/auth/actor";
import { demoAnswers } from "./demo-answers";
import { DEMO_TEMPLATE_KEY, seedDemo, type DemoSecrets } from "./seed-demo.server";

function secrets(): DemoSecrets {
  const password = () => randomBytes(12).toString("base64url");
  return {
    passwords: { ADMIN: password(), ASSESSOR: password(), DPO: password(), AUDITOR: password() },
    totpKeys: {
      ADMIN: randomBytes(20).toString("base64"),
      DPO: randomBytes(20).toString("base64"),
    },
    inviteToken: randomBytes(32).toString("base64url"),
  };
}

describe("demo seed", () => {
  it("answers the due-diligence questionnaire completely and validly for every submitted demo assessment", async () => {
    const { organizationId, created } = await seedDemo(secrets());
    expect(created).toBe(true);
    const assessments = await db().assessment.findMany({
      where: { organizationId },
      select: {
        status: true,
        submittedAt: true,
        scoreResult: true,
        vendor: { select: { name: true } },
        templateVersion: { select: { definition: true, template: { select: { key: true } } } },
        answers: { select: { questionKey: true, value: true } },
      },
    });
    expect(assessments).toHaveLength(9);
    let submitted = 0;
    for (const assessment of assessments) {
      const label = `${assessment.vendor.name} (${assessment.status})`;
      expect(assessment.templateVersion.template.key, label).toBe(DEMO_TEMPLATE_KEY);
      const definition = parseStoredDefinition(assessment.templateVersion.definition);
      const byKey = new Map(questionsOf(definition).map((q) => [q.key, q]));
      const answers = Object.fromEntries(
        assessment.answers.map((a) => [a.questionKey, parseStoredAnswer(a.value)]),
      );
      for (const [key, value] of Object.entries(answers)) {
        const question = byKey.get(key);
        expect(question, `${label}: ${key} is no question of the template`).toBeDefined();
        const parsed = parseAnswerValue(question!, value);
        expect(parsed.ok ? null : parsed.error, `${label}: ${key}`).toBeNull();
      }
      // Answers only to questions the vendor would see.
      const hidden = hiddenQuestionKeys(definition.sections, answers);
      expect(
        Object.keys(answers).filter((key) => hidden.has(key)),
        label,
      ).toEqual([]);
      if (!assessment.submittedAt) continue;
      submitted++;
      const score = computeScore(
        definition,
        answers,
        assessment.submittedAt.toISOString().slice(0, 10),
      );
      expect(score.completeness.missingRequired, label).toEqual([]);
      expect(JSON.parse(assessment.scoreResult!).overall, label).toBe(score.overall);
      expect(Array.isArray(answers["residency.subprocessors"]), label).toBe(true);
    }
    expect(submitted).toBe(6);
  });

  it("is deterministic: the same profile gives the same answers", async () => {
    const { organizationId } = await seedDemo(secrets());
    const version = await db().templateVersion.findFirstOrThrow({
      where: { template: { organizationId, key: DEMO_TEMPLATE_KEY } },
      select: { definition: true },
    });
    const definition = parseStoredDefinition(version.definition);
    for (const quality of [0.35, 0.6, 0.95]) {
      const profile = { quality, overrides: { "data_use.model_training": "opt_out" } };
      expect(demoAnswers(definition, profile)).toEqual(demoAnswers(definition, profile));
      // The override reveals the follow-up on training, which is then answered too.
      expect(typeof demoAnswers(definition, profile)["data_use.training_details"]).toBe("string");
    }
  });

  it("makes the AI-omnibus re-review walkable: the change lists the decided demo vendors", async () => {
    const { organizationId } = await seedDemo(secrets());
    const dpo = await db().membership.findFirstOrThrow({
      where: { organizationId, role: "DPO" },
      select: { userId: true, user: { select: { email: true, name: true } } },
    });
    const actor: UserActor = {
      kind: "user",
      userId: dpo.userId,
      organizationId,
      organizationSlug: "demo",
      role: "DPO",
      email: dpo.user.email,
      name: dpo.user.name,
      sessionId: "demo-test",
      mfaVerifiedAt: null,
      ip: null,
    };
    const page = await getReReviewStartPage(actor, { changeId: ANNEX_III_SHIFT, chosen: [] });
    const decided = page.candidates.filter(
      (c) => c.status.startsWith("APPROVED") || c.status === "REJECTED",
    );
    expect(decided.length).toBeGreaterThan(0);
    for (const candidate of page.candidates) expect(candidate.asked).toBeGreaterThan(0);
    const [started] = await startReReviews(actor, {
      changeEventId: ANNEX_III_SHIFT,
      assessmentIds: [decided[0]!.assessmentId],
    });
    expect(started!.status).toBe("started");
  });
});
