import { DomainError } from "../../utils/errors";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { INVITABLE_STATUSES } from "./create-invite-link.server";
import { parseInviteRef, type InviteRefInput } from "./invite-ref";
import { endOfDueDay } from "./invite-expiry";
import { inviteLinkStatus } from "./list-invite-links.server";
import { requireAssessmentWriter } from "./permissions";

/**
 * The one-click fix for a link that would expire before the due date (invite-expiry.ts): the same
 * token stays valid through the end of the due day. A colleague's link never outlives the link
 * it was delegated from, so it is extended at most to that one's expiry. Never shortens a link.
 * The change and its audit event are one transaction.
 */
export async function extendInviteToDueDate(actor: UserActor, input: InviteRefInput) {
  requireAssessmentWriter(actor);
  const { inviteId } = parseInviteRef(input);
  return inTransaction(async (tx) => {
    const found = await tx.inviteLink.findFirst({
      where: { id: inviteId, organizationId: actor.organizationId },
      select: { assessmentId: true },
    });
    if (!found) throw new DomainError("NOT_FOUND", "errors.inviteNotFound");
    await lockRow(tx, "Assessment", found.assessmentId);
    const invite = await tx.inviteLink.findFirstOrThrow({
      where: { id: inviteId, organizationId: actor.organizationId },
      select: {
        id: true,
        contactEmail: true,
        expiresAt: true,
        revokedAt: true,
        rotatedAt: true,
        delegatedBy: { select: { expiresAt: true } },
        assessment: { select: { id: true, status: true, dueDate: true } },
      },
    });
    const status = inviteLinkStatus(invite);
    if (status !== "active" && status !== "rotated")
      throw new DomainError("INVALID_STATE", "errors.extendNotActive");
    if (!INVITABLE_STATUSES.includes(invite.assessment.status))
      throw new DomainError("INVALID_STATE", "errors.reissueOnlyWhileAnswering");
    if (!invite.assessment.dueDate)
      throw new DomainError("INVALID_STATE", "errors.extendNoDueDate");
    let expiresAt = endOfDueDay(invite.assessment.dueDate);
    if (invite.delegatedBy && invite.delegatedBy.expiresAt < expiresAt)
      expiresAt = invite.delegatedBy.expiresAt;
    if (expiresAt <= invite.expiresAt)
      return {
        inviteId: invite.id,
        contactEmail: invite.contactEmail,
        expiresAt: invite.expiresAt,
      };
    await tx.inviteLink.update({ where: { id: invite.id }, data: { expiresAt } });
    await recordAuditEvent(tx, actor, {
      action: "invite.extended",
      target: { type: "invite", id: invite.id },
      payload: {
        assessmentId: invite.assessment.id,
        from: invite.expiresAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { inviteId: invite.id, contactEmail: invite.contactEmail, expiresAt };
  });
}
