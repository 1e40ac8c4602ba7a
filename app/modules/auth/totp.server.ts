import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret } from "../../utils/crypto.server";
import { getEnv } from "../../utils/env.server";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const ALLOWED_DRIFT_STEPS = 1;

export function generateTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

export function encryptTotpKey(key: Uint8Array): string {
  return encryptSecret(Buffer.from(key).toString("base64"), getEnv().ENCRYPTION_KEY);
}

export function decryptTotpKey(encrypted: string): Uint8Array {
  return new Uint8Array(Buffer.from(decryptSecret(encrypted, getEnv().ENCRYPTION_KEY), "base64"));
}

export function totpKeyUri(email: string, key: Uint8Array, issuer = "Vetted"): string {
  return createTOTPKeyURI(issuer, email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** RFC 4648 base32 without padding: the "manual key" users type into an authenticator. */
export function base32(key: Uint8Array): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of key) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

export function currentTotpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

export function generateTotpCode(key: Uint8Array, now: Date): string {
  return generateHOTP(key, BigInt(currentTotpStep(now)), TOTP_DIGITS);
}

/**
 * Checks a code against the current step ± one (clock drift) and returns the matching step, or
 * null. Callers reject steps at or below the last accepted one: a code works only once.
 */
export function matchTotpStep(
  key: Uint8Array,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): number | null {
  const normalised = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(normalised)) return null;
  const current = currentTotpStep(now);
  for (let offset = -ALLOWED_DRIFT_STEPS; offset <= ALLOWED_DRIFT_STEPS; offset++) {
    const step = current + offset;
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (generateHOTP(key, BigInt(step), TOTP_DIGITS) === normalised) return step;
  }
  return null;
}
