import { forwardToDpo } from "../app/modules/assessments/forward-to-dpo.server";
import { loadTemplateVersion } from "../app/modules/questionnaires/load-template-version.server";
import { saveAnswers } from "../app/modules/portal/save-answers.server";
import { submitAssessment } from "../app/modules/portal/submit-assessment.server";
import { db } from "../app/utils/db.server";
import { demoAnswers } from "../seeds/demo/demo-answers";
import {
  actorFor,
  ageStepUp,
  expect,
  freshTotpCode,
  logIn,
  seedAssessmentWithInvite,
  seedUser,
  test,
  waitForHydration,
} from "./support/fixtures";
import type { AnswerValue } from "../app/modules/questionnaires/answer-value";
import { followNextStep, openAssessmentTab } from "./support/assessment-tabs";

/**
 * PRODUCT.md steps 5–6 in the browser: the assessor who forwarded cannot decide; the DPO steps
 * up with a fresh code, approves with a condition, downloads the signed report, and the public
 * verify page accepts it and rejects a tampered copy. Once in English, once in German.
 */
const TEXT = {
  en: {
    outcome: "Approve with conditions",
    rationale: /^Rationale/,
    code: "Authenticator code (two-factor check)",
    decide: "Record decision",
    condition: "Condition 1",
    due: "Due date of condition 1",
    verify: "Verify",
    file: "Signed PDF report",
    status: "Approved with conditions",
    decideStep: "Decide",
    reportsTab: "Reports",
  },
  de: {
    outcome: "Unter Auflagen freigeben",
    rationale: /^Begründung/,
    code: "Authenticator-Code (Zwei-Faktor-Prüfung)",
    decide: "Entscheidung festhalten",
    condition: "Auflage 1",
    due: "Frist der Auflage 1",
    verify: "Prüfen",
    file: "Signierter PDF-Bericht",
    status: "Unter Auflagen freigegeben",
    decideStep: "Entscheiden",
    reportsTab: "Berichte",
  },
} as const;

/** An assessment answered, submitted and forwarded to the DPO through the use cases (set-up only). */
async function forwardedAssessment() {
  const seeded = await seedAssessmentWithInvite({ vendorName: "Müller & Söhne KI GmbH" });
  const invite = await db().inviteLink.findFirstOrThrow({
    where: { assessmentId: seeded.assessment.id },
  });
  const vendor = {
    kind: "vendor" as const,
    organizationId: seeded.org.id,
    inviteLinkId: invite.id,
    assessmentId: seeded.assessment.id,
    email: invite.contactEmail,
    ip: null,
  };
  const { definition } = await loadTemplateVersion(seeded.assessment.templateVersionId);
  const answers = demoAnswers(definition, { quality: 0.9 }) as Record<string, AnswerValue>;
  await saveAnswers(
    vendor,
    Object.entries(answers).map(([questionKey, value]) => ({ questionKey, value, baseVersion: 0 })),
  );
  const submitted = await submitAssessment(vendor);
  if (!submitted.ok) throw new Error(`submit failed: ${submitted.missingRequired.join(", ")}`);
  await forwardToDpo(await actorFor(seeded.assessor), seeded.assessment.id, "Bitte prüfen.");
  return seeded;
}

