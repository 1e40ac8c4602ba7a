import type { AssessmentStatus } from "./assessment-status";
import type { AssessmentTab } from "./assessment-tabs";

/**
 * The one next step the sticky action bar of the assessment page offers, for the viewer's
 * capabilities and the assessment's status. Pure (components and tests call it); it takes what
 * the viewer may do rather than the role, so the permission table stays the only place that
 * names roles (ADR 0022).
 */
export const NEXT_STEP_KINDS = [
  /** A draft: invite the vendor contact. */
  "inviteVendor",
  /** The vendor is answering: remind them, copy or renew their link. */
  "remindVendor",
  /** Someone else runs the assessment; the vendor is answering. */
  "waitForVendor",
  /** Submitted: review the answers, then forward to the DPO. */
  "reviewAndForward",
  /** Submitted, for someone who cannot forward: the assessor reviews it. */
  "waitForReview",
  /** Awaiting a decision, for a DPO who may decide. */
  "decide",
  /** Awaiting a decision, but separation of duties leaves it to another DPO. */
  "decisionByAnotherDpo",
  /** Awaiting a decision, for someone who cannot decide. */
  "waitForDecision",
  /** Decided: the signed report. */
  "readReport",
  /** Cancelled: nothing left to do. */
  "cancelled",
] as const;
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];

export interface NextStep {
  kind: NextStepKind;
  /** Whether the step is the viewer's to do (the bar shows it as the primary action). */
  actionable: boolean;
  /** The tab (and anchor in it) where the step is done or can be followed. */
  tab: AssessmentTab;
  anchor?: string;
  /** The closed form the step's link unfolds (its anchor id), if the step is filling one in. */
  opens?: "invite-form" | "forward" | "decide";
}

export interface NextStepInput {
  status: AssessmentStatus;
  /** The viewer may run the assessment (invite, forward, request changes). */
  canEdit: boolean;
  /** The viewer may decide (a DPO). */
  canDecide: boolean;
  /** Separation of duties forbids this viewer to decide this assessment. */
  decisionBlocked: boolean;
}

export function nextStep(input: NextStepInput): NextStep {
  const { status, canEdit, canDecide, decisionBlocked } = input;
  switch (status) {
    case "DRAFT":
      return canEdit
        ? { kind: "inviteVendor", actionable: true, tab: "vendor-access", opens: "invite-form" }
        : { kind: "waitForVendor", actionable: false, tab: "vendor-access" };
    case "INVITED":
    case "IN_PROGRESS":
    case "CHANGES_REQUESTED":
      return canEdit
        ? { kind: "remindVendor", actionable: true, tab: "vendor-access", anchor: "invite-links" }
        : { kind: "waitForVendor", actionable: false, tab: "vendor-access" };
    case "SUBMITTED":
      return canEdit
        ? { kind: "reviewAndForward", actionable: true, tab: "decision", opens: "forward" }
        : { kind: "waitForReview", actionable: false, tab: "answers" };
    case "AWAITING_DECISION":
      if (!canDecide) return { kind: "waitForDecision", actionable: false, tab: "decision" };
      return decisionBlocked
        ? { kind: "decisionByAnotherDpo", actionable: false, tab: "decision" }
        : { kind: "decide", actionable: true, tab: "decision", opens: "decide" };
    case "APPROVED":
    case "APPROVED_WITH_CONDITIONS":
    case "REJECTED":
      return { kind: "readReport", actionable: false, tab: "reports" };
    case "CANCELLED":
      return { kind: "cancelled", actionable: false, tab: "overview" };
  }
}
