import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createInviteLink } from "~/modules/assessments/create-invite-link.server";
import { startAssessment } from "~/modules/assessments/start-assessment.server";
import { saveAnswers } from "~/modules/portal/save-answers.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { parseStoredAnswer } from "~/modules/portal/vendor-questionnaire.server";
import { installBundledTemplates } from "~/modules/questionnaires/bundled-templates.server";
import {
  parseTemplateDefinition,
  questionsOf,
  type TemplateDefinition,
} from "~/modules/questionnaires/template-definition";
import { publishTemplateVersion } from "~/modules/templates/publish-template-version.server";
import { db } from "~/utils/db.server";
import { inTransaction } from "~/utils/transaction.server";
import { demoAnswers } from "../../../../seeds/demo/demo-answers";
import {
  BUNDLED_TEMPLATE_KEY,
  createAssessmentScenario,
  tokenFromInviteUrl,
} from "../../../../tests/support/assessment-factories";
import { createOrganization } from "../../../../tests/support/factories";
import { setupSmtpCatcher } from "../../../../tests/support/mail";
import { runAssessmentPageAction } from "../run-assessment-page-action.server";
import { parseDelta } from "./delta";
import { getTemplateUpdateView } from "./template-update-view.server";

/**
 * Issue 21 item 8: the bundled due-diligence template as shipped before issue 21 (a fixture copy)
 * is what an organisation's assessment was answered on; the new bundled content publishes a new
 * version at start; the assessment keeps its version, and a re-review on the new version asks
 * only new or reworded questions and carries every other answer.
 */
setupSmtpCatcher();

const OLD_DEFINITION = (() => {
  const parsed = parseTemplateDefinition(
    JSON.parse(
      readFileSync("tests/fixtures/templates/ai-vendor-due-diligence-2026-11.json", "utf8"),
    ),
  );
  if (!parsed.ok) throw new Error("fixture template invalid");
  return parsed.definition;
})();

/** What the vendor reads or chooses of a question (the delta's "reworded" test, ADR 0035). */
function asked(definition: TemplateDefinition) {
  return new Map(
    questionsOf(definition).map((q) => [
      q.key,
      JSON.stringify([
        q.type,
        q.label,
        q.help ?? null,
        (q.options ?? []).map((o) => [o.value, o.label]),
        q.unit ?? null,
        q.min ?? null,
        q.max ?? null,
        q.showIf ?? null,
        q.evidence ?? null,
      ]),
    ]),
  );
}

