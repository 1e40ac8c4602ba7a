import { db } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { isRole } from "./actor";
import { verifyPassword } from "./password.server";
import { checkRateLimits, hitRateLimit, RATE_LIMITS, resetRateLimit } from "./rate-limit.server";
import { createSession } from "./sessions.server";

export interface LogInInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export type LogInResult =
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "invalid" }
  | { kind: "second_factor"; userId: string; organizationId: string }
  | { kind: "signed_in"; token: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const loginLimitKeys = (email: string, ip: string | null) => ({
  account: `login:account:${normaliseEmail(email)}`,
  ip: `login:ip:${ip ?? "unknown"}`,
});

/**
 * Step one of a login: the password. Unknown e-mail and wrong password give the same answer in
 * about the same time (no user enumeration). Attempts are limited per account and per IP.
 */
export async function logIn(input: LogInInput): Promise<LogInResult> {
  const email = normaliseEmail(input.email);
  const keys = loginLimitKeys(email, input.ip);
  const limit = await checkRateLimits([
    [keys.account, RATE_LIMITS.loginPerAccount],
    [keys.ip, RATE_LIMITS.loginPerIp],
  ]);
  if (limit.limited) return { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  const user = await db().user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      passwordHash: true,
      totpEnabledAt: true,
      memberships: {
        where: { deactivatedAt: null },
        orderBy: { createdAt: "asc" },
        select: { organizationId: true, role: true },
      },
    },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  const membership = user?.memberships.find((m) => isRole(m.role));

  if (!user || !passwordOk || !membership) {
    await hitRateLimit(keys.account, RATE_LIMITS.loginPerAccount);
    await hitRateLimit(keys.ip, RATE_LIMITS.loginPerIp);
    if (user) {
      // Failed logins of a known account go into each of its organisations' audit trail.
      for (const m of user.memberships) {
        await inTransaction((tx) =>
          recordAuditEvent(
            tx,
            preSessionActor(user, m.organizationId, input.ip),
            { action: "auth.login_failed", target: { type: "user", id: user.id }, payload: { reason: passwordOk ? "no_active_membership" : "bad_password" } },
          ),
        );
      }
    }
    return { kind: "invalid" };
  }

  await resetRateLimit(keys.account);
  if (user.totpEnabledAt) {
    return { kind: "second_factor", userId: user.id, organizationId: membership.organizationId };
  }
  const { token } = await inTransaction(async (tx) => {
    const created = await createSession(tx, {
      userId: user.id,
      organizationId: membership.organizationId,
      mfaVerified: false,
      ipAddress: input.ip,
      userAgent: input.userAgent,
    });
    await recordAuditEvent(
      tx,
      preSessionActor(user, membership.organizationId, input.ip),
      { action: "auth.login", target: { type: "user", id: user.id }, payload: { method: "password" } },
    );
    return created;
  });
  return { kind: "signed_in", token };
}

/** The actor for events that happen before a session exists. */
export function preSessionActor(user: { id: string; email: string }, organizationId: string, ip: string | null) {
  return {
    kind: "user" as const,
    userId: user.id,
    organizationId,
    organizationSlug: "",
    role: "AUDITOR" as const,
    email: user.email,
    name: "",
    sessionId: "",
    mfaVerifiedAt: null,
    ip,
  };
}
