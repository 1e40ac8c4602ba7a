import { expect, test } from "@playwright/test";
import {
  installBundledTemplatesViaApp,
  seedOrganization,
  seedUser,
  signInContext,
  unique,
} from "./support/fixtures";
import { E2E_BASE_URL } from "./support/env";

// Issue 14 item 4: a template writer edits the question ↔ provision links on the template page without
// JavaScript, gets a message for a provision outside the catalogue, and downloads the OSCAL
// mapping collection.
test("an assessor edits a question's regulation links without JavaScript and exports them as OSCAL", async ({
  browser,
}) => {
  const org = await seedOrganization();
  // An assessor may edit templates (template:edit) and needs no second factor in this set-up.
  const admin = await seedUser(org.id, "ASSESSOR");
  await installBundledTemplatesViaApp(admin);
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    locale: "en-GB",
    javaScriptEnabled: false,
  });
  await signInContext(context, admin);
  const page = await context.newPage();

  await page.goto("/templates");
  await page.getByRole("link", { name: "AI vendor due diligence" }).click();
  await page.getByRole("link", { name: "Regulation links" }).click();
  await expect(page.getByRole("heading", { name: /Regulation links: / })).toBeVisible();

  const question = page.locator('[id="q-security.iso27001"]');
  const firstLink = question.getByTestId("provision-link").first();
  await expect(firstLink).toContainText("Art. 28(1)");
  await expect(firstLink).toContainText("bundled");
  const rationale = unique("Certificate shows sufficient guarantees");
  await firstLink.getByLabel("Rationale").fill(rationale);
  await firstLink.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The link was saved.")).toBeVisible();
  await expect(
    page
      .locator('[id="q-security.iso27001"]')
      .getByTestId("provision-link")
      .first()
      .getByLabel("Rationale"),
  ).toHaveValue(rationale);

  // A key that is not in the organisation's catalogue: a message, nothing saved.
  const addForm = page.locator('[id="q-security.iso27001"] form').last();
  await addForm.getByLabel("Provision key").fill("private:other-org:ctl:1");
  await addForm.getByLabel("Rationale").fill("Should be refused.");
  await addForm.getByRole("button", { name: "Add link" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "is not in the catalogue your organisation can see",
  );

  // The picker: search the catalogue, then add by key.
  await page.getByLabel("Search the catalogue (key, label or title)").fill("Art. 50");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("provision-search-results")).toContainText("eu:2024/1689:art:50");
  const add = page.locator('[id="q-security.iso27001"] form').last();
  await add.getByLabel("Provision key").fill("eu:2024/1689:art:50");
  await add.getByLabel("Rationale").fill("Transparency towards users.");
  await add.getByRole("button", { name: "Add link" }).click();
  await expect(page.getByText("The link was saved.")).toBeVisible();
  await expect(page.locator('[id="q-security.iso27001"]')).toContainText(
    "Transparency obligations",
  );

  const templateId = new URL(page.url()).pathname.split("/")[2];
  const response = await page.request.get(`/templates/${templateId}/oscal-mapping`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain("attachment");
  const collection = (await response.json())["mapping-collection"];
  expect(collection.metadata["oscal-version"]).toBe("1.2.0");
  const remarks = collection.mappings.flatMap((m: { maps: { remarks: string }[] }) =>
    m.maps.map((map) => map.remarks),
  );
  expect(remarks).toContain(rationale);
  expect(remarks).toContain("Transparency towards users.");
  await context.close();
});
