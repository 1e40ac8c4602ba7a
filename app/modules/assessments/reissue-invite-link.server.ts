import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { DomainError } from "../../utils/errors";
import { translate } from "../../utils/i18n";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { enqueueMail } from "../mail/enqueue-mail.server";
import {
  INVITABLE_STATUSES,
  inviteTtlDaysOf,
  inviteUrl,
  localeOf,
} from "./create-invite-link.server";
import { parseInviteRef, type InviteRefInput } from "./invite-ref";
import { requireAssessmentWriter } from "./permissions";
import { endEverythingDerivedFrom } from "./revoke-invite-link.server";

/**
 * Re-issues a link (lost mail, leaked link, expired): the same link (contact, history, answers)
 * gets a new token and a fresh expiry. The old token's hash is overwritten, so the old URL is
 * unknown from this moment on; everything derived from it ends in the same transaction as the
 * audit event: its sessions and remembered browsers, and every delegation made with it (with the
 * colleagues' sessions), since they may belong to whoever had the old URL. The contact delegates
 * again with the new link. A revoked link stays revoked (create a new one).
 */
export async function reissueInviteLink(actor: UserActor, input: InviteRefInput) {
  requireAssessmentWriter(actor);
  const { inviteId } = parseInviteRef(input);
  const token = generateToken(32);
  const result = await inTransaction(async (tx) => {
    const found = await tx.inviteLink.findFirst({
      where: { id: inviteId, organizationId: actor.organizationId },
      select: { assessmentId: true },
    });
    if (!found) throw new DomainError("NOT_FOUND", "errors.inviteNotFound");
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
        assessment: {
          select: {
            id: true,
            status: true,
            title: true,
            inviteTtlDays: true,
            organization: { select: { name: true } },
          },
        },
      },
    });
    if (!invite) throw new DomainError("NOT_FOUND", "errors.inviteNotFound");
    if (invite.revokedAt) throw new DomainError("INVALID_STATE", "errors.reissueRevoked");
    if (
      !INVITABLE_STATUSES.includes(invite.assessment.status) ||
      invite.assessment.status === "DRAFT"
    ) {
      throw new DomainError("INVALID_STATE", "errors.reissueOnlyWhileAnswering");
    }
    const now = new Date();
    let expiresAt = new Date(now.getTime() + inviteTtlDaysOf(invite.assessment) * 86_400_000);
    // A colleague's link never outlives the link it was delegated from.
    if (invite.delegatedBy) {
      if (invite.delegatedBy.revokedAt || invite.delegatedBy.expiresAt.getTime() <= now.getTime()) {
        throw new DomainError("INVALID_STATE", "errors.reissueParentInvalid");
      }
      if (invite.delegatedBy.expiresAt < expiresAt) expiresAt = invite.delegatedBy.expiresAt;
    }
    await tx.inviteLink.update({
      where: { id: invite.id },
      data: { tokenHash: sha256Hex(token), rotatedAt: now, expiresAt },
    });
    // Whoever had the old URL may have opened sessions or delegated sections to "colleagues":
    // all of it ends with the old token, as on revocation.
    const ended = await endEverythingDerivedFrom(tx, invite.id, now);
    // Queued with the new token: the mail goes out if and only if the re-issue commits (ADR 0028).
    const locale = localeOf(invite.locale);
    const organization = invite.assessment.organization.name;
    await enqueueMail(tx, {
      to: invite.contactEmail,
      organizationId: actor.organizationId,
      subject: translate(locale, "access.reissueMailSubject", { organization }),
      text: translate(locale, "access.reissueMailBody", {
        name: invite.contactName || invite.contactEmail,
        organization,
        title: invite.assessment.title,
        url: inviteUrl(token),
        expires: expiresAt.toISOString().slice(0, 10),
      }),
    });
    await recordAuditEvent(tx, actor, {
      action: "invite.reissued",
      target: { type: "invite", id: invite.id },
      payload: {
        assessmentId: invite.assessment.id,
        expiresAt: expiresAt.toISOString(),
        endedSessions: ended.endedSessions,
        forgottenDevices: ended.forgottenDevices,
        ...(ended.delegations.length > 0 ? { delegations: ended.delegations } : {}),
      },
    });
    return { invite, expiresAt };
  });
  const { invite, expiresAt } = result;
  const url = inviteUrl(token);
  return { inviteId: invite.id, url, expiresAt, contactEmail: invite.contactEmail };
}
