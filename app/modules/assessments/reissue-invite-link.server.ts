import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { DomainError } from "../../utils/errors";
import { translate } from "../../utils/i18n";
import { lockRow } from "../../utils/row-lock.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { Actor, UserActor } from "../auth/actor";
import type { Tx } from "../../utils/db.server";
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

/** The organisation re-issues while the vendor is answering. */
const REISSUABLE_BY_STAFF = INVITABLE_STATUSES.filter((status) => status !== "DRAFT");

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
  const result = await inTransaction((tx) =>
    rotateInviteToken(tx, actor, { inviteId, token, allowedStatuses: REISSUABLE_BY_STAFF }),
  );
  const { invite, expiresAt } = result;
  const url = inviteUrl(token);
  return { inviteId: invite.id, url, expiresAt, contactEmail: invite.contactEmail };
}

/**
 * The shared core of a re-issue, inside the caller's transaction: new token and expiry, the end
 * of everything derived from the old token, the mail with the new link to the contact's address,
 * and the audit event (last). Used by the organisation's re-issue and by the vendor contact's
 * own request for a new link (request-new-invite-link.server.ts).
 */
export async function rotateInviteToken(
  tx: Tx,
  actor: Actor,
  {
    inviteId,
    token,
    allowedStatuses,
    auditPayload = {},
  }: {
    inviteId: string;
    token: string;
    allowedStatuses: readonly string[];
    auditPayload?: Record<string, unknown>;
  },
) {
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
  if (!allowedStatuses.includes(invite.assessment.status)) {
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
      ...auditPayload,
      assessmentId: invite.assessment.id,
      expiresAt: expiresAt.toISOString(),
      endedSessions: ended.endedSessions,
      forgottenDevices: ended.forgottenDevices,
      ...(ended.delegations.length > 0 ? { delegations: ended.delegations } : {}),
    },
  });
  return { invite, expiresAt };
}
