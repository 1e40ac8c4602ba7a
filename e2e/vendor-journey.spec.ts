import { readFileSync } from "node:fs";
import {
  expect,
  logIn,
  seedAssessmentWithInvite,
  test,
  unique,
  waitForHydration,
  waitForMail,
} from "./support/fixtures";
import { E2E_BASE_URL_PATTERN } from "./support/env";
import { openAssessmentTab } from "./support/assessment-tabs";
import {
  answerQuestions,
  confirmSubmit,
  continueWithCode,
  question,
  questions,
  SAMPLE_PDF,
} from "./support/portal";

/**
 * The vendor's whole journey on the bundled "AI vendor due diligence" template: open the link,
 * confirm the e-mailed code, delegate a section to a colleague who answers it with their own
 * link, answer every visible question of every type (countries, sub-processor table, evidence
 * upload, dates, numbers, long text …), answer an assessor's clarification, submit; then the
 * assessor sees every answer, the file, the thread and who answered what. Once in English, once
 * in German.
 */
const template = JSON.parse(
  readFileSync("app/reference-data/templates/ai-vendor-due-diligence.json", "utf8"),
) as {
  sections: {
    key: string;
    title: { en: string; de: string };
    questions: { key: string; type: string }[];
  }[];
};
const ALL_QUESTIONS = template.sections.flatMap((s) => s.questions);
const SECURITY = template.sections.find((s) => s.key === "security")!;
const isSecurity = (key: string) => SECURITY.questions.some((q) => q.key === key);

