import type { BrowserContext, Page } from "@playwright/test";
import type { VendorActor } from "../app/modules/auth/actor";
import { saveAnswers } from "../app/modules/portal/save-answers.server";
import { submitAssessment } from "../app/modules/portal/submit-assessment.server";
import type { AnswerValue } from "../app/modules/questionnaires/answer-value";
import { loadTemplateVersion } from "../app/modules/questionnaires/load-template-version.server";
import { sha256Hex } from "../app/utils/crypto.server";
import { db } from "../app/utils/db.server";
import { demoAnswers } from "../seeds/demo/demo-answers";
import {
  ageStepUp,
  expect,
  freshTotpCode,
  readMails,
  seedAssessmentWithInvite,
  seedUser,
  signInContext,
  test,
  unique,
  waitForHydration,
} from "./support/fixtures";
import { followNextStep, openAssessmentTab } from "./support/assessment-tabs";
import { codeMailFor, confirmSubmit, continueWithCode, question } from "./support/portal";

/**
 * Issue 11, item 1 (the blocker): after "Request changes" the vendor edits the reopened answer
 * and submits again, the assessor forwards to the DPO, the DPO decides with a step-up code. In
 * English with JavaScript (the original contact, autosave and the Submit button), and in German
 * without JavaScript (a contact invited after the change request, the plain form post).
 */
const REOPENED = "data_use.retention_days";
const UNTOUCHED = "security.encryption";

const TEXT = {
  en: {
    reopenedLabel: "For how many days are prompts and outputs retained after processing?",
    message: "Message to the vendor",
    requestChanges: "Request changes",
    saved: "Saved",
    submit: "Submit questionnaire",
    note: "Note for the DPO",
    forward: "Forward to DPO",
    outcome: "Decision",
    approve: "Approve",
    rationale: /^Rationale/,
    totp: "Authenticator code (two-factor check)",
    decide: "Record decision",
    approvedBy: "Approved by",
    answersTab: "Answers",
    conversationTab: "Conversation",
    forwardStep: "Review and forward to the DPO",
    decideStep: "Decide",
  },
  de: {
    reopenedLabel: "Wie viele Tage werden Eingaben und Ausgaben nach der Verarbeitung aufbewahrt?",
    message: "Nachricht an den Anbieter",
    requestChanges: "Änderungen anfordern",
    saved: "Gespeichert",
    submit: "Fragebogen einreichen",
    note: "Hinweis für die/den DSB",
    forward: "An DSB weiterleiten",
    outcome: "Entscheidung",
    approve: "Freigeben",
    rationale: /^Begründung/,
    totp: "Authenticator-Code (Zwei-Faktor-Prüfung)",
    decide: "Entscheidung festhalten",
    approvedBy: "Freigegeben von",
    answersTab: "Antworten",
    conversationTab: "Austausch",
    forwardStep: "Prüfen und an die/den DSB weiterleiten",
    decideStep: "Entscheiden",
  },
} as const;

/** An assessment the vendor answered completely and submitted (set up through the use cases), and a DPO. */
async function submittedAssessment() {
  const seeded = await seedAssessmentWithInvite();
  const invite = await db().inviteLink.findFirstOrThrow({
    where: { assessmentId: seeded.assessment.id },
    select: { id: true },
  });
  const vendor: VendorActor = {
    kind: "vendor",
    organizationId: seeded.org.id,
    inviteLinkId: invite.id,
    assessmentId: seeded.assessment.id,
    email: seeded.contactEmail,
    ip: "203.0.113.5",
  };
  const { definition } = await loadTemplateVersion(seeded.assessment.templateVersionId);
  const answers = demoAnswers(definition, { quality: 1, overrides: { [REOPENED]: 90 } }) as Record<
    string,
    AnswerValue
  >;
  await saveAnswers(
    vendor,
    Object.entries(answers).map(([questionKey, value]) => ({ questionKey, value, baseVersion: 0 })),
  );
  const submitted = await submitAssessment(vendor);
  if (!submitted.ok)
    throw new Error(`set-up submit failed: ${submitted.missingRequired.join(", ")}`);
  const dpo = await seedUser(seeded.org.id, "DPO", { withTotp: true, name: unique("Dana DPO") });
  const before = await db().answer.findMany({
    where: { assessmentId: seeded.assessment.id },
    select: { questionKey: true, value: true, version: true },
  });
  return { ...seeded, dpo, answersBefore: new Map(before.map((a) => [a.questionKey, a])) };
}

