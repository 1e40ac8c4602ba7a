import { createInviteLink } from "../app/modules/assessments/create-invite-link.server";
import { startAssessment } from "../app/modules/assessments/start-assessment.server";
import { saveAnswers } from "../app/modules/portal/save-answers.server";
import { submitAssessment } from "../app/modules/portal/submit-assessment.server";
import type { AnswerValue } from "../app/modules/questionnaires/answer-value";
import { loadTemplateVersion } from "../app/modules/questionnaires/load-template-version.server";
import { createWeightProfile } from "../app/modules/weights/weight-profiles.server";
import { db } from "../app/utils/db.server";
import { demoAnswers } from "../seeds/demo/demo-answers";
import { createVendor } from "../tests/support/factories";
import {
  actorFor,
  expect,
  seedAssessmentWithInvite,
  seedUser,
  signInContext,
  test,
  unique,
  waitForHydration,
} from "./support/fixtures";

const US_UNSAFE = {
  "residency.storage_countries": ["US"],
  "residency.processing_countries": ["US"],
  "residency.transfer_safeguards": "no_safeguards",
  "residency.dpf_certified": "no",
};
const EU_ONLY = { "residency.storage_countries": ["DE"], "residency.processing_countries": ["DE"] };

/** Answers and submits one assessment through the use cases (set-up only). */
async function answerAndSubmit(
  organizationId: string,
  assessmentId: string,
  overrides: Record<string, unknown>,
  quality: number,
) {
  const invite = await db().inviteLink.findFirstOrThrow({ where: { assessmentId } });
  const vendor = {
    kind: "vendor" as const,
    organizationId,
    inviteLinkId: invite.id,
    assessmentId,
    email: invite.contactEmail,
    ip: null,
  };
  const assessment = await db().assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { templateVersionId: true },
  });
  const { definition } = await loadTemplateVersion(assessment.templateVersionId);
  const answers = demoAnswers(definition, { quality, overrides }) as Record<string, AnswerValue>;
  await saveAnswers(
    vendor,
    Object.entries(answers).map(([questionKey, value]) => ({ questionKey, value, baseVersion: 0 })),
  );
  const submitted = await submitAssessment(vendor);
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.missingRequired.join(", ")}`);
  return definition;
}

/** Two vendors of one organisation, both scored: "Strong" (good answers, US data) and "Local" (weaker, EU only), and a residency-only weight profile. */
async function seedComparison() {
  const seeded = await seedAssessmentWithInvite({ vendorName: unique("Strong AI") });
  const definition = await answerAndSubmit(seeded.org.id, seeded.assessment.id, US_UNSAFE, 1);
  const actor = await actorFor(seeded.assessor);
  const local = await createVendor({ organizationId: seeded.org.id, name: unique("Local KI") });
  const second = await startAssessment(actor, {
    vendorId: local.id,
    templateVersionId: seeded.assessment.templateVersionId,
    title: `${local.name} – AI due diligence`,
  });
  await createInviteLink(actor, second.id, {
    contactEmail: `${unique("contact")}@vendor.example`,
    locale: "en",
  });
  await answerAndSubmit(seeded.org.id, second.id, EU_ONLY, 0.4);
  const admin = await seedUser(seeded.org.id, "ADMIN", { withTotp: true });
  const sectionWeights = Object.fromEntries(
    definition.sections.map((s) => [s.key, s.key === "residency" ? 1 : 0]),
  );
  const profile = await createWeightProfile(await actorFor(admin), {
    name: "Residency only",
    weights: { sectionWeights, questionWeights: {} },
  });
  return {
    seeded,
    strong: seeded.vendor,
    local,
    profile,
    url: `/compare?vendors=${seeded.vendor.id},${local.id}`,
  };
}

test.describe("vendor comparison", () => {
  test("charts render after hydration; switching the weight profile re-ranks without changing stored scores", async ({
    page,
    context,
  }) => {
    const { seeded, strong, local, url } = await seedComparison();
    const storedBefore = await db().assessment.findMany({
      where: { organizationId: seeded.org.id },
      orderBy: { id: "asc" },
      select: { id: true, scoreResult: true },
    });
    await signInContext(context, seeded.assessor);
    await page.goto(url);
    await waitForHydration(page);

    for (const id of ["sections", "overall", "transparency", "residency"]) {
      await expect(
        page.getByTestId(`${id}-chart`).locator("svg.recharts-surface").first(),
      ).toBeVisible();
      await expect(page.getByTestId(`${id}-table`)).toBeVisible();
    }
    const ranking = page.getByTestId("ranking");
    await expect(ranking.locator("tbody tr").first()).toContainText(strong.name);

    await page
      .getByLabel("Weight profile (what-if)", { exact: false })
      .selectOption({ label: "Residency only" });
    await expect(page).toHaveURL(/profile=/);
    await expect(page.getByRole("status").filter({ hasText: "What-if" })).toContainText(
      "Residency only",
    );
    await expect(ranking.locator("tbody tr").first()).toContainText(local.name);
    await expect(ranking.locator("tbody tr").first()).toContainText("up 1");
    await expect(
      page.getByTestId("sections-chart").locator("svg.recharts-surface").first(),
    ).toBeVisible();

    const storedAfter = await db().assessment.findMany({
      where: { organizationId: seeded.org.id },
      orderBy: { id: "asc" },
      select: { id: true, scoreResult: true },
    });
    expect(storedAfter).toEqual(storedBefore);
  });

  test("without JavaScript the numbers are there as tables, and no chart is drawn", async ({
    newContext,
  }) => {
    const { seeded, strong, local, url } = await seedComparison();
    const context = await newContext({ label: "no-js assessor", javaScriptEnabled: false });
    await signInContext(context, seeded.assessor);
    const page = await context.newPage();
    await page.goto(url);
    for (const id of ["sections", "overall", "transparency", "residency"]) {
      const table = page.getByTestId(`${id}-table`);
      await expect(table).toBeVisible();
      await expect(table).toContainText(strong.name);
      await expect(table).toContainText(local.name);
    }
    await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
    await expect(page.getByTestId("differing")).toBeVisible();
    // The vendor history also works without JavaScript.
    await page.goto(`/vendors/${strong.id}/history`);
    await expect(page.getByTestId("history-table")).toContainText(seeded.assessment.title);
  });
});
