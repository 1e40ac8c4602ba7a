import { describe, expect, it } from "vitest";
import { inviteUser } from "~/modules/admin/invite-user.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { db } from "~/utils/db.server";
import { actorFor } from "../../../tests/support/admin-factories";
import { createAssessmentScenario } from "../../../tests/support/assessment-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";

/**
 * Every mail goes out in its recipient's language, parsed from a real SMTP server: vendor contacts
 * in the language of their invite link, users in their own (User.locale, English when unset). The
 * reminder mails are covered in app/modules/reminders/run-reminder-job.integration.test.ts.
 */
const smtp = setupSmtpCatcher();

describe("mail language", () => {
  it("invites a vendor contact in the language chosen for the link, and keeps it on the link for later mails", async () => {
    const scenario = await createAssessmentScenario();
    const german = await scenario.createInvite({
      contactEmail: "kontakt@anbieter.example",
      contactName: "Jana",
      locale: "de",
    });
    const english = await scenario.createInvite({
      contactEmail: "contact@vendor.example",
      locale: "en",
    });

    const de = await smtp().waitFor((m) => m.to.includes("kontakt@anbieter.example"));
    expect(de.subject).toBe(`${scenario.org.name} bittet Sie, eine Anbieterbewertung auszufüllen`);
    expect(de.text).toContain("Guten Tag Jana,");
    expect(de.text).toContain(german.url);
    const en = await smtp().waitFor((m) => m.to.includes("contact@vendor.example"));
    expect(en.subject).toBe(`${scenario.org.name} asks you to complete a vendor assessment`);
    expect(en.text).toContain("Hello contact@vendor.example,");

    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: german.inviteId } })).locale,
    ).toBe("de");
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: english.inviteId } })).locale,
    ).toBe("en");
  });

  it("tells the assessor about a submission in the assessor's language, English when none is set", async () => {
    const scenario = await createAssessmentScenario();
    await db().user.update({ where: { id: scenario.assessor.userId }, data: { locale: "de" } });
    const { vendor } = await scenario.invitedVendor();
    await scenario.answer(vendor, scenario.completeAnswers());
    expect(await submitAssessment(vendor)).toEqual({ ok: true });
    const german = await smtp().waitFor((m) => m.to.includes(scenario.assessor.email));
    expect(german.subject).toBe(`${scenario.vendor.name} hat die Bewertung eingereicht`);
    expect(german.text).toContain(`/assessments/${scenario.assessment.id}`);

    const other = await createAssessmentScenario();
    expect(
      (await db().user.findUniqueOrThrow({ where: { id: other.assessor.userId } })).locale,
    ).toBeNull();
    const second = await other.invitedVendor();
    await other.answer(second.vendor, other.completeAnswers());
    expect(await submitAssessment(second.vendor)).toEqual({ ok: true });
    const english = await smtp().waitFor((m) => m.to.includes(other.assessor.email));
    expect(english.subject).toBe(`${other.vendor.name} submitted its assessment`);
  });

  it("invites a user in the language the admin chose for them", async () => {
    const org = await createOrganization({ name: "Language Test Ltd" });
    const admin = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    await inviteUser(actorFor(admin), {
      email: "newcomer@example.test",
      name: "Nia",
      role: "AUDITOR",
      locale: "en",
    });
    const mail = await smtp().waitFor((m) => m.to.includes("newcomer@example.test"));
    expect(mail.subject).toBe("Invitation to Language Test Ltd on Vetted");
  });
});
