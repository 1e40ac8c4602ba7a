import { createPrivateKey, type KeyObject } from "node:crypto";
import type { Db, Tx } from "../../utils/db.server";
import { decryptSecret, encryptSecret } from "../../utils/crypto.server";
import { getEnv } from "../../utils/env.server";
import { anchorMac, anchorMacMatches } from "../audit/anchor-key.server";
import { certificateDetails, certificatesFromPem, certificatesToPem } from "./certificate-details";
import type { SigningIdentity } from "./pkcs12";

/**
 * The stored form of an organisation's signing certificates (table SigningCertificate, ADR 0016):
 * certificate and chain in the clear, the private key encrypted with ENCRYPTION_KEY (the existing
 * AES-256-GCM helper), and an HMAC under the audit anchor key that lets `audit verify` tell the
 * certificates the server recorded from rows someone inserted into the database.
 */
export const CERTIFICATE_SOURCES = ["UPLOADED", "ISSUED", "OPERATOR"] as const;
export type CertificateSource = (typeof CERTIFICATE_SOURCES)[number];

export const SIGNING_CERTIFICATE_MAC_PURPOSE = "signing-certificate";
const MAC_PURPOSE = SIGNING_CERTIFICATE_MAC_PURPOSE;

/** What a signing certificate row's HMAC covers (the key rotation signs it again). */
export function signingCertificateMacRecord(row: {
  organizationId: string;
  source: string;
  fingerprint: string;
}): Record<string, unknown> {
  return { organizationId: row.organizationId, source: row.source, fingerprint: row.fingerprint };
}

/** One in use per organisation and source (a unique column; null once replaced or removed). */
export function activeSlotOf(organizationId: string, source: CertificateSource): string {
  return `${organizationId}:${source}`;
}

export interface NewSigningCertificate {
  organizationId: string;
  source: CertificateSource;
  certificate: Uint8Array;
  chain: Uint8Array[];
  /** Null for OPERATOR: the operator's key stays in the environment. */
  privateKey: KeyObject | null;
  issuerFingerprint?: string | null;
  /** Whether it becomes the one in use for its source (OPERATOR records are kept as history only). */
  active: boolean;
}

export async function storeSigningCertificate(tx: Tx, input: NewSigningCertificate) {
  const details = certificateDetails(input.certificate);
  const pem = input.privateKey
    ? input.privateKey.export({ type: "pkcs8", format: "pem" }).toString()
    : null;
  return tx.signingCertificate.create({
    data: {
      organizationId: input.organizationId,
      source: input.source,
      activeSlot: input.active ? activeSlotOf(input.organizationId, input.source) : null,
      certificateDer: new Uint8Array(input.certificate),
      chainPem: certificatesToPem(input.chain),
      fingerprint: details.fingerprint,
      subject: details.subject,
      issuer: details.issuer,
      notBefore: details.notBefore,
      notAfter: details.notAfter,
      privateKeyEnc: pem ? encryptSecret(pem, getEnv().ENCRYPTION_KEY) : null,
      issuerFingerprint: input.issuerFingerprint ?? null,
      mac: anchorMac(
        MAC_PURPOSE,
        signingCertificateMacRecord({
          organizationId: input.organizationId,
          source: input.source,
          fingerprint: details.fingerprint,
        }),
      ),
    },
  });
}

/** Takes a certificate out of use: it no longer signs, and its key is erased. The row stays for verification. */
export async function retireSigningCertificate(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.signingCertificate.update({
    where: { id },
    data: { activeSlot: null, retiredAt: now, privateKeyEnc: null },
  });
}

type StoredRow = {
  certificateDer: Uint8Array;
  chainPem: string;
  fingerprint: string;
  privateKeyEnc: string | null;
};

/** The signing identity of a stored certificate (its key decrypted), or null when its key was erased. */
export function identityOfStoredCertificate(row: StoredRow): SigningIdentity | null {
  if (!row.privateKeyEnc) return null;
  const certificate = new Uint8Array(row.certificateDer);
  return {
    privateKey: createPrivateKey(decryptSecret(row.privateKeyEnc, getEnv().ENCRYPTION_KEY)),
    certificate,
    chain: certificatesFromPem(row.chainPem),
    fingerprint: row.fingerprint,
    commonName: certificateDetails(certificate).commonName ?? "(no common name)",
  };
}

/**
 * The certificates whose reports `audit verify` trusts for an organisation: the rows the server
 * recorded (HMAC verifies), and rows whose HMAC does not (someone wrote them into the database).
 */
export async function recordedSigningCertificates(
  database: Db | Tx,
  organizationId: string,
): Promise<{ genuine: Set<string>; forged: string[] }> {
  const rows = await database.signingCertificate.findMany({
    where: { organizationId },
    select: { organizationId: true, source: true, fingerprint: true, mac: true },
  });
  const genuine = new Set<string>();
  const forged: string[] = [];
  for (const row of rows) {
    if (anchorMacMatches(MAC_PURPOSE, signingCertificateMacRecord(row), row.mac))
      genuine.add(row.fingerprint);
    else forged.push(row.fingerprint);
  }
  return { genuine, forged };
}
