import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { isRole, type UserActor } from "../auth/actor";
import { consumeRateLimit } from "../auth/rate-limit.server";
import { parseInput } from "./admin-access.server";
import { acceptInvitationSchema, type AcceptInvitationInput } from "./admin-schemas";
import { findInvitation, goneError, invitationStateOf } from "./find-open-invitation.server";
import { recordInvitationRefused } from "./invitation-events.server";
import { INVITATION_LIMITS, invitationIpLimitKey } from "./sign-up-by-invitation.server";

export interface AcceptInvitationResult {
  userId: string;
  organizationId: string;
  membershipId: string;
}

/**
 * Accepts an invitation as the signed-in user, who must be signed in with the invited address:
 * the password and second factor were checked by the normal sign-in, never on the invitation
 * page (issue 11, item 7). Adds (or reactivates) the membership with the invited role, marks the
 * invitation used, records `user.joined` in the inviting organisation and moves the session into
 * it, all in one transaction. Signed in as anybody else: FORBIDDEN, recorded as a refusal.
 * Throws NOT_FOUND / GONE for links that do not work.
 */
export async function acceptInvitation(
  actor: UserActor,
  input: AcceptInvitationInput,
): Promise<AcceptInvitationResult> {
  const limit = await consumeRateLimit(invitationIpLimitKey(actor.ip), INVITATION_LIMITS.perIp);
  if (limit.limited)
    throw new DomainError("RATE_LIMITED", "auth.rateLimited", {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  const { token } = parseInput(acceptInvitationSchema, input);
  const invitation = await findInvitation(db(), token);
  const state = invitationStateOf(invitation);
  if (state !== "open") {
    await recordInvitationRefused(invitation, state, actor.ip);
    throw goneError(state);
  }
  if (invitation.email !== actor.email.toLowerCase()) {
    await recordInvitationRefused(invitation, "other_account", actor.ip);
    throw new DomainError("FORBIDDEN", "admin.invitationOtherAccount");
  }
  if (!isRole(invitation.role)) throw new DomainError("INVALID_STATE", "admin.errorRoleInvalid");
  const role = invitation.role;

  return inTransaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.userInvitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw goneError("used");
    const current = await tx.membership.findUnique({
      where: {
        organizationId_userId: { organizationId: invitation.organizationId, userId: actor.userId },
      },
      select: { id: true, deactivatedAt: true },
    });
    if (current && !current.deactivatedAt)
      throw new DomainError("CONFLICT", "admin.errorAlreadyJoined");
    const membership = current
      ? await tx.membership.update({
          where: { id: current.id },
          data: { role, deactivatedAt: null },
          select: { id: true },
        })
      : await tx.membership.create({
          data: { organizationId: invitation.organizationId, userId: actor.userId, role },
          select: { id: true },
        });
    // Work on in the organisation just joined (a session belongs to one organisation).
    await tx.session.updateMany({
      where: { id: actor.sessionId, userId: actor.userId },
      data: { organizationId: invitation.organizationId },
    });
    const inInvitingOrganization: UserActor = {
      ...actor,
      organizationId: invitation.organizationId,
      organizationSlug: invitation.organization.slug,
      role,
    };
    await recordAuditEvent(tx, inInvitingOrganization, {
      action: "user.joined",
      target: { type: "user", id: actor.userId },
      payload: {
        invitationId: invitation.id,
        membershipId: membership.id,
        email: actor.email,
        role,
        existingAccount: true,
      },
    });
    return {
      userId: actor.userId,
      organizationId: invitation.organizationId,
      membershipId: membership.id,
    };
  });
}
