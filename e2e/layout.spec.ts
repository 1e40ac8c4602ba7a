import type { Page } from "@playwright/test";
import {
  expect,
  seedOrganization,
  seedUser,
  signInContext,
  test,
  waitForHydration,
} from "./support/fixtures";
import { E2E_BASE_URL } from "./support/env";

/**
 * Issue 15, item 9: a side navigation on wide screens that never wraps, a disclosure menu on
 * narrow ones (also without JavaScript), table pages that use the width, and no sideways scroll
 * of the page on a 390 px phone.
 */
const MAIN_PAGES = [
  "/vendors",
  "/portfolio",
  "/assessments",
  "/compare",
  "/templates",
  "/regulations/changes",
  "/admin/users",
  "/admin/settings",
  "/admin/weight-profiles",
  "/audit",
  "/account",
  "/verify",
];

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test.describe("phone, 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("no main page scrolls sideways, in English and German", async ({ page, context }) => {
    const org = await seedOrganization();
    await signInContext(
      context,
      await seedUser(org.id, "ADMIN", { name: "Alexandra Administratorin", withTotp: true }),
    );
    for (const locale of ["en", "de"]) {
      await context.addCookies([
        { name: "vetted_lang", value: btoa(JSON.stringify(locale)), url: E2E_BASE_URL },
      ]);
      for (const path of MAIN_PAGES) {
        await page.goto(path);
        // Landed on the page itself (not a redirect to MFA set-up or sign-in).
        expect(new URL(page.url()).pathname, `${locale} ${path}`).toBe(path);
        expect(await pageWidth(page), `${locale} ${path}`).toBeLessThanOrEqual(390);
      }
    }
  });

  test("the menu is a disclosure that opens without JavaScript", async ({ newContext }) => {
    const org = await seedOrganization();
    const context = await newContext({ javaScriptEnabled: false, label: "no-js phone" });
    await signInContext(context, await seedUser(org.id, "ASSESSOR"));
    const page = await context.newPage();
    await page.goto("/vendors");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    await page.getByText("Menu", { exact: true }).click();
    await expect(nav).toBeVisible();
    await nav.getByRole("link", { name: "Assessments" }).click();
    await expect(page).toHaveURL(/\/assessments$/);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  });

  test("with JavaScript the menu closes after choosing a page", async ({ page, context }) => {
    const org = await seedOrganization();
    await signInContext(context, await seedUser(org.id, "ASSESSOR"));
    await page.goto("/vendors");
    await waitForHydration(page);
    await page.getByText("Menu", { exact: true }).click();
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Templates" }).click();
    await expect(page).toHaveURL(/\/templates$/);
    await expect(nav).toBeHidden();
  });
});

test.describe("desktop, 1440 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the side navigation lists every entry in one column, and table pages use the width", async ({
    page,
    context,
  }) => {
    const org = await seedOrganization();
    await signInContext(context, await seedUser(org.id, "ADMIN", { withTotp: true }));
    for (const locale of ["en", "de"]) {
      await context.addCookies([
        { name: "vetted_lang", value: btoa(JSON.stringify(locale)), url: E2E_BASE_URL },
      ]);
      await page.goto("/vendors");
      await expect(page).toHaveURL(/\/vendors$/);
      const links = page
        .getByRole("navigation", { name: locale === "de" ? "Hauptnavigation" : "Main" })
        .getByRole("link");
      const boxes = await links.evaluateAll((elements) =>
        elements.map((element) => element.getBoundingClientRect()),
      );
      expect(boxes.length).toBeGreaterThan(8);
      // One column, one line per entry: the same left edge, each below the previous one.
      for (const [index, box] of boxes.entries()) {
        expect(box.left, `${locale} entry ${index}`).toBe(boxes[0]!.left);
        if (index > 0) expect(box.top).toBeGreaterThan(boxes[index - 1]!.top);
        expect(box.height).toBeLessThan(44);
      }
      expect(await pageWidth(page)).toBeLessThanOrEqual(1440);
    }
    // A table page fills the width beside the navigation; a form page keeps a readable measure.
    await page.goto("/vendors");
    expect((await page.locator("main").boundingBox())!.width).toBeGreaterThan(1152);
    await page.goto("/account");
    expect((await page.locator("main").boundingBox())!.width).toBeLessThanOrEqual(1152);
  });
});
