import { expect, logIn, seedAssessmentWithInvite, test } from "./support/fixtures";
import { E2E_BASE_URL_PATTERN } from "./support/env";

test.describe("tenant isolation", () => {
  test("a user of organisation A gets 'Not found' for organisation B's vendor and assessment", async ({
    page,
    consoleGuard,
  }) => {
    const a = await seedAssessmentWithInvite({ vendorName: "Alpha Vendor (org A)" });
    const b = await seedAssessmentWithInvite({ vendorName: "Bravo Secret Vendor (org B)" });
    // Chromium logs the 404 status of exactly these documents; any other error still fails.
    consoleGuard.allow(
      new RegExp(
        `status of 404 \\(Not Found\\) \\(${E2E_BASE_URL_PATTERN}/(vendors|assessments)/[^/]+(/edit)?:0\\)`,
      ),
    );

    await logIn(page, a.assessor);

    // Control: the same URLs work for A's own records, so a 404 below is the tenancy check.
    await page.goto(`/vendors/${a.vendor.id}`);
    await expect(
      page.getByRole("heading", { level: 1, name: "Alpha Vendor (org A)" }),
    ).toBeVisible();
    await page.goto(`/assessments/${a.assessment.id}`);
    await expect(page.getByRole("heading", { level: 1, name: a.assessment.title })).toBeVisible();

    for (const path of [
      `/vendors/${b.vendor.id}`,
      `/vendors/${b.vendor.id}/edit`,
      `/assessments/${b.assessment.id}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
      await expect(
        page.getByText("This page does not exist or you have no access to it."),
      ).toBeVisible();
      await expect(page.locator("body")).not.toContainText("Bravo Secret Vendor");
      await expect(page.locator("body")).not.toContainText(b.assessment.title);
      expect(await page.title()).not.toContain("Bravo");
    }

    // B's vendor is not offered anywhere in A's lists either.
    await page.goto("/vendors");
    await expect(page.getByTestId("vendor-row")).toHaveCount(1);
    await expect(page.locator("body")).not.toContainText("Bravo Secret Vendor");
    await page.goto(`/assessments/new?vendorId=${b.vendor.id}`);
    await expect(page.getByLabel("Vendor").locator("option")).toHaveText(["Alpha Vendor (org A)"]);
  });
});
