import type { BrowserContext, Page } from "@playwright/test";
import { decideAssessment } from "../app/modules/assessments/decide-assessment.server";
import { forwardToDpo } from "../app/modules/assessments/forward-to-dpo.server";
import {
  ADDED,
  ANNEX_III_SHIFT,
  linkOmnibusQuestions,
  publishNextAiTemplateVersion,
} from "../app/modules/assessments/re-review/re-review-fixtures";
import type { VendorActor } from "../app/modules/auth/actor";
import { saveAnswers } from "../app/modules/portal/save-answers.server";
import { submitAssessment } from "../app/modules/portal/submit-assessment.server";
import type { AnswerValue } from "../app/modules/questionnaires/answer-value";
import { loadTemplateVersion } from "../app/modules/questionnaires/load-template-version.server";
import { db } from "../app/utils/db.server";
import { inTransaction } from "../app/utils/transaction.server";
import { demoAnswers } from "../seeds/demo/demo-answers";
import {
  actorFor,
  expect,
  seedAssessmentWithInvite,
  seedUser,
  signInContext,
  test,
  unique,
  waitForHydration,
} from "./support/fixtures";
import { followNextStep, openAssessmentTab } from "./support/assessment-tabs";
import { answerQuestions, confirmSubmit, continueWithCode, questions } from "./support/portal";

/**
 * Issue 14 item 8 (the browser test of item 10): after the AI-omnibus change the DPO starts a
 * re-review of a decided assessment from /regulations/changes/<id>/re-review, the assessor makes
 * an invite link, the vendor sees only the questions asked again with their reasons, tries to
 * submit before confirming the carried answers (refused), confirms them with one click, answers
 * and submits; the assessor sees the new score, the carried marks and the diff. In English (with
 * JavaScript) and in German (the DPO's start page without JavaScript).
 */
const TEXT = {
  en: {
    start: "Start re-reviews",
    intro: "This is a re-review",
    reason: "The rule behind this question changed: Stand-alone high-risk AI systems (Annex III)",
    newQuestion: "New question",
    reworded: "The question was reworded",
    submit: "Submit questionnaire",
    notConfirmed: "Please confirm the carried answers before you submit.",
    confirm: "Confirm all carried answers",
    confirmed: "The carried answers are confirmed.",
    carriedMark: /^carried from /,
    contact: "Contact e-mail",
    createInvite: "Create and send invite link",
    inviteStep: "Create an invite link",
    answersTab: "Answers",
    overviewTab: "Overview",
    diff: "What changed versus the previous review",
    saved: "Saved",
  },
  de: {
    start: "Neubewertungen starten",
    intro: "Dies ist eine Neubewertung",
    reason:
      "Die Regel hinter dieser Frage hat sich geändert: Eigenständige Hochrisiko-KI-Systeme (Anhang III)",
    newQuestion: "Neue Frage",
    reworded: "Die Frage wurde umformuliert",
    submit: "Fragebogen einreichen",
    notConfirmed: "Bitte bestätigen Sie die übernommenen Antworten, bevor Sie absenden.",
    confirm: "Alle übernommenen Antworten bestätigen",
    confirmed: "Die übernommenen Antworten sind bestätigt.",
    carriedMark: /^übernommen vom /,
    contact: "E-Mail des Ansprechpartners",
    createInvite: "Einladungslink erstellen und senden",
    inviteStep: "Einladungslink erstellen",
    answersTab: "Antworten",
    overviewTab: "Überblick",
    diff: "Was sich gegenüber der letzten Bewertung geändert hat",
    saved: "Gespeichert",
  },
} as const;

