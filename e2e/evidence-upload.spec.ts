import { createInviteLink } from "../app/modules/assessments/create-invite-link.server";
import { startAssessment } from "../app/modules/assessments/start-assessment.server";
import { createEvidenceTemplateVersion } from "../tests/support/evidence-test-template";
import { tinyPdf, tinyPng } from "../app/modules/evidence/test-fixtures";
import { createVendor } from "../tests/support/factories";
import {
  actorFor,
  expect,
  seedOrganization,
  seedUser,
  test,
  unique,
  waitForHydration,
} from "./support/fixtures";
import { continueWithCode } from "./support/portal";

/**
 * Evidence in the browser: a vendor contact uploads a real PDF to an evidence question and sees
 * it listed (and it survives a reload and downloads under its name); a fake PDF (PNG bytes named
 * .pdf) is refused with the reason. Uses the small evidence test template (two evidence questions).
 *
 * Test ids (app/components/questionnaire/evidence-input.tsx): evidence-input-<key>,
 * evidence-file-input-<key>, evidence-files-<key>, evidence-file-<fileId>, evidence-remove-<fileId>,
 * evidence-status-<key>, evidence-error-<key>, evidence-na-<key>, evidence-upload-submit-<key>.
 */
const KEY = "security.certificate";

async function seedEvidenceInvite() {
  const org = await seedOrganization();
  const assessor = await seedUser(org.id, "ASSESSOR");
  const actor = await actorFor(assessor);
  const vendor = await createVendor({ organizationId: org.id, name: unique("Vendor") });
  const version = await createEvidenceTemplateVersion(org.id);
  const assessment = await startAssessment(actor, {
    vendorId: vendor.id,
    templateVersionId: version.id,
    title: unique("Evidence"),
  });
  const contactEmail = `${unique("contact")}@vendor.example`;
  const invite = await createInviteLink(actor, assessment.id, { contactEmail, locale: "en" });
  return { inviteUrl: invite.url, contactEmail };
}

test.describe("evidence upload", () => {
  test("a real PDF is uploaded and listed; a fake PDF is refused with the reason", async ({
    newContext,
    consoleGuard,
  }) => {
    // The refusal is a 400 answer, which Chromium logs.
    consoleGuard.allow(/Failed to load resource: the server responded with a status of 400/);
    const { inviteUrl, contactEmail } = await seedEvidenceInvite();
    const context = await newContext({ label: "vendor", acceptDownloads: true });
    const vendor = await context.newPage();
    await vendor.goto(inviteUrl);
    await continueWithCode(vendor, contactEmail);
    await waitForHydration(vendor);

    const files = vendor.getByTestId(`evidence-files-${KEY}`);
    const input = vendor.getByTestId(`evidence-file-input-${KEY}`);
    await input.setInputFiles({
      name: "ISO-27001 certificate.pdf",
      mimeType: "application/pdf",
      buffer: tinyPdf(),
    });
    await expect(vendor.getByTestId(`evidence-status-${KEY}`)).toHaveText("The file was uploaded.");
    await expect(files).toContainText("ISO-27001 certificate.pdf");

    // PNG bytes under a .pdf name: refused, with the reason, and not listed.
    await input.setInputFiles({
      name: "certificate.pdf",
      mimeType: "application/pdf",
      buffer: tinyPng(),
    });
    await expect(vendor.getByTestId(`evidence-error-${KEY}`)).toContainText(
      "A file named .pdf that is not a PDF: its content is a PNG image.",
    );
    await expect(files.getByRole("link")).toHaveCount(1);

    // Stored on the server: still there after a reload, and downloadable under its name.
    await vendor.reload();
    await waitForHydration(vendor);
    await expect(files.getByRole("link")).toHaveCount(1);
    await expect(files).toContainText("ISO-27001 certificate.pdf");
    const [download] = await Promise.all([
      vendor.waitForEvent("download"),
      files.getByRole("link", { name: /ISO-27001 certificate\.pdf/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ISO-27001 certificate.pdf");
  });
});
