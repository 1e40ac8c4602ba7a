import { createHmac } from "node:crypto";
import QRCode from "qrcode";
import { z } from "zod";
import { db } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "./actor";
import { replaceRecoveryCodes } from "./recovery-codes.server";
import { markSessionMfaVerified } from "./sessions.server";
import { base32, decryptTotpKey, encryptTotpKey, matchTotpStep, totpKeyUri } from "./totp.server";

export interface TotpEnrolment {
  manualKey: string;
  keyUri: string;
  qrCodeSvg: string;
}

/**
 * The key a user enrols with in this session, derived (HMAC under the session secret, as the vendor codes are) from the
 * session and the user instead of stored: showing the set-up page is a read (loaders never write,
 * ADR 0023), a reload shows the same key, and only a confirmed code stores it, encrypted. A
 * pending key stored by an older version is still honoured so an enrolment in progress survives
 * the upgrade.
 */
function pendingTotpKey(actor: UserActor, storedPendingKey: string | null): Uint8Array {
  if (storedPendingKey) return decryptTotpKey(storedPendingKey);
  const mac = createHmac("sha256", getEnv().SESSION_SECRET)
    .update(`vetted:totp-enrolment:v1\0${actor.userId}\0${actor.sessionId}`)
    .digest();
  // 20 bytes (160 bits), the size RFC 4226 recommends and generateTotpKey() uses.
  return new Uint8Array(mac.subarray(0, 20));
}

/**
 * What the set-up page shows while enrolment is pending: the key, its URI as a QR code (both only
 * ever shown to the user). Writes nothing. Throws INVALID_STATE when a second factor is enabled.
 */
export async function startTotpEnrolment(actor: UserActor): Promise<TotpEnrolment> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, totpSecretEnc: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new DomainError("INVALID_STATE", "errors.totpAlreadyEnabled");
  const key = pendingTotpKey(actor, user.totpSecretEnc);
  const keyUri = totpKeyUri(user.email, key);
  const qrCodeSvg = await QRCode.toString(keyUri, {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
  });
  return {
    manualKey: base32(key)
      .replace(/(.{4})/g, "$1 ")
      .trim(),
    keyUri,
    qrCodeSvg,
  };
}

export const confirmTotpEnrolmentSchema = z.object({
  // Authenticator apps show 6 digits, sometimes grouped with a space; anything longer is not a code.
  code: z.string().trim().max(32),
});
export type ConfirmTotpEnrolmentInput = z.infer<typeof confirmTotpEnrolmentSchema>;

export type ConfirmTotpResult =
  { ok: true; recoveryCodes: string[] } | { ok: false; error: "invalidCode" | "alreadyEnabled" };

/**
 * Confirms enrolment with a first code; returns the recovery codes (shown once). Confirming again
 * (a second tab, a double submit) is "alreadyEnabled" and changes nothing: the enabling update is
 * conditional, so of two simultaneous confirmations exactly one enables.
 */
export async function confirmTotpEnrolment(
  actor: UserActor,
  input: ConfirmTotpEnrolmentInput,
): Promise<ConfirmTotpResult> {
  const { code } = confirmTotpEnrolmentSchema.parse(input);
  return inTransaction(async (tx): Promise<ConfirmTotpResult> => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { totpSecretEnc: true, totpEnabledAt: true },
    });
    if (user.totpEnabledAt) return { ok: false, error: "alreadyEnabled" };
    const key = pendingTotpKey(actor, user.totpSecretEnc);
    const step = matchTotpStep(key, code, new Date(), null);
    if (step === null) return { ok: false, error: "invalidCode" };
    const enabled = await tx.user.updateMany({
      where: { id: actor.userId, totpEnabledAt: null },
      data: { totpSecretEnc: encryptTotpKey(key), totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (enabled.count !== 1) return { ok: false, error: "alreadyEnabled" };
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await markSessionMfaVerified(tx, actor.sessionId);
    await recordAuditEvent(tx, actor, {
      action: "auth.mfa_enabled",
      target: { type: "user", id: actor.userId },
      payload: { method: "totp" },
    });
    return { ok: true, recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working). Callers require a recent step-up. */
export async function regenerateRecoveryCodes(actor: UserActor): Promise<string[]> {
  return inTransaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await recordAuditEvent(tx, actor, {
      action: "auth.recovery_codes_regenerated",
      target: { type: "user", id: actor.userId },
    });
    return codes;
  });
}
