import type { BrowserContext, Page } from "@playwright/test";
import type { VendorActor } from "../app/modules/auth/actor";
import { saveAnswers } from "../app/modules/portal/save-answers.server";
import type { AnswerValue } from "../app/modules/questionnaires/answer-value";
import { loadTemplateVersion } from "../app/modules/questionnaires/load-template-version.server";
import { db } from "../app/utils/db.server";
import { demoAnswers } from "../seeds/demo/demo-answers";
import { expect, readMails, seedAssessmentWithInvite, test } from "./support/fixtures";
import { codeMailFor, continueWithCode, question } from "./support/portal";

/**
 * Issue 15, item 7: submitting with missing answers focuses the list of what is missing (also
 * listed by the button), "Submit" asks for confirmation and offers a copy, sub-processor rows are
 * added and removed without JavaScript, numbers get a numeric keypad; all of it at 390 px too,
 * without horizontal scrolling.
 */
const TABLE = "residency.subprocessors";

async function openPortal(
  context: BrowserContext,
  invite: { url: string; contactEmail: string },
  javaScript = true,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(invite.url);
  if (javaScript) await continueWithCode(page, invite.contactEmail);
  else {
    const before = (await readMails()).length;
    await page.getByRole("button", { name: "Continue" }).click();
    await page
      .getByLabel("Code from the e-mail")
      .fill(await codeMailFor(invite.contactEmail, before));
    await page.getByRole("button", { name: "Confirm" }).click();
  }
  await expect(page).toHaveURL(/\/portal$/);
  return page;
}

/** Every answer stored server-side (the demo generator), as if the contact had typed them. */
async function answerEverything(assessmentId: string, contactEmail: string) {
  const invite = await db().inviteLink.findFirstOrThrow({
    where: { assessmentId, contactEmail },
    select: { id: true, organizationId: true },
  });
  const assessment = await db().assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { templateVersionId: true },
  });
  const { definition } = await loadTemplateVersion(assessment.templateVersionId);
  const actor: VendorActor = {
    kind: "vendor",
    organizationId: invite.organizationId,
    inviteLinkId: invite.id,
    assessmentId,
    email: contactEmail,
    ip: null,
  };
  const answers = demoAnswers(definition, { quality: 1 }) as Record<string, AnswerValue>;
  await saveAnswers(
    actor,
    Object.entries(answers).map(([questionKey, value]) => ({ questionKey, value, baseVersion: 0 })),
  );
}