describe("bundled template updates and re-reviews on the new version", () => {
  it("keeps the assessment on its version and re-reviews it asking only new or reworded questions", async () => {
    const org = await createOrganization();
    const system = { kind: "system" as const, organizationId: org.id, label: "test" };
    const template = await db().questionnaireTemplate.create({
      data: { organizationId: org.id, key: BUNDLED_TEMPLATE_KEY, name: OLD_DEFINITION.title.en },
      select: { id: true },
    });
    const v1 = await inTransaction((tx) =>
      publishTemplateVersion(tx, system, {
        templateId: template.id,
        definition: OLD_DEFINITION,
        origin: "bundled",
      }),
    );
    // The scenario installs the current bundled content: a new version of the same template.
    const s = await createAssessmentScenario({ organizationId: org.id });
    const newest = await db().templateVersion.findUniqueOrThrow({
      where: { id: s.templateVersionId },
      select: { version: true, templateId: true },
    });
    expect(newest.templateId).toBe(template.id);
    expect(newest.version).toBeGreaterThan(v1.version);

    // An assessment answered and submitted on the old version.
    const source = await startAssessment(s.assessor, {
      vendorId: s.vendor.id,
      productId: s.product.id,
      templateVersionId: v1.id,
      title: "Acme Assist due diligence 2026",
      dueDate: "2027-03-31",
    });
    const invite = await createInviteLink(s.assessor, source.id, {
      contactEmail: "security@acme.example",
      locale: "de",
    });
    expect(tokenFromInviteUrl(invite.url)).toBeTruthy();
    const vendor = {
      kind: "vendor" as const,
      organizationId: org.id,
      inviteLinkId: invite.inviteId,
      assessmentId: source.id,
      email: "security@acme.example",
      ip: "203.0.113.7",
    };
    const oldAnswers = demoAnswers(OLD_DEFINITION, { quality: 0.9, overrides: {} });
    await saveAnswers(
      vendor,
      Object.entries(oldAnswers).map(([questionKey, value]) => ({
        questionKey,
        value: value as never,
        baseVersion: 0,
      })),
    );
    await submitAssessment(vendor);

    // Installing the bundled templates again changes nothing: the assessment keeps version 1.
    await inTransaction((tx) => installBundledTemplates(tx, s.assessor));
    const kept = await db().assessment.findUniqueOrThrow({
      where: { id: source.id },
      select: { templateVersionId: true, status: true },
    });
    expect(kept).toEqual({ templateVersionId: v1.id, status: "SUBMITTED" });

    const view = await getTemplateUpdateView(org.id, source.id);
    expect(view?.newer?.version).toBe(newest.version);
    expect(view?.currentVersion).toBe(v1.version);
    expect(view?.reReviewable).toBe(true);
    expect(view?.openReReviewId).toBeNull();

    // An auditor may not start it.
    await expect(
      runAssessmentPageAction(s.auditor, {
        assessmentId: source.id,
        form: formOf({ intent: "reReviewNewVersion" }),
      }),
    ).rejects.toBeInstanceOf(Response);

    const started = await runAssessmentPageAction(s.assessor, {
      assessmentId: source.id,
      form: formOf({ intent: "reReviewNewVersion" }),
    });
    expect(started.status).toBe(303);
    const reReviewId = started.redirectTo!.replace("/assessments/", "");
    const reReview = await db().assessment.findUniqueOrThrow({
      where: { id: reReviewId },
      select: {
        templateVersionId: true,
        reReviewOfId: true,
        changeEventId: true,
        deltaJson: true,
        status: true,
      },
    });
    expect(reReview).toMatchObject({
      templateVersionId: s.templateVersionId,
      reReviewOfId: source.id,
      changeEventId: null,
      status: "DRAFT",
    });

    const delta = new Map(parseDelta(reReview.deltaJson)!.map((e) => [e.questionKey, e.reasons]));
    const carriedRows = await db().answer.findMany({
      where: { assessmentId: reReviewId },
      select: { questionKey: true, value: true, carriedFromAssessmentId: true },
    });
    const carried = new Map(carriedRows.map((r) => [r.questionKey, r]));
    const before = asked(OLD_DEFINITION);
    const after = asked(s.definition);
    let unchanged = 0;
    for (const [key, shown] of after) {
      // Every question is asked or carried, never both, never neither.
      expect(delta.has(key) !== carried.has(key), key).toBe(true);
      if (!before.has(key)) {
        expect(
          delta.get(key)?.map((r) => r.kind),
          key,
        ).toContain("question_new");
        continue;
      }
      if (before.get(key) !== shown) {
        expect(
          delta.get(key)?.map((r) => r.kind),
          key,
        ).toContain("question_changed");
        continue;
      }
      const type = questionsOf(s.definition).find((q) => q.key === key)!.type;
      if (type === "evidence" || oldAnswers[key] === undefined) continue;
      unchanged++;
      // Worded as before: the old answer is carried, value for value, marked with its source.
      expect(carried.get(key)?.carriedFromAssessmentId, key).toBe(source.id);
      expect(parseStoredAnswer(carried.get(key)!.value), key).toEqual(oldAnswers[key]);
    }
    expect(unchanged).toBeGreaterThan(0);

    // A second click finds the open one instead of starting another.
    const again = await runAssessmentPageAction(s.assessor, {
      assessmentId: source.id,
      form: formOf({ intent: "reReviewNewVersion" }),
    });
    expect(again.redirectTo).toBe(started.redirectTo);
    const after2 = await getTemplateUpdateView(org.id, source.id);
    expect(after2?.openReReviewId).toBe(reReviewId);
    expect(after2?.reReviews.map((r) => r.id)).toEqual([reReviewId]);
    // The re-review itself is on the newest version: nothing newer to offer there.
    expect((await getTemplateUpdateView(org.id, reReviewId))?.newer).toBeNull();
    // Another organisation cannot see the source.
    const other = await createAssessmentScenario();
    expect(await getTemplateUpdateView(other.org.id, source.id)).toBeNull();
  });
});

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}
