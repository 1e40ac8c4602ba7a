import type { Role, UserActor } from "../../app/modules/auth/actor";
import { sessionCookie } from "../../app/modules/auth/cookies.server";
import { createSession } from "../../app/modules/auth/sessions.server";
import { generateToken, sha256Hex } from "../../app/utils/crypto.server";
import { db } from "../../app/utils/db.server";
import { inTransaction } from "../../app/utils/transaction.server";

/**
 * Helpers for admin/audit tests: actors as the guards would build them, real sessions (with the
 * cookie a browser would send), and invitation rows with a known token.
 */
export function actorFor(
  created: {
    user: { id: string; email: string; name: string };
    membership: { organizationId: string; role: string };
  },
  options: {
    stepUp?: boolean;
    sessionId?: string;
    ip?: string | null;
    organizationSlug?: string;
  } = {},
): UserActor {
  return {
    kind: "user",
    userId: created.user.id,
    organizationId: created.membership.organizationId,
    organizationSlug: options.organizationSlug ?? "",
    role: created.membership.role as Role,
    email: created.user.email,
    name: created.user.name,
    sessionId: options.sessionId ?? "",
    mfaVerifiedAt: options.stepUp === false ? null : new Date(),
    ip: options.ip ?? "198.51.100.7",
  };
}

/** A live session row; returns the cookie token, the session id and a ready Cookie header. */
export async function createSessionFor(
  userId: string,
  organizationId: string,
  options: { mfaVerified?: boolean } = {},
) {
  const { token, sessionId } = await inTransaction((tx) =>
    createSession(tx, {
      userId,
      organizationId,
      mfaVerified: options.mfaVerified ?? false,
      ipAddress: "198.51.100.7",
      userAgent: "vitest",
    }),
  );
  const cookie = (await sessionCookie().serialize(token)).split(";")[0]!;
  return { token, sessionId, cookie };
}

/** An invitation row with a token the test knows (state set directly, bypassing the use case). */
export async function createInvitationRecord(input: {
  organizationId: string;
  invitedById: string;
  email?: string;
  name?: string;
  role?: Role;
  expiresAt?: Date;
  revokedAt?: Date | null;
  acceptedAt?: Date | null;
}) {
  const token = generateToken(32);
  const invitation = await db().userInvitation.create({
    data: {
      organizationId: input.organizationId,
      invitedById: input.invitedById,
      email:
        input.email ??
        `invitee-${generateToken(5)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, "x")}@example.test`,
      name: input.name ?? "Invited Person",
      role: input.role ?? "ASSESSOR",
      tokenHash: sha256Hex(token),
      expiresAt: input.expiresAt ?? new Date(Date.now() + 86_400_000),
      revokedAt: input.revokedAt ?? null,
      acceptedAt: input.acceptedAt ?? null,
    },
  });
  return { invitation, token };
}

/** The audit events of one organisation with a given action, oldest first, payload parsed. */
export async function auditEventsOf(organizationId: string, action: string) {
  const rows = await db().auditEvent.findMany({
    where: { organizationId, action },
    orderBy: { seq: "asc" },
  });
  return rows.map((row) => ({
    ...row,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  }));
}
