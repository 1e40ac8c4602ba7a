import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "../../utils/canonical-json";
import { getEnv } from "../../utils/env.server";

/**
 * The key that signs the audit trail's anchors (checkpoints, the organisations' signing
 * certificate records): HKDF-SHA256 of ENCRYPTION_KEY with a label of its own (ADR 0015). It lives
 * only in the server's environment, so whoever can write to the database cannot forge an anchor;
 * the label keeps it independent of the key that encrypts secrets.
 */
const ANCHOR_KEY_INFO = "vetted/audit-anchor/v1";

let cached: { source: string; key: Buffer } | undefined;

export function anchorKey(encryptionKey: string = getEnv().ENCRYPTION_KEY): Buffer {
  if (cached?.source !== encryptionKey) {
    const derived = hkdfSync(
      "sha256",
      Buffer.from(encryptionKey, "base64"),
      Buffer.alloc(0),
      ANCHOR_KEY_INFO,
      32,
    );
    cached = { source: encryptionKey, key: Buffer.from(derived) };
  }
  return cached.key;
}

/**
 * HMAC-SHA256 (hex) of a record's canonical JSON; `purpose` keeps one kind of record from passing
 * for another. `key` defaults to the anchor key of ENCRYPTION_KEY (the key rotation passes both).
 */
export function anchorMac(
  purpose: string,
  record: Record<string, unknown>,
  key: Buffer = anchorKey(),
): string {
  return createHmac("sha256", key).update(canonicalJson({ purpose, record })).digest("hex");
}

export function anchorMacMatches(
  purpose: string,
  record: Record<string, unknown>,
  mac: string,
  key: Buffer = anchorKey(),
): boolean {
  const expected = Buffer.from(anchorMac(purpose, record, key), "hex");
  const given = /^[0-9a-f]{64}$/.test(mac) ? Buffer.from(mac, "hex") : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
