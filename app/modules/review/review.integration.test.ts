import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { DomainError, type ErrorCode } from "~/utils/errors";
import type { VendorActor } from "~/modules/auth/actor";
import { decideAssessment } from "~/modules/assessments/decide-assessment.server";
import { forwardToDpo } from "~/modules/assessments/forward-to-dpo.server";
import { getAssessment } from "~/modules/assessments/get-assessment.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { getVendorQuestionnaire } from "~/modules/portal/vendor-questionnaire.server";
import { questionsOf } from "~/modules/questionnaires/template-definition";
import {
  auditEventsOf,
  createAssessmentScenario,
  rejectionOf,
  withRecentMfa,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { requestChanges } from "./change-requests.server";
import { addComment, listCommentsForVendor } from "./comments.server";
import { conditionsFromForm } from "./decision-conditions";
import { createFinding, deleteFinding, updateFinding } from "./findings.server";
import { getReviewWorkspace, getVendorReview } from "./review-workspace.server";

/**
 * The review workspace against a real database: findings (CRUD, optimistic concurrency, roles,
 * tenancy), comments (internal vs vendor, delegated contacts), request changes (only reopened
 * questions save, resubmit closes the request and rescores, mails in the contact's language) and
 * a decision with several conditions.
 */
const smtp = setupSmtpCatcher();

async function expectDomainError(promise: Promise<unknown>, code: ErrorCode) {
  const error = await rejectionOf(promise);
  expect(error, `expected ${code}`).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

async function submitted(s: AssessmentScenario, invite: { locale?: "en" | "de" } = {}) {
  const { vendor, invite: created } = await s.invitedVendor(invite);
  await s.answer(vendor, s.completeAnswers());
  const result = await submitAssessment(vendor);
  if (!result.ok) throw new Error(`submit failed: ${result.missingRequired.join(", ")}`);
  return { vendor, invite: created };
}

/** A colleague delegated to `sections` (the row as the delegation feature stores it). */
async function delegatedVendor(s: AssessmentScenario, sections: string[]) {
  const { invite, vendor } = await s.invitedVendor();
  await db().inviteLink.update({
    where: { id: invite.inviteId },
    data: { sections: JSON.stringify(sections) },
  });
  return { ...vendor, sections } satisfies VendorActor;
}

const baseFinding = {
  title: "No DPA signed",
  severity: "HIGH" as const,
  description: "The vendor has no signed DPA.",
  remediation: "Sign the DPA.",
  owner: "Legal",
  dueDate: "2027-01-31",
};

describe("findings", () => {
  it("creates, updates and deletes with audit events; linked questions must exist in the pinned version", async () => {
    const s = await createAssessmentScenario();
    const key = questionsOf(s.definition)[0]!.key;
    const { findingId, version } = await createFinding(s.assessor, {
      assessmentId: s.assessment.id,
      ...baseFinding,
      questionKeys: [key, key],
    });
    const row = await db().finding.findUniqueOrThrow({ where: { id: findingId } });
    expect(row).toMatchObject({
      organizationId: s.org.id,
      title: "No DPA signed",
      severity: "HIGH",
      status: "OPEN",
      owner: "Legal",
      version: 1,
      questionKeys: JSON.stringify([key]),
    });
    expect(row.dueDate?.toISOString()).toBe("2027-01-31T23:59:59.000Z");

    await expectDomainError(
      createFinding(s.assessor, {
        assessmentId: s.assessment.id,
        ...baseFinding,
        questionKeys: ["no.such_question"],
      }),
      "VALIDATION",
    );
    await expectDomainError(
      createFinding(s.assessor, {
        assessmentId: s.assessment.id,
        ...baseFinding,
        severity: "SEVERE" as never,
      }),
      "VALIDATION",
    );

    const updated = await updateFinding(s.admin, {
      assessmentId: s.assessment.id,
      findingId,
      expectedVersion: version,
      ...baseFinding,
      status: "RESOLVED",
      owner: "",
      dueDate: "",
    });
    expect(updated.version).toBe(2);
    expect(await db().finding.findUniqueOrThrow({ where: { id: findingId } })).toMatchObject({
      status: "RESOLVED",
      owner: null,
      dueDate: null,
      version: 2,
    });

    await deleteFinding(s.assessor, {
      assessmentId: s.assessment.id,
      findingId,
      expectedVersion: 2,
    });
    expect(await db().finding.count({ where: { id: findingId } })).toBe(0);
    const actions = (await auditEventsOf(s.org.id))
      .map((e) => e.action)
      .filter((a) => a.startsWith("finding."));
    expect(actions).toEqual(["finding.created", "finding.updated", "finding.deleted"]);
  });

  it("a stale edit is a CONFLICT and overwrites nothing", async () => {
    const s = await createAssessmentScenario();
    const { findingId } = await createFinding(s.assessor, {
      assessmentId: s.assessment.id,
      ...baseFinding,
    });
    await updateFinding(s.assessor, {
      assessmentId: s.assessment.id,
      findingId,
      expectedVersion: 1,
      ...baseFinding,
      title: "First editor wins",
    });
    await expectDomainError(
      updateFinding(s.admin, {
        assessmentId: s.assessment.id,
        findingId,
        expectedVersion: 1,
        ...baseFinding,
        title: "Stale editor",
      }),
      "CONFLICT",
    );
    await expectDomainError(
      deleteFinding(s.admin, { assessmentId: s.assessment.id, findingId, expectedVersion: 1 }),
      "CONFLICT",
    );
    expect(await db().finding.findUniqueOrThrow({ where: { id: findingId } })).toMatchObject({
      title: "First editor wins",
      version: 2,
    });
  });

  it("DPOs and auditors may read but not write; another organisation gets NOT_FOUND", async () => {
    const s = await createAssessmentScenario();
    const other = await createAssessmentScenario();
    const { findingId } = await createFinding(s.assessor, {
      assessmentId: s.assessment.id,
      ...baseFinding,
    });
    for (const actor of [s.dpo, s.auditor]) {
      await expectDomainError(
        createFinding(actor, { assessmentId: s.assessment.id, ...baseFinding }),
        "FORBIDDEN",
      );
      await expectDomainError(
        updateFinding(actor, {
          assessmentId: s.assessment.id,
          findingId,
          expectedVersion: 1,
          ...baseFinding,
        }),
        "FORBIDDEN",
      );
      expect((await getReviewWorkspace(actor, s.assessment.id)).findings).toHaveLength(1);
    }
    await expectDomainError(
      createFinding(other.assessor, { assessmentId: s.assessment.id, ...baseFinding }),
      "NOT_FOUND",
    );
    await expectDomainError(
      updateFinding(other.assessor, {
        assessmentId: s.assessment.id,
        findingId,
        expectedVersion: 1,
        ...baseFinding,
        title: "Foreign",
      }),
      "NOT_FOUND",
    );
    // Their own assessment id with our finding id is not a way in either.
    await expectDomainError(
      deleteFinding(other.assessor, {
        assessmentId: other.assessment.id,
        findingId,
        expectedVersion: 1,
      }),
      "NOT_FOUND",
    );
    await expectDomainError(getReviewWorkspace(other.auditor, s.assessment.id), "NOT_FOUND");
    expect(await db().finding.findUniqueOrThrow({ where: { id: findingId } })).toMatchObject({
      title: baseFinding.title,
      version: 1,
    });
  });
});

describe("comments", () => {
  it("vendors never see INTERNAL comments; delegated contacts only those of their sections", async () => {
    const s = await createAssessmentScenario();
    const [first, second] = s.definition.sections;
    const inFirst = first!.questions[0]!.key;
    const inSecond = second!.questions[0]!.key;
    const { vendor } = await s.invitedVendor();
    const colleague = await delegatedVendor(s, [first!.key]);
    const id = s.assessment.id;
    await addComment(s.assessor, {
      assessmentId: id,
      visibility: "INTERNAL",
      body: "Internal: vendor seems evasive",
    });
    await addComment(s.dpo, {
      assessmentId: id,
      visibility: "VENDOR",
      body: "General note to the vendor",
    });
    await addComment(s.admin, {
      assessmentId: id,
      questionKey: inFirst,
      visibility: "VENDOR",
      body: "On the first section",
    });
    await addComment(s.assessor, {
      assessmentId: id,
      questionKey: inSecond,
      visibility: "VENDOR",
      body: "On the second section",
    });
    await addComment(s.assessor, {
      assessmentId: id,
      questionKey: inFirst,
      visibility: "INTERNAL",
      body: "Internal on first",
    });
    await expectDomainError(
      addComment(s.auditor, {
        assessmentId: id,
        visibility: "INTERNAL",
        body: "Auditors read only",
      }),
      "FORBIDDEN",
    );
    await expectDomainError(
      addComment(s.assessor, { assessmentId: id, visibility: "PUBLIC" as never, body: "x" }),
      "VALIDATION",
    );
    await expectDomainError(
      addComment(s.assessor, {
        assessmentId: id,
        questionKey: "no.such_question",
        visibility: "VENDOR",
        body: "x",
      }),
      "VALIDATION",
    );

    expect((await getReviewWorkspace(s.auditor, id)).comments.map((c) => c.body)).toHaveLength(5);
    const main = await listCommentsForVendor(vendor);
    expect(main.general.map((c) => c.body)).toEqual(["General note to the vendor"]);
    expect(
      Object.fromEntries(
        Object.entries(main.byQuestion).map(([k, v]) => [k, v.map((c) => c.body)]),
      ),
    ).toEqual({ [inFirst]: ["On the first section"], [inSecond]: ["On the second section"] });
    const delegated = await listCommentsForVendor(colleague);
    expect(delegated.general).toEqual([]);
    expect(Object.keys(delegated.byQuestion)).toEqual([inFirst]);
    expect(JSON.stringify([main, delegated])).not.toContain("Internal");
    expect((await auditEventsOf(s.org.id, "comment.added")).length).toBe(5);
  });
});

describe("request changes", () => {
  it("reopens only the chosen questions, mails the contacts in their language, and the resubmit closes the request with new scores", async () => {
    const s = await createAssessmentScenario();
    const { vendor, invite } = await submitted(s, { locale: "de" });
    const reopenKey = "data_use.model_training";
    const otherKey = questionsOf(s.definition).find(
      (q) => q.key !== reopenKey && !q.showIf && q.type === "long_text",
    )!.key;
    // The follow-up question shown for "no_opt_out" is reopened with it (or the vendor could never resubmit).
    const followUp = questionsOf(s.definition).find(
      (q) => q.showIf && "question" in q.showIf && q.showIf.question === reopenKey,
    )!.key;
    const before = await s.reload();

    await expectDomainError(
      requestChanges(s.dpo, {
        assessmentId: s.assessment.id,
        questionKeys: [reopenKey],
        message: "Please revise",
      }),
      "FORBIDDEN",
    );
    await expectDomainError(
      requestChanges(s.assessor, {
        assessmentId: s.assessment.id,
        questionKeys: [],
        message: "Please revise",
      }),
      "VALIDATION",
    );
    await expectDomainError(
      requestChanges(s.assessor, {
        assessmentId: s.assessment.id,
        questionKeys: ["no.such_question"],
        message: "Please revise",
      }),
      "VALIDATION",
    );
    await requestChanges(s.assessor, {
      assessmentId: s.assessment.id,
      questionKeys: [reopenKey],
      message: "Bitte Trainingsnutzung genauer angeben",
    });

    expect((await s.reload()).status).toBe("CHANGES_REQUESTED");
    const request = await db().changeRequest.findFirstOrThrow({
      where: { assessmentId: s.assessment.id },
    });
    expect(request).toMatchObject({
      closedAt: null,
      requestedById: s.assessor.userId,
      questionKeys: JSON.stringify([reopenKey, followUp]),
    });
    const [event] = await auditEventsOf(s.org.id, "assessment.changes_requested");
    expect(JSON.parse(event!.payload)).toMatchObject({
      changeRequestId: request.id,
      from: "SUBMITTED",
      questionKeys: [reopenKey, followUp],
    });

    // The invite mail went to the same address earlier: wait for the one about the request.
    const mail = await smtp().waitFor(
      (m) => m.to.includes(invite.contactEmail) && m.text.includes("Bitte Trainingsnutzung"),
    );
    expect(mail.subject).toContain("Änderungen angefordert");
    expect(mail.text).toContain("Bitte Trainingsnutzung genauer angeben");
    expect(mail.text).not.toContain(invite.token);
    const label = questionsOf(s.definition).find((q) => q.key === reopenKey)!.label.de;
    expect(mail.text).toContain(label);

    const review = await getVendorReview(vendor);
    expect(review.changeRequest).toMatchObject({
      message: "Bitte Trainingsnutzung genauer angeben",
      questionKeys: [reopenKey, followUp],
    });

    const storedOther = (await s.storedAnswers())[otherKey];
    const others = await s.answer(vendor, { [otherKey]: "Changed although not reopened" });
    expect(others[0]).toMatchObject({ questionKey: otherKey, status: "invalid" });
    expect((await s.storedAnswers())[otherKey]).toEqual(storedOther);
    const reopened = await s.answer(vendor, {
      [reopenKey]: "no_opt_out",
      [followUp]: "We train on all customer data.",
    });
    expect(reopened.map((o) => o.status)).toEqual(["saved", "saved"]);
    expect((await s.storedAnswers())[reopenKey]).toBe("no_opt_out");

    const result = await submitAssessment(vendor);
    expect(result.ok).toBe(true);
    const after = await s.reload();
    expect(after.status).toBe("SUBMITTED");
    expect(after.overallScore).not.toBe(before.overallScore);
    expect(
      JSON.parse(after.scoreResult!).knockOuts.map((k: { questionKey: string }) => k.questionKey),
    ).toContain(reopenKey);
    expect(
      (await db().changeRequest.findUniqueOrThrow({ where: { id: request.id } })).closedAt,
    ).not.toBeNull();
    expect((await getVendorReview(vendor)).changeRequest).toBeNull();

    const history = (await getReviewWorkspace(s.assessor, s.assessment.id)).changeRequests;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      requestedByName: s.assessor.name,
      questionKeys: [reopenKey, followUp],
    });
    expect(history[0]!.closedAt).not.toBeNull();
  });

  it("works from AWAITING_DECISION, not from a draft; an English contact gets English mail; other tenants get NOT_FOUND", async () => {
    const s = await createAssessmentScenario();
    const other = await createAssessmentScenario();
    await expectDomainError(
      requestChanges(s.assessor, {
        assessmentId: s.assessment.id,
        questionKeys: ["data_use.model_training"],
        message: "Too early",
      }),
      "INVALID_STATE",
    );
    const { invite } = await submitted(s, { locale: "en" });
    await forwardToDpo(s.assessor, s.assessment.id, "");
    await expectDomainError(
      requestChanges(other.assessor, {
        assessmentId: s.assessment.id,
        questionKeys: ["data_use.model_training"],
        message: "Foreign",
      }),
      "NOT_FOUND",
    );
    await requestChanges(s.admin, {
      assessmentId: s.assessment.id,
      questionKeys: ["data_use.model_training"],
      message: "Please clarify training",
    });
    expect((await s.reload()).status).toBe("CHANGES_REQUESTED");
    const mail = await smtp().waitFor(
      (m) => m.to.includes(invite.contactEmail) && m.text.includes("Please clarify training"),
    );
    expect(mail.subject).toMatch(/^Changes requested: /);
  });

  it("the portal questionnaire still lists every question (the rest is read-only)", async () => {
    const s = await createAssessmentScenario();
    const { vendor } = await submitted(s);
    await requestChanges(s.assessor, {
      assessmentId: s.assessment.id,
      questionKeys: ["data_use.model_training"],
      message: "Only this one",
    });
    const questionnaire = await getVendorQuestionnaire(vendor);
    expect(questionnaire.assessment.editable).toBe(true);
    expect(questionnaire.sections.flatMap((sec) => sec.questions).length).toBe(
      questionsOf(s.definition).length,
    );
  });
});

