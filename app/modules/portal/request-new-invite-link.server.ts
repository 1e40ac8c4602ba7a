import { generateToken } from "../../utils/crypto.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { db } from "../../utils/db.server";
import type { VendorActor } from "../auth/actor";
import { consumeRateLimit } from "../auth/rate-limit.server";
import { rotateInviteToken } from "../assessments/reissue-invite-link.server";
import { inviteIdOfNewLinkRef } from "./new-link-ref.server";

/** One request per link per quarter of an hour: enough for a lost mail, useless for a nuisance. */
export const NEW_LINK_RULE = { limit: 1, windowSeconds: 15 * 60 };

/**
 * While the vendor may still use the portal (answering, or under review where comments and
 * clarifications go on), a contact may ask for a new link.
 */
const REQUESTABLE_STATUSES = [
  "INVITED",
  "IN_PROGRESS",
  "CHANGES_REQUESTED",
  "SUBMITTED",
  "AWAITING_DECISION",
] as const;

export type NewLinkResult =
  { kind: "sent" } | { kind: "invalid" } | { kind: "rate_limited"; retryAfterSeconds: number };

/**
 * A vendor contact asks for a new link from the address in a notification mail. The new link
 * goes to the contact address on file, never to one typed here, and the re-issue is the
 * organisation's own (old token, its sessions and delegations end; audited as requested by the
 * vendor). The answer is the same whether or not the link could be re-issued (revoked, closed):
 * the page tells nothing about the invitation's state.
 */
export async function requestNewInviteLink(ref: string, ip: string | null): Promise<NewLinkResult> {
  const inviteId = inviteIdOfNewLinkRef(ref);
  if (!inviteId) return { kind: "invalid" };
  const invite = await db().inviteLink.findUnique({
    where: { id: inviteId },
    select: { id: true, organizationId: true, assessmentId: true, contactEmail: true },
  });
  if (!invite) return { kind: "sent" };
  const limit = await consumeRateLimit(`new-link:invite:${invite.id}`, NEW_LINK_RULE);
  if (limit.limited) return { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const actor: VendorActor = {
    kind: "vendor",
    organizationId: invite.organizationId,
    inviteLinkId: invite.id,
    assessmentId: invite.assessmentId,
    email: invite.contactEmail,
    ip,
  };
  try {
    await inTransaction((tx) =>
      rotateInviteToken(tx, actor, {
        inviteId: invite.id,
        token: generateToken(32),
        allowedStatuses: REQUESTABLE_STATUSES,
        auditPayload: { requestedBy: "vendor" },
      }),
    );
  } catch (error) {
    // Revoked, closed or a delegation whose parent ended: nothing is sent, and nothing is told.
    if (!(error instanceof DomainError)) throw error;
  }
  return { kind: "sent" };
}
