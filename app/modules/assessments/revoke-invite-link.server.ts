import type { Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { requireAssessmentWriter } from "./permissions";

/**
 * Revokes a link and every delegation made from it (a colleague's access never outlives the
 * access it was derived from), and ends what they opened: vendor sessions and remembered
 * browsers. Returns the revoked ids and how many sessions ended.
 */
export async function revokeInviteTree(tx: Tx, rootId: string, now = new Date()) {
  const ids = [rootId];
  for (let frontier = [rootId]; frontier.length > 0; ) {
    const children = await tx.inviteLink.findMany({ where: { delegatedById: { in: frontier }, revokedAt: null }, select: { id: true } });
    frontier = children.map((c) => c.id).filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  await tx.inviteLink.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { revokedAt: now } });
  const sessions = await tx.vendorSession.deleteMany({ where: { inviteLinkId: { in: ids } } });
  const devices = await tx.vendorDevice.deleteMany({ where: { inviteLinkId: { in: ids } } });
  return { ids, endedSessions: sessions.count, forgottenDevices: devices.count };
}

/** Revokes one invite link (with its delegations) and ends the vendor sessions opened with it. */
export async function revokeInviteLink(actor: UserActor, inviteId: string): Promise<void> {
  requireAssessmentWriter(actor);
  await inTransaction(async (tx) => {
    const invite = await tx.inviteLink.findFirst({
      where: { id: inviteId, organizationId: actor.organizationId },
      select: { id: true, revokedAt: true, assessmentId: true },
    });
    if (!invite) throw new DomainError("NOT_FOUND", "Invite not found");
    if (invite.revokedAt) return;
    const revoked = await revokeInviteTree(tx, invite.id);
    await recordAuditEvent(tx, actor, {
      action: "invite.revoked",
      target: { type: "invite", id: invite.id },
      payload: {
        assessmentId: invite.assessmentId,
        endedSessions: revoked.endedSessions,
        ...(revoked.ids.length > 1 ? { delegations: revoked.ids.slice(1) } : {}),
      },
    });
  });
}