async function signedInPage(
  context: BrowserContext,
  account: Parameters<typeof signInContext>[1],
): Promise<Page> {
  await signInContext(context, account);
  return context.newPage();
}

/** Only the reopened answer changed (value and version); every other answer is as it was. */
async function expectOnlyReopenedChanged(
  assessmentId: string,
  before: Map<string, { value: string; version: number }>,
  value: number,
) {
  const after = await db().answer.findMany({
    where: { assessmentId },
    select: { questionKey: true, value: true, version: true },
  });
  expect(after).toHaveLength(before.size);
  for (const row of after) {
    if (row.questionKey === REOPENED) expect(JSON.parse(row.value)).toBe(value);
    else
      expect({ key: row.questionKey, value: row.value, version: row.version }).toEqual({
        key: row.questionKey,
        value: before.get(row.questionKey)!.value,
        version: before.get(row.questionKey)!.version,
      });
  }
}

/** The assessor reopens REOPENED with a message. */
async function requestChanges(page: Page, assessmentId: string, text: (typeof TEXT)["en" | "de"]) {
  await page.goto(`/assessments/${assessmentId}`);
  await waitForHydration(page);
  await openAssessmentTab(page, text.answersTab);
  await page.getByTestId("request-changes-disclosure").locator("summary").click();
  const form = page.getByTestId("request-changes-form");
  await form.getByLabel(text.reopenedLabel).check();
  await form
    .getByLabel(text.message)
    .fill(
      text === TEXT.en
        ? "Please check the retention period."
        : "Bitte prüfen Sie die Aufbewahrungsdauer.",
    );
  await form.getByRole("button", { name: text.requestChanges }).click();
  await expect(page.getByTestId("status-badge")).toHaveAttribute(
    "data-status",
    "CHANGES_REQUESTED",
  );
}

/** The assessor sees the new answer and forwards; the DPO decides with a fresh second factor. */
async function forwardAndDecide(
  page: Page,
  dpoPage: Page,
  seeded: Awaited<ReturnType<typeof submittedAssessment>>,
  text: (typeof TEXT)["en" | "de"],
  newValue: string,
) {
  const url = `/assessments/${seeded.assessment.id}`;
  await page.goto(url);
  await waitForHydration(page);
  await expect(page.getByTestId("status-badge")).toHaveAttribute("data-status", "SUBMITTED");
  await openAssessmentTab(page, text.answersTab);
  await expect(
    page
      .locator(`[data-testid="answer-row"][data-question-key="${REOPENED}"]`)
      .getByTestId("answer-value"),
  ).toContainText(newValue);
  await openAssessmentTab(page, text.conversationTab);
  await expect(page.getByTestId("change-request-state").first()).not.toHaveText(/^(open|offen)$/);
  await followNextStep(page, text.forwardStep);
  await page
    .getByLabel(text.note)
    .fill(text === TEXT.en ? "Retention fixed; ready." : "Aufbewahrung korrigiert; bereit.");
  await page.getByRole("button", { name: text.forward }).click();
  await expect(page.getByTestId("status-badge")).toHaveAttribute(
    "data-status",
    "AWAITING_DECISION",
  );
  // The assessor created and forwarded it: no decision for them, whatever their role.
  await expect(page.getByRole("button", { name: text.decide })).toHaveCount(0);

  // The DPO's last second-factor check is old: the decision asks for a new code (step-up).
  await ageStepUp(seeded.dpo.userId);
  await dpoPage.goto(url);
  await waitForHydration(dpoPage);
  await expect(dpoPage.getByTestId("status-badge")).toHaveAttribute(
    "data-status",
    "AWAITING_DECISION",
  );
  await followNextStep(dpoPage, text.decideStep);
  await expect(dpoPage.getByTestId("decision-blocked")).toHaveCount(0);
  await dpoPage.getByLabel(text.outcome, { exact: true }).selectOption({ label: text.approve });
  await dpoPage
    .getByLabel(text.rationale)
    .fill(
      text === TEXT.en
        ? "Retention is now 14 days; approve."
        : "Aufbewahrung jetzt 14 Tage; freigegeben.",
    );
  await dpoPage
    .getByLabel(text.totp)
    .fill(await freshTotpCode(seeded.dpo.userId, seeded.dpo.totpKey!));
  await dpoPage.getByRole("button", { name: text.decide }).click();
  await expect(dpoPage.getByTestId("status-badge")).toHaveAttribute("data-status", "APPROVED");
  await expect(dpoPage.getByTestId("decision")).toContainText(
    `${text.approvedBy} ${seeded.dpo.name}`,
  );
}

