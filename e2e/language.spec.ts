import type { Page, Response } from "@playwright/test";
import {
  expect,
  seedOrganization,
  seedUser,
  signInContext,
  test,
  waitForHydration,
  waitForRouterIdle,
} from "./support/fixtures";

/**
 * Issue 15, item 6: the language chosen before sign-in is kept; the header control switches with
 * one press and shows the active language; with and without JavaScript; and only the page's
 * language's dictionary reaches the browser.
 */

/** Texts of one language's dictionary that the other language never contains. */
const GERMAN_ONLY = ["Zum Inhalt springen", "Bei Vetted anmelden", "Hauptnavigation"];
const ENGLISH_ONLY = ["Skip to content", "Sign in to Vetted", "Two-factor authentication"];

test.describe("language chosen before sign-in", () => {
  test("a German choice on the sign-in page of an English browser stays after signing in", async ({
    page,
  }) => {
    const org = await seedOrganization();
    const assessor = await seedUser(org.id, "ASSESSOR");
    await page.goto("/login");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Vetted");
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "DE" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bei Vetted anmelden");

    await page.getByLabel("E-Mail").fill(assessor.email);
    await page.getByLabel("Passwort").fill(assessor.password);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(/:\d+\/$/); // the home page
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
    await expect(
      page.getByRole("group", { name: "Sprache" }).getByRole("button", { name: "DE" }),
    ).toHaveAttribute("aria-pressed", "true");
  });
});

test.describe("header language switch", () => {
  test("with JavaScript: one press switches the signed-in page, without a reload", async ({
    page,
    context,
  }) => {
    const org = await seedOrganization();
    await signInContext(context, await seedUser(org.id, "ASSESSOR"));
    await page.goto("/vendors");
    await waitForHydration(page);
    // A marker that a full page load would wipe: the switch is a client-side navigation that
    // fetches the German dictionary on demand.
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = "kept"));
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "DE" }).click();
    await waitForRouterIdle(page);
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      "kept",
    );
    await expect(page).toHaveURL(/\/vendors$/);
  });

  test("without JavaScript: the buttons submit the form", async ({ newContext }) => {
    const context = await newContext({ javaScriptEnabled: false, label: "no-js" });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Vetted");
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "DE" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bei Vetted anmelden");
    await expect(page).toHaveURL(/\/login$/);
    await page.getByRole("group", { name: "Sprache" }).getByRole("button", { name: "EN" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Vetted");
  });
});

/** Everything the browser received while `load` ran: documents, scripts, data. */
async function payloadOf(page: Page, load: () => Promise<unknown>): Promise<string> {
  const bodies: Promise<string>[] = [];
  const collect = (response: Response) => {
    const type = response.request().resourceType();
    if (["document", "script", "fetch", "xhr"].includes(type))
      bodies.push(response.text().catch(() => ""));
  };
  page.on("response", collect);
  await load();
  await waitForHydration(page);
  page.off("response", collect);
  return (await Promise.all(bodies)).join("\n");
}

test.describe("only the page's language is sent", () => {
  test("an English page carries no German dictionary, a German page no English one", async ({
    page,
    context,
  }) => {
    const english = await payloadOf(page, () => page.goto("/login"));
    expect(english).toContain("Two-factor authentication"); // the English dictionary arrived
    for (const text of GERMAN_ONLY) expect(english, text).not.toContain(text);

    await context.addCookies([
      // The language cookie as /set-language writes it (a Remix cookie: base64 of JSON).
      { name: "vetted_lang", value: btoa(JSON.stringify("de")), url: page.url() },
    ]);
    const german = await payloadOf(page, () => page.reload());
    expect(german).toContain("Zwei-Faktor");
    for (const text of ENGLISH_ONLY) expect(german, text).not.toContain(text);
  });
});
