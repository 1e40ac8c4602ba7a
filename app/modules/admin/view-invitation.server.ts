import { db } from "../../utils/db.server";
import type { Visitor } from "./visitor";
import { findOpenInvitation } from "./find-open-invitation.server";

export interface InvitationView {
  organizationName: string;
  email: string;
  name: string;
  role: string;
  expiresAt: string;
  /** The invited address already has a Vetted account (member of another organisation). */
  existingAccount: boolean;
}

/**
 * What the invitation page shows. Reading changes nothing, so link scanners that fetch the URL
 * cannot use the invitation up. Throws NOT_FOUND / GONE for links that do not work.
 */
export async function viewInvitation(_visitor: Visitor, input: { token: string }): Promise<InvitationView> {
  const invitation = await findOpenInvitation(db(), input.token);
  const existing = await db().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    organizationName: invitation.organization.name,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    expiresAt: invitation.expiresAt.toISOString(),
    existingAccount: Boolean(existing),
  };
}
