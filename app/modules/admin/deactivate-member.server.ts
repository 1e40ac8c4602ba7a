import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import {
  administersMembers,
  assertAdministers,
  assertAnotherActiveAdmin,
  assertStepUpFor,
  lockOtherMembership,
  parseInput,
} from "./admin-access.server";
import { memberRefSchema, type MemberRefInput } from "./admin-schemas";

/**
 * Deactivates a member: they can no longer sign in to this organisation, and every session they
 * hold in it ends in the same transaction. Needs a recent step-up; not for oneself, not for the
 * last active admin. Their data and audit trail stay.
 */
export async function deactivateMember(
  actor: UserActor,
  input: MemberRefInput,
): Promise<{ revokedSessions: number }> {
  assertAdministers(actor, "member:manage");
  assertStepUpFor(actor, { kind: "deactivate" });
  const { membershipId } = parseInput(memberRefSchema, input);
  return inTransaction(async (tx) => {
    const membership = await lockOtherMembership(
      tx,
      actor,
      membershipId,
      "admin.errorSelfDeactivate",
    );
    if (membership.deactivatedAt)
      throw new DomainError("INVALID_STATE", "admin.errorAlreadyDeactivated");
    if (administersMembers(membership.role))
      await assertAnotherActiveAdmin(tx, actor.organizationId, membership.id);
    await tx.membership.update({
      where: { id: membership.id },
      data: { deactivatedAt: new Date() },
    });
    const revoked = await tx.session.deleteMany({
      where: { userId: membership.userId, organizationId: actor.organizationId },
    });
    await recordAuditEvent(tx, actor, {
      action: "user.deactivated",
      target: { type: "user", id: membership.userId },
      payload: {
        membershipId: membership.id,
        email: membership.user.email,
        role: membership.role,
        revokedSessions: revoked.count,
      },
    });
    return { revokedSessions: revoked.count };
  });
}
