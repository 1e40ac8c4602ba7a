import { z } from "zod";
import { db } from "../../utils/db.server";
import { messageKey, parseUseCaseInput } from "../../utils/validation-messages";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { isRole } from "./actor";
import { knownDeviceId, type LoginDeviceEntry } from "./login-devices.server";
import { admitSignInAttempt, rememberLoginNetwork } from "./login-throttle.server";
import { verifyPassword } from "./password.server";
import { createSession } from "./sessions.server";

const INVALID_CREDENTIALS = { message: messageKey("auth.invalidCredentials") };

/**
 * What a sign-in form sends. Malformed credentials get the same message as wrong ones (no hint
 * which part was off); the login page parses with this schema too, so both agree on the bounds.
 */
export const logInCredentialsSchema = z.object({
  email: z
    .string(INVALID_CREDENTIALS)
    .trim()
    .min(1, INVALID_CREDENTIALS)
    .max(320, INVALID_CREDENTIALS),
  password: z
    .string(INVALID_CREDENTIALS)
    .min(1, INVALID_CREDENTIALS)
    .max(1024, INVALID_CREDENTIALS),
});

export const logInInputSchema = logInCredentialsSchema.extend({
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The entries of the browser's known-device cookie (login-devices.server.ts). */
  devices: z.array(z.custom<LoginDeviceEntry>()).optional(),
});
export type LogInInput = z.input<typeof logInInputSchema>;

export type LogInResult =
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "invalid" }
  | { kind: "second_factor"; userId: string; organizationId: string }
  | { kind: "signed_in"; token: string; userId: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Step one of a login: the password. Unknown e-mail and wrong password give the same answer in
 * about the same time (no user enumeration). Each attempt is counted against its limits before
 * the password is checked (login-throttle.server.ts: per source, per account and source, per
 * account from unknown places, per known device).
 */
export async function logIn(rawInput: LogInInput): Promise<LogInResult> {
  const input = parseUseCaseInput(logInInputSchema, rawInput);
  const email = normaliseEmail(input.email);
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
  const admission = await admitSignInAttempt({
    email,
    user,
    ip: input.ip,
    deviceId: user ? knownDeviceId(input.devices ?? [], user.id) : null,
  });
  if (admission.outcome.limited)
    return { kind: "rate_limited", retryAfterSeconds: admission.outcome.retryAfterSeconds };

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  const membership = user?.memberships.find((m) => isRole(m.role));

  if (!user || !passwordOk || !membership) {
    if (user) {
      // Failed logins of a known account go into each of its organisations' audit trail.
      for (const m of user.memberships) {
        await inTransaction((tx) =>
          recordAuditEvent(tx, preSessionActor(user, m.organizationId, input.ip), {
            action: "auth.login_failed",
            target: { type: "user", id: user.id },
            payload: { reason: passwordOk ? "no_active_membership" : "bad_password" },
          }),
        );
      }
    }
    return { kind: "invalid" };
  }

  await admission.settleSuccess();
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
    await rememberLoginNetwork(tx, user.id, input.ip);
    await recordAuditEvent(tx, preSessionActor(user, membership.organizationId, input.ip), {
      action: "auth.login",
      target: { type: "user", id: user.id },
      payload: { method: "password" },
    });
    return created;
  });
  return { kind: "signed_in", token, userId: user.id };
}

/** The actor for events that happen before a session exists. */
export function preSessionActor(
  user: { id: string; email: string },
  organizationId: string,
  ip: string | null,
) {
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
