import { describe, expect, it } from "vitest";
import { DomainError, type ErrorCode } from "~/utils/errors";
import { db } from "~/utils/db.server";
import type { VendorActor } from "~/modules/auth/actor";
import { questionsOf } from "~/modules/questionnaires/template-definition";
import {
  auditEventsOf,
  createAssessmentScenario,
  rejectionOf,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { askClarification } from "./ask-clarification.server";
import {
  listClarificationsForUser,
  listClarificationsForVendor,
} from "./list-clarifications.server";
import { replyClarification } from "./reply-clarification.server";
import { resolveClarification } from "./resolve-clarification.server";

/**
 * Clarifications on answers: who may ask, reply and resolve; reopening; tenancy; delegated
 * contacts limited to their sections; replies after submit; and the mails that tell the other
 * side, caught by a real SMTP server.
 */
const smtp = setupSmtpCatcher();

async function expectDomainError(promise: Promise<unknown>, code: ErrorCode) {
  const error = await rejectionOf(promise);
  expect(error, `expected ${code}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

/** Two questions of different sections, for delegation tests. */
function twoSections(s: AssessmentScenario) {
  const [first, second] = s.definition.sections;
  return {
    inFirst: first!.questions[0]!,
    inSecond: second!.questions[0]!,
    first: first!.key,
    second: second!.key,
  };
}

/** A colleague delegated to `sections` (the row as the delegation feature stores it). */
async function delegatedVendor(
  s: AssessmentScenario,
  sections: string[],
  locale: "en" | "de" = "en",
) {
  const { invite, vendor } = await s.invitedVendor({ locale });
  await db().inviteLink.update({
    where: { id: invite.inviteId },
    data: { sections: JSON.stringify(sections), delegatedById: null },
  });
  return { invite, vendor: { ...vendor, sections } satisfies VendorActor };
}

describe("askClarification", () => {
  it("creates a thread with the first message and an audit event", async () => {
    const s = await createAssessmentScenario();
    const questionKey = questionsOf(s.definition)[0]!.key;
    const { threadId, messageId } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey,
      body: "  Which regions?  ",
    });

    const thread = await db().clarificationThread.findUniqueOrThrow({
      where: { id: threadId },
      include: { messages: true },
    });
    expect(thread).toMatchObject({
      organizationId: s.org.id,
      assessmentId: s.assessment.id,
      questionKey,
      status: "OPEN",
      resolvedAt: null,
    });
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]).toMatchObject({
      id: messageId,
      author: `user:${s.assessor.userId}`,
      authorLabel: s.assessor.name,
      body: "Which regions?",
    });

    const [event] = await auditEventsOf(s.org.id, "clarification.asked");
    expect(event).toMatchObject({
      actorId: s.assessor.userId,
      targetType: "clarification",
      targetId: threadId,
    });
    expect(JSON.parse(event!.payload)).toEqual({
      assessmentId: s.assessment.id,
      questionKey,
      messageId,
    });
  });

  it("admins may ask; DPOs and auditors may not, and nothing is written", async () => {
    const s = await createAssessmentScenario();
    const questionKey = questionsOf(s.definition)[0]!.key;
    await askClarification(s.admin, {
      assessmentId: s.assessment.id,
      questionKey,
      body: "From the admin",
    });
    for (const actor of [s.dpo, s.auditor]) {
      await expectDomainError(
        askClarification(actor, {
          assessmentId: s.assessment.id,
          questionKey,
          body: "Not allowed",
        }),
        "FORBIDDEN",
      );
    }
    expect(await db().clarificationThread.count({ where: { assessmentId: s.assessment.id } })).toBe(
      1,
    );
  });

  it("refuses unknown questions and empty or over-long messages", async () => {
    const s = await createAssessmentScenario();
    const questionKey = questionsOf(s.definition)[0]!.key;
    const base = { assessmentId: s.assessment.id, questionKey };
    await expectDomainError(
      askClarification(s.assessor, { ...base, questionKey: "no.such_question", body: "Unknown" }),
      "VALIDATION",
    );
    await expectDomainError(askClarification(s.assessor, { ...base, body: "   " }), "VALIDATION");
    await expectDomainError(
      askClarification(s.assessor, { ...base, body: "x".repeat(5001) }),
      "VALIDATION",
    );
    await askClarification(s.assessor, { ...base, body: "x".repeat(5000) });
    expect(await db().clarificationThread.count({ where: { assessmentId: s.assessment.id } })).toBe(
      1,
    );
  });

  it("another organisation's assessment is NOT_FOUND, as is an unknown one", async () => {
    const s = await createAssessmentScenario();
    const other = await createAssessmentScenario();
    const questionKey = questionsOf(s.definition)[0]!.key;
    await expectDomainError(
      askClarification(s.assessor, {
        assessmentId: other.assessment.id,
        questionKey,
        body: "Probe",
      }),
      "NOT_FOUND",
    );
    await expectDomainError(
      askClarification(s.assessor, {
        assessmentId: "cnotthere000000000000000",
        questionKey,
        body: "Probe",
      }),
      "NOT_FOUND",
    );
    expect(
      await db().clarificationThread.count({ where: { assessmentId: other.assessment.id } }),
    ).toBe(0);
  });

  it("mails every active contact who may see the question, in the link's language, without a token", async () => {
    const s = await createAssessmentScenario();
    const { inFirst, first, second } = twoSections(s);
    const english = await s.createInvite({ locale: "en" });
    const german = await s.createInvite({ locale: "de" });
    const revoked = await s.createInvite({ locale: "en" });
    await db().inviteLink.update({
      where: { id: revoked.inviteId },
      data: { revokedAt: new Date() },
    });
    const expired = await s.createInvite({ locale: "en" });
    await db().inviteLink.update({
      where: { id: expired.inviteId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const delegatedHere = await delegatedVendor(s, [first], "de");
    const delegatedElsewhere = await delegatedVendor(s, [second]);
    smtp().clear();

    await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey: inFirst.key,
      body: "Please name the data centres.",
    });

    const toEnglish = await smtp().waitFor((m) => m.to.includes(english.contactEmail));
    expect(toEnglish.subject).toBe(`${s.org.name} has a question about your answer`);
    expect(toEnglish.text).toContain(inFirst.label.en);
    expect(toEnglish.text).toContain("Please name the data centres.");
    expect(toEnglish.text).toContain("sign in with your invitation link");
    const toGerman = await smtp().waitFor((m) => m.to.includes(german.contactEmail));
    expect(toGerman.subject).toBe(`${s.org.name} hat eine Rückfrage zu Ihrer Antwort`);
    expect(toGerman.text).toContain(inFirst.label.de);
    expect(toGerman.text).toContain("melden Sie sich mit Ihrem Einladungslink an");
    const toDelegate = await smtp().waitFor((m) =>
      m.to.includes(delegatedHere.invite.contactEmail),
    );
    expect(toDelegate.subject).toContain("Rückfrage");

    // Give stray mails time to arrive before asserting on who got none.
    await s.createInvite({ contactEmail: `marker-${s.org.slug}@acme.example` });
    await smtp().waitFor((m) => m.to.includes(`marker-${s.org.slug}@acme.example`));
    const recipients = smtp()
      .messages.filter(
        (m) => m.subject.includes(s.org.name) && !m.to.some((to) => to.startsWith("marker-")),
      )
      .flatMap((m) => m.to);
    expect(recipients.sort()).toEqual(
      [english.contactEmail, german.contactEmail, delegatedHere.invite.contactEmail].sort(),
    );
    expect(recipients).not.toContain(delegatedElsewhere.invite.contactEmail);
    expect(recipients).not.toContain(revoked.contactEmail);
    expect(recipients).not.toContain(expired.contactEmail);
    for (const mail of [toEnglish, toGerman, toDelegate]) {
      for (const invite of [english, german, delegatedHere.invite]) {
        if ("token" in invite) expect(mail.raw).not.toContain(invite.token);
      }
      expect(mail.raw).not.toMatch(/\/invite\//);
    }
  });
});

describe("replyClarification and resolveClarification", () => {
  it("vendor and assessor reply in turn; messages are listed in order for both sides", async () => {
    const s = await createAssessmentScenario();
    const { vendor, invite } = await s.invitedVendor({ contactName: "Vera Vendor" });
    const questionKey = questionsOf(s.definition)[0]!.key;
    const { threadId } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey,
      body: "First",
    });
    await replyClarification(vendor, { threadId, body: "Second" });
    await replyClarification(s.admin, { threadId, body: "Third", assessmentId: s.assessment.id });

    const forUser = await listClarificationsForUser(s.auditor, s.assessment.id);
    expect(Object.keys(forUser)).toEqual([questionKey]);
    const [thread] = forUser[questionKey]!;
    expect(thread!.messages.map((m) => [m.authorKind, m.authorLabel, m.body])).toEqual([
      ["user", s.assessor.name, "First"],
      ["vendor", "Vera Vendor", "Second"],
      ["user", s.admin.name, "Third"],
    ]);
    expect(await listClarificationsForVendor(vendor)).toEqual(forUser);
    // No raw author ids leave the server.
    expect(JSON.stringify(forUser)).not.toContain(invite.inviteId);
    expect(JSON.stringify(forUser)).not.toContain(s.assessor.userId);

    const replies = await auditEventsOf(s.org.id, "clarification.replied");
    expect(replies.map((e) => [e.actorType, e.actorId])).toEqual([
      ["vendor", invite.inviteId],
      ["user", s.admin.userId],
    ]);
  });

  it("resolving closes the thread once; a reply (by either side) reopens it", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    const questionKey = questionsOf(s.definition)[0]!.key;
    const { threadId } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey,
      body: "Question",
    });
    const status = async () =>
      db().clarificationThread.findUniqueOrThrow({
        where: { id: threadId },
        select: { status: true, resolvedAt: true },
      });

    expect(await resolveClarification(s.assessor, { threadId })).toEqual({ changed: true });
    expect(await status()).toMatchObject({ status: "RESOLVED", resolvedAt: expect.any(Date) });
    expect(await resolveClarification(s.assessor, { threadId })).toEqual({ changed: false });
    expect(await auditEventsOf(s.org.id, "clarification.resolved")).toHaveLength(1);

    expect(
      await replyClarification(vendor, { threadId, body: "Actually, one more thing" }),
    ).toMatchObject({ reopened: true });
    expect(await status()).toEqual({ status: "OPEN", resolvedAt: null });
    const [reopenEvent] = await auditEventsOf(s.org.id, "clarification.replied");
    expect(JSON.parse(reopenEvent!.payload)).toMatchObject({ reopened: true, questionKey });

    await resolveClarification(s.admin, { threadId, assessmentId: s.assessment.id });
    expect(
      await replyClarification(s.assessor, { threadId, body: "Reopened by us" }),
    ).toMatchObject({ reopened: true });
    expect((await status()).status).toBe("OPEN");
    expect(await replyClarification(s.assessor, { threadId, body: "Still open" })).toMatchObject({
      reopened: false,
    });
  });

  it("DPOs and auditors can read but neither reply nor resolve; vendors cannot resolve", async () => {
    const s = await createAssessmentScenario();
    const questionKey = questionsOf(s.definition)[0]!.key;
    const { threadId } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey,
      body: "Question",
    });
    for (const actor of [s.dpo, s.auditor]) {
      await expectDomainError(replyClarification(actor, { threadId, body: "No" }), "FORBIDDEN");
      await expectDomainError(resolveClarification(actor, { threadId }), "FORBIDDEN");
      expect(Object.keys(await listClarificationsForUser(actor, s.assessment.id))).toEqual([
        questionKey,
      ]);
    }
    expect(await db().clarificationMessage.count({ where: { threadId } })).toBe(1);
    expect(
      (await db().clarificationThread.findUniqueOrThrow({ where: { id: threadId } })).status,
    ).toBe("OPEN");
  });

  it("empty and over-long replies are refused", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    const questionKey = questionsOf(s.definition)[0]!.key;
    const { threadId } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey,
      body: "Question",
    });
    await expectDomainError(replyClarification(vendor, { threadId, body: " \n " }), "VALIDATION");
    await expectDomainError(
      replyClarification(s.assessor, { threadId, body: "y".repeat(5001) }),
      "VALIDATION",
    );
    await expectDomainError(
      replyClarification(vendor, { threadId: "", body: "Hello" }),
      "VALIDATION",
    );
    expect(await db().clarificationMessage.count({ where: { threadId } })).toBe(1);
  });

  it("another organisation's thread is NOT_FOUND for its users and vendors, and stays unchanged", async () => {
    const s = await createAssessmentScenario();
    const other = await createAssessmentScenario();
    const { vendor: ownVendor } = await s.invitedVendor();
    const questionKey = questionsOf(other.definition)[0]!.key;
    const { threadId } = await askClarification(other.assessor, {
      assessmentId: other.assessment.id,
      questionKey,
      body: "Theirs",
    });
    await expectDomainError(
      replyClarification(s.assessor, { threadId, body: "Probe" }),
      "NOT_FOUND",
    );
    await expectDomainError(
      replyClarification(ownVendor, { threadId, body: "Probe" }),
      "NOT_FOUND",
    );
    await expectDomainError(resolveClarification(s.admin, { threadId }), "NOT_FOUND");
    await expectDomainError(listClarificationsForUser(s.auditor, other.assessment.id), "NOT_FOUND");
    // A thread of the same organisation but another assessment than the URL's is not found either.
    const second = await createAssessmentScenario({ organizationId: s.org.id });
    const { threadId: sameOrgThread } = await askClarification(s.assessor, {
      assessmentId: second.assessment.id,
      questionKey,
      body: "Other assessment",
    });
    await expectDomainError(
      replyClarification(s.assessor, {
        threadId: sameOrgThread,
        body: "Probe",
        assessmentId: s.assessment.id,
      }),
      "NOT_FOUND",
    );
    await expectDomainError(
      resolveClarification(s.assessor, { threadId: sameOrgThread, assessmentId: s.assessment.id }),
      "NOT_FOUND",
    );
    await expectDomainError(
      replyClarification(ownVendor, { threadId: sameOrgThread, body: "Probe" }),
      "NOT_FOUND",
    );

    const theirs = await db().clarificationThread.findUniqueOrThrow({
      where: { id: threadId },
      include: { messages: true },
    });
    expect(theirs.status).toBe("OPEN");
    expect(theirs.messages).toHaveLength(1);
    expect(await db().clarificationMessage.count({ where: { threadId: sameOrgThread } })).toBe(1);
    expect(await listClarificationsForVendor(ownVendor)).toEqual({});
  });

  it("a delegated contact sees and answers only threads of their sections", async () => {
    const s = await createAssessmentScenario();
    const { inFirst, inSecond, first } = twoSections(s);
    const { vendor: delegate } = await delegatedVendor(s, [first]);
    const { threadId: visible } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey: inFirst.key,
      body: "Yours",
    });
    const { threadId: hidden } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey: inSecond.key,
      body: "Not yours",
    });

    const listed = await listClarificationsForVendor(delegate);
    expect(Object.keys(listed)).toEqual([inFirst.key]);
    await replyClarification(delegate, { threadId: visible, body: "Answered" });
    await expectDomainError(
      replyClarification(delegate, { threadId: hidden, body: "Probe" }),
      "NOT_FOUND",
    );
    // The stored delegation counts even when the actor does not carry it.
    const { sections: _carried, ...withoutSections } = delegate;
    await expectDomainError(
      replyClarification(withoutSections, { threadId: hidden, body: "Probe" }),
      "NOT_FOUND",
    );
    expect(Object.keys(await listClarificationsForVendor(withoutSections))).toEqual([inFirst.key]);
    expect(await db().clarificationMessage.count({ where: { threadId: hidden } })).toBe(1);
  });

  it("a vendor may reply after submitting (the answers stay read-only) and the creator is mailed in their language", async () => {
    const s = await createAssessmentScenario();
    await db().user.update({ where: { id: s.assessor.userId }, data: { locale: "de" } });
    const { vendor } = await s.invitedVendor({ contactName: "Vera Vendor" });
    await s.answer(vendor, {
      [questionsOf(s.definition)[0]!.key]: s.completeAnswers()[questionsOf(s.definition)[0]!.key]!,
    });
    // Submitted as submitAssessment leaves it (its completeness rules are tested elsewhere).
    await db().assessment.update({
      where: { id: s.assessment.id },
      data: { status: "SUBMITTED", submittedAt: new Date() },
    });
    const question = questionsOf(s.definition)[0]!;
    const { threadId } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey: question.key,
      body: "After submit?",
    });
    smtp().clear();

    await replyClarification(vendor, { threadId, body: "Yes, after submit." });
    expect(await db().clarificationMessage.count({ where: { threadId } })).toBe(2);
    expect((await s.reload()).status).toBe("SUBMITTED");
    await expectDomainError(s.answer(vendor, { [question.key]: null }), "INVALID_STATE");

    const mail = await smtp().waitFor((m) => m.to.includes(s.assessor.email));
    expect(mail.subject).toBe(`${s.vendor.name} hat auf eine Rückfrage geantwortet`);
    expect(mail.text).toContain("Vera Vendor");
    expect(mail.text).toContain(question.label.de);
    expect(mail.text).toContain("Yes, after submit.");
    expect(mail.text).toContain(`/assessments/${s.assessment.id}`);
  });

  it("a vendor reply mails the creator in English by default; an assessor reply mails the contacts", async () => {
    const s = await createAssessmentScenario();
    const { vendor, invite } = await s.invitedVendor({ locale: "de" });
    const question = questionsOf(s.definition)[0]!;
    const { threadId } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey: question.key,
      body: "Question",
    });
    smtp().clear();
    await replyClarification(vendor, { threadId, body: "Vendor answer" });
    const toCreator = await smtp().waitFor((m) => m.to.includes(s.assessor.email));
    expect(toCreator.subject).toBe(`${s.vendor.name} replied to a clarification`);
    expect(toCreator.text).toContain(question.label.en);

    await replyClarification(s.admin, { threadId, body: "Follow-up from us" });
    const toVendor = await smtp().waitFor(
      (m) => m.to.includes(invite.contactEmail) && m.text.includes("Follow-up from us"),
    );
    expect(toVendor.subject).toBe(`Neue Nachricht von ${s.org.name} zu Ihrer Antwort`);
    expect(toVendor.raw).not.toContain(invite.token);
  });

  it("a decided or cancelled assessment's threads can no longer change", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await s.invitedVendor();
    const questionKey = questionsOf(s.definition)[0]!.key;
    const { threadId } = await askClarification(s.assessor, {
      assessmentId: s.assessment.id,
      questionKey,
      body: "Question",
    });
    for (const status of ["APPROVED", "CANCELLED"]) {
      await db().assessment.update({ where: { id: s.assessment.id }, data: { status } });
      await expectDomainError(
        askClarification(s.assessor, { assessmentId: s.assessment.id, questionKey, body: "Late" }),
        "INVALID_STATE",
      );
      await expectDomainError(
        replyClarification(vendor, { threadId, body: "Late" }),
        "INVALID_STATE",
      );
      await expectDomainError(resolveClarification(s.assessor, { threadId }), "INVALID_STATE");
      expect(Object.keys(await listClarificationsForUser(s.auditor, s.assessment.id))).toEqual([
        questionKey,
      ]);
    }
    expect(await db().clarificationMessage.count({ where: { threadId } })).toBe(1);
  });
});
