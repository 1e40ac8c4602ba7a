import { coarseIp } from "../../utils/request-context.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { SystemActor } from "../auth/actor";
import { consumeRateLimit } from "../auth/rate-limit.server";

/**
 * What happens on an invitation link, in the inviting organisation's audit trail. The visitor is
 * not named (they may not be signed in, and naming a signed-in visitor would tell the inviting
 * organisation that the address has an account); only the coarse address is kept.
 */
export type InvitationRefusal = "revoked" | "used" | "expired" | "other_account" | "sign_in_required";

function linkActor(organizationId: string): SystemActor {
  return { kind: "system", organizationId, label: "invitation link" };
}

export async function recordInvitationRefused(
  invitation: { id: string; organizationId: string },
  reason: InvitationRefusal,
  ip: string | null,
): Promise<void> {
  await inTransaction((tx) =>
    recordAuditEvent(tx, linkActor(invitation.organizationId), {
      action: "user.invitation_refused",
      target: { type: "invitation", id: invitation.id },
      payload: { invitationId: invitation.id, reason, source: coarseIp(ip) },
    }),
  );
}

/** Views are recorded once per invitation and hour: reloads and link scanners do not flood the trail. */
export const INVITATION_VIEW_RECORD_WINDOW_SECONDS = 3600;

export async function recordInvitationViewed(invitation: { id: string; organizationId: string }, ip: string | null): Promise<void> {
  const first = await consumeRateLimit(`user-invitation:viewed:${invitation.id}`, { limit: 1, windowSeconds: INVITATION_VIEW_RECORD_WINDOW_SECONDS });
  if (first.limited) return;
  await inTransaction((tx) =>
    recordAuditEvent(tx, linkActor(invitation.organizationId), {
      action: "user.invitation_viewed",
      target: { type: "invitation", id: invitation.id },
      payload: { invitationId: invitation.id, source: coarseIp(ip) },
    }),
  );
}
