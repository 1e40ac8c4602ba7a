import { DomainError } from "../../utils/errors";
import type { Role, SystemActor, UserActor } from "../auth/actor";

/** Who may change templates (the editor, imports) and who may read them (read-only pages). */
export const TEMPLATE_WRITE_ROLES = ["ADMIN", "ASSESSOR"] as const satisfies readonly Role[];
export const TEMPLATE_READ_ROLES = ["ADMIN", "ASSESSOR", "DPO", "AUDITOR"] as const satisfies readonly Role[];

/** Template use cases run for signed-in users and for operator commands (the CLI). */
export type TemplateActor = UserActor | SystemActor;

export function canWriteTemplates(role: Role): boolean {
  return (TEMPLATE_WRITE_ROLES as readonly Role[]).includes(role);
}

export function requireTemplateWriter(actor: TemplateActor): void {
  if (actor.kind === "user" && !canWriteTemplates(actor.role)) throw new DomainError("FORBIDDEN", "errors.templateWriteForbidden");
}

export function createdByOf(actor: TemplateActor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
