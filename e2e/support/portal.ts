import { expect, type Locator, type Page } from "@playwright/test";
import { readMails, waitForHydration } from "./fixtures";

/**
 * Helpers for the vendor questionnaire (/portal). Each question is a
 * fieldset[data-testid=question][data-question-key=…] with native inputs; questions hidden by a
 * show-if rule carry the `hidden` attribute.
 */
export const questions = (page: Page) => page.locator('fieldset[data-testid="question"]');
export const question = (page: Page, key: string) =>
  page.locator(`fieldset[data-testid="question"][data-question-key="${key}"]`);

/** A small but real PDF (what an ISO certificate upload looks like to the type check). */
export const SAMPLE_PDF = {
  name: "iso27001-certificate.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  ),
};

const CODE_LINE = /^\s{4}(\d{6})$/m;

/** The code of the newest code mail to `email` that arrived after `after` mails in total. */
export async function codeMailFor(email: string, after: number): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await readMails())
          .slice(after)
          .filter((m) => m.to.includes(email.toLowerCase()) && CODE_LINE.test(m.text));
        code = mails.at(-1) ? CODE_LINE.exec(mails.at(-1)!.text)![1] : undefined;
        return code !== undefined;
      },
      { message: `a code mail to ${email}` },
    )
    .toBe(true);
  return code!;
}

const CODE_STEP = {
  en: {
    continue: "Continue",
    title: "Confirm it is you",
    code: "Code from the e-mail",
    confirm: "Confirm",
  },
  de: {
    continue: "Weiter",
    title: "Bestätigen Sie, dass Sie es sind",
    code: "Code aus der E-Mail",
    confirm: "Bestätigen",
  },
} as const;

/** Continue on the landing page, then (on a new browser) the code from the mail. */
export async function continueWithCode(
  page: Page,
  email: string,
  language: keyof typeof CODE_STEP = "en",
): Promise<void> {
  const text = CODE_STEP[language];
  const mailsBefore = (await readMails()).length;
  await waitForHydration(page);
  await page.getByRole("button", { name: text.continue }).click();
  await expect(page).toHaveURL(/\/portal\/verify$/);
  await expect(page.getByRole("heading", { name: text.title })).toBeVisible();
  await page.getByLabel(text.code).fill(await codeMailFor(email, mailsBefore));
  await page.getByRole("button", { name: text.confirm }).click();
  await expect(page).toHaveURL(/\/portal$/);
}

export async function isRequired(fieldset: Locator): Promise<boolean> {
  // The "required" badge sits in the question's label paragraph (English or German UI).
  return (
    (await fieldset
      .locator("p")
      .first()
      .locator("span", { hasText: /^(required|Pflicht)$/ })
      .count()) > 0
  );
}

/**
 * Answers one question the simple way, by the kind of input it has: evidence (uploads a PDF and
 * sets the validity date), a sub-processor table (one row), countries (Germany from the EU/EEA
 * group), the first radio or checkbox, a date, a number, or a sentence of text.
 * Returns what kind of input it was.
 */
export async function answerQuestion(fieldset: Locator): Promise<string> {
  const key = (await fieldset.getAttribute("data-question-key")) ?? "?";
  const file = fieldset.locator('input[type="file"]');
  if ((await file.count()) > 0) {
    // The validity date first (autosaved), then the upload, which attaches the file to that answer.
    const validUntil = fieldset.locator('input[type="date"]');
    if ((await validUntil.count()) > 0) {
      await validUntil.fill("2027-12-31");
      await expect(fieldset.getByTestId("save-status")).toHaveText(/^(Saved|Gespeichert)$/);
    }
    await file.setInputFiles(SAMPLE_PDF);
    await expect(fieldset.locator(`[data-testid^="evidence-files-"]`)).toContainText(
      SAMPLE_PDF.name,
    );
    return "evidence";
  }
  const table = fieldset.getByTestId("subprocessor-table");
  if ((await table.count()) > 0) {
    const row = table.getByTestId("subprocessor-row").first();
    // The row is saved once it has a name and a country (an incomplete row is not autosaved).
    await row.locator(`select[name="q.${key}.mechanism"]`).selectOption("not_needed");
    await row.locator(`input[name="q.${key}.purpose"]`).fill("Hosting");
    await row.locator(`select[name="q.${key}.country"]`).selectOption("DE");
    await row.locator(`input[name="q.${key}.name"]`).fill("Hetzner Online GmbH");
    return "subprocessors";
  }
  const countryGroups = fieldset.locator("details");
  if ((await countryGroups.count()) > 0) {
    const germany = fieldset.locator('input[type="checkbox"][value="DE"]');
    if (!(await germany.isVisible())) await countryGroups.first().locator("summary").click();
    await germany.check();
    return "countries";
  }
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
  const text = fieldset.locator('input[type="text"], textarea');
  if ((await text.count()) > 0) {
    await text.first().fill("Microsoft Azure (Ireland) for hosting; no other sub-processors.");
    return "text";
  }
  throw new Error(`No input found in question ${key}`);
}

/**
 * Answers the visible questions in page order (an answer can reveal later questions, which are
 * then answered too) and waits until each one shows "Saved" (autosave). By default only the
 * required ones; `all` answers every visible question; `skip` leaves questions out.
 * Returns the keys with the kind of input each had.
 */
export async function answerQuestions(
  page: Page,
  options: { all?: boolean; savedText?: string; skip?: (key: string) => boolean } = {},
): Promise<{ key: string; kind: string }[]> {
  const answered: { key: string; kind: string }[] = [];
  const all = questions(page);
  // count() does not wait: make sure the questionnaire has rendered first.
  await expect(all.first()).toBeVisible();
  const count = await all.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const fieldset = all.nth(i);
    const key = (await fieldset.getAttribute("data-question-key")) ?? "?";
    if (options.skip?.(key) || !(await fieldset.isVisible())) continue;
    if (!options.all && !(await isRequired(fieldset))) continue;
    answered.push({ key, kind: await answerQuestion(fieldset) });
  }
  for (const { key } of answered) {
    await expect(question(page, key).getByTestId("save-status"), `autosave of ${key}`).toHaveText(
      options.savedText ?? "Saved",
    );
  }
  return answered;
}

/** Answers every visible required question (see answerQuestions); returns their keys. */
export async function answerRequiredQuestions(page: Page, savedText = "Saved"): Promise<string[]> {
  return (await answerQuestions(page, { savedText })).map((a) => a.key);
}

/**
 * "Submit" asks for confirmation first (issue 15): the final submit is the confirmation's button
 * (found by its value, so it works in either language).
 */
export async function confirmSubmit(page: Page): Promise<void> {
  const step = page.getByTestId("confirm-submit");
  await expect(step).toBeVisible();
  await step.locator('button[value="confirm_submit"]').click();
}
