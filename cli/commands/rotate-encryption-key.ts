import {
  KeyRotationError,
  rotateEncryptionKey,
} from "../../app/modules/operations/rotate-encryption-key.server";
import { EncryptionKeyMismatchError } from "../../app/modules/operations/encryption-key-check.server";
import { getEnv } from "../../app/utils/env.server";

/**
 * `rotate-encryption-key`: re-encrypts every secret from ENCRYPTION_KEY to NEW_ENCRYPTION_KEY in
 * one transaction (app/modules/operations/rotate-encryption-key.server.ts). Stop every server
 * first; afterwards start them with ENCRYPTION_KEY set to the new key (the key check refuses the
 * old one). Exit 1, and nothing changed, when a key is wrong.
 */
export async function rotateEncryptionKeyCommand(): Promise<number> {
  try {
    const summary = await rotateEncryptionKey({
      oldKey: getEnv().ENCRYPTION_KEY,
      newKey: process.env.NEW_ENCRYPTION_KEY,
    });
    process.stdout.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: "info", event: "installation.encryption_key_rotated", ...summary })}\n`,
    );
    process.stdout.write(
      `Re-encrypted ${summary.totpSecrets} TOTP secret(s) and ${summary.signingKeys} signing key(s); re-signed ${summary.checkpoints} audit checkpoint(s) and ${summary.certificateRecords} certificate record(s); an audit event in each of ${summary.organisations} organisation(s).\nStart the servers with ENCRYPTION_KEY set to the new key. Keep the old key with the audit log lines exported before now: their checkpoint HMACs were made with it.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof KeyRotationError || error instanceof EncryptionKeyMismatchError) {
      process.stderr.write(`rotate-encryption-key: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
