import { sha256Hex } from "../../utils/crypto.server";
import type { Db, Tx } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { invitationTokenSchema } from "./admin-schemas";

/**
 * Looks an invitation up by its token. A token that matches nothing is NOT_FOUND; one that was
 * revoked, accepted or has expired is GONE. Both carry an i18n key for the page.
 */
export async function findOpenInvitation(client: Db | Tx, token: string, now = new Date()) {
  if (!invitationTokenSchema.safeParse(token).success) {
    throw new DomainError("NOT_FOUND", "admin.invitationNotFound");
  }
  const invitation = await client.userInvitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      organizationId: true,
      email: true,
      name: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { name: true, slug: true } },
    },
  });
  if (!invitation) throw new DomainError("NOT_FOUND", "admin.invitationNotFound");
  if (invitation.revokedAt) throw new DomainError("GONE", "admin.invitationRevoked");
  if (invitation.acceptedAt) throw new DomainError("GONE", "admin.invitationUsed");
  if (invitation.expiresAt.getTime() <= now.getTime()) throw new DomainError("GONE", "admin.invitationExpired");
  return invitation;
}
