import {
  base32Decode,
  expect,
  freshTotpCode,
  HOME_URL,
  logIn,
  seedOrganization,
  seedUser,
  test,
  waitForHydration,
  waitForRouterIdle,
} from "./support/fixtures";
import { generateTotpCode } from "../app/modules/auth/totp.server";

test.describe("sign-in and two-factor authentication", () => {
  test("an admin without TOTP is forced to enrol, gets recovery codes, and then signs in with password + TOTP", async ({
    page,
  }) => {
    const org = await seedOrganization();
    const admin = await seedUser(org.id, "ADMIN");

    // Password only: ADMIN requires a second factor, so the app sends them to the enrolment.
    await page.goto("/login");
    await waitForHydration(page);
    await page.getByLabel("E-mail").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/mfa\/setup$/);
    await expect(
      page.getByRole("heading", { name: "Set up two-factor authentication" }),
    ).toBeVisible();
    await expect(
      page.getByText("Your role requires two-factor authentication before you can continue."),
    ).toBeVisible();

    // Any other page keeps sending them back until they enrol.
    await page.goto("/vendors");
    await expect(page).toHaveURL(/\/mfa\/setup$/);
    await waitForHydration(page);

    // The "authenticator app": read the manual key, decode base32, compute the current code.
    const manualKey = (await page.getByTestId("totp-manual-key").textContent()) ?? "";
    // 20 random bytes = 32 base32 characters, shown in groups of four.
    expect(manualKey.split(" ").map((group) => group.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
    expect(manualKey.replaceAll(" ", "")).toMatch(/^[A-Z2-7]{32}$/);
    const key = base32Decode(manualKey);
    expect(key).toHaveLength(20);
    await page
      .getByLabel("Enter the code the app shows to finish")
      .fill(generateTotpCode(key, new Date()));
    await page.getByRole("button", { name: "Verify" }).click();

    await expect(
      page.getByRole("heading", { name: "Two-factor authentication is on" }),
    ).toBeVisible();
    // The codes are shown this once: they must stay on screen until the user continues (no
    // revalidation or redirect may take them away).
    await waitForRouterIdle(page);
    await expect(
      page,
      "the recovery codes must stay on screen until the user clicks Continue",
    ).toHaveURL(/\/mfa\/setup$/);
    const codes = page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(codes).toHaveCount(10);
    const codeTexts = await codes.allTextContents();
    expect(new Set(codeTexts).size).toBe(10);

    await page.getByRole("link", { name: "Continue" }).click();
    await expect(page).toHaveURL(HOME_URL);
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    await expect(page.getByText(`Signed in as ${admin.name} (Admin)`)).toBeVisible();

    // Log out: the session ends server-side and protected pages ask for a login again.
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/vendors");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fvendors$/);

    // Password + TOTP. The enrolment used the current 30 s step; a code works once, so
    // freshTotpCode waits for the next step if needed.
    await logIn(page, { ...admin, totpKey: key });
    await expect(page.getByText(`Signed in as ${admin.name} (Admin)`)).toBeVisible();
  });

  test("a wrong password shows the error message and signs nobody in", async ({
    page,
    consoleGuard,
  }) => {
    // The login action answers 400 on bad credentials; Chromium logs that response status.
    consoleGuard.allow(/Failed to load resource: the server responded with a status of 400/);
    const org = await seedOrganization();
    const assessor = await seedUser(org.id, "ASSESSOR");

    await page.goto("/login");
    await waitForHydration(page);
    await page.getByLabel("E-mail").fill(assessor.email);
    await page.getByLabel("Password").fill("not the right password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByRole("alert")).toHaveText("E-mail or password is wrong.");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel("E-mail")).toHaveValue(assessor.email);
    await page.goto("/vendors");
    await expect(page).toHaveURL(/\/login\?redirectTo=/);

    // An unknown e-mail gets exactly the same answer (no account enumeration).
    await page.goto("/login");
    await waitForHydration(page);
    await page.getByLabel("E-mail").fill("nobody@e2e.example");
    await page.getByLabel("Password").fill("whatever it is");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("E-mail or password is wrong.");
  });

  test("a wrong TOTP code is refused and the right one signs in", async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(/Failed to load resource: the server responded with a status of 400/);
    const org = await seedOrganization();
    const dpo = await seedUser(org.id, "DPO", { withTotp: true });

    await page.goto("/login");
    await waitForHydration(page);
    await page.getByLabel("E-mail").fill(dpo.email);
    await page.getByLabel("Password").fill(dpo.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/login\/verify$/);
    await expect(
      page.getByRole("heading", { name: "Two-factor authentication", exact: true }),
      "/login/verify must show the second-factor form",
    ).toBeVisible();

    const right = await freshTotpCode(dpo.userId, dpo.totpKey!);
    const wrong = right === "000000" ? "111111" : "000000";
    await page.getByLabel("Code").fill(wrong);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("alert")).toContainText("That code is not valid.");
    await expect(page).toHaveURL(/\/login\/verify$/);

    await page.getByLabel("Code").fill(await freshTotpCode(dpo.userId, dpo.totpKey!));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(HOME_URL);
    await expect(
      page.getByText(`Signed in as ${dpo.name} (Data Protection Officer)`),
    ).toBeVisible();
  });
});
