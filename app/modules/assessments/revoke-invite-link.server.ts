import type { Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { parseInviteRef, type InviteRefInput } from "./invite-ref";
import { requireAssessmentWriter } from "./permissions";

/**
 * Ends everything derived from a link (call inside the transaction that revokes or re-issues
 * it, together with its audit event): every delegation made from it, and theirs, is revoked
 * (a colleague's access never outlives the access it was derived from), and the vendor sessions
 * and remembered browsers of the link and of those delegations end, since they may belong to
 * whoever had the old URL. The link itself is left to the caller (revoked, or given a new token).
 */
export async function endEverythingDerivedFrom(tx: Tx, rootId: string, now = new Date()) {
  const delegations: string[] = [];
  for (let frontier = [rootId]; frontier.length > 0;) {
    const children = await tx.inviteLink.findMany({
      where: { delegatedById: { in: frontier }, revokedAt: null },
      select: { id: true },
    });
    frontier = children.map((c) => c.id).filter((id) => id !== rootId && !delegations.includes(id));
    delegations.push(...frontier);
  }
  if (delegations.length > 0) {
    await tx.inviteLink.updateMany({
      where: { id: { in: delegations }, revokedAt: null },
      data: { revokedAt: now },
    });
  }
  const ids = [rootId, ...delegations];
  const sessions = await tx.vendorSession.deleteMany({ where: { inviteLinkId: { in: ids } } });
  const devices = await tx.vendorDevice.deleteMany({ where: { inviteLinkId: { in: ids } } });
  return { delegations, endedSessions: sessions.count, forgottenDevices: devices.count };
}

/**
 * Revokes a link and ends everything derived from it (endEverythingDerivedFrom). Returns the
 * revoked ids (the link first) and how many sessions ended.
 */
export async function revokeInviteTree(tx: Tx, rootId: string, now = new Date()) {
  await tx.inviteLink.updateMany({
    where: { id: rootId, revokedAt: null },
    data: { revokedAt: now },
  });
  const ended = await endEverythingDerivedFrom(tx, rootId, now);
  return {
    ids: [rootId, ...ended.delegations],
    endedSessions: ended.endedSessions,
    forgottenDevices: ended.forgottenDevices,
  };
}

/** Revokes one invite link (with its delegations) and ends the vendor sessions opened with it. */
export async function revokeInviteLink(actor: UserActor, input: InviteRefInput): Promise<void> {
  requireAssessmentWriter(actor);
  const { inviteId } = parseInviteRef(input);
  await inTransaction(async (tx) => {
    const invite = await tx.inviteLink.findFirst({
      where: { id: inviteId, organizationId: actor.organizationId },
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
        ...(revoked.ids.length > 1 ? { delegations: revoked.ids.slice(1) } : {}),
      },
    });
  });
}
