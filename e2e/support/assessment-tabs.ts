import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * The assessment page is in tabs that are links (issue 15 item 4). Opens one by its visible name
 * and waits until it is the current one, so the next step finds that tab's content.
 */
export async function openAssessmentTab(page: Page, name: string | RegExp): Promise<void> {
  const link = page.getByTestId("assessment-tabs").getByRole("link", { name, exact: true });
  await link.click();
  await expect(link).toHaveAttribute("aria-current", "page");
}

/** Follows the sticky bar's next step (it opens the tab and unfolds the form it names). */
export async function followNextStep(page: Page, name: string | RegExp): Promise<void> {
  const action = page.getByTestId("next-step-action");
  await expect(action).toHaveText(name);
  await action.click();
}
