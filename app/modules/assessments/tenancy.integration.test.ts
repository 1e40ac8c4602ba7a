import { beforeAll, describe, expect, it } from "vitest";
import type { VendorActor } from "~/modules/auth/actor";
import { saveAnswers } from "~/modules/portal/save-answers.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { getVendorQuestionnaire } from "~/modules/portal/vendor-questionnaire.server";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import {
  auditEventsOf,
  createAssessmentScenario,
  rejectionOf,
  withRecentMfa,
  type AssessmentScenario,
  type CreatedInvite,
} from "../../../tests/support/assessment-factories";
import { createInviteLink } from "./create-invite-link.server";
import { decideAssessment } from "./decide-assessment.server";
import { forwardToDpo } from "./forward-to-dpo.server";
import { getAssessment } from "./get-assessment.server";
import { listAssessments } from "./list-assessments.server";
import { revokeInviteLink } from "./revoke-invite-link.server";
import { startAssessment } from "./start-assessment.server";

/**
 * Tenant isolation: actors of organisation B, with the right role and a fresh MFA check, get
 * NOT_FOUND (never FORBIDDEN, never success) for every id of organisation A, and nothing in A
 * changes. Each target of A is in a state in which its own people could perform the action.
 */

let invited: AssessmentScenario; // org A, INVITED (invites, answers)
let submitted: AssessmentScenario; // org A, SUBMITTED (forward)
let awaiting: AssessmentScenario; // org A, AWAITING_DECISION (decide)
let inviteA: CreatedInvite;
let other: AssessmentScenario; // org B

async function stateOfOrgA() {
  const organizationId = invited.org.id;
  return {
    assessments: await db().assessment.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
    }),
    invites: await db().inviteLink.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    answers: await db().answer.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    decisions: await db().decision.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    events: await auditEventsOf(organizationId),
  };
}

async function expectNotFound(promise: Promise<unknown>) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("NOT_FOUND");
}

beforeAll(async () => {
  invited = await createAssessmentScenario();
  const orgA = invited.org.id;
  inviteA = await invited.createInvite();

  submitted = await createAssessmentScenario({ organizationId: orgA });
  const submittedVendor = await submitted.invitedVendor();
  await submitted.answer(submittedVendor.vendor, submitted.completeAnswers());
  expect(await submitAssessment(submittedVendor.vendor)).toEqual({ ok: true });

  awaiting = await createAssessmentScenario({ organizationId: orgA });
  const awaitingVendor = await awaiting.invitedVendor();
  await awaiting.answer(awaitingVendor.vendor, awaiting.completeAnswers());
  expect(await submitAssessment(awaitingVendor.vendor)).toEqual({ ok: true });
  await forwardToDpo(awaiting.assessor, awaiting.assessment.id, "please decide");

  other = await createAssessmentScenario();
  expect(other.org.id).not.toBe(orgA);
});

describe("another organisation's actors get NOT_FOUND", () => {
  it("getAssessment (every role of B)", async () => {
    const before = await stateOfOrgA();
    for (const actor of [other.assessor, other.dpo, other.admin, other.auditor]) {
      await expectNotFound(getAssessment(actor, invited.assessment.id));
      await expectNotFound(getAssessment(actor, awaiting.assessment.id));
    }
    // Sanity: A's own auditor sees it.
    expect((await getAssessment(invited.auditor, invited.assessment.id)).id).toBe(
      invited.assessment.id,
    );
    expect(await stateOfOrgA()).toEqual(before);
  });

  it("createInviteLink", async () => {
    const before = await stateOfOrgA();
    await expectNotFound(
      createInviteLink(other.assessor, invited.assessment.id, {
        contactEmail: "intruder@evil.example",
        locale: "en",
      }),
    );
    await expectNotFound(
      createInviteLink(other.admin, invited.assessment.id, {
        contactEmail: "intruder@evil.example",
        locale: "en",
      }),
    );
    expect(await db().inviteLink.count({ where: { contactEmail: "intruder@evil.example" } })).toBe(
      0,
    );
    expect(await stateOfOrgA()).toEqual(before);
  });

  it("revokeInviteLink", async () => {
    const before = await stateOfOrgA();
    await expectNotFound(revokeInviteLink(other.assessor, { inviteId: inviteA.inviteId }));
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: inviteA.inviteId } })).revokedAt,
    ).toBeNull();
    expect(await stateOfOrgA()).toEqual(before);
  });

  it("forwardToDpo", async () => {
    const before = await stateOfOrgA();
    await expectNotFound(forwardToDpo(other.assessor, submitted.assessment.id, "hijack"));
    expect((await submitted.reload()).status).toBe("SUBMITTED");
    expect(await stateOfOrgA()).toEqual(before);
  });

  it("decideAssessment (a DPO of B with a fresh MFA check)", async () => {
    const before = await stateOfOrgA();
    const { version } = await awaiting.reload();
    await expectNotFound(
      decideAssessment(withRecentMfa(other.dpo), awaiting.assessment.id, {
        outcome: "APPROVED",
        rationale: "Approving someone else's vendor.",
        conditions: [],
        expectedVersion: version,
      }),
    );
    expect((await awaiting.reload()).status).toBe("AWAITING_DECISION");
    expect(await stateOfOrgA()).toEqual(before);
  });

  it("startAssessment with A's vendor, product or template version", async () => {
    const before = await stateOfOrgA();
    const assessmentsOfB = await db().assessment.count({ where: { organizationId: other.org.id } });
    const base = {
      vendorId: other.vendor.id,
      productId: other.product.id,
      templateVersionId: other.templateVersionId,
      title: "Cross-tenant",
      dueDate: undefined,
    };
    await expectNotFound(
      startAssessment(other.assessor, {
        ...base,
        vendorId: invited.vendor.id,
        productId: undefined,
      }),
    );
    await expectNotFound(
      startAssessment(other.assessor, {
        ...base,
        vendorId: invited.vendor.id,
        productId: invited.product.id,
      }),
    );
    await expectNotFound(
      startAssessment(other.assessor, { ...base, productId: invited.product.id }),
    );
    await expectNotFound(
      startAssessment(other.assessor, { ...base, templateVersionId: invited.templateVersionId }),
    );
    expect(await db().assessment.count({ where: { organizationId: other.org.id } })).toBe(
      assessmentsOfB,
    );
    expect(await stateOfOrgA()).toEqual(before);
    // Sanity: with its own ids B can start one.
    const own = await startAssessment(other.assessor, base);
    expect(own.organizationId).toBe(other.org.id);
  });

  it("listAssessments shows only the actor's organisation", async () => {
    const listed = await listAssessments(other.auditor, {});
    const ids = listed.items.map((i) => i.id);
    expect(ids).toContain(other.assessment.id);
    for (const foreign of [invited, submitted, awaiting])
      expect(ids).not.toContain(foreign.assessment.id);
  });

  it("a vendor session of B cannot read, answer or submit A's assessment", async () => {
    const before = await stateOfOrgA();
    const { invite } = await other.invitedVendor();
    const forged: VendorActor = {
      kind: "vendor",
      organizationId: other.org.id,
      inviteLinkId: invite.inviteId,
      assessmentId: invited.assessment.id,
      email: invite.contactEmail,
      ip: "203.0.113.9",
    };
    await expectNotFound(getVendorQuestionnaire(forged));
    await expectNotFound(
      saveAnswers(forged, [{ questionKey: "security.encryption", value: "yes", baseVersion: 0 }]),
    );
    await expectNotFound(submitAssessment(forged));
    expect(await stateOfOrgA()).toEqual(before);
  });
});