test.describe("request changes → resubmit → forward → decide", () => {
  test("English, with JavaScript: the contact edits the reopened answer (autosave) and submits with the button", async ({
    newContext,
  }) => {
    test.setTimeout(180_000);
    const seeded = await submittedAssessment();
    const text = TEXT.en;
    const assessor = await signedInPage(await newContext({ label: "assessor" }), seeded.assessor);
    await requestChanges(assessor, seeded.assessment.id, text);

    const vendor = await (await newContext({ label: "vendor" })).newPage();
    await vendor.goto(seeded.inviteUrl);
    await continueWithCode(vendor, seeded.contactEmail);
    await waitForHydration(vendor);
    await expect(vendor.getByTestId("change-request-banner")).toContainText(
      "Please check the retention period.",
    );
    const reopened = question(vendor, REOPENED).locator('input[inputmode="decimal"]');
    await expect(reopened).toBeEnabled();
    await expect(question(vendor, UNTOUCHED).locator('input[type="radio"]').first()).toBeDisabled();
    await reopened.fill("14");
    await expect(question(vendor, REOPENED).getByTestId("save-status")).toHaveText(text.saved);
    await vendor.getByRole("button", { name: text.submit }).click();
    await confirmSubmit(vendor);
    await expect(vendor.getByTestId("submitted-banner")).toBeVisible();
    await expect(vendor.getByTestId("invalid-answers")).toHaveCount(0);
    await expectOnlyReopenedChanged(seeded.assessment.id, seeded.answersBefore, 14);

    const dpo = await signedInPage(await newContext({ label: "dpo" }), seeded.dpo);
    await forwardAndDecide(assessor, dpo, seeded, text, "14");
  });

  test("German, without JavaScript: a contact invited after the change request submits the plain form", async ({
    newContext,
  }) => {
    test.setTimeout(180_000);
    const seeded = await submittedAssessment();
    const text = TEXT.de;
    const assessor = await signedInPage(
      await newContext({ label: "assessor (de)", locale: "de-DE" }),
      seeded.assessor,
    );
    await requestChanges(assessor, seeded.assessment.id, text);
    const fresh = await seeded.addInvite(`${unique("fresh")}@vendor.example`);

    const noScript = await newContext({
      label: "vendor (de, no JavaScript)",
      locale: "de-DE",
      javaScriptEnabled: false,
    });
    const vendor = await noScript.newPage();
    await vendor.goto(fresh.url);
    const mailsBefore = (await readMails()).length;
    await vendor.getByRole("button", { name: "Weiter" }).click();
    await expect(vendor).toHaveURL(/\/portal\/verify$/);
    await vendor
      .getByLabel("Code aus der E-Mail")
      .fill(await codeMailFor(fresh.contactEmail, mailsBefore));
    await vendor.getByRole("button", { name: "Bestätigen" }).click();
    await expect(vendor).toHaveURL(/\/portal$/);
    await expect(vendor.getByTestId("change-request-banner")).toContainText(
      "Bitte prüfen Sie die Aufbewahrungsdauer.",
    );
    const reopened = question(vendor, REOPENED).locator('input[inputmode="decimal"]');
    await expect(reopened).toBeEnabled();
    await expect(question(vendor, UNTOUCHED).locator('input[type="radio"]').first()).toBeDisabled();
    // A German decimal comma, as a German contact would type it.
    await reopened.fill("14,0");
    await vendor.getByRole("button", { name: text.submit }).click();
    await confirmSubmit(vendor);
    await expect(vendor).toHaveURL(/\/portal$/);
    await expect(vendor.getByTestId("invalid-answers")).toHaveCount(0);
    await expect(vendor.getByTestId("submitted-banner")).toBeVisible();
    await expectOnlyReopenedChanged(seeded.assessment.id, seeded.answersBefore, 14);
    // The fresh contact's answer is recorded as theirs.
    const freshLink = await db().inviteLink.findFirstOrThrow({
      where: { tokenHash: sha256Hex(fresh.url.split("/").at(-1)!) },
      select: { id: true },
    });
    expect(
      (
        await db().answer.findFirstOrThrow({
          where: { assessmentId: seeded.assessment.id, questionKey: REOPENED },
        })
      ).updatedBy,
    ).toBe(`vendor:${freshLink.id}`);

    const dpo = await signedInPage(
      await newContext({ label: "dpo (de)", locale: "de-DE" }),
      seeded.dpo,
    );
    await forwardAndDecide(assessor, dpo, seeded, text, "14");
  });
});
