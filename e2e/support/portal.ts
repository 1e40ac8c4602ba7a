import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Helpers for the vendor questionnaire (/portal). Each question is a
 * fieldset[data-testid=question][data-question-key=…] with native inputs.
 */
export const questions = (page: Page) => page.locator('fieldset[data-testid="question"]');
export const question = (page: Page, key: string) => page.locator(`fieldset[data-testid="question"][data-question-key="${key}"]`);

export async function isRequired(fieldset: Locator): Promise<boolean> {
  // The "required" badge sits in the question's label paragraph.
  return (await fieldset.locator("p").first().locator("span", { hasText: /^required$/ }).count()) > 0;
}

/**
 * Answers one question the simple way: the first radio, the first checkbox, "DE" for a
 * country list, a number inside the allowed range, a date, or a sentence of text.
 * Returns what kind of input it was.
 */
export async function answerQuestion(fieldset: Locator): Promise<string> {
  const radios = fieldset.locator('input[type="radio"]');
  if ((await radios.count()) > 0) {
    await radios.first().check();
    return "radio";
  }
  const checkboxes = fieldset.locator('input[type="checkbox"]');
  if ((await checkboxes.count()) > 0) {
    await checkboxes.first().check();
    return "checkbox";
  }
  const date = fieldset.locator('input[type="date"]');
  if ((await date.count()) > 0) {
    await date.fill("2026-03-01");
    return "date";
  }
  const number = fieldset.locator('input[inputmode="decimal"]');
  if ((await number.count()) > 0) {
    await number.fill("24");
    return "number";
  }
  const countries = fieldset.locator('input[type="text"]');
  if ((await countries.count()) > 0) {
    await countries.fill("DE");
    return "countries";
  }
  const text = fieldset.locator("textarea");
  if ((await text.count()) > 0) {
    await text.fill("Microsoft Azure (Ireland) for hosting; no other sub-processors.");
    return "text";
  }
  throw new Error(`No input found in question ${await fieldset.getAttribute("data-question-key")}`);
}

/** Answers every required question and waits until each one shows "Saved" (autosave). */
export async function answerRequiredQuestions(page: Page): Promise<string[]> {
  const answered: string[] = [];
  const all = questions(page);
  // count() does not wait: make sure the questionnaire has rendered first.
  await expect(all.first()).toBeVisible();
  const count = await all.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const fieldset = all.nth(i);
    if (!(await isRequired(fieldset))) continue;
    await answerQuestion(fieldset);
    answered.push((await fieldset.getAttribute("data-question-key")) ?? "?");
  }
  for (const key of answered) {
    await expect(question(page, key).getByTestId("save-status"), `autosave of ${key}`).toHaveText("Saved");
  }
  return answered;
}
