import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { assertAdministers, parseInput } from "./admin-access.server";
import { invitationRefSchema, type InvitationRefInput } from "./admin-schemas";

/** Revokes a pending invitation of the actor's organisation; its link stops working at once. */
export async function revokeInvitation(actor: UserActor, input: InvitationRefInput): Promise<void> {
  assertAdministers(actor, "member:manage");
  const { invitationId } = parseInput(invitationRefSchema, input);
  await inTransaction(async (tx) => {
    const invitation = await tx.userInvitation.findFirst({
      where: { id: invitationId, organizationId: actor.organizationId },
      select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw new DomainError("NOT_FOUND", "admin.errorInvitationNotFound");
    if (invitation.acceptedAt)
      throw new DomainError("INVALID_STATE", "admin.errorInvitationAccepted");
    if (invitation.revokedAt)
      throw new DomainError("INVALID_STATE", "admin.errorInvitationRevoked");
    const claimed = await tx.userInvitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (claimed.count !== 1)
      throw new DomainError("INVALID_STATE", "admin.errorInvitationAccepted");
    await recordAuditEvent(tx, actor, {
      action: "user.invitation_revoked",
      target: { type: "invitation", id: invitation.id },
      payload: { email: invitation.email, role: invitation.role },
    });
  });
}