describe("decision with several conditions", () => {
  it("stores three conditions with their due dates and shows them on the assessment", async () => {
    const s = await createAssessmentScenario();
    await submitted(s);
    await forwardToDpo(s.assessor, s.assessment.id, "");
    const form = new FormData();
    const rows = [
      ["Sign the DPA", "2027-01-31"],
      ["Disable training on our data", "2027-02-28"],
      ["", ""],
      ["Annual pen test report", "2027-06-30"],
      ["", ""],
    ];
    for (const [text, due] of rows) {
      form.append("conditionText", text!);
      form.append("conditionDue", due!);
    }
    const conditions = conditionsFromForm(form);
    expect(conditions).toHaveLength(3);
    await decideAssessment(withRecentMfa(s.dpo), s.assessment.id, {
      outcome: "APPROVED_WITH_CONDITIONS",
      rationale: "Acceptable with the listed conditions.",
      conditions,
      expectedVersion: (await s.reload()).version,
    });
    const view = await getAssessment(s.auditor, s.assessment.id);
    expect(view.decisions[0]!.conditions).toEqual([
      { text: "Sign the DPA", dueDate: "2027-01-31" },
      { text: "Disable training on our data", dueDate: "2027-02-28" },
      { text: "Annual pen test report", dueDate: "2027-06-30" },
    ]);
  });

  it("a half-filled condition row is kept so validation refuses it", () => {
    const form = new FormData();
    form.append("conditionText", "No due date");
    form.append("conditionDue", "");
    expect(conditionsFromForm(form)).toEqual([{ text: "No due date", dueDate: "" }]);
  });
});
