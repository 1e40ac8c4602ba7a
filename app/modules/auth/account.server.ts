import { messageKey, parseUseCaseInput } from "../../utils/validation-messages";
import { z } from "zod";
import { db } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import type { Locale } from "../../utils/i18n";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "./actor";
import { consumeRateLimit, RATE_LIMITS } from "./rate-limit.server";
import {
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyPassword,
} from "./password.server";
import { revokeSession, revokeUserSessions } from "./sessions.server";

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: messageKey("auth.passwordTooShort") })
  .max(PASSWORD_MAX_LENGTH, { message: messageKey("auth.passwordTooLong") });

/** Longer than any password we set (PASSWORD_MAX_LENGTH), so an old password is never cut off. */
export const CURRENT_PASSWORD_MAX_CHARS = 1024;

/** The current password is only compared (any text up to the limit); the new one meets the policy. */
export const changePasswordInputSchema = z.object({
  currentPassword: z
    .string({ message: messageKey("auth.wrongCurrentPassword") })
    .min(1, { message: messageKey("auth.wrongCurrentPassword") })
    .max(CURRENT_PASSWORD_MAX_CHARS, { message: messageKey("auth.wrongCurrentPassword") }),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

export async function logOut(actor: UserActor): Promise<void> {
  await inTransaction(async (tx) => {
    await recordAuditEvent(tx, actor, {
      action: "auth.logout",
      target: { type: "user", id: actor.userId },
    });
    await tx.session.deleteMany({ where: { id: actor.sessionId } });
  });
}

export type ChangePasswordResult =
  | { ok: true; revokedSessions: number }
  | { ok: false; error: "wrongCurrentPassword" }
  | { ok: false; error: "rateLimited"; retryAfterSeconds: number };

/** Changes the password and ends every other session of the user (the current one stays). */
export async function changePassword(
  actor: UserActor,
  rawCurrent: string,
  rawNext: string,
): Promise<ChangePasswordResult> {
  // Malformed input is refused before an attempt is counted: it says nothing about the password.
  const { currentPassword: current, newPassword: next } = parseUseCaseInput(
    changePasswordInputSchema,
    { currentPassword: rawCurrent, newPassword: rawNext },
  );
  // A stolen session must not become an oracle for the current password.
  // Counted before the check, so parallel guesses cannot overrun the limit.
  const limit = await consumeRateLimit(
    `password-change:account:${actor.userId}`,
    RATE_LIMITS.passwordChangePerAccount,
  );
  if (limit.limited)
    return { ok: false, error: "rateLimited", retryAfterSeconds: limit.retryAfterSeconds };
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, current)))
    return { ok: false, error: "wrongCurrentPassword" };
  const passwordHash = await hashPassword(next);
  const revokedSessions = await inTransaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.userId },
      data: { passwordHash, passwordChangedAt: new Date() },
    });
    const count = await revokeUserSessions(tx, actor.userId, actor.sessionId);
    await recordAuditEvent(tx, actor, {
      action: "auth.password_changed",
      target: { type: "user", id: actor.userId },
      payload: { revokedSessions: count },
    });
    return count;
  });
  return { ok: true, revokedSessions };
}

export async function setUserLocale(actor: UserActor, locale: Locale): Promise<void> {
  await db().user.update({ where: { id: actor.userId }, data: { locale } });
}

export { revokeSession };
