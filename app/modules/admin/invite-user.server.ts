import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { DomainError } from "../../utils/errors";
import { getEnv } from "../../utils/env.server";
import { logger } from "../../utils/logger.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { enqueueMail, isMailDelivered } from "../mail/enqueue-mail.server";
import { assertAdministers, assertStepUpFor, parseInput } from "./admin-access.server";
import { inviteUserSchema, type InviteUserInput } from "./admin-schemas";
import { composeInvitationMail, invitationAcceptUrl } from "./invitation-mail.server";

export interface InviteUserResult {
  invitationId: string;
  email: string;
  expiresAt: Date;
  /** False when the mail's first delivery failed: the invitation exists and the queue retries the mail. */
  mailSent: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Invites a person into the actor's organisation. The 256-bit token only travels in the e-mail;
 * the database keeps its SHA-256. Earlier pending invitations of the same address are revoked
 * (re-inviting re-issues the link). An address that is already an active member is refused.
 * Inviting into a privileged role (ADMIN, DPO) needs a recent step-up, like a role change.
 */
export async function inviteUser(
  actor: UserActor,
  input: InviteUserInput,
): Promise<InviteUserResult> {
  assertAdministers(actor, "member:manage");
  const { email, name, role, locale } = parseInput(inviteUserSchema, input);
  // Inviting into ADMIN or DPO grants as much as a role change: the same step-up rule.
  const stepUp = assertStepUpFor(actor, { kind: "invite", role });
  const env = getEnv();
  const token = generateToken(32);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + env.USER_INVITATION_TTL_DAYS * DAY_MS);

  const created = await inTransaction(async (tx) => {
    const activeMember = await tx.membership.findFirst({
      where: { organizationId: actor.organizationId, deactivatedAt: null, user: { email } },
      select: { id: true },
    });
    if (activeMember) throw new DomainError("CONFLICT", "admin.errorAlreadyMember");
    const replaced = await tx.userInvitation.updateMany({
      where: { organizationId: actor.organizationId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const invitation = await tx.userInvitation.create({
      data: {
        organizationId: actor.organizationId,
        email,
        name,
        role,
        tokenHash: sha256Hex(token),
        expiresAt,
        invitedById: actor.userId,
      },
      select: { id: true, organization: { select: { name: true } } },
    });
    // The mail is queued with the invitation: both commit, or neither (ADR 0028).
    const mailJobId = await enqueueMail(tx, {
      ...composeInvitationMail({
        to: email,
        locale,
        inviteeName: name,
        inviterName: actor.name || actor.email,
        organizationName: invitation.organization.name,
        role,
        acceptUrl: invitationAcceptUrl(env.APP_URL, token),
        expiresAt,
      }),
      organizationId: actor.organizationId,
    });
    await recordAuditEvent(tx, actor, {
      action: "user.invited",
      target: { type: "invitation", id: invitation.id },
      payload: {
        email,
        role,
        expiresAt: expiresAt.toISOString(),
        replacedInvitations: replaced.count,
        ...stepUp,
      },
    });
    return { invitationId: invitation.id, mailJobId };
  });

  // The immediate attempt has run: if it failed, the queue retries the mail.
  const mailSent = await isMailDelivered(created.mailJobId);
  if (!mailSent) logger.warn("mail.invitation_queued", { invitationId: created.invitationId });
  return { invitationId: created.invitationId, email, expiresAt, mailSent };
}
