import { z } from "zod";
import { decryptSecret, encryptSecret } from "../../utils/crypto.server";
import { db, type Tx } from "../../utils/db.server";
import { inTransaction } from "../../utils/transaction.server";
import { anchorKey, anchorMac, anchorMacMatches } from "../audit/anchor-key.server";
import { checkpointRecord } from "../audit/audit-checkpoint";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { CHECKPOINT_MAC_PURPOSE } from "../audit/write-audit-checkpoint.server";
import {
  SIGNING_CERTIFICATE_MAC_PURPOSE,
  signingCertificateMacRecord,
} from "../signing/signing-certificate-record.server";
import {
  EncryptionKeyMismatchError,
  INSTALLATION_ID,
  keyCheckMatches,
  keyCheckValue,
} from "./encryption-key-check.server";

/**
 * `vetted rotate-encryption-key`: replaces ENCRYPTION_KEY by NEW_ENCRYPTION_KEY in ONE
 * transaction. Everything the key protects follows it:
 *   - encrypted columns (encryptSecret): User.totpSecretEnc, SigningCertificate.privateKeyEnc;
 *   - HMACs under the anchor key derived from it (ADR 0015): AuditCheckpoint.mac and
 *     SigningCertificate.mac — signed again only where they verify under the old key, so a forged
 *     row stays detectable;
 *   - the key-check value (Installation.keyCheck).
 * Each organisation's audit trail records the rotation (written first: a checkpoint its event
 * may cause is re-signed with the others). Servers must be stopped while it runs: they hold the
 * old key. A secret the old key cannot decrypt stops the rotation and nothing changes.
 */
const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded");

export class KeyRotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyRotationError";
  }
}

export interface KeyRotationSummary {
  totpSecrets: number;
  signingKeys: number;
  checkpoints: number;
  certificateRecords: number;
  organisations: number;
}

export const ROTATION_AUDIT_ACTION = "installation.encryption_key_rotated";

export async function rotateEncryptionKey({
  oldKey,
  newKey,
}: {
  oldKey: string;
  newKey: string | undefined;
}): Promise<KeyRotationSummary> {
  const parsed = base64Key32.safeParse(newKey ?? "");
  if (!parsed.success)
    throw new KeyRotationError(
      "NEW_ENCRYPTION_KEY must be set to 32 random bytes, base64-encoded (openssl rand -base64 32)",
    );
  if (parsed.data === oldKey)
    throw new KeyRotationError("NEW_ENCRYPTION_KEY is the same as ENCRYPTION_KEY");
  const installation = await db().installation.findUnique({ where: { id: INSTALLATION_ID } });
  if (installation && !keyCheckMatches(installation.keyCheck, oldKey))
    throw new EncryptionKeyMismatchError();

  const summary = await inTransaction(async (tx) => {
    const organisations = await tx.organization.findMany({ select: { id: true } });
    for (const organisation of organisations) {
      const signingKeys = await tx.signingCertificate.count({
        where: { organizationId: organisation.id, privateKeyEnc: { not: null } },
      });
      await recordAuditEvent(
        tx,
        { kind: "system", organizationId: organisation.id, label: "vetted rotate-encryption-key" },
        { action: ROTATION_AUDIT_ACTION, payload: { signingKeys } },
      );
    }
    return {
      ...(await reencryptSecrets(tx, oldKey, parsed.data)),
      ...(await resignAnchors(tx, oldKey, parsed.data)),
      organisations: organisations.length,
    };
  });
  return summary;
}

function reencrypt(value: string, oldKey: string, newKey: string, what: string): string {
  let plaintext: string;
  try {
    plaintext = decryptSecret(value, oldKey);
  } catch {
    throw new KeyRotationError(
      `${what} cannot be decrypted with ENCRYPTION_KEY: nothing was changed (is ENCRYPTION_KEY the current key?)`,
    );
  }
  return encryptSecret(plaintext, newKey);
}

async function reencryptSecrets(tx: Tx, oldKey: string, newKey: string) {
  const users = await tx.user.findMany({
    where: { totpSecretEnc: { not: null } },
    select: { id: true, totpSecretEnc: true },
  });
  for (const user of users) {
    await tx.user.update({
      where: { id: user.id },
      data: {
        totpSecretEnc: reencrypt(
          user.totpSecretEnc!,
          oldKey,
          newKey,
          `user ${user.id}'s TOTP secret`,
        ),
      },
    });
  }
  const certificates = await tx.signingCertificate.findMany({
    where: { privateKeyEnc: { not: null } },
    select: { id: true, privateKeyEnc: true },
  });
  for (const certificate of certificates) {
    await tx.signingCertificate.update({
      where: { id: certificate.id },
      data: {
        privateKeyEnc: reencrypt(
          certificate.privateKeyEnc!,
          oldKey,
          newKey,
          `signing certificate ${certificate.id}'s private key`,
        ),
      },
    });
  }
  await tx.installation.upsert({
    where: { id: INSTALLATION_ID },
    create: { id: INSTALLATION_ID, keyCheck: keyCheckValue(newKey) },
    update: { keyCheck: keyCheckValue(newKey) },
  });
  return { totpSecrets: users.length, signingKeys: certificates.length };
}

async function resignAnchors(tx: Tx, oldKey: string, newKey: string) {
  const before = anchorKey(oldKey);
  const after = anchorKey(newKey);
  let checkpoints = 0;
  for (const row of await tx.auditCheckpoint.findMany()) {
    const record = checkpointRecord(row);
    if (!anchorMacMatches(CHECKPOINT_MAC_PURPOSE, record, row.mac, before)) continue;
    await tx.auditCheckpoint.update({
      where: { id: row.id },
      data: { mac: anchorMac(CHECKPOINT_MAC_PURPOSE, record, after) },
    });
    checkpoints += 1;
  }
  let certificateRecords = 0;
  const certificates = await tx.signingCertificate.findMany({
    select: { id: true, organizationId: true, source: true, fingerprint: true, mac: true },
  });
  for (const row of certificates) {
    const record = signingCertificateMacRecord(row);
    if (!anchorMacMatches(SIGNING_CERTIFICATE_MAC_PURPOSE, record, row.mac, before)) continue;
    await tx.signingCertificate.update({
      where: { id: row.id },
      data: { mac: anchorMac(SIGNING_CERTIFICATE_MAC_PURPOSE, record, after) },
    });
    certificateRecords += 1;
  }
  return { checkpoints, certificateRecords };
}
