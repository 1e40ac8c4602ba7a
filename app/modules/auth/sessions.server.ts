import type { Tx } from "../../utils/db.server";
import { db } from "../../utils/db.server";
import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { getEnv } from "../../utils/env.server";
import { logAccess } from "../access-log/log-access.server";

/**
 * Server-side sessions after Lucia's design: the cookie holds a random 256-bit token, the
 * database only its SHA-256. A session ends at its absolute expiry, after SESSION_IDLE_MINUTES
 * without a request, or when revoked (logout, password change, deactivation, admin action).
 */
const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export interface NewSession {
  userId: string;
  organizationId: string;
  mfaVerified: boolean;
  ipAddress: string | null;
  userAgent: string | null;
}

export async function createSession(
  tx: Tx,
  input: NewSession,
): Promise<{ token: string; sessionId: string }> {
  const token = generateToken(32);
  const sessionId = sha256Hex(token);
  const now = new Date();
  await tx.session.create({
    data: {
      id: sessionId,
      userId: input.userId,
      organizationId: input.organizationId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + getEnv().SESSION_ABSOLUTE_HOURS * 3600_000),
      mfaVerifiedAt: input.mfaVerified ? now : null,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, sessionId };
}

export function sessionIdFromToken(token: string): string {
  return sha256Hex(token);
}

interface SessionRow {
  id: string;
  userId: string;
  organizationId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  mfaVerifiedAt: Date | null;
  email: string;
  userName: string;
  locale: string | null;
  totpEnabledAt: Date | null;
  slug: string;
  organizationName: string;
  requireMfaForAll: boolean;
  role: string | null;
  deactivatedAt: Date | null;
}

/**
 * Returns the live session with its user, organisation and membership, or null (and deletes a
 * dead one). Every authenticated request runs this, so it is ONE joined query (tagged, portable
 * across SQLite and PostgreSQL) instead of a Prisma include plus a membership lookup: that cut
 * the check from ~2.4 ms to ~0.3 ms (issue 6's portfolio benchmark).
 */
export async function validateSessionToken(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = sessionIdFromToken(token);
  const rows = await db().$queryRaw<SessionRow[]>`
    SELECT s."id", s."userId", s."organizationId", s."lastSeenAt", s."expiresAt", s."mfaVerifiedAt",
           u."email", u."name" AS "userName", u."locale", u."totpEnabledAt",
           o."slug", o."name" AS "organizationName", o."requireMfaForAll",
           m."role", m."deactivatedAt"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    JOIN "Organization" o ON o."id" = s."organizationId"
    LEFT JOIN "Membership" m ON m."organizationId" = s."organizationId" AND m."userId" = s."userId"
    WHERE s."id" = ${id}`;
  const row = rows[0];
  if (!row) return null;
  const idleLimit = row.lastSeenAt.getTime() + getEnv().SESSION_IDLE_MINUTES * 60_000;
  const expired = row.expiresAt.getTime() <= now.getTime() || idleLimit <= now.getTime();
  if (expired || row.role === null || row.deactivatedAt) {
    await logAccess({ kind: "session_ended", sessionId: id });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_WRITE_INTERVAL_MS) {
    await logAccess({ kind: "session_seen", sessionId: id, at: now });
  }
  return {
    session: {
      id: row.id,
      userId: row.userId,
      organizationId: row.organizationId,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
      mfaVerifiedAt: row.mfaVerifiedAt,
      user: {
        id: row.userId,
        email: row.email,
        name: row.userName,
        locale: row.locale,
        totpEnabledAt: row.totpEnabledAt,
      },
      organization: {
        id: row.organizationId,
        slug: row.slug,
        name: row.organizationName,
        requireMfaForAll: row.requireMfaForAll,
      },
    },
    membership: { role: row.role, deactivatedAt: row.deactivatedAt },
  };
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

export async function revokeUserSessions(
  tx: Tx,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  const result = await tx.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return result.count;
}

export async function markSessionMfaVerified(
  tx: Tx,
  sessionId: string,
  at = new Date(),
): Promise<void> {
  await tx.session.update({ where: { id: sessionId }, data: { mfaVerifiedAt: at } });
}
