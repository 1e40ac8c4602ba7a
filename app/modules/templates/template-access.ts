import type { SystemActor, UserActor } from "../auth/actor";
import { assertCan } from "../../utils/permissions";

/** Template use cases run for signed-in users and for operator commands (the CLI). */
export type TemplateActor = UserActor | SystemActor;

/** Who may change templates (the editor, imports, publishing): "template:edit" in the permission table. */
export function requireTemplateWriter(actor: TemplateActor): void {
  if (actor.kind === "user") assertCan(actor, "template:edit", "errors.templateWriteForbidden");
}

export function createdByOf(actor: TemplateActor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
