import { describe, expect, it } from "vitest";
import { can, ROLES, type Role } from "~/utils/permissions";
import { ASSESSMENT_STATUSES, type AssessmentStatus } from "./assessment-status";
import { ASSESSMENT_TABS } from "./assessment-tabs";
import { nextStep, type NextStepKind } from "./next-step";

/** What each role is offered in each status (no separation-of-duties block). */
const EXPECTED: Record<AssessmentStatus, Record<Role, NextStepKind>> = {
  DRAFT: {
    ADMIN: "inviteVendor",
    ASSESSOR: "inviteVendor",
    DPO: "waitForVendor",
    AUDITOR: "waitForVendor",
  },
  INVITED: {
    ADMIN: "remindVendor",
    ASSESSOR: "remindVendor",
    DPO: "waitForVendor",
    AUDITOR: "waitForVendor",
  },
  IN_PROGRESS: {
    ADMIN: "remindVendor",
    ASSESSOR: "remindVendor",
    DPO: "waitForVendor",
    AUDITOR: "waitForVendor",
  },
  CHANGES_REQUESTED: {
    ADMIN: "remindVendor",
    ASSESSOR: "remindVendor",
    DPO: "waitForVendor",
    AUDITOR: "waitForVendor",
  },
  SUBMITTED: {
    ADMIN: "reviewAndForward",
    ASSESSOR: "reviewAndForward",
    DPO: "waitForReview",
    AUDITOR: "waitForReview",
  },
  AWAITING_DECISION: {
    ADMIN: "waitForDecision",
    ASSESSOR: "waitForDecision",
    DPO: "decide",
    AUDITOR: "waitForDecision",
  },
  APPROVED: {
    ADMIN: "readReport",
    ASSESSOR: "readReport",
    DPO: "readReport",
    AUDITOR: "readReport",
  },
  APPROVED_WITH_CONDITIONS: {
    ADMIN: "readReport",
    ASSESSOR: "readReport",
    DPO: "readReport",
    AUDITOR: "readReport",
  },
  REJECTED: {
    ADMIN: "readReport",
    ASSESSOR: "readReport",
    DPO: "readReport",
    AUDITOR: "readReport",
  },
  CANCELLED: { ADMIN: "cancelled", ASSESSOR: "cancelled", DPO: "cancelled", AUDITOR: "cancelled" },
};

const stepFor = (role: Role, status: AssessmentStatus, decisionBlocked = false) =>
  nextStep({
    status,
    canEdit: can(role, "assessment:edit"),
    canDecide: can(role, "assessment:decide"),
    decisionBlocked,
  });

describe("next step of the assessment page, role × status", () => {
  it("covers every status", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ASSESSMENT_STATUSES].sort());
  });

  for (const status of ASSESSMENT_STATUSES)
    for (const role of ROLES)
      it(`${role} on ${status}: ${EXPECTED[status][role]}`, () => {
        const step = stepFor(role, status);
        expect(step.kind).toBe(EXPECTED[status][role]);
        expect(ASSESSMENT_TABS).toContain(step.tab);
      });

  it("a step is actionable exactly when it is the viewer's own work", () => {
    const own: NextStepKind[] = ["inviteVendor", "remindVendor", "reviewAndForward", "decide"];
    for (const status of ASSESSMENT_STATUSES)
      for (const role of ROLES) {
        const step = stepFor(role, status);
        expect(step.actionable, `${role} on ${status}`).toBe(own.includes(step.kind));
      }
  });

  it("leads the assessor to the forward form and the DPO to the decision form", () => {
    expect(stepFor("ASSESSOR", "SUBMITTED")).toMatchObject({ tab: "decision", opens: "forward" });
    expect(stepFor("DPO", "AWAITING_DECISION")).toMatchObject({
      tab: "decision",
      opens: "decide",
    });
    expect(stepFor("ADMIN", "DRAFT")).toMatchObject({ tab: "vendor-access", opens: "invite-form" });
    expect(stepFor("ASSESSOR", "IN_PROGRESS").tab).toBe("vendor-access");
    expect(stepFor("AUDITOR", "APPROVED").tab).toBe("reports");
  });

  it("a DPO whom separation of duties blocks is not offered the decision", () => {
    expect(stepFor("DPO", "AWAITING_DECISION", true)).toMatchObject({
      kind: "decisionByAnotherDpo",
      actionable: false,
    });
  });
});
