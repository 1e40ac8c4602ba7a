import { createHmac } from "node:crypto";
import { z } from "zod";
import { generateToken } from "../../utils/crypto.server";
import { getEnv } from "../../utils/env.server";
import { loginDeviceCookie } from "./cookies.server";

/**
 * Known devices: a browser on which a user completed a sign-in keeps a signed cookie with, per
 * account, an HMAC of the user id (never the e-mail address or the id itself) and a random device
 * id. Sign-in attempts for that account from that browser are limited on their own (see
 * login-throttle.server.ts), so failures elsewhere cannot lock the owner out of it. The cookie
 * only changes which limit applies; it never replaces the password or the second factor.
 */
export interface LoginDeviceEntry {
  /** HMAC-SHA256(SESSION_SECRET, "login-device:" + userId), base64url, 128 bits. */
  a: string;
  /** Random device id, base64url, 128 bits. */
  d: string;
}

/** Several people may share a browser; the oldest accounts fall out first. */
export const MAX_LOGIN_DEVICE_ENTRIES = 5;

const entriesSchema = z
  .array(
    z.object({
      a: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
      d: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    }),
  )
  .max(MAX_LOGIN_DEVICE_ENTRIES);

function accountTag(userId: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET)
    .update(`login-device:${userId}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}

/** The entries of the request's device cookie; a missing, forged or malformed cookie gives none. */
export async function readLoginDevices(request: Request): Promise<LoginDeviceEntry[]> {
  const raw: unknown = await loginDeviceCookie().parse(request.headers.get("Cookie"));
  const parsed = entriesSchema.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

/** The device id this browser holds for the account, or null. */
export function knownDeviceId(entries: readonly LoginDeviceEntry[], userId: string): string | null {
  const tag = accountTag(userId);
  return entries.find((entry) => entry.a === tag)?.d ?? null;
}

/** Set-Cookie for the browser after a completed sign-in: the account's entry first, its device id kept. */
export function rememberLoginDevice(
  entries: readonly LoginDeviceEntry[],
  userId: string,
): Promise<string> {
  const tag = accountTag(userId);
  const own = entries.find((entry) => entry.a === tag) ?? { a: tag, d: generateToken(16) };
  const next = [own, ...entries.filter((entry) => entry.a !== tag)].slice(
    0,
    MAX_LOGIN_DEVICE_ENTRIES,
  );
  return loginDeviceCookie().serialize(next);
}