for (const language of ["en", "de"] as const) {
  test(`${language}: the DPO approves with a condition and the signed report verifies; a tampered copy does not`, async ({
    page,
    newContext,
    consoleGuard,
  }) => {
    test.setTimeout(180_000);
    // /verify answers a tampered upload with its verdict page and status 422/400; Chromium logs the status.
    consoleGuard.allow(/Failed to load resource: the server responded with a status of 4\d\d/);
    const t = TEXT[language];
    const seeded = await forwardedAssessment();
    const assessmentUrl = `/assessments/${seeded.assessment.id}`;

    // The assessor who forwarded it sees no decision form (separation of duties).
    await logIn(page, seeded.assessor);
    await page.goto(assessmentUrl);
    await expect(page.getByTestId("status-badge")).toHaveAttribute(
      "data-status",
      "AWAITING_DECISION",
    );
    await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);

    // …but raises a finding in the review workspace (it goes into the report).
    await waitForHydration(page);
    await openAssessmentTab(page, "Findings");
    // The form stays closed until opened.
    await expect(page.getByTestId("create-finding-form")).toBeHidden();
    await page.locator("summary", { hasText: "Add finding" }).click();
    const findingForm = page.getByTestId("create-finding-form");
    await findingForm.getByLabel("Title").fill("No EU-only inference option");
    await findingForm.getByLabel("Severity").selectOption("HIGH");
    await findingForm
      .getByLabel("Description")
      .fill("Inference may run in the US region during peaks.");
    await findingForm.getByRole("button", { name: "Create finding" }).click();
    await expect(page.getByTestId("finding-title")).toHaveText(["No EU-only inference option"]);

    // The DPO signs in (their language), and their login is too old for deciding: step-up needed.
    const dpo = await seedUser(seeded.org.id, "DPO", { withTotp: true, name: "Dana Datenschutz" });
    await db().user.update({ where: { id: dpo.userId }, data: { locale: language } });
    const dpoPage = await (await newContext({ label: "dpo", acceptDownloads: true })).newPage();
    await logIn(dpoPage, dpo);
    await ageStepUp(dpo.userId);
    await dpoPage.goto(assessmentUrl);
    await waitForHydration(dpoPage);
    await followNextStep(dpoPage, t.decideStep);
    await dpoPage
      .getByLabel(t.outcome === TEXT.en.outcome ? "Decision" : "Entscheidung", { exact: true })
      .selectOption({ label: t.outcome });
    await dpoPage
      .getByLabel(t.rationale)
      .fill("Geeignet für den Einsatz im Kundenservice; Übermittlungen nur mit Auflagen.");
    await dpoPage
      .getByLabel(t.condition, { exact: true })
      .fill("EU-only inference for our tenant (€ budget approved)");
    await dpoPage.getByLabel(t.due, { exact: true }).fill("2027-03-31");
    await dpoPage.getByLabel(t.code).fill(await freshTotpCode(dpo.userId, dpo.totpKey!));
    await dpoPage.getByRole("button", { name: t.decide }).click();
    await expect(dpoPage.getByTestId("status-badge")).toHaveAttribute(
      "data-status",
      "APPROVED_WITH_CONDITIONS",
    );
    await expect(dpoPage.getByTestId("status-badge")).toHaveText(t.status);
    await openAssessmentTab(dpoPage, t.reportsTab);

    // The signed report is there to download: signed right after the decision's commit (ADR 0020);
    // should it take longer than the request waits, the page says "being signed" and revalidates.
    const report = dpoPage.getByTestId("signed-report");
    await expect(report).toHaveCount(1);
    await expect(dpoPage.getByTestId("report-pending")).toHaveCount(0);
    const [download] = await Promise.all([
      dpoPage.waitForEvent("download"),
      report.getByRole("link").first().click(),
    ]);
    const signed = await download
      .path()
      .then((file) => import("node:fs").then((fs) => fs.readFileSync(file)));
    expect(signed.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { execFileSync } = await import("node:child_process");
    const text = execFileSync("pdftotext", ["-layout", "-", "-"], {
      input: signed,
      encoding: "utf8",
    });
    expect(text).toContain("Müller & Söhne KI GmbH");
    expect(text).toContain("No EU-only inference option");
    expect(text).toContain("EU-only inference for our tenant (€ budget approved)");

    // The public verify page (no login) accepts it…
    const visitor = await (
      await newContext({ label: "verifier", locale: language === "de" ? "de-DE" : "en-GB" })
    ).newPage();
    await visitor.goto("/verify");
    await waitForHydration(visitor);
    await visitor
      .getByLabel(t.file)
      .setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: signed });
    await visitor.getByRole("button", { name: t.verify }).click();
    const verdict = visitor.locator("[data-verdict]");
    await expect(verdict).toHaveAttribute("data-verdict", "valid");
    await expect(verdict).toContainText("Müller & Söhne KI GmbH");

    // …and rejects a copy with one changed byte inside the signed part.
    const tampered = Buffer.from(signed);
    // Byte 200 lies in the first objects, inside the signed byte range.
    tampered[200] = tampered[200]! ^ 0x01;
    await visitor.goto("/verify");
    await waitForHydration(visitor);
    await visitor
      .getByLabel(t.file)
      .setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: tampered });
    await visitor.getByRole("button", { name: t.verify }).click();
    await expect(visitor.locator("[data-verdict]")).toHaveAttribute(
      "data-verdict",
      /modified|invalid/,
    );
  });
}
