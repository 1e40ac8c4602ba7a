import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/modules/audit/verify-audit-chain.server";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import {
  describeInvite,
  exchangeInviteToken,
  requireVendorSession,
} from "~/modules/portal/invite-links.server";
import { saveAnswers } from "~/modules/portal/save-answers.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { getVendorQuestionnaire } from "~/modules/portal/vendor-questionnaire.server";
import { db } from "~/utils/db.server";
import {
  auditEventsOf,
  createAssessmentScenario,
  tokenFromInviteUrl,
  withRecentMfa,
} from "../../../tests/support/assessment-factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { BUNDLED_TEMPLATES } from "~/modules/questionnaires/bundled-templates.server";
import { codeFromMail } from "../../../tests/support/vendor-sessions";
import { verifyVendorCode } from "~/modules/portal/vendor-devices-code.server";
import { computeScore } from "./compute-score";
import { createInviteLink } from "./create-invite-link.server";
import { decideAssessment } from "./decide-assessment.server";
import { forwardToDpo } from "./forward-to-dpo.server";
import { getAssessment } from "./get-assessment.server";
import { listAssessments } from "./list-assessments.server";

/**
 * The main journey through the use cases, with the link taken from the real mail: start → invite
 * → open (GET) → Continue (POST) → answer (with a conflict from a second tab) → submit →
 * forward → DPO decides with a condition. Afterwards the audit chain verifies and tells the story.
 */

const smtp = setupSmtpCatcher();

describe("assessment journey", () => {
  it("runs end to end and leaves a valid, complete audit chain", async () => {
    const s = await createAssessmentScenario();
    expect((await s.reload()).status).toBe("DRAFT");

    // Invite: the contact gets the link by mail.
    await createInviteLink(s.assessor, s.assessment.id, {
      contactEmail: "security@acme.example",
      contactName: "Acme Security",
      locale: "en",
    });
    const mail = await smtp().waitFor((m) => m.to.includes("security@acme.example"));
    const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const token = tokenFromInviteUrl(link!);

    // A mail scanner opens the link: nothing happens.
    expect((await describeInvite(token)).state).toBe("valid");
    expect((await auditEventsOf(s.org.id, "invite.opened")).length).toBe(0);

    // The contact clicks Continue and gets a vendor session, usable once the mailed code is confirmed.
    const exchanged = await exchangeInviteToken(token, "203.0.113.50", "Firefox");
    if (exchanged.kind !== "ok") throw new Error(`exchange failed: ${exchanged.kind}`);
    const code = await codeFromMail(smtp(), "security@acme.example");
    expect((await verifyVendorCode(exchanged.sessionToken, code, "203.0.113.50")).kind).toBe("ok");
    const cookie = (await vendorSessionCookie().serialize(exchanged.sessionToken)).split(";")[0]!;
    const vendor = await requireVendorSession(
      new Request("http://127.0.0.1:3999/portal", { headers: { Cookie: cookie } }),
      { clientIp: "203.0.113.50", requestId: "r", cspNonce: "n" },
    );
    expect(vendor.assessmentId).toBe(s.assessment.id);

    // Answers in two batches; a stale second tab gets a conflict instead of overwriting.
    const answers = s.completeAnswers({ "data_use.model_training": "opt_out" }, 0.9);
    const keys = Object.keys(answers);
    const firstHalf = Object.fromEntries(keys.slice(0, 10).map((k) => [k, answers[k]!]));
    const secondHalf = Object.fromEntries(keys.slice(10).map((k) => [k, answers[k]!]));
    await s.answer(vendor, firstHalf);
    expect((await s.reload()).status).toBe("IN_PROGRESS");
    const [stale] = await saveAnswers(vendor, [
      { questionKey: keys[0]!, value: "unknown", baseVersion: 0 },
    ]);
    expect(stale?.status).toBe("conflict");
    await s.answer(vendor, secondHalf);
    const questionnaire = await getVendorQuestionnaire(vendor);
    expect(Object.keys(questionnaire.answers).sort()).toEqual([...keys].sort());
    expect(questionnaire.assessment.editable).toBe(true);

    // Submit: score stored, assessor mailed.
    const submittedAt = new Date("2026-11-25T09:30:00.000Z");
    expect(await submitAssessment(vendor, submittedAt)).toEqual({ ok: true });
    await smtp().waitFor((m) => m.to.includes(s.assessor.email));
    expect((await getVendorQuestionnaire(vendor)).assessment.editable).toBe(false);

    // Review and decision.
    await forwardToDpo(s.assessor, s.assessment.id, "No EU-only inference option; otherwise fine.");
    const view = await getAssessment(s.dpo, s.assessment.id);
    expect(view.status).toBe("AWAITING_DECISION");
    expect(view.forwardedByName).toBe(s.assessor.name);
    expect(view.createdByName).toBe(s.assessor.name);
    const { decisionId, againstRecommendation } = await decideAssessment(
      withRecentMfa(s.dpo),
      s.assessment.id,
      {
        outcome: "APPROVED_WITH_CONDITIONS",
        rationale: "Approved; EU-only inference must be offered.",
        conditions: [{ text: "Provide an EU-only inference option", dueDate: "2027-03-31" }],
        expectedVersion: view.version,
      },
    );

    const final = await getAssessment(s.auditor, s.assessment.id);
    expect(final.status).toBe("APPROVED_WITH_CONDITIONS");
    expect(final.decisions.map((d) => d.id)).toEqual([decisionId]);
    expect(final.score?.overall).toBe(
      computeScore(
        s.definition,
        await s.storedAnswers(),
        (await s.reload())!.submittedAt!.toISOString().slice(0, 10),
      ).overall,
    );
    expect(againstRecommendation).toBe(final.recommendation === "REJECT");
    expect(final.invites).toEqual([
      expect.objectContaining({
        contactEmail: "security@acme.example",
        useCount: 1,
        lastUsedIp: "203.0.113.0/24",
        state: "active",
      }),
    ]);
    expect(final.questions.filter((q) => q.answer !== null)).toHaveLength(keys.length);

    const listed = await listAssessments(s.auditor, { status: "APPROVED_WITH_CONDITIONS" });
    expect(listed.items.map((i) => i.id)).toEqual([s.assessment.id]);

    // The audit chain verifies and records the journey in order.
    const verdict = await verifyAuditChain(db(), s.org.id);
    const events = await auditEventsOf(s.org.id);
    expect(verdict).toEqual({
      ok: true,
      events: events.length,
      headSeq: events.length,
      headHash: events.at(-1)!.hash,
    });
    expect(events.map((e) => e.action)).toEqual([
      ...BUNDLED_TEMPLATES.map(() => "template.installed"),
      "assessment.created",
      "invite.created",
      "invite.opened",
      "vendor.code_sent",
      "vendor.device_verified",
      "answers.saved",
      "answers.saved",
      "assessment.submitted",
      "assessment.forwarded",
      "assessment.decided",
    ]);
    // No secret in the trail.
    const trail = JSON.stringify(events);
    expect(trail).not.toContain(token);
    expect(trail).not.toContain(exchanged.sessionToken);

    // Tampering with one event is detected at that event.
    const decided = events.at(-1)!;
    await db().auditEvent.update({
      where: { id: decided.id },
      data: { payload: decided.payload.replace("APPROVED_WITH_CONDITIONS", "REJECTED") },
    });
    const tampered = await verifyAuditChain(db(), s.org.id);
    expect(tampered).toMatchObject({ ok: false, brokenSeq: decided.seq, brokenId: decided.id });
  });
});
