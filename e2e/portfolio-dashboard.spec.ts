import { refreshVendorPortfolio } from "../app/modules/portfolio/refresh-vendor-portfolio.server";
import { db } from "../app/utils/db.server";
import { inTransaction } from "../app/utils/transaction.server";
import { createVendor } from "../tests/support/factories";
import { createTemplateVersionRecord } from "../tests/support/vendor-factories";
import {
  expect,
  seedOrganization,
  seedUser,
  signInContext,
  test,
  unique,
  waitForHydration,
} from "./support/fixtures";

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * An organisation with three vendors, each the only one in one dashboard figure: an overdue
 * assessment (vendor answering), a certificate that expires in ten days (a draft due in a year),
 * and a vendor without an assessment. Rows are written directly and the portfolio columns
 * computed by refreshVendorPortfolio(), as the use cases do.
 */
async function seedDashboard() {
  const org = await seedOrganization();
  const assessor = await seedUser(org.id, "ASSESSOR");
  const { id: templateVersionId } = await createTemplateVersionRecord({ organizationId: org.id });
  const names = {
    overdue: unique("Overdue Co"),
    expiring: unique("Expiring Co"),
    none: unique("Calm Co"),
  };
  const now = Date.now();
  async function vendorWith(
    name: string,
    latest?: { status: string; due: Date; validUntil?: string },
  ) {
    const vendor = await createVendor({ organizationId: org.id, name });
    if (latest) {
      const assessment = await db().assessment.create({
        data: {
          organizationId: org.id,
          vendorId: vendor.id,
          templateVersionId,
          title: `${name} assessment`,
          status: latest.status,
          dueDate: latest.due,
          createdById: assessor.userId,
        },
      });
      if (latest.validUntil) {
        await db().answer.create({
          data: {
            organizationId: org.id,
            assessmentId: assessment.id,
            questionKey: "iso27001",
            value: JSON.stringify({ documentType: "iso27001", validUntil: latest.validUntil }),
            updatedBy: "vendor",
          },
        });
      }
    }
    await inTransaction((tx) => refreshVendorPortfolio(tx, org.id, vendor.id));
  }
  await vendorWith(names.overdue, { status: "IN_PROGRESS", due: new Date(now - 2 * DAY_MS) });
  await vendorWith(names.expiring, {
    status: "DRAFT",
    due: new Date(now + 365 * DAY_MS),
    validUntil: isoDay(new Date(now + 10 * DAY_MS)),
  });
  await vendorWith(names.none);
  return { assessor, names };
}

test.describe("portfolio dashboard", () => {
  test("a tile links to the table filtered to what it counts (English)", async ({ page }) => {
    const { assessor, names } = await seedDashboard();
    await signInContext(page.context(), assessor);
    await page.goto("/portfolio");
    await waitForHydration(page);
    const dashboard = page.getByRole("region", { name: "Overview" });
    await expect(dashboard.getByTestId("tile-vendors")).toContainText("3");
    const overdue = dashboard.getByTestId("tile-overdue");
    await expect(overdue).toHaveText(/^1\s*Overdue assessments$/);
    // Charts are drawn once JavaScript runs; their tables are there as well.
    await expect(page.getByTestId("dashboard-tiers-chart").locator("svg").first()).toBeVisible();
    await expect(page.getByTestId("dashboard-statuses-table")).toContainText("Vendor answering");

    await overdue.click();
    await expect(page).toHaveURL(/\/portfolio\?overdue=1$/);
    const rows = page.getByTestId("portfolio-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(names.overdue);
    await expect(page.getByLabel("Overdue only", { exact: true })).toBeChecked();

    await page.getByTestId("tile-expiring-30").click();
    await expect(page).toHaveURL(/\/portfolio\?expiry=30$/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(names.expiring);
    await expect(page.getByLabel("Certificates", { exact: true })).toHaveValue("30");
    // Applying the form keeps the tile's filter (the form shows the view it belongs to).
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/expiry=30/);
    await expect(rows).toHaveCount(1);
  });

  test("a tile links to the filtered table in German too", async ({ newContext }) => {
    const { assessor, names } = await seedDashboard();
    const context = await newContext({ label: "German assessor", locale: "de-DE" });
    await signInContext(context, assessor);
    const page = await context.newPage();
    await page.goto("/portfolio");
    await waitForHydration(page);
    const dashboard = page.getByRole("region", { name: "Überblick" });
    const expiring = dashboard.getByTestId("tile-expiring-30");
    await expect(expiring).toHaveText(/^1\s*Zertifikate, die in 30 Tagen ablaufen$/);
    // Stored keys never show: the status and residency tables say it in German.
    await expect(page.getByTestId("dashboard-statuses-table")).toContainText("Entwurf");
    await expect(page.getByTestId("dashboard-residency-table")).toContainText(
      "Noch nicht eingestuft",
    );
    await expect(page.getByTestId("dashboard")).not.toContainText("IN_PROGRESS");
    await expect(page.getByTestId("dashboard")).not.toContainText("DRAFT");

    await expiring.click();
    await expect(page).toHaveURL(/\/portfolio\?expiry=30$/);
    const rows = page.getByTestId("portfolio-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(names.expiring);
    await expect(page.getByLabel("Zertifikate", { exact: true })).toHaveValue("30");
  });

  test("without JavaScript: tables instead of charts, and the links filter", async ({
    newContext,
  }) => {
    const { assessor, names } = await seedDashboard();
    const context = await newContext({ label: "no-js assessor", javaScriptEnabled: false });
    await signInContext(context, assessor);
    const page = await context.newPage();
    await page.goto("/portfolio");
    await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
    await expect(page.getByTestId("dashboard-trend-table").locator("tbody tr")).toHaveCount(12);
    // A row of a chart's table links like a tile: vendors without an assessment.
    await page
      .getByTestId("dashboard-statuses-table")
      .getByRole("link", { name: "No assessment yet" })
      .click();
    await expect(page).toHaveURL(/\/portfolio\?status=none$/);
    const rows = page.getByTestId("portfolio-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(names.none);

    await page.getByTestId("tile-overdue").click();
    await expect(page).toHaveURL(/\/portfolio\?overdue=1$/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(names.overdue);
    // The filter form keeps the tile's filter when submitted (a plain GET form).
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/overdue=1/);
    await expect(rows).toHaveCount(1);
  });
});
