import { describe, expect, it } from "vitest";
import { decideAssessment } from "~/modules/assessments/decide-assessment.server";
import { forwardToDpo } from "~/modules/assessments/forward-to-dpo.server";
import { admitSignInAttempt, LOGIN_LIMITS } from "~/modules/auth/login-throttle.server";
import { askClarification } from "~/modules/clarifications/ask-clarification.server";
import { replyClarification } from "~/modules/clarifications/reply-clarification.server";
import { exchangeInviteToken } from "~/modules/portal/invite-links.server";
import { requestNewInviteLink } from "~/modules/portal/request-new-invite-link.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { questionsOf } from "~/modules/questionnaires/template-definition";
import { addComment } from "~/modules/review/comments.server";
import { requestChanges } from "~/modules/review/change-requests.server";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { inTransaction } from "~/utils/transaction.server";
import {
  auditEventsOf,
  createAssessmentScenario,
  createMemberActor,
  rejectionOf,
  tokenFromInviteUrl,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { countUnreadNotifications } from "./count-unread-notifications.server";
import { listNotifications } from "./list-notifications.server";
import { markAllNotificationsRead } from "./mark-all-notifications-read.server";
import { NOTIFICATION_KINDS } from "./notification-kinds";
import {
  getNotificationPreferences,
  saveNotificationPreferences,
} from "./notification-preferences.server";
import { notifyForwarded } from "./notify-forwarded.server";
import { notifyUsers } from "./notify-users.server";
import { openNotification } from "./open-notification.server";

/**
 * Notifications (ADR 0042): who is told of each hand-over, in which language, through which
 * channel; preferences; security mails that cannot be switched off; no recipient outside the
 * organisation; notifications that exist only if their event commits. Mails are read from a real
 * SMTP server; "no mail" is read from the mail queue (the Job table), which is deterministic.
 */
const smtp = setupSmtpCatcher();
const APP_URL = process.env.APP_URL;

/**
 * The mails the catcher received. Every notification mail is queued with its event and its first
 * delivery attempt awaited before the use case returns (enqueueMail), so what is not here by then
 * was not sent.
 */
function caughtMails(): { to: string; subject: string; text: string }[] {
  return smtp().messages.map((m) => ({ to: m.to.join(","), subject: m.subject, text: m.text }));
}

async function notificationsOf(userId: string) {
  return db().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

/** A submitted assessment (the vendor answered everything), with its main vendor contact. */
async function submitted(s: AssessmentScenario, locale: "en" | "de" = "en") {
  const { invite, vendor } = await s.invitedVendor({ locale });
  await s.answer(vendor, s.completeAnswers());
  expect(await submitAssessment(vendor)).toEqual({ ok: true });
  return { invite, vendor };
}

async function forwarded(s: AssessmentScenario, locale: "en" | "de" = "en") {
  const contact = await submitted(s, locale);
  await forwardToDpo(s.assessor, s.assessment.id, "Please decide");
  return contact;
}

describe("forwarded to the DPO", () => {
  it("tells every active DPO of the organisation, each in their language, with a link straight to the assessment", async () => {
    const s = await createAssessmentScenario();
    await db().user.update({ where: { id: s.dpo.userId }, data: { locale: "de" } });
    const leftDpo = await createMemberActor(s.org, "DPO");
    await db().membership.updateMany({
      where: { userId: leftDpo.userId, organizationId: s.org.id },
      data: { deactivatedAt: new Date() },
    });
    const elsewhere = await createAssessmentScenario();

    await forwarded(s);

    const url = `${APP_URL}/assessments/${s.assessment.id}`;
    const de = await smtp().waitFor((m) => m.to.includes(s.dpo.email));
    expect(de.subject).toBe(`Zur Entscheidung: „${s.assessment.title}“ (${s.vendor.name})`);
    expect(de.text).toContain(`Bewertung öffnen: ${url}`);
    const en = await smtp().waitFor((m) => m.to.includes(s.secondDpo.email));
    expect(en.subject).toBe(`For your decision: "${s.assessment.title}" (${s.vendor.name})`);
    expect(en.text).toContain(`Open the assessment: ${url}`);

    for (const dpo of [s.dpo, s.secondDpo]) {
      const rows = await notificationsOf(dpo.userId);
      expect(rows.map((r) => [r.kind, r.assessmentId, r.organizationId, r.readAt])).toEqual([
        ["forwarded", s.assessment.id, s.org.id, null],
      ]);
    }
    // Neither the deactivated DPO, nor the DPOs of another organisation, nor the forwarder.
    for (const userId of [leftDpo.userId, elsewhere.dpo.userId, s.assessor.userId]) {
      expect((await notificationsOf(userId)).filter((n) => n.kind === "forwarded")).toEqual([]);
    }
    const recipients = caughtMails().map((m) => m.to);
    expect(recipients).not.toContain(leftDpo.email);
    expect(recipients).not.toContain(elsewhere.dpo.email);
  });

  it("exists only with the event: a transaction that fails after notifying leaves no row and no mail", async () => {
    const s = await createAssessmentScenario();
    await submitted(s);
    const mailsBefore = caughtMails().length;
    const error = await rejectionOf(
      inTransaction(async (tx) => {
        await notifyForwarded(tx, s.assessor, s.assessment.id);
        expect(await tx.notification.count({ where: { userId: s.dpo.userId } })).toBe(1);
        throw new Error("the event's write failed");
      }),
    );
    expect((error as Error).message).toBe("the event's write failed");
    expect(await notificationsOf(s.dpo.userId)).toEqual([]);
    expect(caughtMails()).toHaveLength(mailsBefore);
    expect(caughtMails().filter((m) => m.to.includes(s.dpo.email))).toEqual([]);

    // A forward refused by the state machine (already forwarded) notifies nobody a second time.
    await forwardToDpo(s.assessor, s.assessment.id, "");
    await rejectionOf(forwardToDpo(s.assessor, s.assessment.id, ""));
    expect(await notificationsOf(s.dpo.userId)).toHaveLength(1);
  });
});

describe("decided", () => {
  it("tells the assessor in the inbox and by mail, and the vendor contact by mail with the outcome and conditions, never the rationale", async () => {
    const s = await createAssessmentScenario();
    await db().user.update({ where: { id: s.assessor.userId }, data: { locale: "de" } });
    const { invite } = await forwarded(s, "de");
    const { version } = await s.reload();
    await decideAssessment(s.dpo, s.assessment.id, {
      outcome: "APPROVED_WITH_CONDITIONS",
      rationale: "Internal reasoning the vendor must not read",
      conditions: [{ text: "Sign the DPA", dueDate: "2027-06-30" }],
      expectedVersion: version,
    });

    const assessorMail = await smtp().waitFor(
      (m) => m.to.includes(s.assessor.email) && m.subject.startsWith("Entschieden"),
    );
    expect(assessorMail.subject).toBe(
      `Entschieden: „${s.assessment.title}“ (${s.vendor.name}): Unter Auflagen freigegeben`,
    );
    expect(assessorMail.text).toContain(`${APP_URL}/assessments/${s.assessment.id}`);
    const [row] = (await notificationsOf(s.assessor.userId)).filter((n) => n.kind === "decided");
    expect(JSON.parse(row!.params)).toMatchObject({ outcomeCode: "APPROVED_WITH_CONDITIONS" });

    const vendorMail = await smtp().waitFor(
      (m) => m.to.includes(invite.contactEmail) && m.subject.includes("entschieden"),
    );
    expect(vendorMail.subject).toBe(`${s.org.name} hat über „${s.assessment.title}“ entschieden`);
    expect(vendorMail.text).toContain("Das Ergebnis: Unter Auflagen freigegeben.");
    expect(vendorMail.text).toContain("- Sign the DPA (fällig am 2027-06-30)");
    expect(vendorMail.text).not.toContain("Internal reasoning");
    // The DPO who decided is not told of their own decision.
    expect((await notificationsOf(s.dpo.userId)).map((n) => n.kind)).toEqual(["forwarded"]);
  });
});

describe("vendor submitted and vendor replies", () => {
  it("tells the creating assessor in the inbox, and the inbox counts, lists, opens and marks read", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await submitted(s);
    const questionKey = questionsOf(s.definition)[0]!.key;
    const { threadId } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey,
      body: "Which regions?",
    });
    await replyClarification(vendor, { threadId, body: "Frankfurt only" });

    expect(await countUnreadNotifications(s.assessor)).toBe(2);
    const listed = await listNotifications(s.assessor);
    expect(listed.map((n) => [n.kind, n.read])).toEqual([
      ["vendorReplied", false],
      ["submitted", false],
    ]);
    expect(listed[0]!.params).toMatchObject({ vendor: s.vendor.name, title: s.assessment.title });

    expect(await openNotification(s.assessor, listed[1]!.id)).toBe(
      `/assessments/${s.assessment.id}`,
    );
    expect(await countUnreadNotifications(s.assessor)).toBe(1);
    expect(await markAllNotificationsRead(s.assessor)).toBe(1);
    expect(await countUnreadNotifications(s.assessor)).toBe(0);
  });

  it("opens only the actor's own notifications: another user's or organisation's is not found", async () => {
    const s = await createAssessmentScenario();
    await submitted(s);
    const [mine] = await listNotifications(s.assessor);
    const other = await createAssessmentScenario();
    for (const actor of [s.dpo, other.assessor]) {
      const error = await rejectionOf(openNotification(actor, mine!.id));
      expect((error as DomainError).code).toBe("NOT_FOUND");
    }
    expect(
      (await rejectionOf(openNotification(s.assessor, { id: "x" }))) as DomainError,
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await countUnreadNotifications(s.assessor)).toBe(1);
  });

  it("never reaches a user outside the event's organisation, even when a caller names one", async () => {
    const s = await createAssessmentScenario();
    const other = await createAssessmentScenario();
    const notified = await inTransaction((tx) =>
      notifyUsers(tx, {
        organizationId: s.org.id,
        kind: "submitted",
        userIds: [other.assessor.userId, s.assessor.userId],
        params: {},
        mail: () => ({ subject: "s", text: "t" }),
      }),
    );
    expect(notified).toEqual([s.assessor.userId]);
    expect(await notificationsOf(other.assessor.userId)).toEqual([]);
    expect(caughtMails().map((m) => m.to)).not.toContain(other.assessor.email);
  });
});

