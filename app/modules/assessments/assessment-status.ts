/**
 * The assessment life cycle. Every status change goes through `assertTransition`, so an
 * impossible change (e.g. approving a draft) is refused in one place.
 *
 *   DRAFT ─invite→ INVITED ─first answer→ IN_PROGRESS ─submit→ SUBMITTED ─forward→ AWAITING_DECISION
 *   AWAITING_DECISION ─decide→ APPROVED | APPROVED_WITH_CONDITIONS | REJECTED
 *   SUBMITTED/AWAITING_DECISION ─request changes→ CHANGES_REQUESTED ─answer→ IN_PROGRESS
 *   any open status ─cancel→ CANCELLED
 */
import { DomainError } from "../../utils/errors";

export const ASSESSMENT_STATUSES = [
  "DRAFT",
  "INVITED",
  "IN_PROGRESS",
  "SUBMITTED",
  "CHANGES_REQUESTED",
  "AWAITING_DECISION",
  "APPROVED",
  "APPROVED_WITH_CONDITIONS",
  "REJECTED",
  "CANCELLED",
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

const TRANSITIONS: Record<AssessmentStatus, readonly AssessmentStatus[]> = {
  DRAFT: ["INVITED", "CANCELLED"],
  INVITED: ["IN_PROGRESS", "SUBMITTED", "CANCELLED"],
  IN_PROGRESS: ["SUBMITTED", "CANCELLED"],
  SUBMITTED: ["AWAITING_DECISION", "CHANGES_REQUESTED", "CANCELLED"],
  CHANGES_REQUESTED: ["IN_PROGRESS", "SUBMITTED", "CANCELLED"],
  AWAITING_DECISION: [
    "APPROVED",
    "APPROVED_WITH_CONDITIONS",
    "REJECTED",
    "CHANGES_REQUESTED",
    "CANCELLED",
  ],
  // A decision is never edited: the DPO may record a different one, which supersedes it.
  APPROVED: ["APPROVED_WITH_CONDITIONS", "REJECTED"],
  APPROVED_WITH_CONDITIONS: ["APPROVED", "REJECTED"],
  REJECTED: ["APPROVED", "APPROVED_WITH_CONDITIONS"],
  CANCELLED: [],
};

export function isAssessmentStatus(value: unknown): value is AssessmentStatus {
  return typeof value === "string" && (ASSESSMENT_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: string, to: AssessmentStatus): boolean {
  return isAssessmentStatus(from) && TRANSITIONS[from].includes(to);
}

export function assertTransition(from: string, to: AssessmentStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError("INVALID_STATE", "errors.statusTransition", { params: { from, to } });
  }
}

/** Statuses in which the vendor contact may still edit answers. */
export const VENDOR_EDITABLE: readonly AssessmentStatus[] = [
  "INVITED",
  "IN_PROGRESS",
  "CHANGES_REQUESTED",
];

export const DECISION_OUTCOMES = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
