import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { DomainError } from "../../utils/errors";
import { translate } from "../../utils/i18n";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { sendMail } from "../mail/send-mail.server";
import { INVITABLE_STATUSES, inviteTtlDaysOf, inviteUrl, localeOf } from "./create-invite-link.server";
import { requireAssessmentWriter } from "./permissions";

/**
 * Re-issues a link (lost mail, leaked link, expired): the same link (contact, history, answers,
 * delegations) gets a new token and a fresh expiry. The old token's hash is overwritten, so the
 * old URL is unknown from this moment on; its sessions and remembered browsers end, since they
 * may belong to whoever had the old URL. A revoked link stays revoked (create a new one).
 */
export async function reissueInviteLink(actor: UserActor, inviteId: string) {
  requireAssessmentWriter(actor);
  const token = generateToken(32);
  const result = await inTransaction(async (tx) => {
    const found = await tx.inviteLink.findFirst({ where: { id: inviteId, organizationId: actor.organizationId }, select: { assessmentId: true } });
    if (!found) throw new DomainError("NOT_FOUND", "Invite not found");
    await lockRow(tx, "Assessment", found.assessmentId);
    const invite = await tx.inviteLink.findFirst({
      where: { id: inviteId, organizationId: actor.organizationId },
      select: {
        id: true,
        contactEmail: true,
        contactName: true,
        locale: true,
        revokedAt: true,
        delegatedBy: { select: { expiresAt: true, revokedAt: true } },
        assessment: { select: { id: true, status: true, title: true, inviteTtlDays: true, organization: { select: { name: true } } } },
      },
    });
    if (!invite) throw new DomainError("NOT_FOUND", "Invite not found");
    if (invite.revokedAt) throw new DomainError("INVALID_STATE", "A revoked link cannot be re-issued");
    if (!INVITABLE_STATUSES.includes(invite.assessment.status) || invite.assessment.status === "DRAFT") {
      throw new DomainError("INVALID_STATE", "Links can only be re-issued while the vendor is answering");
    }
    const now = new Date();
    let expiresAt = new Date(now.getTime() + inviteTtlDaysOf(invite.assessment) * 86_400_000);
    // A colleague's link never outlives the link it was delegated from.
    if (invite.delegatedBy) {
      if (invite.delegatedBy.revokedAt || invite.delegatedBy.expiresAt.getTime() <= now.getTime()) {
        throw new DomainError("INVALID_STATE", "The link this one was delegated from is no longer valid");
      }
      if (invite.delegatedBy.expiresAt < expiresAt) expiresAt = invite.delegatedBy.expiresAt;
    }
    await tx.inviteLink.update({ where: { id: invite.id }, data: { tokenHash: sha256Hex(token), rotatedAt: now, expiresAt } });
    const sessions = await tx.vendorSession.deleteMany({ where: { inviteLinkId: invite.id } });
    const devices = await tx.vendorDevice.deleteMany({ where: { inviteLinkId: invite.id } });
    await recordAuditEvent(tx, actor, {
      action: "invite.reissued",
      target: { type: "invite", id: invite.id },
      payload: { assessmentId: invite.assessment.id, expiresAt: expiresAt.toISOString(), endedSessions: sessions.count, forgottenDevices: devices.count },
    });
    return { invite, expiresAt };
  });
  const { invite, expiresAt } = result;
  const url = inviteUrl(token);
  const locale = localeOf(invite.locale);
  const organization = invite.assessment.organization.name;
  await sendMail({
    to: invite.contactEmail,
    organizationId: actor.organizationId,
    subject: translate(locale, "access.reissueMailSubject", { organization }),
    text: translate(locale, "access.reissueMailBody", {
      name: invite.contactName || invite.contactEmail,
      organization,
      title: invite.assessment.title,
      url,
      expires: expiresAt.toISOString().slice(0, 10),
    }),
  });
  return { inviteId: invite.id, url, expiresAt, contactEmail: invite.contactEmail };
}
