import { expect, test } from "@playwright/test";
import {
  installBundledTemplatesViaApp,
  seedOrganization,
  seedUser,
  signInContext,
  unique,
} from "./support/fixtures";
import { E2E_BASE_URL } from "./support/env";

// An assessor edits a question label, adds a question, publishes, and sees the diff.
test("an assessor edits a template draft, publishes it and sees the changes", async ({
  browser,
}) => {
  const org = await seedOrganization();
  const assessor = await seedUser(org.id, "ASSESSOR");
  await installBundledTemplatesViaApp(assessor);
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, locale: "en-GB" });
  await signInContext(context, assessor);
  const page = await context.newPage();

  await page.goto("/templates");
  await page.getByRole("link", { name: "AI vendor due diligence" }).click();
  await page.getByRole("button", { name: "Start a new draft" }).click();
  await expect(page.getByRole("heading", { name: /Edit draft/ })).toBeVisible();

  const firstKey = "security.iso27001";
  await page.getByRole("link", { name: `Edit ${firstKey}`, exact: true }).click();
  const newLabel = unique("Renamed question");
  await page.getByLabel("Question (English)").fill(newLabel);
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByTestId("question-label").filter({ hasText: newLabel })).toBeVisible();

  await page.getByRole("button", { name: "+ Add question" }).first().click();
  const added = page.getByLabel("Question (English)");
  await expect(added).toHaveValue("New question");
  const addedLabel = unique("Added question");
  await added.fill(addedLabel);
  await page.getByLabel("Question (German)").fill("Neue Frage im Test");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByTestId("question-label").filter({ hasText: addedLabel })).toBeVisible();

  await page.getByRole("link", { name: "Preview" }).click();
  await expect(
    page.getByTestId("template-preview-de").getByText("Neue Frage im Test"),
  ).toBeVisible();
  await expect(page.getByTestId("template-preview-en").getByText(newLabel).first()).toBeVisible();

  await page.getByRole("button", { name: "Publish as version 2" }).click();
  await expect(page.getByText("Version 2 was published.")).toBeVisible();
  const diff = page.getByTestId("template-diff");
  await expect(
    page.getByRole("heading", { name: "Version 2: changes compared to version 1" }),
  ).toBeVisible();
  await expect(diff.getByText("Questions added (1)")).toBeVisible();
  await expect(diff.getByText(addedLabel)).toBeVisible();
  await expect(diff.getByText("Questions changed (1)")).toBeVisible();
  await expect(diff.getByRole("cell", { name: newLabel })).toBeVisible();
  await context.close();
});