describe("preferences", () => {
  it("inbox only gives a row and no mail; off gives neither; the default is both; saving is audited", async () => {
    const s = await createAssessmentScenario();
    expect(await getNotificationPreferences(s.dpo)).toEqual({
      forwarded: "mail",
      decided: "mail",
      submitted: "mail",
      vendorReplied: "mail",
    });
    await saveNotificationPreferences(s.dpo, {
      forwarded: "inbox",
      decided: "mail",
      submitted: "mail",
      vendorReplied: "off",
    });
    await saveNotificationPreferences(s.secondDpo, {
      forwarded: "off",
      decided: "mail",
      submitted: "mail",
      vendorReplied: "mail",
    });
    const [audit] = await auditEventsOf(s.org.id, "notifications.preferencesSaved");
    expect(audit).toBeDefined();

    await forwarded(s);

    expect((await notificationsOf(s.dpo.userId)).map((n) => n.kind)).toEqual(["forwarded"]);
    expect(await notificationsOf(s.secondDpo.userId)).toEqual([]);
    const recipients = caughtMails().map((m) => m.to);
    expect(recipients).not.toContain(s.dpo.email);
    expect(recipients).not.toContain(s.secondDpo.email);
  });

  it("refuses a value the card does not offer and saves nothing of that form", async () => {
    const s = await createAssessmentScenario();
    const error = await rejectionOf(
      saveNotificationPreferences(s.dpo, {
        forwarded: "off",
        decided: "sms",
        submitted: "mail",
        vendorReplied: "mail",
      }),
    );
    expect((error as DomainError).code).toBe("VALIDATION");
    expect(await db().notificationPreference.count({ where: { userId: s.dpo.userId } })).toBe(0);
  });

  it("cannot switch off security mails: with every kind off, the sign-in alert still goes out", async () => {
    const s = await createAssessmentScenario();
    await saveNotificationPreferences(
      s.dpo,
      Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, "off"])),
    );
    // Attempts from ever new addresses run into the per-account limit; its first refusal alerts.
    for (let i = 0; i <= LOGIN_LIMITS.perAccount.limit; i++) {
      await admitSignInAttempt({
        email: s.dpo.email,
        user: { id: s.dpo.userId },
        ip: `198.51.${Math.floor(i / 200)}.${(i % 200) + 1}`,
        deviceId: null,
      });
    }
    const alert = await smtp().waitFor((m) => m.to.includes(s.dpo.email));
    expect(alert.subject.length).toBeGreaterThan(0);
  });
});

