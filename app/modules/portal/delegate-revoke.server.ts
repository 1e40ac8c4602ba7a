import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { parseInviteRef, type InviteRefInput } from "../assessments/invite-ref";
import { revokeInviteTree } from "../assessments/revoke-invite-link.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";

/** A vendor contact revokes a colleague's link they created (and whatever that colleague delegated on). */
export async function revokeDelegation(actor: VendorActor, input: InviteRefInput): Promise<void> {
  const { inviteId } = parseInviteRef(input);
  await inTransaction(async (tx) => {
    const invite = await tx.inviteLink.findFirst({
      where: {
        id: inviteId,
        organizationId: actor.organizationId,
        delegatedById: actor.inviteLinkId,
      },
      select: { id: true, revokedAt: true, assessmentId: true },
    });
    if (!invite) throw new DomainError("NOT_FOUND", "errors.inviteNotFound");
    if (invite.revokedAt) return;
    const revoked = await revokeInviteTree(tx, invite.id);
    await recordAuditEvent(tx, actor, {
      action: "invite.revoked",
      target: { type: "invite", id: invite.id },
      payload: {
        assessmentId: invite.assessmentId,
        endedSessions: revoked.endedSessions,
        byDelegator: true,
      },
    });
  });
}
