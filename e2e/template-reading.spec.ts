import { expect, test } from "@playwright/test";
import {
  installBundledTemplatesViaApp,
  seedOrganization,
  seedUser,
  signInContext,
  waitForHydration,
} from "./support/fixtures";
import { E2E_BASE_URL } from "./support/env";

// Issue 15 item 8: an auditor opens a published template version from the versions list, jumps
// to a section from the table of contents and switches the questionnaire to German and back.
test("a published template version reads in both languages, with a table of contents", async ({
  browser,
}) => {
  const org = await seedOrganization();
  const writer = await seedUser(org.id, "ASSESSOR");
  const auditor = await seedUser(org.id, "AUDITOR");
  await installBundledTemplatesViaApp(writer);
  const context = await browser.newContext({ baseURL: E2E_BASE_URL, locale: "en-GB" });
  await signInContext(context, auditor);
  const page = await context.newPage();

  await page.goto("/templates");
  await page.getByRole("link", { name: "AI vendor due diligence" }).click();
  await page
    .getByRole("link", { name: /^Read version \d+$/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/version \d+$/);
  await waitForHydration(page);

  const content = page.getByTestId("template-content");
  await expect(content).toHaveAttribute("lang", "en");
  const contents = page.getByRole("navigation", { name: "Contents" });
  const sectionLinks = contents.getByRole("link");
  expect(await sectionLinks.count()).toBeGreaterThan(3);
  // The third section: its heading is the link's target.
  const third = sectionLinks.nth(2);
  const sectionName = (await third.textContent())!.trim();
  await third.click();
  await expect(page).toHaveURL(/#section-3$/);
  await expect(page.getByRole("heading", { level: 2, name: sectionName })).toBeInViewport();

  // A condition names the question it depends on by its label, never by its key.
  await expect(content.getByText(/^“.+” is answered “.+”/).first()).toBeVisible();
  await expect(content).not.toContainText("security.iso27001");

  await page
    .getByRole("navigation", { name: "Language of the questionnaire" })
    .getByRole("link", { name: "Show in German" })
    .click();
  await expect(page).toHaveURL(/\?lang=de$/);
  await expect(content).toHaveAttribute("lang", "de");
  await expect(content).toContainText("Wird nur angezeigt, wenn");
  await expect(content).toContainText("Rechtsgrundlagen");
  await expect(content).toContainText("DSGVO");
  // The page around it stays in the reader's language.
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Show in English" }).click();
  await expect(content).toHaveAttribute("lang", "en");
  await context.close();
});
