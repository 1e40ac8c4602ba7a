import { createCookie } from "@remix-run/node";
import { getEnv, isSecureDeployment } from "../../utils/env.server";

/**
 * Cookie names carry the __Host- prefix whenever the app is served over https: the browser then
 * insists on Secure, Path=/ and no Domain, so a sibling subdomain cannot plant or read them.
 */
function cookieName(base: string): string {
  return isSecureDeployment() ? `__Host-${base}` : base;
}

function baseOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: isSecureDeployment() };
}

/** The session token itself: random, so it needs no signature; only its SHA-256 is stored. */
export function sessionCookie() {
  return createCookie(cookieName("vetted_session"), baseOptions());
}

/** A password-verified login waiting for its second factor (5 minutes, signed). */
export const PENDING_LOGIN_TTL_SECONDS = 5 * 60;
export function pendingLoginCookie() {
  return createCookie(cookieName("vetted_pending_login"), {
    ...baseOptions(),
    maxAge: PENDING_LOGIN_TTL_SECONDS,
    secrets: [getEnv().SESSION_SECRET],
  });
}

/** The vendor contact's session, created by exchanging an invite token (POST only). */
export function vendorSessionCookie() {
  return createCookie(cookieName("vetted_vendor"), baseOptions());
}

// The language cookie lives beside the code that reads it: app/utils/locale.server.ts.

/**
 * A browser on which a vendor contact confirmed an e-mailed code (30 days). Only the POST that
 * exchanges an invite token reads it, so it is scoped to /invite; the __Host- prefix requires
 * Path=/, hence __Secure- over https.
 */
export const VENDOR_DEVICE_TTL_DAYS = 30;
export function vendorDeviceCookie() {
  return createCookie(isSecureDeployment() ? "__Secure-vetted_device" : "vetted_device", {
    ...baseOptions(),
    path: "/invite",
    maxAge: VENDOR_DEVICE_TTL_DAYS * 24 * 3600,
  });
}

/**
 * A browser on which a user completed a sign-in (180 days, signed with SESSION_SECRET). It holds
 * no e-mail address and no user id, only pairs of an HMAC of the user id and a random device id:
 * sign-in attempts for that account from this browser get their own limit, so an attacker's
 * failures elsewhere cannot lock the owner out (app/modules/auth/login-devices.server.ts).
 */
export const LOGIN_DEVICE_TTL_DAYS = 180;
export function loginDeviceCookie() {
  return createCookie(cookieName("vetted_login_device"), {
    ...baseOptions(),
    maxAge: LOGIN_DEVICE_TTL_DAYS * 24 * 3600,
    secrets: [getEnv().SESSION_SECRET],
  });
}
