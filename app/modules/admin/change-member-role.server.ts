import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { Role, UserActor } from "../auth/actor";
import {
  administersMembers,
  assertAdministers,
  assertAnotherActiveAdmin,
  assertStepUpFor,
  lockOtherMembership,
  parseInput,
} from "./admin-access.server";
import { changeMemberRoleSchema, type ChangeMemberRoleInput } from "./admin-schemas";

export interface ChangeMemberRoleResult {
  from: Role | string;
  to: Role;
  changed: boolean;
}

/**
 * Gives a member of the actor's organisation another role. Needs a recent step-up. An admin
 * cannot change their own role, and the last active admin keeps theirs.
 */
export async function changeMemberRole(
  actor: UserActor,
  input: ChangeMemberRoleInput,
): Promise<ChangeMemberRoleResult> {
  assertAdministers(actor, "member:manage");
  const stepUp = assertStepUpFor(actor, { kind: "changeRole" });
  const { membershipId, role } = parseInput(changeMemberRoleSchema, input);
  return inTransaction(async (tx) => {
    const membership = await lockOtherMembership(
      tx,
      actor,
      membershipId,
      "admin.errorSelfRoleChange",
    );
    if (membership.role === role) return { from: membership.role, to: role, changed: false };
    if (administersMembers(membership.role) && !membership.deactivatedAt) {
      await assertAnotherActiveAdmin(tx, actor.organizationId, membership.id);
    }
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordAuditEvent(tx, actor, {
      action: "user.role_changed",
      target: { type: "user", id: membership.userId },
      payload: {
        membershipId: membership.id,
        email: membership.user.email,
        from: membership.role,
        to: role,
        ...stepUp,
      },
    });
    return { from: membership.role, to: role, changed: true };
  });
}
