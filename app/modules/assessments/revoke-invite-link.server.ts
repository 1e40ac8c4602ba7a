import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { requireAssessmentWriter } from "./permissions";

/** Revokes one invite link and ends the vendor sessions opened with it. */
export async function revokeInviteLink(actor: UserActor, inviteId: string): Promise<void> {
  requireAssessmentWriter(actor);
  await inTransaction(async (tx) => {
    const invite = await tx.inviteLink.findFirst({
      where: { id: inviteId, organizationId: actor.organizationId },
      select: { id: true, revokedAt: true, assessmentId: true },
    });
    if (!invite) throw new DomainError("NOT_FOUND", "Invite not found");
    if (invite.revokedAt) return;
    await tx.inviteLink.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    const ended = await tx.vendorSession.deleteMany({ where: { inviteLinkId: invite.id } });
    await recordAuditEvent(tx, actor, {
      action: "invite.revoked",
      target: { type: "invite", id: invite.id },
      payload: { assessmentId: invite.assessmentId, endedSessions: ended.count },
    });
  });
}
