import { db } from "../app/utils/db.server";
import {
  expect,
  readMails,
  seedAssessmentWithInvite,
  test,
  unique,
  waitForHydration,
  waitForMail,
} from "./support/fixtures";
import { E2E_BASE_URL_PATTERN } from "./support/env";
import { continueWithCode } from "./support/portal";

/**
 * Invite links in a real browser: a mail scanner's GET and HEAD burn nothing, a new browser must
 * confirm the e-mailed code, the same browser skips it next time, an expired link gets a bare
 * 410 page, and a delegated colleague sees only the delegated sections.
 */
const inviteIdOf = async (contactEmail: string) =>
  (await db().inviteLink.findFirstOrThrow({ where: { contactEmail } })).id;

test.describe("invite links", () => {
  test("a scanner's GET and HEAD change nothing; a new browser confirms the code; the same browser skips it next time", async ({
    newContext,
    request,
  }) => {
    const contact = `${unique("contact")}@vendor.example`;
    const { inviteUrl, assessment } = await seedAssessmentWithInvite({ contactEmail: contact });
    const inviteId = await inviteIdOf(contact);

    // A mail scanner fetches the link (GET and HEAD, no cookies, no JavaScript).
    const scannedHead = await request.head(inviteUrl);
    const scannedGet = await request.get(inviteUrl);
    expect(scannedHead.status()).toBe(200);
    expect(scannedGet.status()).toBe(200);
    expect(scannedGet.headers()["referrer-policy"]).toBe("no-referrer");
    const afterScan = await db().inviteLink.findUniqueOrThrow({ where: { id: inviteId } });
    expect(afterScan.useCount).toBe(0);
    expect(afterScan.lastUsedAt).toBeNull();
    expect(await db().vendorSession.count({ where: { inviteLinkId: inviteId } })).toBe(0);

    // The contact, in a real browser: Continue, then the code from the mail.
    const context = await newContext({ label: "vendor" });
    const page = await context.newPage();
    await page.goto(inviteUrl);
    await expect(page.getByRole("heading", { name: /invites you to an assessment/ })).toBeVisible();
    await continueWithCode(page, contact);
    await expect(page.getByRole("heading", { level: 1, name: assessment.title })).toBeVisible();
    expect((await db().inviteLink.findUniqueOrThrow({ where: { id: inviteId } })).useCount).toBe(1);

    // Same browser, next day: the link again, Continue, straight to the questionnaire.
    const mailsBefore = (await readMails()).length;
    await context.clearCookies({ name: "vetted_vendor" });
    await page.goto(inviteUrl);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByRole("heading", { level: 1, name: assessment.title })).toBeVisible();
    expect((await readMails()).slice(mailsBefore).filter((m) => m.to.includes(contact))).toEqual(
      [],
    );

    // Another browser is a new browser: it is asked for a code.
    const other = await (await newContext({ label: "other browser" })).newPage();
    await other.goto(inviteUrl);
    await waitForHydration(other);
    await other.getByRole("button", { name: "Continue" }).click();
    await expect(other).toHaveURL(/\/portal\/verify$/);
    await other.goto("/portal");
    await expect(other).toHaveURL(/\/portal\/verify$/);
  });

  test("an expired link shows a bare 410 page", async ({ page, consoleGuard }) => {
    consoleGuard.allow(/status of 410/);
    const contact = `${unique("contact")}@vendor.example`;
    const { inviteUrl, org, assessment } = await seedAssessmentWithInvite({
      contactEmail: contact,
    });
    await db().inviteLink.update({
      where: { id: await inviteIdOf(contact) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const response = await page.goto(inviteUrl);
    expect(response?.status()).toBe(410);
    await expect(page.getByTestId("invite-state")).toHaveAttribute("data-state", "expired");
    await expect(page.getByText("This invite link has expired.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue" })).toHaveCount(0);
    const text = await page.locator("body").innerText();
    expect(text).not.toContain(org.name);
    expect(text).not.toContain(assessment.title);
  });

  test("a colleague invited to one section sees only that section", async ({ newContext }) => {
    const contact = `${unique("contact")}@vendor.example`;
    const colleague = `${unique("colleague")}@vendor.example`;
    const { inviteUrl } = await seedAssessmentWithInvite({ contactEmail: contact });

    const vendor = await (await newContext({ label: "vendor" })).newPage();
    await vendor.goto(inviteUrl);
    await continueWithCode(vendor, contact);
    await vendor.getByTestId("delegate-link").click();
    await expect(vendor).toHaveURL(/\/portal\/delegate$/);
    await waitForHydration(vendor);
    await vendor.getByLabel("Colleague's e-mail").fill(colleague);
    await vendor.getByLabel("Colleague's name").fill("Dana Data");
    await vendor.getByLabel("Language of the invitation").selectOption("en");
    await vendor.getByLabel("Security", { exact: true }).check();
    await vendor.getByRole("button", { name: "Send invitation" }).click();
    await expect(vendor.getByText(`Invitation sent to ${colleague}.`)).toBeVisible();
    await expect(vendor.getByTestId("delegation-list")).toContainText(colleague);

    const mail = await waitForMail(colleague);
    const colleagueUrl = new RegExp(`${E2E_BASE_URL_PATTERN}/invite/[A-Za-z0-9_-]{43}`).exec(
      mail.text,
    )?.[0];
    expect(colleagueUrl, "the delegation mail carries the colleague's own link").toBeTruthy();
    expect(colleagueUrl).not.toBe(inviteUrl);

    const page = await (await newContext({ label: "colleague" })).newPage();
    await page.goto(colleagueUrl!);
    await continueWithCode(page, colleague);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Security"]);
  });
});
