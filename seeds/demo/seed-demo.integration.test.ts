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
});
