import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";

/** Assessors (and admins) run assessments; DPOs decide; auditors only read. */
export function requireAssessmentWriter(actor: UserActor): void {
  if (actor.role !== "ASSESSOR" && actor.role !== "ADMIN") {
    throw new DomainError("FORBIDDEN", "errors.assessmentWriteForbidden");
  }
}

export function requireDecider(actor: UserActor): void {
  if (actor.role !== "DPO") throw new DomainError("FORBIDDEN", "errors.decideForbidden");
}
