import { readFileSync } from "node:fs";
import { getEnv, type Env } from "../../utils/env.server";
import { parsePkcs12, SigningCertificateError, type SigningIdentity } from "./pkcs12";

/**
 * The organisation's signing identity, from the environment: SIGNING_P12_PATH (a .p12 file) or
 * SIGNING_P12_BASE64 (the file's bytes as base64), with SIGNING_P12_PASSPHRASE. Parsed once and
 * cached. A production server refuses to start without one (see `requireSigningIdentityAtBoot`).
 */
export { SigningCertificateError, type SigningIdentity } from "./pkcs12";

type SigningEnv = Pick<Env, "SIGNING_P12_PATH" | "SIGNING_P12_BASE64" | "SIGNING_P12_PASSPHRASE">;

let cached: { key: string; identity: SigningIdentity | null } | undefined;

/** Reads the identity the environment names; null when none is configured. Errors are clear. */
export function readSigningIdentity(env: SigningEnv): SigningIdentity | null {
  if (env.SIGNING_P12_PATH && env.SIGNING_P12_BASE64) {
    throw new SigningCertificateError("set SIGNING_P12_PATH or SIGNING_P12_BASE64, not both");
  }
  let bytes: Uint8Array;
  if (env.SIGNING_P12_PATH) {
    try {
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- the operator's configured certificate path
      bytes = readFileSync(env.SIGNING_P12_PATH);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
      throw new SigningCertificateError(
        `cannot read SIGNING_P12_PATH ${env.SIGNING_P12_PATH} (${code})`,
      );
    }
  } else if (env.SIGNING_P12_BASE64) {
    bytes = Buffer.from(env.SIGNING_P12_BASE64.replace(/\s+/g, ""), "base64");
    if (bytes.length === 0) throw new SigningCertificateError("SIGNING_P12_BASE64 is not base64");
  } else {
    return null;
  }
  return parsePkcs12(bytes, env.SIGNING_P12_PASSPHRASE);
}

/** The configured identity (cached per configuration), or null when none is configured. */
export function loadSigningIdentity(env: SigningEnv = getEnv()): SigningIdentity | null {
  const key = `${env.SIGNING_P12_PATH ?? ""}\u0000${env.SIGNING_P12_BASE64 ?? ""}\u0000${env.SIGNING_P12_PASSPHRASE}`;
  if (cached?.key !== key) cached = { key, identity: readSigningIdentity(env) };
  return cached.identity;
}

/** For the signing use case: the identity, or a clear error when none is configured. */
export function requireSigningIdentity(env: SigningEnv = getEnv()): SigningIdentity {
  const identity = loadSigningIdentity(env);
  if (!identity)
    throw new SigningCertificateError(
      "no signing certificate is configured (SIGNING_P12_PATH or SIGNING_P12_BASE64)",
    );
  return identity;
}

/**
 * Called by server/index.js before it listens. Production needs a certificate: a DPO decision
 * without a signed report would be a broken promise, so the start stops with a clear message.
 * Elsewhere a configured certificate is still checked, so a wrong passphrase shows up at once.
 */
export function requireSigningIdentityAtBoot(env: Env = getEnv()): SigningIdentity | null {
  let identity: SigningIdentity | null;
  try {
    identity = loadSigningIdentity(env);
  } catch (error) {
    throw new Error(
      `Invalid signing certificate: ${error instanceof Error ? error.message : String(error)}\nSee README.md, "Configuration".`,
    );
  }
  if (!identity && env.NODE_ENV === "production") {
    throw new Error(
      'No signing certificate: set SIGNING_P12_PATH (or SIGNING_P12_BASE64) and SIGNING_P12_PASSPHRASE to the organisation\'s PKCS#12 file.\nSigned assessment reports cannot be produced without it. See README.md, "Configuration".',
    );
  }
  return identity;
}

/** Tests switch certificates between cases. */
export function resetSigningIdentityForTests(): void {
  cached = undefined;
}
