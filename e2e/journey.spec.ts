import { readFileSync } from "node:fs";
import {
  ageStepUp,
  expect,
  freshTotpCode,
  logIn,
  seedAssessmentWithInvite,
  seedOrganization,
  seedUser,
  test,
  waitForHydration,
  waitForMail,
} from "./support/fixtures";
import { E2E_BASE_URL_PATTERN } from "./support/env";
import { followNextStep, openAssessmentTab } from "./support/assessment-tabs";
import {
  answerRequiredQuestions,
  confirmSubmit,
  continueWithCode,
  isRequired,
  questions,
} from "./support/portal";

// The bundled template decides how many questions are required; read it instead of hard-coding.
const bundledTemplate = JSON.parse(
  readFileSync("app/reference-data/templates/ai-vendor-due-diligence.json", "utf8"),
) as {
  sections: { title: { en: string }; questions: { required: boolean }[] }[];
};
const SECTION_TITLES = bundledTemplate.sections.map((s) => s.title.en);
const ALL_QUESTIONS = bundledTemplate.sections.flatMap((s) => s.questions);
const REQUIRED_QUESTIONS = ALL_QUESTIONS.filter((q) => q.required).length;

const CONTACT = "security@acme.example";

function isoDateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test.describe("main journey", () => {
  test("vendor, product, assessment, invite, vendor answers and submits, scores, DPO approves with step-up", async ({
    page,
    newContext,
  }) => {
    // The whole product journey, including two waits of up to one TOTP period (30 s) for a
    // fresh code: ~1.7 min on a quiet machine, and it ran past 150 s once on a busy one.
    test.setTimeout(240_000);
    const org = await seedOrganization("Buyer GmbH");
    const assessor = await seedUser(org.id, "ASSESSOR", { name: "Alex Assessor" });
    const dpo = await seedUser(org.id, "DPO", { withTotp: true, name: "Dana DPO" });

    /* ---- 1. The assessor registers Acme AI and its product Acme Assist ---------------- */
    await logIn(page, assessor);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Vendors" })
      .click();
    await page.getByRole("link", { name: "New vendor" }).click();
    await expect(page).toHaveURL(/\/vendors\/new$/);
    await page.getByLabel("Name", { exact: true }).fill("Acme AI");
    await page.getByLabel("Website").fill("https://acme.example");
    // The country field is a combobox with type-ahead once hydrated (a <select> before).
    await waitForHydration(page);
    await page
      .getByRole("combobox", { name: "Country of registration" })
      .pressSequentially("United Sta");
    await page.getByRole("option", { name: "United States", exact: true }).click();
    await page.getByLabel("Criticality").selectOption("HIGH");
    await page.getByLabel("Description").fill("LLM assistant for our customer service team.");
    await page.getByRole("button", { name: "Create vendor" }).click();

    await expect(page).toHaveURL(/\/vendors\/[^/?]+\?notice=created$/);
    await expect(page.getByRole("heading", { level: 1, name: "Acme AI" })).toBeVisible();
    await expect(page.getByText("Vendor created.")).toBeVisible();
    const vendorUrl = page.url().replace(/\?.*$/, "");

    await page.getByRole("link", { name: "Add product" }).click();
    await expect(page).toHaveURL(/\/vendors\/[^/]+\/products\/new$/);
    await page.getByLabel("Product name").fill("Acme Assist");
    await page.getByLabel("Foundation model").fill("GPT-4o");
    await page.getByLabel("Hosting regions").selectOption(["DE", "IE"]);
    await page.getByLabel("Customer contact data").check();
    await page.getByLabel("Content and documents").check();
    await page.getByRole("button", { name: "Add product" }).click();

    await expect(page.getByText("Product added.")).toBeVisible();
    const product = page.getByTestId("product-item").filter({ hasText: "Acme Assist" });
    await expect(product).toContainText("GPT-4o");
    await expect(product.getByTestId("hosting-regions")).toContainText("Germany");
    await expect(product.getByTestId("hosting-regions")).toContainText("Ireland");
    await expect(product.getByTestId("eu-eea-badge")).toHaveCount(2);
    await expect(product).toContainText("Customer contact data");

    /* ---- 2. …starts an assessment from the bundled template ---------------------------- */
    await page.getByRole("link", { name: "Start assessment" }).click();
    await expect(page).toHaveURL(/\/assessments\/new\?vendorId=/);
    // A new organisation has no template yet: the assessor installs the bundled ones (a POST,
    // ADR 0023) and comes back to the same form with the vendor still chosen.
    await page.getByRole("button", { name: "Install bundled templates" }).click();
    await expect(page).toHaveURL(/\/assessments\/new\?vendorId=/);
    await expect(page.getByLabel("Vendor")).toHaveValue(vendorUrl.split("/").at(-1)!);
    await page.getByLabel("Product").selectOption({ label: "Acme Assist" });
    await expect(page.getByLabel("Questionnaire template").locator("option:checked")).toHaveText(
      /AI vendor due diligence/,
    );
    await expect(page.getByLabel("Title")).toHaveValue("Acme AI – AI due diligence");
    await page.getByLabel("Due date").fill(isoDateInDays(30));
    await page.getByRole("button", { name: "Create assessment" }).click();

    await expect(page).toHaveURL(/\/assessments\/(?!new)[^/]+$/);
    const assessmentUrl = page.url();
    await expect(
      page.getByRole("heading", { level: 1, name: "Acme AI – AI due diligence" }),
    ).toBeVisible();
    await expect(page.getByTestId("status-badge")).toHaveAttribute("data-status", "DRAFT");
    await expect(page.getByText("Scores are computed when the vendor submits.")).toBeVisible();

    /* ---- 3. …and invites security@acme.example ------------------------------------------ */
    await followNextStep(page, "Create an invite link");
    await page.getByLabel("Contact e-mail").fill(CONTACT);
    await page.getByLabel("Contact name").fill("Sam Security");
    await page.getByRole("button", { name: "Create and send invite link" }).click();
    const inviteUrlBox = page.getByTestId("invite-url");
    await expect(inviteUrlBox).toHaveText(
      new RegExp(`^${E2E_BASE_URL_PATTERN}/invite/[A-Za-z0-9_-]{43}$`),
    );
    const inviteUrl = (await inviteUrlBox.textContent())!.trim();
    await expect(page.getByTestId("status-badge")).toHaveAttribute("data-status", "INVITED");
    await expect(page.getByTestId("invite-list")).toContainText("Not used yet");

    const mail = await waitForMail(CONTACT);
    expect(mail.subject).toBe("Buyer GmbH asks you to complete a vendor assessment");
    expect(mail.text).toContain(inviteUrl);
    expect(mail.text).toContain("Hello Sam Security");

    /* ---- 4. The vendor contact, in their own browser -------------------------------------- */
    const vendorContext = await newContext({ label: "vendor" });
    const vendor = await vendorContext.newPage();
    await vendor.goto(inviteUrl);
    await expect(
      vendor.getByRole("heading", { name: "Buyer GmbH invites you to an assessment" }),
    ).toBeVisible();
    await expect(
      vendor.getByText(
        'You were asked to answer the questionnaire "Acme AI – AI due diligence" for Acme AI.',
      ),
    ).toBeVisible();
    // Opening (GET) changes nothing: a link scanner could have fetched it. Reload works too.
    await vendor.reload();
    await waitForHydration(vendor);
    await expect(vendor.getByRole("button", { name: "Continue" })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("invite-list")).toContainText("Not used yet");

    await continueWithCode(vendor, CONTACT);
    await expect(
      vendor.getByRole("heading", { level: 1, name: "Acme AI – AI due diligence" }),
    ).toBeVisible();
    await expect(vendor.getByRole("heading", { level: 2 })).toHaveText(SECTION_TITLES);
    await waitForHydration(vendor);

    const answered = await answerRequiredQuestions(vendor);
    expect(answered.length).toBeGreaterThanOrEqual(20);
    await expect(page.getByTestId("status-badge")).toHaveAttribute("data-status", "INVITED");

    // Autosave really stored the answers: a reload shows them.
    await vendor.reload();
    await expect(
      vendor.locator('fieldset[data-question-key="residency.storage_countries"] input[value="DE"]'),
    ).toBeChecked();
    await expect(
      vendor.locator('fieldset[data-question-key="security.encryption"] input[value="yes"]'),
    ).toBeChecked();

    await waitForHydration(vendor);
    await vendor.getByRole("button", { name: "Submit questionnaire" }).click();
    await confirmSubmit(vendor);
    await expect(vendor.getByTestId("submitted-banner")).toHaveText(
      "Thank you — your answers were submitted",
    );
    // Read-only from now on: no buttons, every input disabled.
    await expect(vendor.getByRole("button", { name: "Submit questionnaire" })).toHaveCount(0);
    await expect(vendor.getByRole("button", { name: "Save answers" })).toHaveCount(0);
    await expect(vendor.getByText("Answers are saved as you go.")).toHaveCount(0);
    const inputs = vendor.locator(
      'fieldset[data-testid="question"] :is(input:not([type="hidden"]), textarea, select)',
    );
    expect(await inputs.count()).toBeGreaterThan(answered.length);
    // One check over every control (hundreds: each countries question has a checkbox per country).
    expect(
      await inputs.evaluateAll(
        (controls) => controls.filter((c) => !(c as HTMLInputElement).disabled).length,
      ),
    ).toBe(0);
    await vendor.reload();
    await expect(vendor.getByTestId("submitted-banner")).toBeVisible();

    // The assessor is told by mail.
    const submittedMail = await waitForMail(assessor.email);
    expect(submittedMail.subject).toBe("Acme AI submitted its assessment");
    expect(submittedMail.text).toContain(assessmentUrl);

    /* ---- 5. The assessor sees the scores and forwards to the DPO ------------------------- */
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByTestId("status-badge")).toHaveAttribute("data-status", "SUBMITTED");
    await openAssessmentTab(page, "Overview");
    await expect(page.getByTestId("overall-score")).toHaveText(/^\d{1,3}(\.\d)?$/);
    const overall = Number((await page.getByTestId("overall-score").textContent())!);
    expect(overall).toBeGreaterThan(50);
    expect(overall).toBeLessThanOrEqual(100);
    const sectionRows = page.getByTestId("section-scores").locator("tbody tr");
    await expect(sectionRows).toHaveCount(SECTION_TITLES.length);
    await expect(sectionRows.first().getByRole("rowheader")).toHaveText("Security");
    await expect(page.getByText("No knock-out criterion triggered.")).toBeVisible();
    // Required questions hidden by show-if rules do not count; every visible one was answered.
    await expect(
      page.getByText(`Completeness: ${answered.length} of ${answered.length} required questions`),
    ).toBeVisible();
    await openAssessmentTab(page, "Vendor access");
    await expect(page.getByTestId("invite-list")).toContainText("Last used");

    await followNextStep(page, "Review and forward to the DPO");
    await page.getByLabel("Note for the DPO").fill("All required answers in; EU hosting.");
    await page.getByRole("button", { name: "Forward to DPO" }).click();
    await expect(page.getByTestId("status-badge")).toHaveAttribute(
      "data-status",
      "AWAITING_DECISION",
    );
    // The assessor is no DPO: no decision form for them.
    await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
    await expect(page.getByLabel("Rationale", { exact: false })).toHaveCount(0);

    /* ---- 6. The DPO signs in with TOTP and decides with a step-up ------------------------ */
    const dpoContext = await newContext({ label: "dpo" });
    const dpoPage = await dpoContext.newPage();
    await logIn(dpoPage, dpo);
    // The login's second factor is fresh for MFA_STEP_UP_MINUTES; make it older so the decision
    // needs its own code, as it would for a DPO who signed in earlier in the day.
    await ageStepUp(dpo.userId);
    await dpoPage.goto(assessmentUrl);
    await waitForHydration(dpoPage);
    await expect(dpoPage.getByTestId("status-badge")).toHaveAttribute(
      "data-status",
      "AWAITING_DECISION",
    );
    await followNextStep(dpoPage, "Decide");
    await expect(dpoPage.getByTestId("recommendation")).toHaveText("The score recommends: approve");
    await expect(
      dpoPage.getByText(/Deciding requires a two-factor check within the last \d+ minutes/),
    ).toBeVisible();
    await dpoPage.getByLabel("Decision", { exact: true }).selectOption({ label: "Approve" });
    await dpoPage
      .getByLabel(/^Rationale/)
      .fill("Scores are good, data stays in the EU, DPA available.");
    await dpoPage
      .getByLabel("Authenticator code (two-factor check)")
      .fill(await freshTotpCode(dpo.userId, dpo.totpKey!));
    await dpoPage.getByRole("button", { name: "Record decision" }).click();

    await expect(dpoPage.getByTestId("status-badge")).toHaveAttribute("data-status", "APPROVED");
    await expect(dpoPage.getByTestId("status-badge")).toHaveText("Approved");
    const decision = dpoPage.getByTestId("decision");
    await expect(decision).toHaveCount(1);
    await expect(decision).toContainText("Approved by Dana DPO");
    await expect(decision).toContainText("Scores are good, data stays in the EU, DPA available.");
    await expect(dpoPage.getByRole("button", { name: "Record decision" })).toHaveCount(0);

    /* ---- 7. The assessor sees the decision and still cannot decide ----------------------- */
    await page.reload();
    await expect(page.getByTestId("status-badge")).toHaveAttribute("data-status", "APPROVED");
    await expect(page.getByTestId("decision")).toContainText("Approved by Dana DPO");
    await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);
  });

  test("submitting too early lists the missing required answers and keeps what was saved", async ({
    newContext,
    consoleGuard,
  }) => {
    // The portal answers a premature submit with 400 and the list; Chromium logs the status.
    consoleGuard.allow(/Failed to load resource: the server responded with a status of 400/);
    const { inviteUrl, contactEmail } = await seedAssessmentWithInvite();
    const vendorContext = await newContext({ label: "vendor" });
    const vendor = await vendorContext.newPage();
    await vendor.goto(inviteUrl);
    await continueWithCode(vendor, contactEmail);
    await waitForHydration(vendor);

    const all = questions(vendor);
    // Wait until the whole questionnaire is on the page before counting (all() does not wait).
    await expect(all).toHaveCount(ALL_QUESTIONS.length);
    let requiredCount = 0;
    let visibleRequired = 0;
    for (const fieldset of await all.all()) {
      if (!(await isRequired(fieldset))) continue;
      requiredCount++;
      if (await fieldset.isVisible()) visibleRequired++;
    }
    expect(requiredCount).toBe(REQUIRED_QUESTIONS);

    // One answer, then submit.
    await vendor
      .locator('fieldset[data-question-key="security.encryption"] input[value="yes"]')
      .check();
    await expect(
      vendor
        .locator('fieldset[data-question-key="security.encryption"]')
        .getByTestId("save-status"),
    ).toHaveText("Saved");
    await vendor.getByRole("button", { name: "Submit questionnaire" }).click();

    const missing = vendor.getByTestId("missing-required").getByRole("listitem");
    // Required questions hidden by their show-if rule are not asked for.
    await expect(missing).toHaveCount(visibleRequired - 1);
    await expect(vendor.getByTestId("missing-required")).toContainText("ISO/IEC 27001");
    await expect(vendor.getByTestId("missing-required")).not.toContainText(
      "Are customer data encrypted in transit",
    );
    await expect(vendor.getByTestId("submitted-banner")).toHaveCount(0);

    await vendor.reload();
    await expect(
      vendor.locator('fieldset[data-question-key="security.encryption"] input[value="yes"]'),
    ).toBeChecked();
    await expect(vendor.getByRole("button", { name: "Submit questionnaire" })).toBeEnabled();
  });
});
