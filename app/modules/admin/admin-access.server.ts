import type { z } from "zod";
import type { Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import type { MessageKey } from "../../utils/i18n";
import {
  assertCan,
  can,
  isPrivilegedRole,
  isRole,
  rolesAllowedTo,
  type Action,
} from "../../utils/permissions";
import type { Role, UserActor } from "../auth/actor";
import { hasRecentMfa } from "../auth/guards.server";

/**
 * Shared checks of the admin use cases. Error messages are i18n keys (admin namespace) so a
 * route can show them as they are meant; details carry field errors for forms.
 */
export function assertAdministers(
  actor: UserActor,
  action: Extract<Action, "member:manage" | "organization:configure">,
): void {
  assertCan(actor, action, "admin.errorAdminOnly");
}

/** Sensitive changes need a second-factor check within MFA_STEP_UP_MINUTES (routes redirect first). */
export function assertRecentStepUp(actor: UserActor): void {
  if (!hasRecentMfa(actor)) throw new DomainError("FORBIDDEN", "admin.errorStepUpRequired");
}

/** A change to who may do what in the organisation. */
export type AccessChange =
  | { kind: "invite"; role: Role }
  | { kind: "changeRole" }
  | { kind: "deactivate" }
  | { kind: "reactivate" };

/**
 * The one step-up rule of user administration (routes and use cases both ask it): changing or
 * ending an existing member's access always needs a recent second-factor check, and so does an
 * invitation that grants a privileged role — inviting a new ADMIN is as powerful as promoting one.
 */
export function accessChangeNeedsStepUp(change: AccessChange): boolean {
  return change.kind !== "invite" || isPrivilegedRole(change.role);
}

/**
 * Throws FORBIDDEN (admin.errorStepUpRequired) when the change needs a step-up the actor has not
 * made recently. Returns what the change's audit event records about it: the time of the
 * second-factor check that allowed it, when one was needed.
 */
export function assertStepUpFor(actor: UserActor, change: AccessChange): { stepUpAt?: string } {
  if (!accessChangeNeedsStepUp(change)) return {};
  assertRecentStepUp(actor);
  return { stepUpAt: actor.mfaVerifiedAt!.toISOString() };
}

/** Parses use-case input; a bad value is a VALIDATION error with per-field i18n keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    fields[key] ??= issue.message;
  }
  throw new DomainError("VALIDATION", "admin.errorInvalidInput", { fields });
}

/** A membership of the actor's organisation, or NOT_FOUND (foreign ids look like missing ones). */
export async function findMembershipInOrganization(tx: Tx, actor: UserActor, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, organizationId: actor.organizationId },
    select: {
      id: true,
      userId: true,
      role: true,
      deactivatedAt: true,
      user: { select: { email: true } },
    },
  });
  if (!membership) throw new DomainError("NOT_FOUND", "admin.errorMemberNotFound");
  return membership;
}

/**
 * The first step of a change to another member's membership, inside the writing transaction:
 * locks the organisation (lockOrganization), then finds the membership in it (NOT_FOUND for a
 * foreign id) and refuses the actor's own with INVALID_STATE and `selfErrorKey`.
 */
export async function lockOtherMembership(
  tx: Tx,
  actor: UserActor,
  membershipId: string,
  selfErrorKey: MessageKey,
) {
  await lockOrganization(tx, actor.organizationId);
  const membership = await findMembershipInOrganization(tx, actor, membershipId);
  if (membership.userId === actor.userId) throw new DomainError("INVALID_STATE", selfErrorKey);
  return membership;
}

/**
 * Serialises membership changes of one organisation: a no-op UPDATE takes the organisation
 * row's write lock (PostgreSQL row lock; SQLite's database write lock), so a second concurrent
 * writer waits and then reads the first one's committed result. Call it first in the transaction.
 */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Organization" SET "slug" = "slug" WHERE "id" = ${organizationId}`;
}

/**
 * Whether a member (of any stored role) administers the organisation's members: the organisation
 * must always keep one such member who is active.
 */
export function administersMembers(role: string): boolean {
  return isRole(role) && can(role, "member:manage");
}

/**
 * Refuses a change that would leave the organisation without an active admin. Call it inside
 * the writing transaction after lockOrganization, so two admins cannot demote each other at the
 * same moment and both succeed.
 */
export async function assertAnotherActiveAdmin(
  tx: Tx,
  organizationId: string,
  exceptMembershipId: string,
): Promise<void> {
  const others = await tx.membership.count({
    where: {
      organizationId,
      role: { in: [...rolesAllowedTo("member:manage")] },
      deactivatedAt: null,
      id: { not: exceptMembershipId },
    },
  });
  if (others === 0) throw new DomainError("INVALID_STATE", "admin.errorLastAdmin");
}
