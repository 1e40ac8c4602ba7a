import { X509Certificate } from "node:crypto";
import { certificateFingerprint, forgeCertificate } from "./pkcs12";

/**
 * What a person (and the signing code) needs to know about a certificate: its names, validity,
 * fingerprint, and whether it may sign documents or issue certificates. node:crypto reads the
 * names (UTF-8 intact), node-forge the key-usage extensions.
 */
export interface CertificateDetails {
  subject: string;
  issuer: string;
  commonName: string | null;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the DER, lower-case hex. */
  fingerprint: string;
  selfSigned: boolean;
  /** basicConstraints cA and (when key usage is present) keyCertSign. */
  canIssue: boolean;
  /** No key usage, or digitalSignature / nonRepudiation among it. */
  canSignDocuments: boolean;
  /** RSA modulus length in bits (null: not an RSA key). */
  rsaBits: number | null;
}

/** "CN=…\nO=…" (node:crypto) → "CN=…, O=…". */
function oneLine(name: string): string {
  return name.split("\n").filter(Boolean).join(", ");
}

function commonNameIn(name: string): string | null {
  const line = name.split("\n").find((part) => part.startsWith("CN="));
  return line ? line.slice(3) : null;
}

type KeyUsage = { keyCertSign?: boolean; digitalSignature?: boolean; nonRepudiation?: boolean };

function extensionsOf(
  der: Uint8Array,
  x509: X509Certificate,
): { basic: { cA?: boolean } | undefined; usage: KeyUsage | undefined } {
  try {
    const forged = forgeCertificate(der);
    return {
      basic: forged.getExtension("basicConstraints") as { cA?: boolean } | undefined,
      usage: forged.getExtension("keyUsage") as KeyUsage | undefined,
    };
  } catch {
    // node-forge reads RSA certificates only; for others node:crypto still knows the CA flag.
    return { basic: { cA: x509.ca }, usage: undefined };
  }
}

export function certificateDetails(der: Uint8Array): CertificateDetails {
  const x509 = new X509Certificate(der);
  const { basic, usage } = extensionsOf(der, x509);
  const details = x509.publicKey.asymmetricKeyDetails;
  return {
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    commonName: commonNameIn(x509.subject),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    fingerprint: certificateFingerprint(der),
    selfSigned: x509.checkIssued(x509) && x509.verify(x509.publicKey),
    canIssue: basic?.cA === true && (!usage || usage.keyCertSign === true),
    canSignDocuments: !usage || usage.digitalSignature === true || usage.nonRepudiation === true,
    rsaBits: x509.publicKey.asymmetricKeyType === "rsa" ? (details?.modulusLength ?? null) : null,
  };
}

export function certificatesToPem(ders: Uint8Array[]): string {
  return ders.map((der) => new X509Certificate(der).toString()).join("");
}

export function certificatesFromPem(pem: string): Uint8Array[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new Uint8Array(new X509Certificate(block).raw));
}
