import {
  expect,
  HOME_URL,
  seedOrganization,
  seedUser,
  test,
  waitForHydration,
} from "./support/fixtures";

test.describe("German and English", () => {
  test.use({ locale: "de-DE" });

  test("the login page follows Accept-Language: de-DE shows German", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bei Vetted anmelden");
    await expect(page.getByLabel("E-Mail")).toBeVisible();
    await expect(page.getByLabel("Passwort")).toBeVisible();
    await expect(page.getByRole("button", { name: "Anmelden" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Zum Inhalt springen" })).toBeAttached();
  });

  test("the header language switch changes to English and back, and the choice sticks", async ({
    page,
  }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bei Vetted anmelden");

    await page.getByRole("group", { name: "Sprache" }).getByRole("button", { name: "EN" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Vetted");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByLabel("Password")).toBeVisible();

    // The choice is kept (cookie) although the browser still asks for German.
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Vetted");
    const languages = page.getByRole("group", { name: "Language" });
    await expect(languages.getByRole("button", { name: "EN" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(languages.getByRole("button", { name: "DE" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );

    await languages.getByRole("button", { name: "DE" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bei Vetted anmelden");
  });

  test("a signed-in user sees the app in German and can switch it to English for their account", async ({
    page,
    newContext,
  }) => {
    const org = await seedOrganization();
    const assessor = await seedUser(org.id, "ASSESSOR", { name: "Kim Bewerterin" });

    await page.goto("/login");
    await waitForHydration(page);
    await page.getByLabel("E-Mail").fill(assessor.email);
    await page.getByLabel("Passwort").fill(assessor.password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(HOME_URL);
    // The navigation's own label is German too.
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    await expect(nav.getByRole("link")).toHaveText([
      "Start",
      "Anbieter",
      "Portfolio",
      "Bewertungen",
      "Vergleichen",
      "Vorlagen",
      "Regulierung",
    ]);
    await expect(page.getByText("Angemeldet als Kim Bewerterin (Bewerter)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();

    await page.getByRole("group", { name: "Sprache" }).getByRole("button", { name: "EN" }).click();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
      "Home",
      "Vendors",
      "Portfolio",
      "Assessments",
      "Compare",
      "Templates",
      "Regulations",
    ]);
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    await expect(page).toHaveURL(HOME_URL);

    // Stored with the account: another German browser shows English after signing in.
    const otherBrowser = await newContext({ label: "second browser", locale: "de-DE" });
    const other = await otherBrowser.newPage();
    await other.goto("/login");
    await waitForHydration(other);
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Bei Vetted anmelden");
    await other.getByLabel("E-Mail").fill(assessor.email);
    await other.getByLabel("Passwort").fill(assessor.password);
    await other.getByRole("button", { name: "Anmelden" }).click();
    await expect(other).toHaveURL(HOME_URL);
    await expect(other.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
      "Home",
      "Vendors",
      "Portfolio",
      "Assessments",
      "Compare",
      "Templates",
      "Regulations",
    ]);
  });
});
