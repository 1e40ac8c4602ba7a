import { z } from "zod";
import { db, type Tx } from "../../utils/db.server";
import { entityIdInput, entityIdSchema } from "../../utils/entity-id";
import { messageKey, parseUseCaseInput } from "../../utils/validation-messages";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { Actor } from "./actor";
import { preSessionActor } from "./log-in.server";
import { loginSourceOf } from "./login-source.server";
import { rememberLoginNetwork } from "./login-throttle.server";
import {
  clearRateLimit,
  consumeRateLimits,
  RATE_LIMITS,
  refundRateLimit,
} from "./rate-limit.server";
import { consumeRecoveryCode } from "./recovery-codes.server";
import { createSession, markSessionMfaVerified } from "./sessions.server";
import { decryptTotpKey, matchTotpStep } from "./totp.server";

export type SecondFactorResult =
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "invalid" }
  | { kind: "ok"; method: "totp" | "recovery_code" };

const codeLimitKeys = (userId: string, ip: string | null) => ({
  account: `code:account:${userId}`,
  source: `code:source:${loginSourceOf(ip)}`,
});

/**
 * Checks a TOTP code (each step accepted once: replay protection through totpLastStep) or a
 * one-time recovery code, inside `tx`. Returns the method that matched, or null.
 */
async function matchSecondFactor(
  tx: Tx,
  userId: string,
  code: string,
  now: Date,
): Promise<"totp" | "recovery_code" | null> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { totpSecretEnc: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user?.totpSecretEnc || !user.totpEnabledAt) return null;
  const step = matchTotpStep(decryptTotpKey(user.totpSecretEnc), code, now, user.totpLastStep);
  if (step !== null) {
    // Conditional update: of two concurrent uses of one code only one wins.
    const claimed = await tx.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return claimed.count === 1 ? "totp" : null;
  }
  if (
    code.replace(/[^a-z0-9]/gi, "").length === 12 &&
    (await consumeRecoveryCode(tx, userId, code))
  ) {
    return "recovery_code";
  }
  return null;
}

async function guarded(
  userId: string,
  ip: string | null,
  actorForAudit: Actor,
  code: string,
  onSuccess: (tx: Tx, method: "totp" | "recovery_code") => Promise<void>,
): Promise<SecondFactorResult> {
  const keys = codeLimitKeys(userId, ip);
  // Counted before the code is checked: parallel guesses cannot overrun the limit.
  const limit = await consumeRateLimits([
    [keys.source, RATE_LIMITS.codePerIp],
    [keys.account, RATE_LIMITS.codePerAccount],
  ]);
  if (limit.limited) return { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const method = await inTransaction(async (tx) => {
    const matched = await matchSecondFactor(tx, userId, code, new Date());
    if (matched) await onSuccess(tx, matched);
    return matched;
  });
  if (!method) {
    await inTransaction((tx) =>
      recordAuditEvent(tx, actorForAudit, {
        action: "auth.mfa_failed",
        target: { type: "user", id: userId },
      }),
    );
    return { kind: "invalid" };
  }
  await refundRateLimit(keys.source);
  await clearRateLimit(keys.account);
  return { kind: "ok", method };
}

/**
 * A second-factor code as typed: a TOTP code or a recovery code (with or without its dash), at
 * most SECOND_FACTOR_CODE_MAX_CHARS. Anything else is refused before an attempt is counted. An
 * empty or wrong code of the right shape is an attempt like any other (it counts).
 */
export const SECOND_FACTOR_CODE_MAX_CHARS = 64;
const secondFactorCodeSchema = z
  .string({ message: messageKey("auth.invalidCode") })
  .max(SECOND_FACTOR_CODE_MAX_CHARS, { message: messageKey("auth.invalidCode") });
export const stepUpInputSchema = z.object({ code: secondFactorCodeSchema });
export type StepUpInput = z.infer<typeof stepUpInputSchema>;

/**
 * Step two of a login. The ids come from the signed pending-login cookie; one that cannot be an
 * id is answered like an unknown user ("invalid"), before any query or count.
 */
export const completeLoginInputSchema = z.object({
  userId: entityIdInput,
  organizationId: entityIdInput,
  code: secondFactorCodeSchema,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type CompleteLoginInput = z.input<typeof completeLoginInputSchema>;

/** Step two of a login: the second factor; creates the session on success. */
export async function completeLoginWithSecondFactor(rawInput: {
  userId: string;
  organizationId: string;
  code: string;
  ip: string | null;
  userAgent: string | null;
}): Promise<SecondFactorResult & { token?: string }> {
  const parsed = parseUseCaseInput(completeLoginInputSchema, rawInput);
  const userId = entityIdSchema.safeParse(parsed.userId);
  const organizationId = entityIdSchema.safeParse(parsed.organizationId);
  if (!userId.success || !organizationId.success) return { kind: "invalid" };
  const input = { ...parsed, userId: userId.data, organizationId: organizationId.data };
  const user = await db().user.findUnique({
    where: { id: input.userId },
    select: { id: true, email: true },
  });
  if (!user) return { kind: "invalid" };
  const actor = preSessionActor(user, input.organizationId, input.ip);
  let token: string | undefined;
  const result = await guarded(user.id, input.ip, actor, input.code, async (tx, method) => {
    const membership = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: input.organizationId, userId: user.id } },
      select: { deactivatedAt: true },
    });
    // Deactivated while the second factor was pending: no session (the route answers "invalid").
    if (!membership || membership.deactivatedAt) return;
    const session = await createSession(tx, {
      userId: user.id,
      organizationId: input.organizationId,
      mfaVerified: true,
      ipAddress: input.ip,
      userAgent: input.userAgent,
    });
    token = session.token;
    await rememberLoginNetwork(tx, user.id, input.ip);
    await recordAuditEvent(tx, actor, {
      action: method === "totp" ? "auth.login" : "auth.login_recovery_code",
      target: { type: "user", id: user.id },
      payload: { method },
    });
  });
  return { ...result, token };
}

/** Step-up for sensitive actions: a fresh second-factor check on the current session. */
export async function stepUp(
  actor: Extract<Actor, { kind: "user" }>,
  rawCode: StepUpInput["code"],
): Promise<SecondFactorResult> {
  const { code } = parseUseCaseInput(stepUpInputSchema, { code: rawCode });
  return guarded(actor.userId, actor.ip, actor, code, async (tx, method) => {
    await markSessionMfaVerified(tx, actor.sessionId);
    await recordAuditEvent(tx, actor, {
      action: "auth.step_up",
      target: { type: "user", id: actor.userId },
      payload: { method },
    });
  });
}
