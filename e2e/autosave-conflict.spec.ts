import {
  expect,
  readMails,
  seedAssessmentWithInvite,
  test,
  waitForHydration,
} from "./support/fixtures";
import { codeMailFor, continueWithCode, question } from "./support/portal";
import type { BrowserContext, Page } from "@playwright/test";

const SUBPROCESSORS = "data_use.subprocessors";

/** Opens the invite link in a new browser: Continue, then the e-mailed code (plain form posts both). */
async function openPortal(
  context: BrowserContext,
  invite: { url: string; contactEmail: string },
  options: { javaScript?: boolean } = {},
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(invite.url);
  if (options.javaScript === false) {
    const mailsBefore = (await readMails()).length;
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page, "'Continue' (POST /invite/<token>) must ask for the code").toHaveURL(
      /\/portal\/verify$/,
    );
    await page
      .getByLabel("Code from the e-mail")
      .fill(await codeMailFor(invite.contactEmail, mailsBefore));
    await page.getByRole("button", { name: "Confirm" }).click();
  } else {
    await continueWithCode(page, invite.contactEmail);
  }
  await expect(page, "the confirmed code must open the questionnaire").toHaveURL(/\/portal$/);
  return page;
}

test.describe("vendor portal: autosave and concurrent edits", () => {
  test("two contacts edit the same answer: the second save shows both values, and 'Use my answer' keeps it", async ({
    newContext,
    consoleGuard,
  }) => {
    // The autosave endpoint answers a conflicting save with 409 Conflict; Chromium logs the status.
    consoleGuard.allow(/Failed to load resource: the server responded with a status of 409/);
    const { inviteUrl, contactEmail, addInvite } = await seedAssessmentWithInvite();
    const colleagueInvite = await addInvite();

    // Both contacts load the questionnaire while the answer is still empty.
    const first = await openPortal(await newContext({ label: "contact 1" }), {
      url: inviteUrl,
      contactEmail,
    });
    const second = await openPortal(await newContext({ label: "contact 2" }), colleagueInvite);
    await waitForHydration(first);
    await waitForHydration(second);

    // Contact 1 saves first.
    await question(first, SUBPROCESSORS).locator('input[type="text"]').fill("Azure (Ireland)");
    await expect(question(first, SUBPROCESSORS).getByTestId("save-status")).toHaveText("Saved");

    // Contact 2 still sees the old (empty) version and types something else.
    const mine = question(second, SUBPROCESSORS);
    await expect(mine.locator('input[type="text"]')).toHaveValue("");
    await mine.locator('input[type="text"]').fill("AWS (Frankfurt)");
    const dialog = mine.getByTestId("conflict-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Someone else changed this answer");
    await expect(dialog.getByTestId("conflict-theirs")).toHaveText("Azure (Ireland)");
    await expect(dialog.getByTestId("conflict-mine")).toHaveText("AWS (Frankfurt)");
    await expect(mine.getByTestId("save-status")).not.toHaveText("Saved");

    // Nothing was overwritten silently: contact 1's answer is still stored.
    await first.reload();
    await expect(question(first, SUBPROCESSORS).locator('input[type="text"]')).toHaveValue(
      "Azure (Ireland)",
    );

    await dialog.getByRole("button", { name: "Use my answer" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(mine.getByTestId("save-status")).toHaveText("Saved");

    await second.reload();
    await expect(question(second, SUBPROCESSORS).locator('input[type="text"]')).toHaveValue(
      "AWS (Frankfurt)",
    );
    await first.reload();
    await expect(question(first, SUBPROCESSORS).locator('input[type="text"]')).toHaveValue(
      "AWS (Frankfurt)",
    );
  });

  test("'Keep the saved answer' takes the colleague's value and saves nothing", async ({
    newContext,
    consoleGuard,
  }) => {
    consoleGuard.allow(/Failed to load resource: the server responded with a status of 409/);
    const { inviteUrl, contactEmail } = await seedAssessmentWithInvite();
    // The same invite link opened in two browsers (e.g. laptop and phone).
    const first = await openPortal(await newContext({ label: "browser 1" }), {
      url: inviteUrl,
      contactEmail,
    });
    const second = await openPortal(await newContext({ label: "browser 2" }), {
      url: inviteUrl,
      contactEmail,
    });
    await waitForHydration(first);
    await waitForHydration(second);

    await question(first, "security.encryption").getByLabel("Partly").check();
    await expect(question(first, "security.encryption").getByTestId("save-status")).toHaveText(
      "Saved",
    );

    const mine = question(second, "security.encryption");
    await mine.getByLabel("No", { exact: true }).check();
    const dialog = mine.getByTestId("conflict-dialog");
    await expect(dialog.getByTestId("conflict-theirs")).toHaveText("Partly");
    await expect(dialog.getByTestId("conflict-mine")).toHaveText("No");
    await dialog.getByRole("button", { name: "Keep the saved answer" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(mine.getByLabel("Partly")).toBeChecked();

    await second.reload();
    await expect(question(second, "security.encryption").getByLabel("Partly")).toBeChecked();
  });

  test("a change made while the previous save is still on its way is sent after it: no conflict with oneself", async ({
    newContext,
  }) => {
    const { inviteUrl, contactEmail } = await seedAssessmentWithInvite();
    const page = await openPortal(await newContext({ label: "contact" }), {
      url: inviteUrl,
      contactEmail,
    });
    await waitForHydration(page);
    // The server stores the first save at once, but its answer reaches the page only when released:
    // meanwhile the page holds the version that save replaced.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let saves = 0;
    await page.route("**/portal/answer*", async (route) => {
      saves += 1;
      const response = await route.fetch();
      if (saves === 1) await released;
      await route.fulfill({ response }).catch(() => {}); // an aborted request is gone already
    });
    const block = question(page, SUBPROCESSORS);
    const field = block.locator('input[type="text"]');
    await field.fill("Azure (Ireland)");
    await expect(block.getByTestId("save-status")).toHaveText("Saving…");
    await field.fill("Azure (Ireland) and AWS (Frankfurt)");
    // Longer than the autosave delay: the second change is due while the first save is on its way.
    await page.waitForTimeout(1_500);
    release();
    await expect.poll(() => saves).toBe(2);
    await expect(block.getByTestId("save-status")).toHaveText("Saved");
    await expect(block.getByTestId("conflict-dialog")).toHaveCount(0);
    await page.reload();
    await expect(question(page, SUBPROCESSORS).locator('input[type="text"]')).toHaveValue(
      "Azure (Ireland) and AWS (Frankfurt)",
    );
  });

  test("without JavaScript, the invite link opens the questionnaire ('Continue' is a plain form post)", async ({
    newContext,
  }) => {
    const { inviteUrl, contactEmail } = await seedAssessmentWithInvite();
    const context = await newContext({ label: "no-js vendor", javaScriptEnabled: false });
    const page = await openPortal(context, { url: inviteUrl, contactEmail }, { javaScript: false });
    await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("Security");
    await expect(page.getByRole("button", { name: "Save answers" })).toBeVisible();
  });

  test("without JavaScript, 'Save answers' stores the answers with a plain form post and they persist", async ({
    newContext,
  }) => {
    const { inviteUrl, contactEmail } = await seedAssessmentWithInvite();
    // The vendor session comes from a normal browser, so this test checks the save path on its
    // own (the no-JS 'Continue' has its own test above).
    const withJs = await newContext({ label: "vendor (JS)" });
    await openPortal(withJs, { url: inviteUrl, contactEmail });
    const context = await newContext({
      label: "no-js vendor",
      javaScriptEnabled: false,
      storageState: await withJs.storageState(),
    });
    const page = await context.newPage();
    await page.goto("/portal");

    await question(page, "security.iso27001").locator('input[type="radio"]').first().check();
    const storage = question(page, "residency.storage_countries");
    await storage.locator("details summary").first().click();
    await storage.locator('input[value="DE"]').check();
    await storage.locator('input[value="FR"]').check();
    await question(page, "data_use.retention_days")
      .locator('input[inputmode="decimal"]')
      .fill("30");
    await question(page, "transparency.documentation").getByLabel("Model or system card").check();
    await question(page, SUBPROCESSORS).locator('input[type="text"]').fill("Hetzner (Germany)");
    const saved = page.waitForResponse(
      (response) =>
        response.request().method() === "POST" && new URL(response.url()).pathname === "/portal",
    );
    await page.getByRole("button", { name: "Save answers" }).click();

    expect((await saved).status(), "status of the plain 'Save answers' POST /portal").toBe(200);
    await expect(page).toHaveURL(/\/portal(\?index)?$/);
    await expect(page.getByText("5 answers saved.")).toBeVisible();

    await page.goto("/portal");
    await expect(
      question(page, "security.iso27001").locator('input[type="radio"]').first(),
    ).toBeChecked();
    await expect(
      question(page, "residency.storage_countries").locator('input[value="DE"]'),
    ).toBeChecked();
    await expect(
      question(page, "residency.storage_countries").locator('input[value="FR"]'),
    ).toBeChecked();
    await expect(
      question(page, "data_use.retention_days").locator('input[inputmode="decimal"]'),
    ).toHaveValue("30");
    await expect(
      question(page, "transparency.documentation").getByLabel("Model or system card"),
    ).toBeChecked();
    await expect(question(page, SUBPROCESSORS).locator('input[type="text"]')).toHaveValue(
      "Hetzner (Germany)",
    );
    await expect(question(page, "security.encryption").locator("input:checked")).toHaveCount(0);

    // Saving the unchanged form again stores nothing and raises no conflict.
    await page.getByRole("button", { name: "Save answers" }).click();
    await expect(page.getByRole("button", { name: "Save answers" })).toBeVisible();
    await expect(page.getByText(/answers saved\.|changed by someone else/)).toHaveCount(0);
  });
});