test.describe("vendor journey on the bundled template", () => {
  test("English: code, delegation, every question type, evidence, clarification, submit; the assessor sees it all", async ({
    page,
    newContext,
  }) => {
    test.setTimeout(300_000);
    const colleague = `${unique("colleague")}@vendor.example`;
    const seeded = await seedAssessmentWithInvite();

    /* The contact opens the link and confirms the code. */
    const vendor = await (await newContext({ label: "vendor" })).newPage();
    await vendor.goto(seeded.inviteUrl);
    await continueWithCode(vendor, seeded.contactEmail);
    await expect(vendor.getByRole("heading", { level: 2 })).toHaveText(
      template.sections.map((s) => s.title.en),
    );
    await expect(questions(vendor)).toHaveCount(ALL_QUESTIONS.length);

    /* …delegates the security section to a colleague, who answers it with their own link. */
    await vendor.getByTestId("delegate-link").click();
    await waitForHydration(vendor);
    await vendor.getByLabel("Colleague's e-mail").fill(colleague);
    await vendor.getByLabel("Colleague's name").fill("Sam Security");
    await vendor.getByLabel(SECURITY.title.en, { exact: true }).check();
    await vendor.getByRole("button", { name: "Send invitation" }).click();
    await expect(vendor.getByText(`Invitation sent to ${colleague}.`)).toBeVisible();
    const colleagueUrl = new RegExp(`${E2E_BASE_URL_PATTERN}/invite/[A-Za-z0-9_-]{43}`).exec(
      (await waitForMail(colleague)).text,
    )![0];

    const helper = await (await newContext({ label: "colleague" })).newPage();
    await helper.goto(colleagueUrl);
    await continueWithCode(helper, colleague);
    await expect(helper.getByRole("heading", { level: 2 })).toHaveText([SECURITY.title.en]);
    await waitForHydration(helper);
    const bySecurity = await answerQuestions(helper, { all: true });
    expect(bySecurity.map((a) => a.kind)).toContain("evidence");
    await expect(helper.getByRole("button", { name: "Submit questionnaire" })).toHaveCount(0);

    /* The contact answers every other visible question. */
    await vendor.goto("/portal");
    await waitForHydration(vendor);
    const byContact = await answerQuestions(vendor, { all: true, skip: isSecurity });
    const kinds = new Set([...bySecurity, ...byContact].map((a) => a.kind));
    for (const kind of [
      "radio",
      "checkbox",
      "countries",
      "subprocessors",
      "evidence",
      "date",
      "number",
      "text",
    ])
      expect(kinds, `answered a ${kind} question`).toContain(kind);
    const answeredKeys = [...bySecurity, ...byContact].map((a) => a.key);

    /* The assessor asks about one answer; the vendor sees the thread and replies. */
    await logIn(page, seeded.assessor);
    await page.goto(`/assessments/${seeded.assessment.id}`);
    await waitForHydration(page);
    await openAssessmentTab(page, "Answers");
    const asked = byContact.find((a) => a.kind === "subprocessors")!.key;
    const row = page.locator(`#answer-${asked.replace(/\./g, "\\.")}`);
    await row.getByTestId("clarification-ask").locator("summary").click();
    await row
      .getByTestId("clarification-ask-body")
      .fill("Which data does the support sub-processor see?");
    await row.getByTestId("clarification-ask-submit").click();
    await expect(row.getByTestId("clarification-thread")).toHaveCount(1);

    await vendor.reload();
    await waitForHydration(vendor);
    const thread = question(vendor, asked).getByTestId("clarification-thread");
    await expect(thread).toContainText("Which data does the support sub-processor see?");
    await thread
      .getByTestId("clarification-reply-body")
      .fill("Only ticket metadata, never prompts.");
    await thread.getByTestId("clarification-reply-submit").click();
    await expect(thread.getByTestId("clarification-message")).toHaveCount(2);

    /* Submit. */
    await vendor.getByRole("button", { name: "Submit questionnaire" }).click();
    await confirmSubmit(vendor);
    await expect(vendor.getByTestId("submitted-banner")).toBeVisible();

    /* The assessor sees every answer, the file, the thread and who answered. */
    await page.reload();
    await expect(page.getByTestId("status-badge")).toHaveAttribute("data-status", "SUBMITTED");
    await expect(page.getByTestId("answer-row")).toHaveCount(ALL_QUESTIONS.length);
    for (const key of answeredKeys) {
      const answerRow = page.locator(`[data-testid="answer-row"][data-question-key="${key}"]`);
      await expect(answerRow.getByTestId("answered-by"), `who answered ${key}`).toBeVisible();
    }
    const securityRow = page.locator(
      `[data-testid="answer-row"][data-question-key="${bySecurity[0]!.key}"]`,
    );
    await expect(securityRow.getByTestId("answered-by")).toContainText(colleague);
    const evidenceKey = bySecurity.find((a) => a.kind === "evidence")!.key;
    const evidenceRow = page.locator(
      `[data-testid="answer-row"][data-question-key="${evidenceKey}"]`,
    );
    await expect(evidenceRow.getByTestId("answer-files")).toContainText(SAMPLE_PDF.name);
    await expect(evidenceRow.getByTestId("answer-files")).toContainText(colleague);
    await expect(row.getByTestId("clarification-message")).toHaveCount(2);
    await expect(row).toContainText("Only ticket metadata, never prompts.");
    await expect(page.getByTestId("answer-subprocessors").first()).toContainText(
      "Hetzner Online GmbH",
    );
  });

  test("German: the contact answers in German and submits", async ({ newContext }) => {
    test.setTimeout(240_000);
    const seeded = await seedAssessmentWithInvite();
    const vendor = await (await newContext({ label: "vendor (de)", locale: "de-DE" })).newPage();
    await vendor.goto(seeded.inviteUrl);
    await continueWithCode(vendor, seeded.contactEmail, "de");
    await expect(vendor.getByRole("heading", { level: 2 })).toHaveText(
      template.sections.map((s) => s.title.de),
    );
    // References read as German citations ("Art. 28 Abs. 3 lit. a DSGVO"), never "GDPR Art. …".
    const references = await vendor.getByTestId("question-references").allTextContents();
    expect(references.some((text) => text.includes(" DSGVO"))).toBe(true);
    expect(references.filter((text) => /GDPR|AI Act|NIS2 Art\./.test(text))).toEqual([]);
    await waitForHydration(vendor);
    const answered = await answerQuestions(vendor, { savedText: "Gespeichert" });
    expect(answered.length).toBeGreaterThan(30);
    await vendor.getByRole("button", { name: "Fragebogen einreichen" }).click();
    await confirmSubmit(vendor);
    await expect(vendor.getByTestId("submitted-banner")).toBeVisible();
    await expect(vendor.getByRole("button", { name: "Fragebogen einreichen" })).toHaveCount(0);
  });
});
