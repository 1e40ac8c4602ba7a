import type { Page } from "@playwright/test";
import { forwardToDpo } from "../app/modules/assessments/forward-to-dpo.server";
import { saveAnswers } from "../app/modules/portal/save-answers.server";
import { submitAssessment } from "../app/modules/portal/submit-assessment.server";
import type { AnswerValue } from "../app/modules/questionnaires/answer-value";
import { loadTemplateVersion } from "../app/modules/questionnaires/load-template-version.server";
import type { VendorActor } from "../app/modules/auth/actor";
import { db } from "../app/utils/db.server";
import { demoAnswers } from "../seeds/demo/demo-answers";
import {
  actorFor,
  expect,
  seedAssessmentWithInvite,
  seedUser,
  signInContext,
  test,
} from "./support/fixtures";

/** A submitted assessment of the bundled template with every question answered (demo answers). */
async function seedSubmitted() {
  const seeded = await seedAssessmentWithInvite();
  const invite = await db().inviteLink.findFirstOrThrow({
    where: { assessmentId: seeded.assessment.id, contactEmail: seeded.contactEmail },
  });
  const vendor: VendorActor = {
    kind: "vendor",
    organizationId: invite.organizationId,
    inviteLinkId: invite.id,
    assessmentId: seeded.assessment.id,
    email: seeded.contactEmail,
    ip: null,
  };
  const { templateVersionId } = await db().assessment.findFirstOrThrow({
    where: { id: seeded.assessment.id },
    select: { templateVersionId: true },
  });
  const { definition } = await loadTemplateVersion(templateVersionId);
  const answers = demoAnswers(definition, { quality: 1, overrides: {} }) as Record<
    string,
    AnswerValue
  >;
  await saveAnswers(
    vendor,
    Object.entries(answers).map(([questionKey, value]) => ({ questionKey, value, baseVersion: 0 })),
  );
  const submitted = await submitAssessment(vendor);
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.missingRequired.join(", ")}`);
  return seeded;
}

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

test.describe("assessment page height", () => {
  test("the first view of a submitted assessment at 1440 px (printed, not timed)", async ({
    browser,
  }) => {
    const seeded = await seedSubmitted();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await signInContext(context, seeded.assessor);
    const page = await context.newPage();
    await page.goto(`/assessments/${seeded.assessment.id}`);
    const height = await pageHeight(page);
    console.log(`assessment page height at 1440 px: ${height} px`);
    expect(height).toBeGreaterThan(0);
    await context.close();
  });
});
