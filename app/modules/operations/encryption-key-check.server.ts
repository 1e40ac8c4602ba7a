import { decryptSecret, encryptSecret } from "../../utils/crypto.server";
import type { Db, Tx } from "../../utils/db.server";
import { db } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";

/**
 * The key-check value: a known constant encrypted with ENCRYPTION_KEY, kept in the one-row
 * Installation table. At start the server decrypts it; a wrong (but well-formed) key stops the
 * start with one clear line instead of locking every user with a second factor out with 500s.
 *
 * A database without the value gets one at first start, but only when the key can decrypt a
 * secret that is already stored (a TOTP secret, an organisation's signing key): an installation
 * upgraded to this version with the wrong key is refused, never given a check of the wrong key.
 */
const KEY_CHECK_PLAINTEXT = "vetted/encryption-key-check/v1";
export const INSTALLATION_ID = "installation";

export class EncryptionKeyMismatchError extends Error {
  constructor() {
    super(
      "ENCRYPTION_KEY cannot decrypt the secrets stored in this database (key check failed): start with the key this installation was set up with; to change the key use `npm run vetted -- rotate-encryption-key`",
    );
    this.name = "EncryptionKeyMismatchError";
  }
}

export function keyCheckValue(key: string): string {
  return encryptSecret(KEY_CHECK_PLAINTEXT, key);
}

function decrypts(encrypted: string, key: string): boolean {
  try {
    decryptSecret(encrypted, key);
    return true;
  } catch {
    return false;
  }
}

export function keyCheckMatches(value: string, key: string): boolean {
  try {
    return decryptSecret(value, key) === KEY_CHECK_PLAINTEXT;
  } catch {
    return false;
  }
}

/** One stored secret, if any: proof of the key an installation without a key-check value uses. */
export async function findStoredSecret(database: Db | Tx): Promise<string | null> {
  const user = await database.user.findFirst({
    where: { totpSecretEnc: { not: null } },
    select: { totpSecretEnc: true },
  });
  if (user?.totpSecretEnc) return user.totpSecretEnc;
  const certificate = await database.signingCertificate.findFirst({
    where: { privateKeyEnc: { not: null } },
    select: { privateKeyEnc: true },
  });
  return certificate?.privateKeyEnc ?? null;
}

/**
 * Checks ENCRYPTION_KEY against the database at start; throws EncryptionKeyMismatchError when it
 * cannot be the installation's key. Returns whether the key-check value was verified or created.
 */
export async function verifyEncryptionKey(
  key: string = getEnv().ENCRYPTION_KEY,
): Promise<"verified" | "created"> {
  const existing = await db().installation.findUnique({ where: { id: INSTALLATION_ID } });
  if (existing) {
    if (!keyCheckMatches(existing.keyCheck, key)) throw new EncryptionKeyMismatchError();
    return "verified";
  }
  const secret = await findStoredSecret(db());
  if (secret && !decrypts(secret, key)) throw new EncryptionKeyMismatchError();
  try {
    await db().installation.create({ data: { id: INSTALLATION_ID, keyCheck: keyCheckValue(key) } });
    return "created";
  } catch (error) {
    // Another instance starting at the same moment created it: check against that one.
    const raced = await db().installation.findUnique({ where: { id: INSTALLATION_ID } });
    if (!raced) throw error;
    if (!keyCheckMatches(raced.keyCheck, key)) throw new EncryptionKeyMismatchError();
    return "verified";
  }
}
