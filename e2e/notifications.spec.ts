import type { VendorActor } from "../app/modules/auth/actor";
import { saveAnswers } from "../app/modules/portal/save-answers.server";
import { submitAssessment } from "../app/modules/portal/submit-assessment.server";
import type { AnswerValue } from "../app/modules/questionnaires/answer-value";
import { loadTemplateVersion } from "../app/modules/questionnaires/load-template-version.server";
import { db } from "../app/utils/db.server";
import { demoAnswers } from "../seeds/demo/demo-answers";
import { E2E_BASE_URL } from "./support/env";
import { followNextStep } from "./support/assessment-tabs";
import {
  ageStepUp,
  expect,
  freshTotpCode,
  logIn,
  seedAssessmentWithInvite,
  seedUser,
  test,
  unique,
  waitForHydration,
  readMails,
  type CaughtMailFile,
} from "./support/fixtures";

/**
 * Issue 15, item 3 in the browser (ADR 0042): the assessor forwards; the DPO sees the unread count
 * in the header and the notification in the inbox (and has the mail with a link straight to the
 * assessment), opens the assessment from the notification, which marks it read; the DPO decides
 * and the assessor is notified in the inbox and by mail, the vendor contact by mail. In English
 * and in German (each user's own language).
 */
const TEXT = {
  en: {
    note: "Note for the DPO",
    forward: "Forward to DPO",
    forwardStep: "Review and forward to the DPO",
    decideStep: "Decide",
    inboxUnread: "Notifications 1 unread",
    inbox: "Notifications",
    forwardedMail: "For your decision:",
    forwardedItem: "was forwarded to you for a decision",
    outcome: "Decision",
    approve: "Approve",
    rationale: /^Rationale/,
    totp: "Authenticator code (two-factor check)",
    decide: "Record decision",
    decidedItem: "was decided: Approved",
    decidedMail: "Decided:",
    vendorMail: "has decided on",
    markAll: "Mark all as read",
  },
  de: {
    note: "Hinweis für die/den DSB",
    forward: "An DSB weiterleiten",
    forwardStep: "Prüfen und an die/den DSB weiterleiten",
    decideStep: "Entscheiden",
    inboxUnread: "Benachrichtigungen 1 ungelesen",
    inbox: "Benachrichtigungen",
    forwardedMail: "Zur Entscheidung:",
    forwardedItem: "wurde Ihnen zur Entscheidung weitergeleitet",
    outcome: "Entscheidung",
    approve: "Freigeben",
    rationale: /^Begründung/,
    totp: "Authenticator-Code (Zwei-Faktor-Prüfung)",
    decide: "Entscheidung festhalten",
    decidedItem: "wurde entschieden: Freigegeben",
    decidedMail: "Entschieden:",
    vendorMail: "hat über",
    markAll: "Alle als gelesen markieren",
  },
} as const;

/** An assessment the vendor answered and submitted (set up through the use cases), and a DPO. */
async function submittedAssessment(language: "en" | "de") {
  const seeded = await seedAssessmentWithInvite({ vendorName: unique("Müller KI") });
  const invite = await db().inviteLink.findFirstOrThrow({
    where: { assessmentId: seeded.assessment.id },
    select: { id: true },
  });
  await db().inviteLink.update({ where: { id: invite.id }, data: { locale: language } });
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
  if (!submitted.ok)
    throw new Error(`set-up submit failed: ${submitted.missingRequired.join(", ")}`);
  const dpo = await seedUser(seeded.org.id, "DPO", { withTotp: true, name: unique("Dana DPO") });
  for (const userId of [dpo.userId, seeded.assessor.userId]) {
    await db().user.update({ where: { id: userId }, data: { locale: language } });
  }
  return { ...seeded, dpo };
}