describe("mails to vendor contacts", () => {
  it("mails a vendor-visible comment with a 'new link' address, which sends a fresh link to the contact address only", async () => {
    const s = await createAssessmentScenario();
    const { invite } = await submitted(s, "de");
    await addComment(s.assessor, {
      assessmentId: s.assessment.id,
      visibility: "INTERNAL",
      body: "Internal only",
    });
    await addComment(s.assessor, {
      assessmentId: s.assessment.id,
      visibility: "VENDOR",
      body: "Please attach the DPA",
    });
    const mail = await smtp().waitFor(
      (m) => m.to.includes(invite.contactEmail) && m.subject.includes("Anmerkung"),
    );
    expect(mail.subject).toBe(
      `${s.org.name} hat eine Anmerkung zu „${s.assessment.title}“ hinterlassen`,
    );
    expect(mail.text).toContain("Please attach the DPA");
    expect(mail.text).not.toContain("Internal only");
    expect(mail.text).not.toContain("/invite/");
    const newLink = /(http\S+\/portal\/new-link\/(\S+))/.exec(mail.text);
    expect(newLink?.[1]?.startsWith(`${APP_URL}/portal/new-link/`)).toBe(true);
    const subjects = caughtMails()
      .filter((m) => m.to === invite.contactEmail)
      .map((m) => m.subject);
    expect(subjects.filter((subject) => subject.includes("Anmerkung"))).toHaveLength(1);

    smtp().clear();
    expect(await requestNewInviteLink(`${newLink![2]!.slice(0, -2)}xx`, null)).toEqual({
      kind: "invalid",
    });
    expect(await requestNewInviteLink(newLink![2]!, "203.0.113.9")).toEqual({ kind: "sent" });
    const fresh = await smtp().waitFor((m) => m.to.includes(invite.contactEmail));
    const url = /(http\S+\/invite\/\S+)/.exec(fresh.text)![1]!;
    expect(
      (await exchangeInviteToken(invite.token, "203.0.113.41", null, undefined)).kind,
      "the old link ends",
    ).toBe("invalid");
    expect(
      (await exchangeInviteToken(tokenFromInviteUrl(url), "203.0.113.41", null, undefined)).kind,
    ).toBe("ok");
    expect(await requestNewInviteLink(newLink![2]!, "203.0.113.9")).toMatchObject({
      kind: "rate_limited",
    });
    const [reissued] = await auditEventsOf(s.org.id, "invite.reissued");
    expect(reissued).toBeDefined();
  });

  it("adds the 'new link' address to clarification and change-request mails, sent once", async () => {
    const s = await createAssessmentScenario();
    const { invite } = await submitted(s);
    const [first] = questionsOf(s.definition);
    await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey: first!.key,
      body: "Which regions?",
    });
    const asked = await smtp().waitFor(
      (m) => m.to.includes(invite.contactEmail) && m.text.includes("Which regions?"),
    );
    expect(asked.text).toContain(`${APP_URL}/portal/new-link/`);
    const { version } = await s.reload();
    await requestChanges(s.assessor, {
      assessmentId: s.assessment.id,
      questionKeys: [first!.key],
      message: "Please be specific",
      expectedVersion: version,
    });
    const changes = await smtp().waitFor(
      (m) => m.to.includes(invite.contactEmail) && m.text.includes("Please be specific"),
    );
    expect(changes.text).toContain(`${APP_URL}/portal/new-link/`);
    const queued = caughtMails().filter((m) => m.to === invite.contactEmail);
    expect(queued.filter((m) => m.subject.startsWith("Changes requested"))).toHaveLength(1);
  });
});
