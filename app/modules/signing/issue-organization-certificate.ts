import { generateKeyPair, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { certificateDetails } from "./certificate-details";
import { certificateDer, createCertificate, forgeCertificate, forgePrivateKey, type SigningIdentity } from "./pkcs12";

/**
 * Certificates the operator's certificate issues for each organisation it serves (ADR 0016): the
 * subject names the organisation (O=<name>, CN="<name> — assessment reports") and the issuer is
 * the operator, so a verifier reads "issued by the operator for organisation X". No database.
 */
export const ISSUED_CERTIFICATE_YEARS = 2;
/** An issued certificate is replaced this long before it expires. */
export const RENEW_BEFORE_DAYS = 30;
export const ORGANIZATION_KEY_BITS = 3072;
const COMMON_NAME_SUFFIX = " — assessment reports";
// X.520 upper bounds for commonName and organizationName.
const NAME_MAX_CHARS = 64;

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

function truncate(value: string, max: number): string {
  const chars = Array.from(value.trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

export function organizationCertificateNames(organizationName: string): { commonName: string; organization: string } {
  const organization = truncate(organizationName, NAME_MAX_CHARS);
  const commonName = `${truncate(organizationName, NAME_MAX_CHARS - Array.from(COMMON_NAME_SUFFIX).length)}${COMMON_NAME_SUFFIX}`;
  return { commonName, organization };
}

/** RSA 3072 off the event loop (node:crypto's thread pool): key generation takes up to seconds. */
export function generateOrganizationKeyPair(): Promise<KeyPair> {
  return promisify(generateKeyPair)("rsa", { modulusLength: ORGANIZATION_KEY_BITS });
}

/** Why the operator's certificate cannot issue certificates, or null when it can. */
export function operatorIssuingProblem(operator: Pick<SigningIdentity, "certificate">, now = new Date()): string | null {
  const details = certificateDetails(operator.certificate);
  if (!details.canIssue) return "it is not a CA certificate with the keyCertSign key usage";
  if (details.notAfter.getTime() - now.getTime() < 86_400_000) return "it expires within a day";
  return null;
}

export function issueOrganizationCertificate(input: {
  operator: SigningIdentity;
  organizationName: string;
  keyPair: KeyPair;
  now?: Date;
}): { certificate: Uint8Array; chain: Uint8Array[] } {
  const now = input.now ?? new Date();
  const names = organizationCertificateNames(input.organizationName);
  const issuerCert = forgeCertificate(input.operator.certificate);
  const wanted = new Date(now);
  wanted.setUTCFullYear(wanted.getUTCFullYear() + ISSUED_CERTIFICATE_YEARS);
  // Never beyond the issuer's own validity: a verifier would reject the chain.
  const notAfter = new Date(Math.min(wanted.getTime(), issuerCert.validity.notAfter.getTime()));
  const created = createCertificate({
    commonName: names.commonName,
    organization: names.organization,
    years: ISSUED_CERTIFICATE_YEARS,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
    issuer: { cert: issuerCert, key: forgePrivateKey(input.operator.privateKey) },
    profile: "signer",
    keyPair: input.keyPair,
  });
  return { certificate: certificateDer(created.cert), chain: [input.operator.certificate, ...input.operator.chain] };
}
