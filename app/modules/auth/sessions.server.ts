import type { Tx } from "../../utils/db.server";
import { db } from "../../utils/db.server";
import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { getEnv } from "../../utils/env.server";

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

export async function createSession(tx: Tx, input: NewSession): Promise<{ token: string; sessionId: string }> {
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

/** Returns the live session with its user and membership, or null (and deletes a dead one). */
export async function validateSessionToken(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = sessionIdFromToken(token);
  const session = await db().session.findUnique({
    where: { id },
    include: {
      user: { select: { id: true, email: true, name: true, locale: true, totpEnabledAt: true } },
      organization: { select: { id: true, slug: true, name: true, requireMfaForAll: true } },
    },
  });
  if (!session) return null;
  const idleLimit = session.lastSeenAt.getTime() + getEnv().SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await db().session.deleteMany({ where: { id } });
    return null;
  }
  const membership = await db().membership.findUnique({
    where: { organizationId_userId: { organizationId: session.organizationId, userId: session.userId } },
    select: { role: true, deactivatedAt: true },
  });
  if (!membership || membership.deactivatedAt) {
    await db().session.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_WRITE_INTERVAL_MS) {
    await db().session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  return { session, membership };
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

export async function revokeUserSessions(tx: Tx, userId: string, exceptSessionId?: string): Promise<number> {
  const result = await tx.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return result.count;
}

export async function markSessionMfaVerified(tx: Tx, sessionId: string, at = new Date()): Promise<void> {
  await tx.session.update({ where: { id: sessionId }, data: { mfaVerifiedAt: at } });
}
