import { z } from "zod";
import { db } from "../../utils/db.server";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { logAccess } from "../access-log/log-access.server";
import { findInvitation, goneError, invitationStateOf } from "./find-open-invitation.server";
import type { Visitor } from "./visitor";

/** What the invitation page shows: the same for every address, with or without an account. */
export interface InvitationView {
  organizationName: string;
  email: string;
  name: string;
  role: string;
  expiresAt: string;
}

/** Who is looking: the signed-in user, if any. */
export interface InvitationViewer {
  userId: string;
  email: string;
}

export type InvitationPage =
  | { state: "open"; invitation: InvitationView; viewer: "anonymous" | "invitee" | "other_account" }
  | { state: "joined"; organizationName: string };

/**
 * The link's token (checked by findInvitation: one that cannot be a token is NOT_FOUND like an
 * unknown one) and the signed-in viewer, if any, from the session.
 */
export const viewInvitationInputSchema = z.object({
  token: z.unknown(),
  viewer: z.object({ userId: z.string().min(1), email: z.string().min(1) }).nullable(),
});
export type ViewInvitationInput = z.input<typeof viewInvitationInputSchema>;

/**
 * The invitation page's content. Reading changes nothing about the invitation, so link scanners
 * cannot use it up; the first view per hour is recorded in the inviting organisation. A signed-in
 * viewer with the invited address is offered to join; the invitee who already accepted sees that
 * they are a member. Throws NOT_FOUND / GONE for links that do not work.
 */
export async function viewInvitation(
  visitor: Visitor,
  rawInput: { token: string },
  rawViewer: InvitationViewer | null = null,
): Promise<InvitationPage> {
  const { token, viewer } = parseUseCaseInput(viewInvitationInputSchema, {
    token: rawInput.token,
    viewer: rawViewer,
  });
  const invitation = await findInvitation(db(), token);
  const state = invitationStateOf(invitation);
  const viewerIsInvitee = viewer !== null && viewer.email.toLowerCase() === invitation.email;
  if (state === "used" && viewerIsInvitee) {
    const member = await db().membership.findFirst({
      where: {
        organizationId: invitation.organizationId,
        userId: viewer.userId,
        deactivatedAt: null,
      },
      select: { id: true },
    });
    if (member) return { state: "joined", organizationName: invitation.organization.name };
  }
  if (state !== "open") throw goneError(state);
  // The one kind of write a GET may cause: an access record (ADR 0023).
  await logAccess({ kind: "invitation_viewed", invitation, ip: visitor.ip });
  return {
    state: "open",
    viewer: viewer === null ? "anonymous" : viewerIsInvitee ? "invitee" : "other_account",
    invitation: {
      organizationName: invitation.organization.name,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
    },
  };
}