/** A decided assessment of the bundled AI template, its omnibus links and template version 2. */
async function decidedSource() {
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
  const answers = demoAnswers(definition, { quality: 1 }) as Record<string, AnswerValue>;
  await saveAnswers(
    vendor,
    Object.entries(answers).map(([questionKey, value]) => ({ questionKey, value, baseVersion: 0 })),
  );
  const submitted = await submitAssessment(vendor);
  if (!submitted.ok) throw new Error(`set-up submit failed: ${submitted.missingRequired}`);
  const assessorActor = await actorFor(seeded.assessor);
  await forwardToDpo(assessorActor, seeded.assessment.id, "Bitte prüfen.");
  const decider = await seedUser(seeded.org.id, "DPO", { withTotp: true });
  const current = await db().assessment.findUniqueOrThrow({
    where: { id: seeded.assessment.id },
  });
  await decideAssessment(
    { ...(await actorFor(decider)), mfaVerifiedAt: new Date() },
    seeded.assessment.id,
    {
      outcome: "APPROVED",
      rationale: "Geeignet für den vorgesehenen Einsatz.",
      conditions: [],
      expectedVersion: current.version,
    },
  );
  const { templateId } = await db().templateVersion.findUniqueOrThrow({
    where: { id: seeded.assessment.templateVersionId },
    select: { templateId: true },
  });
  await inTransaction(async (tx) => {
    await linkOmnibusQuestions(tx, seeded.org.id, templateId);
    await publishNextAiTemplateVersion(tx, assessorActor, templateId);
  });
  // The DPO who starts the re-review (another DPO decided the source).
  const dpo = await seedUser(seeded.org.id, "DPO", { withTotp: true });
  const change = await db().changeEvent.findFirstOrThrow({
    where: { key: ANNEX_III_SHIFT, organizationId: null },
    select: { id: true },
  });
  return { ...seeded, dpo, changeId: change.id };
}

async function signedInPage(
  context: BrowserContext,
  account: Parameters<typeof signInContext>[1],
): Promise<Page> {
  await signInContext(context, account);
  return context.newPage();
}

