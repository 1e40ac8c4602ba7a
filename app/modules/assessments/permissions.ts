import type { UserActor } from "../auth/actor";
import { assertCan } from "../../utils/permissions";

/** Assessors (and admins) run assessments; DPOs decide; auditors only read (app/utils/permissions.ts). */
export function requireAssessmentWriter(actor: UserActor): void {
  assertCan(actor, "assessment:edit", "errors.assessmentWriteForbidden");
}

export function requireDecider(actor: UserActor): void {
  assertCan(actor, "assessment:decide", "errors.decideForbidden");
}

export function requireReReviewStarter(actor: UserActor): void {
  assertCan(actor, "assessment:re-review", "reReview.errorForbidden");
}
