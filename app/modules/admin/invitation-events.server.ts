import { coarseIp } from "../../utils/request-context.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { SystemActor } from "../auth/actor";

/**
 * What happens on an invitation link, in the inviting organisation's audit trail. The visitor is
 * not named (they may not be signed in, and naming a signed-in visitor would tell the inviting
 * organisation that the address has an account); only the coarse address is kept.
 */
export type InvitationRefusal =
  "revoked" | "used" | "expired" | "other_account" | "sign_in_required";

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

// The first view per hour is recorded by logAccess (app/modules/access-log), the one write a GET
// may cause (ADR 0023).
