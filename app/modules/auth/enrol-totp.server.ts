import QRCode from "qrcode";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "./actor";
import { replaceRecoveryCodes } from "./recovery-codes.server";
import { markSessionMfaVerified } from "./sessions.server";
import { base32, decryptTotpKey, encryptTotpKey, generateTotpKey, matchTotpStep, totpKeyUri } from "./totp.server";

export interface TotpEnrolment {
  manualKey: string;
  keyUri: string;
  qrCodeSvg: string;
}

/**
 * Starts (or resumes) enrolment: a pending key is stored encrypted but not yet enabled, so a
 * reload shows the same key. The key URI and QR code are only ever shown to the user.
 */
export async function startTotpEnrolment(actor: UserActor): Promise<TotpEnrolment> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { email: true, totpSecretEnc: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) throw new DomainError("INVALID_STATE", "errors.totpAlreadyEnabled");
  let key: Uint8Array;
  if (user.totpSecretEnc) {
    key = decryptTotpKey(user.totpSecretEnc);
  } else {
    key = generateTotpKey();
    await db().user.updateMany({
      where: { id: actor.userId, totpEnabledAt: null },
      data: { totpSecretEnc: encryptTotpKey(key), totpLastStep: null },
    });
  }
  const keyUri = totpKeyUri(user.email, key);
  const qrCodeSvg = await QRCode.toString(keyUri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { manualKey: base32(key).replace(/(.{4})/g, "$1 ").trim(), keyUri, qrCodeSvg };
}

export type ConfirmTotpResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; error: "invalidCode" | "alreadyEnabled" };

/**
 * Confirms enrolment with a first code; returns the recovery codes (shown once). Confirming again
 * (a second tab, a double submit) is "alreadyEnabled" and changes nothing: the enabling update is
 * conditional, so of two simultaneous confirmations exactly one enables.
 */
export async function confirmTotpEnrolment(actor: UserActor, code: string): Promise<ConfirmTotpResult> {
  return inTransaction(async (tx): Promise<ConfirmTotpResult> => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { totpSecretEnc: true, totpEnabledAt: true },
    });
    if (user.totpEnabledAt) return { ok: false, error: "alreadyEnabled" };
    if (!user.totpSecretEnc) return { ok: false, error: "invalidCode" };
    const step = matchTotpStep(decryptTotpKey(user.totpSecretEnc), code, new Date(), null);
    if (step === null) return { ok: false, error: "invalidCode" };
    const enabled = await tx.user.updateMany({
      where: { id: actor.userId, totpEnabledAt: null },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (enabled.count !== 1) return { ok: false, error: "alreadyEnabled" };
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await markSessionMfaVerified(tx, actor.sessionId);
    await recordAuditEvent(tx, actor, { action: "auth.mfa_enabled", target: { type: "user", id: actor.userId }, payload: { method: "totp" } });
    return { ok: true, recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working). Callers require a recent step-up. */
export async function regenerateRecoveryCodes(actor: UserActor): Promise<string[]> {
  return inTransaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await recordAuditEvent(tx, actor, { action: "auth.recovery_codes_regenerated", target: { type: "user", id: actor.userId } });
    return codes;
  });
}
