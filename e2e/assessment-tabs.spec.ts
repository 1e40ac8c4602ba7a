import type { Page } from "@playwright/test";
import { saveAnswers } from "../app/modules/portal/save-answers.server";
import { submitAssessment } from "../app/modules/portal/submit-assessment.server";
import type { AnswerValue } from "../app/modules/questionnaires/answer-value";
import { loadTemplateVersion } from "../app/modules/questionnaires/load-template-version.server";
import type { VendorActor } from "../app/modules/auth/actor";
import { db } from "../app/utils/db.server";
import { demoAnswers } from "../seeds/demo/demo-answers";
import {
  expect,
  seedAssessmentWithInvite,
  signInContext,
  test,
  waitForHydration,
} from "./support/fixtures";
import { followNextStep, openAssessmentTab } from "./support/assessment-tabs";

/**
 * The assessment page in tabs (issue 15 item 4) in the browser: the tabs are links that work with
 * and without JavaScript, forms are closed until opened and come back to their tab, the sticky
 * bar offers the next step, and the first view is much shorter than the old single column.
 */

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

const TABS = {
  en: ["Overview", "Answers", "Findings", "Conversation", "Vendor access", "Decision", "Reports"],
  de: [
    "Überblick",
    "Antworten",
    "Feststellungen",
    "Austausch",
    "Zugang des Anbieters",
    "Entscheidung",
    "Berichte",
  ],
} as const;
const TAB_KEYS = [
  "overview",
  "answers",
  "findings",
  "conversation",
  "vendor-access",
  "decision",
  "reports",
] as const;

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

/** Walks every tab by its link: the URL names it, it is the current one, its part is shown. */
async function walkTabs(page: Page, names: readonly string[]) {
  for (const [index, name] of names.entries()) {
    await openAssessmentTab(page, name);
    const key = TAB_KEYS[index]!;
    if (key === "overview") await expect(page).toHaveURL(/\/assessments\/[^/?#]+$/);
    else await expect(page).toHaveURL(new RegExp(`\\?tab=${key}$`));
    await expect(page.getByTestId("assessment-tab-panel")).toHaveAttribute("data-tab", key);
    await expect(page.getByTestId("assessment-tabs").locator('a[aria-current="page"]')).toHaveText(
      name,
    );
  }
}

test.describe("assessment page in tabs", () => {
  test("with JavaScript: every tab by its link; a closed comment form opens, posts and lands on its tab; the bar stays in view", async ({
    browser,
  }) => {
    const seeded = await seedSubmitted();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await signInContext(context, seeded.assessor);
    const page = await context.newPage();
    await page.goto(`/assessments/${seeded.assessment.id}`);
    await waitForHydration(page);

    // The first view: figures printed for the report (compared, not timed).
    const overviewHeight = await pageHeight(page);
    console.log(`assessment page height at 1440 px (Overview tab): ${overviewHeight} px`);
    await expect(page.getByTestId("overall-score")).toBeVisible();
    await expect(page.getByTestId("answer-row")).toHaveCount(0);

    await walkTabs(page, TABS.en);

    // Answers: the per-answer forms are closed until opened.
    await openAssessmentTab(page, "Answers");
    const answersHeight = await pageHeight(page);
    console.log(`assessment page height at 1440 px (Answers tab): ${answersHeight} px`);
    const firstRow = page.getByTestId("answer-row").first();
    await expect(firstRow.getByTestId("comment-form")).toBeHidden();
    await expect(firstRow.getByTestId("request-answer-change").locator("form")).toBeHidden();
    await expect(firstRow.getByTestId("clarification-ask-body")).toBeHidden();
    await expect(page.getByTestId("request-changes-form")).toBeHidden();
    // The sticky bar stays at the bottom of the window while the long tab scrolls.
    await page.mouse.wheel(0, 4000);
    const bar = page.getByTestId("next-step-bar");
    await expect(bar).toBeInViewport();
    expect(await bar.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");

    // Conversation: the comment form is closed; opened, filled and sent, it comes back here.
    await openAssessmentTab(page, "Conversation");
    const commentForm = page.getByTestId("comment-form");
    await expect(commentForm).toBeHidden();
    await page.getByTestId("comment-disclosure").locator("summary").click();
    await commentForm.getByLabel("Comment").fill("The answers look complete.");
    await commentForm.getByRole("button", { name: "Add comment" }).click();
    await expect(page).toHaveURL(/\?tab=conversation&review=addComment%3Aok#comments$/);
    await expect(page.getByTestId("assessment-tab-panel")).toHaveAttribute(
      "data-tab",
      "conversation",
    );
    await expect(page.getByTestId("review-flash-ok")).toBeVisible();
    await expect(page.getByTestId("comment")).toContainText("The answers look complete.");

    // An unknown tab is the overview.
    await page.goto(`/assessments/${seeded.assessment.id}?tab=nonsense`);
    await expect(page.getByTestId("assessment-tab-panel")).toHaveAttribute("data-tab", "overview");
    await context.close();
  });

  test("without JavaScript, in German: every tab by its link; the bar opens the forward form, which posts and lands on its tab", async ({
    browser,
  }) => {
    const seeded = await seedSubmitted();
    await db().user.update({ where: { id: seeded.assessor.userId }, data: { locale: "de" } });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      javaScriptEnabled: false,
      locale: "de-DE",
    });
    await signInContext(context, seeded.assessor);
    const page = await context.newPage();
    await page.goto(`/assessments/${seeded.assessment.id}`);
    await walkTabs(page, TABS.de);

    // A closed finding form on the Findings tab: opened (no script needed), sent, back there.
    await openAssessmentTab(page, "Feststellungen");
    const findingForm = page.getByTestId("create-finding-form");
    await expect(findingForm).toBeHidden();
    await page.getByTestId("create-finding-disclosure").locator("summary").click();
    await findingForm.getByLabel("Titel").fill("Keine EU-only-Inferenz");
    await findingForm.getByLabel("Beschreibung").fill("Inferenz kann in den USA laufen.");
    await findingForm.getByRole("button").click();
    await expect(page).toHaveURL(/\?tab=findings&review=createFinding%3Aok#finding-/);
    await expect(page.getByTestId("finding-title")).toHaveText(["Keine EU-only-Inferenz"]);

    // The sticky bar's next step opens the closed forward form on the Decision tab.
    await expect(page.getByTestId("forward-disclosure")).toHaveCount(0);
    await followNextStep(page, "Prüfen und an die/den DSB weiterleiten");
    await expect(page).toHaveURL(/\?tab=decision&open=forward#forward$/);
    await page
      .getByLabel("Hinweis für die/den DSB")
      .fill("Bitte die US-Unterauftragnehmer prüfen.");
    await page.getByRole("button", { name: "An DSB weiterleiten" }).click();
    await expect(page).toHaveURL(/\?tab=decision$/);
    await expect(page.getByTestId("status-badge")).toHaveAttribute(
      "data-status",
      "AWAITING_DECISION",
    );
    await expect(page.getByTestId("assessment-tab-panel")).toHaveAttribute("data-tab", "decision");
    await expect(page.getByTestId("next-step-bar")).toHaveAttribute("data-step", "waitForDecision");
    // The note reaches the overview.
    await openAssessmentTab(page, "Überblick");
    await expect(page.getByTestId("forward-note")).toContainText(
      "Bitte die US-Unterauftragnehmer prüfen.",
    );
    await context.close();
  });
});