/** The newest mail to `recipient` whose subject contains `subject` (waits for it). */
async function mailTo(recipient: string, subject: string): Promise<CaughtMailFile> {
  let found: CaughtMailFile | undefined;
  await expect
    .poll(
      async () => {
        found = (await readMails())
          .filter((m) => m.to.includes(recipient.toLowerCase()) && m.subject.includes(subject))
          .at(-1);
        return found !== undefined;
      },
      { message: `a mail "${subject}…" to ${recipient}`, timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

for (const language of ["en", "de"] as const) {
  test(`${language}: forwarded → the DPO is notified and opens the assessment from it; decided → the assessor and the vendor are told`, async ({
    page,
    newContext,
  }) => {
    test.setTimeout(180_000);
    const t = TEXT[language];
    const seeded = await submittedAssessment(language);
    const assessmentPath = `/assessments/${seeded.assessment.id}`;

    // The assessor forwards to the DPO.
    await logIn(page, seeded.assessor);
    await page.goto(assessmentPath);
    await waitForHydration(page);
    // The sticky bar's next step opens the Decision tab with the forward form unfolded.
    await followNextStep(page, t.forwardStep);
    await page.getByLabel(t.note).fill("Ready for your decision.");
    await page.getByRole("button", { name: t.forward }).click();
    await expect(page.getByTestId("status-badge")).toHaveAttribute(
      "data-status",
      "AWAITING_DECISION",
    );

    // The DPO gets a mail in their language, linking straight to the assessment…
    const mail = await mailTo(seeded.dpo.email, t.forwardedMail);
    expect(mail.text).toContain(`${E2E_BASE_URL}${assessmentPath}`);

    // …and, signed in, sees the unread count in the header and the notification in the inbox.
    const dpoPage = await (await newContext({ label: "dpo" })).newPage();
    await logIn(dpoPage, seeded.dpo);
    const inboxLink = dpoPage.getByRole("link", { name: t.inboxUnread });
    await expect(inboxLink).toBeVisible();
    await expect(dpoPage.getByTestId("inbox-unread")).toHaveText("1");
    await inboxLink.click();
    await expect(dpoPage).toHaveURL(/\/notifications$/);
    await expect(dpoPage.getByRole("heading", { level: 1, name: t.inbox })).toBeVisible();
    const item = dpoPage.getByTestId("notification");
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute("data-read", "false");
    await item.getByRole("button", { name: new RegExp(t.forwardedItem) }).click();

    // Opening it leads to the assessment and marks it read.
    await expect(dpoPage).toHaveURL(new RegExp(`${assessmentPath}$`));
    await expect(dpoPage.getByTestId("status-badge")).toHaveAttribute(
      "data-status",
      "AWAITING_DECISION",
    );
    await expect(dpoPage.getByTestId("inbox-unread")).toHaveCount(0);
    await expect(dpoPage.getByRole("link", { name: t.inbox, exact: true })).toBeVisible();

    // The DPO decides (with a fresh second factor).
    await ageStepUp(seeded.dpo.userId);
    await dpoPage.reload();
    await waitForHydration(dpoPage);
    await followNextStep(dpoPage, t.decideStep);
    await dpoPage.getByLabel(t.outcome, { exact: true }).selectOption({ label: t.approve });
    await dpoPage.getByLabel(t.rationale).fill("All answers are complete and convincing.");
    await dpoPage
      .getByLabel(t.totp)
      .fill(await freshTotpCode(seeded.dpo.userId, seeded.dpo.totpKey!));
    await dpoPage.getByRole("button", { name: t.decide }).click();
    await expect(dpoPage.getByTestId("status-badge")).toHaveAttribute("data-status", "APPROVED");

    // The assessor is told: unread count, inbox entry, and mail; the vendor contact by mail.
    await page.goto("/notifications");
    // Two unread: the vendor's submission (set-up) and the decision.
    await expect(page.getByTestId("inbox-unread")).toHaveText("2");
    const decided = page.getByTestId("notification").filter({ hasText: t.decidedItem });
    await expect(decided).toHaveAttribute("data-read", "false");
    await page.getByRole("button", { name: t.markAll }).click();
    await expect(page.getByTestId("inbox-unread")).toHaveCount(0);
    await expect(page.getByTestId("notification").first()).toHaveAttribute("data-read", "true");
    const assessorMail = await mailTo(seeded.assessor.email, t.decidedMail);
    expect(assessorMail.text).toContain(`${E2E_BASE_URL}${assessmentPath}`);
    const vendorMail = await mailTo(seeded.contactEmail, t.vendorMail);
    expect(vendorMail.subject.startsWith(seeded.org.name)).toBe(true);
  });
}