for (const language of ["en", "de"] as const) {
  const text = TEXT[language];
  const locale = language === "de" ? "de-DE" : "en-US";
  test(`delta questionnaire journey (${language})`, async ({ newContext, consoleGuard }) => {
    test.setTimeout(240_000);
    // The unhappy turn: the refused submit answers 400 (the page shows why).
    consoleGuard.allow(/status of 400 \(Bad Request\) \(http:\/\/localhost:\d+\/portal\.data/);
    const seeded = await decidedSource();

    // The DPO starts the re-review from the change (German: without JavaScript).
    const dpo = await signedInPage(
      await newContext({
        label: `dpo (${language})`,
        locale,
        javaScriptEnabled: language === "en",
      }),
      seeded.dpo,
    );
    await dpo.goto(`/regulations/changes/${seeded.changeId}/re-review`);
    const row = dpo.getByTestId("re-review-candidates").locator("tbody tr");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(seeded.vendor.name);
    await expect(row.locator('input[type="checkbox"]')).toBeChecked();
    await dpo.getByRole("button", { name: text.start }).click();
    await expect(dpo).toHaveURL(/\/assessments\/[^/]+$/);
    const reReviewId = new URL(dpo.url()).pathname.split("/").pop()!;
    expect(reReviewId).not.toBe(seeded.assessment.id);
    await expect(dpo.getByTestId("re-review-card")).toBeVisible();
    // Starting again does not make a second one, and says so.
    await dpo.goto(`/regulations/changes/${seeded.changeId}/re-review`);
    await dpo.getByRole("button", { name: text.start }).click();
    await expect(dpo.getByTestId("already-open")).toBeVisible();
    expect(await db().assessment.count({ where: { reReviewOfId: seeded.assessment.id } })).toBe(1);
    // The source links to its re-review, and offers no second one on the same version.
    await dpo.goto(`/assessments/${seeded.assessment.id}`);
    const update = dpo.getByTestId("template-update-card");
    await expect(update.getByTestId("re-reviews-of-source").locator("a")).toHaveAttribute(
      "href",
      `/assessments/${reReviewId}`,
    );
    await expect(update.getByTestId("re-review-new-version")).toHaveCount(0);

    // The assessor makes an invite link.
    const assessor = await signedInPage(
      await newContext({ label: `assessor (${language})`, locale }),
      seeded.assessor,
    );
    await assessor.goto(`/assessments/${reReviewId}`);
    await waitForHydration(assessor);
    await followNextStep(assessor, text.inviteStep);
    const contactEmail = `${unique("contact")}@vendor.example`;
    const inviteForm = assessor.getByTestId("invite-form");
    await inviteForm.getByLabel(text.contact).fill(contactEmail);
    await inviteForm.getByRole("button", { name: text.createInvite }).click();
    const inviteUrl = (await assessor.getByTestId("invite-url").textContent())!.trim();
    expect(inviteUrl).toMatch(/\/invite\//);

    // The vendor sees only the questions asked again, each with its reason.
    const vendor = await (await newContext({ label: `vendor (${language})`, locale })).newPage();
    await vendor.goto(inviteUrl);
    await continueWithCode(vendor, contactEmail, language);
    await waitForHydration(vendor);
    await expect(vendor.getByTestId("re-review-intro")).toContainText(text.intro);
    const stored = await db().assessment.findUniqueOrThrow({
      where: { id: reReviewId },
      select: { deltaJson: true },
    });
    const asked = (JSON.parse(stored.deltaJson!) as { questionKey: string }[]).map(
      (e) => e.questionKey,
    );
    const shown = await questions(vendor).evaluateAll((sets) =>
      sets.map((s) => s.getAttribute("data-question-key")),
    );
    expect(shown.sort()).toEqual([...asked].sort());
    await expect(
      vendor
        .locator('[data-question-key="ai_act.risk_class"]')
        .locator("xpath=..")
        .getByTestId("delta-reasons"),
    ).toContainText(text.reason);
    await expect(
      vendor
        .locator(`[data-question-key="${ADDED}"]`)
        .locator("xpath=..")
        .getByTestId("delta-reasons"),
    ).toContainText(text.newQuestion);
    await expect(
      vendor
        .locator('[data-question-key="data_use.retention_days"]')
        .locator("xpath=..")
        .getByTestId("delta-reasons"),
    ).toContainText(text.reworded);
    await answerQuestions(vendor, { savedText: text.saved });

    // Unhappy turn: submitting before the carried answers are confirmed is refused.
    await vendor.getByRole("button", { name: text.submit }).click();
    await expect(vendor.getByTestId("carried-unconfirmed")).toHaveText(text.notConfirmed);
    await expect(vendor.getByTestId("submitted-banner")).toHaveCount(0);

    // The carried answers are listed read-only (collapsed) and confirmed with one click.
    await vendor.getByTestId("carried-answers").locator("summary").click();
    await expect(vendor.getByTestId("carried-security.encryption")).toBeVisible();
    await vendor.getByRole("button", { name: text.confirm }).click();
    await expect(vendor.getByText(text.confirmed)).toBeVisible();
    await waitForHydration(vendor);
    await vendor.getByRole("button", { name: text.submit }).click();
    await confirmSubmit(vendor);
    await expect(vendor.getByTestId("submitted-banner")).toBeVisible();

    // The assessor sees the new score, the carried marks and the diff to the previous review.
    await assessor.goto(`/assessments/${reReviewId}`);
    await expect(assessor.getByTestId("overall-score")).toBeVisible();
    await expect(assessor.getByTestId("carried-status")).toBeVisible();
    await openAssessmentTab(assessor, text.answersTab);
    await expect(
      assessor
        .locator('[data-testid="answer-row"][data-question-key="security.encryption"]')
        .getByTestId("carried-mark"),
    ).toHaveText(text.carriedMark);
    await openAssessmentTab(assessor, text.overviewTab);
    await assessor.getByRole("link", { name: text.diff }).click();
    await expect(assessor).toHaveURL(new RegExp(`from=${seeded.assessment.id}&to=${reReviewId}`));
    await expect(assessor.getByTestId("score-changes")).toBeVisible();
    await expect(assessor.getByTestId("changed-answers")).toBeVisible();
  });
}