async function noHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, "the page must not scroll sideways").toBeLessThanOrEqual(widths.client);
}

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "390 px", width: 390, height: 844 },
]) {
  test.describe(`vendor portal finishing (${viewport.name})`, () => {
    test("submit with missing answers focuses their list (also by the button); without JavaScript too", async ({
      newContext,
      consoleGuard,
    }) => {
      // The refused submit answers 400 (missing answers), which Chromium logs.
      consoleGuard.allow(/Failed to load resource: the server responded with a status of 400/);
      const seeded = await seedAssessmentWithInvite();
      const invite = { url: seeded.inviteUrl, contactEmail: seeded.contactEmail };
      const page = await openPortal(await newContext({ label: "vendor", viewport }), invite);
      await noHorizontalScroll(page);
      await expect(
        question(page, "data_use.retention_days").locator(
          `input[name="q.data_use.retention_days"]`,
        ),
      ).toHaveAttribute("inputmode", /decimal|numeric/);
      await page.getByRole("button", { name: "Submit questionnaire" }).click();
      const problems = page.getByTestId("submit-problems");
      await expect(problems).toBeFocused();
      await expect(
        problems.getByTestId("missing-required").getByRole("link").first(),
      ).toBeVisible();
      const nearButton = page.getByTestId("missing-near-submit");
      await expect(nearButton.getByRole("link").first()).toHaveAttribute("href", /^#q-/);
      await noHorizontalScroll(page);

      // The same without JavaScript: the server's page focuses the list itself.
      const noJs = await newContext({
        label: "vendor (no JS)",
        viewport,
        javaScriptEnabled: false,
        storageState: await page.context().storageState(),
      });
      const plain = await noJs.newPage();
      await plain.goto("/portal");
      await plain.getByRole("button", { name: "Submit questionnaire" }).click();
      await expect(plain).toHaveURL(/#submit-problems$/);
      await expect(plain.getByTestId("submit-problems")).toBeFocused();
      await expect(plain.getByTestId("missing-near-submit")).toBeVisible();
    });

    test("submit asks for confirmation with the number of answers and a copy; Back returns, Confirm submits (no JavaScript)", async ({
      newContext,
    }) => {
      const seeded = await seedAssessmentWithInvite();
      await answerEverything(seeded.assessment.id, seeded.contactEmail);
      const withJs = await newContext({ label: "vendor (JS)", viewport });
      await openPortal(withJs, { url: seeded.inviteUrl, contactEmail: seeded.contactEmail });
      const context = await newContext({
        label: "vendor (no JS)",
        viewport,
        javaScriptEnabled: false,
        storageState: await withJs.storageState(),
      });
      const page = await context.newPage();
      await page.goto("/portal");
      await page.getByRole("button", { name: "Submit questionnaire" }).click();
      const heading = page.getByRole("heading", { name: "Submit your answers?" });
      await expect(heading).toBeFocused();
      await expect(page.getByTestId("confirm-count")).toContainText(
        /You are about to submit \d+ answers/,
      );
      await noHorizontalScroll(page);
      const csv = await page.request.get("/portal/answers.csv");
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toContain("text/csv");
      const pdf = await page.request.get("/portal/answers.pdf");
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

      await page.getByRole("link", { name: "Back to the questionnaire" }).click();
      await expect(page.getByRole("button", { name: "Submit questionnaire" })).toBeVisible();
      const status = await db().assessment.findUniqueOrThrow({
        where: { id: seeded.assessment.id },
        select: { status: true },
      });
      expect(status.status).not.toBe("SUBMITTED");

      await page.getByRole("button", { name: "Submit questionnaire" }).click();
      await page.getByRole("button", { name: "Confirm and submit" }).click();
      await expect(page.getByTestId("submitted-banner")).toBeVisible();
      await expect(page.getByTestId("copy-csv")).toBeVisible();
    });

    test("sub-processor rows are added and removed without JavaScript", async ({ newContext }) => {
      const seeded = await seedAssessmentWithInvite();
      const withJs = await newContext({ label: "vendor (JS)", viewport });
      await openPortal(withJs, { url: seeded.inviteUrl, contactEmail: seeded.contactEmail });
      const context = await newContext({
        label: "vendor (no JS)",
        viewport,
        javaScriptEnabled: false,
        storageState: await withJs.storageState(),
      });
      const page = await context.newPage();
      await page.goto("/portal");
      // The no-JavaScript upload button sits inside its question and names it.
      // (By its exact test id: a `has` locator is matched inside each fieldset, so `.first()` in it
      // would pick the first button of every question.)
      // (The evidence questions of this seed are conditional and hidden until they apply, so the
      // name is read from the attribute and the legend's text, not from the accessibility tree.)
      const uploadId = await page
        .locator('[data-testid^="evidence-upload-submit-"]')
        .first()
        .getAttribute("data-testid");
      const upload = page.getByTestId(uploadId!);
      const evidenceQuestion = page
        .locator('fieldset[data-testid="question"]')
        .filter({ has: page.getByTestId(uploadId!) });
      await expect(evidenceQuestion).toHaveCount(1);
      const legend = (await evidenceQuestion.locator("legend").textContent())!.trim();
      expect(legend.length).toBeGreaterThan(0);
      await expect(upload).toHaveAttribute("aria-label", `Upload file: ${legend}`);

      const table = question(page, TABLE);
      const rows = table.getByTestId("subprocessor-row");
      await expect(rows).toHaveCount(3);
      const fill = async (index: number, name: string, country: string) => {
        await rows.nth(index).getByLabel("Sub-processor", { exact: true }).fill(name);
        await rows.nth(index).getByLabel("Purpose").fill("Hosting");
        await rows.nth(index).getByLabel("Country").selectOption(country);
      };
      await fill(0, "Alpha Cloud", "DE");
      await fill(1, "Beta Mail", "US");
      await fill(2, "Gamma CDN", "FR");
      await table.getByRole("button", { name: "Add a sub-processor" }).click();
      await expect(page).toHaveURL(new RegExp(`#q-${TABLE.replace(".", "\\.")}$`));
      await expect(rows).toHaveCount(4);
      await expect(rows.nth(2).getByLabel("Sub-processor", { exact: true })).toHaveValue(
        "Gamma CDN",
      );
      await expect(rows.nth(3).getByLabel("Sub-processor", { exact: true })).toHaveValue("");
      await noHorizontalScroll(page);

      await table.getByRole("button", { name: "Remove sub-processor row 2" }).click();
      await expect(rows.getByLabel("Sub-processor", { exact: true })).toHaveCount(3);
      const names = await rows
        .getByLabel("Sub-processor", { exact: true })
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      expect(names).toEqual(["Alpha Cloud", "Gamma CDN", ""]);
      await page.reload();
      const stored = await question(page, TABLE)
        .getByLabel("Sub-processor", { exact: true })
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
      expect(stored).toEqual(["Alpha Cloud", "Gamma CDN", ""]);
    });
  });
}
