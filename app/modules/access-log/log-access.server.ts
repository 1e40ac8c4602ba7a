import { db } from "../../utils/db.server";
import { coarseIp } from "../../utils/request-context.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { SystemActor } from "../auth/actor";
import { consumeRateLimit } from "../auth/rate-limit.server";

/**
 * The one write a GET may cause (ADR 0023, "loaders never write"): recording THAT something was
 * read — when, and from where — for security. It never changes what any page shows, so link
 * scanners, prefetching and reloads cannot use anything up. Everything else a loader reaches
 * reads only; new kinds of access record are added here, with the reason, and nowhere else.
 *
 * - session_seen: the idle timeout needs the time of the last request (written at most once a
 *   minute per session by the caller).
 * - session_ended: a session found expired or revoked while checking it is removed there and then,
 *   so a stolen cookie of a dead session stays dead and the table does not fill with them.
 * - invitation_viewed: the inviting organisation sees that its link was opened (first view per
 *   hour; the visitor is not named, only the coarse address is kept).
 */
export type AccessEvent =
  | { kind: "session_seen"; sessionId: string; at: Date }
  | { kind: "session_ended"; sessionId: string }
  | {
      kind: "invitation_viewed";
      invitation: { id: string; organizationId: string };
      ip: string | null;
    };

/** Views are recorded once per invitation and hour: reloads and link scanners do not flood the trail. */
export const INVITATION_VIEW_RECORD_WINDOW_SECONDS = 3600;

export async function logAccess(event: AccessEvent): Promise<void> {
  switch (event.kind) {
    case "session_seen":
      await db().session.updateMany({
        where: { id: event.sessionId },
        data: { lastSeenAt: event.at },
      });
      return;
    case "session_ended":
      await db().session.deleteMany({ where: { id: event.sessionId } });
      return;
    case "invitation_viewed":
      await recordInvitationViewed(event.invitation, event.ip);
      return;
  }
}

async function recordInvitationViewed(
  invitation: { id: string; organizationId: string },
  ip: string | null,
): Promise<void> {
  const first = await consumeRateLimit(`user-invitation:viewed:${invitation.id}`, {
    limit: 1,
    windowSeconds: INVITATION_VIEW_RECORD_WINDOW_SECONDS,
  });
  if (first.limited) return;
  const actor: SystemActor = {
    kind: "system",
    organizationId: invitation.organizationId,
    label: "invitation link",
  };
  await inTransaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: "user.invitation_viewed",
      target: { type: "invitation", id: invitation.id },
      payload: { invitationId: invitation.id, source: coarseIp(ip) },
    }),
  );
}
