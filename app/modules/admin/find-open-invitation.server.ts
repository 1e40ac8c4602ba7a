import { sha256Hex } from "../../utils/crypto.server";
import type { Db, Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { invitationTokenSchema } from "./admin-schemas";

const invitationSelect = {
  id: true,
  organizationId: true,
  email: true,
  name: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  organization: { select: { name: true, slug: true } },
} as const;

export type InvitationState = "open" | "revoked" | "used" | "expired";

/** Looks an invitation up by its token, whatever its state; NOT_FOUND when nothing matches. */
export async function findInvitation(client: Db | Tx, rawToken: unknown) {
  const token = invitationTokenSchema.safeParse(rawToken);
  if (!token.success) throw new DomainError("NOT_FOUND", "admin.invitationNotFound");
  const invitation = await client.userInvitation.findUnique({
    where: { tokenHash: sha256Hex(token.data) },
    select: invitationSelect,
  });
  if (!invitation) throw new DomainError("NOT_FOUND", "admin.invitationNotFound");
  return invitation;
}

export type FoundInvitation = Awaited<ReturnType<typeof findInvitation>>;

export function invitationStateOf(
  invitation: Pick<FoundInvitation, "revokedAt" | "acceptedAt" | "expiresAt">,
  now = new Date(),
): InvitationState {
  if (invitation.revokedAt) return "revoked";
  if (invitation.acceptedAt) return "used";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "open";
}

const GONE_MESSAGE = {
  revoked: "admin.invitationRevoked",
  used: "admin.invitationUsed",
  expired: "admin.invitationExpired",
} as const;

/** GONE with the page's i18n key for a link that no longer works. */
export function goneError(state: Exclude<InvitationState, "open">): DomainError {
  return new DomainError("GONE", GONE_MESSAGE[state]);
}

/**
 * Looks an invitation up by its token. A token that matches nothing is NOT_FOUND; one that was
 * revoked, accepted or has expired is GONE. Both carry an i18n key for the page.
 */
export async function findOpenInvitation(client: Db | Tx, token: string, now = new Date()) {
  const invitation = await findInvitation(client, token);
  const state = invitationStateOf(invitation, now);
  if (state !== "open") throw goneError(state);
  return invitation;
}
