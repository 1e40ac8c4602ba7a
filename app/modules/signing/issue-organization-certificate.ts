import { generateKeyPair, X509Certificate, type KeyObject } from "node:crypto";
import forge from "node-forge";
import { promisify } from "node:util";
import { certificateDetails } from "./certificate-details";
import {
  certificateDer,
  createCertificate,
  forgeCertificate,
  forgePrivateKey,
  type SigningIdentity,
} from "./pkcs12";

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

export function organizationCertificateNames(organizationName: string): {
  commonName: string;
  organization: string;
} {
  const organization = truncate(organizationName, NAME_MAX_CHARS);
  const commonName = `${truncate(organizationName, NAME_MAX_CHARS - Array.from(COMMON_NAME_SUFFIX).length)}${COMMON_NAME_SUFFIX}`;
  return { commonName, organization };
}

/** RSA 3072 off the event loop (node:crypto's thread pool): key generation takes up to seconds. */
export function generateOrganizationKeyPair(): Promise<KeyPair> {
  return promisify(generateKeyPair)("rsa", { modulusLength: ORGANIZATION_KEY_BITS });
}

/** Why the operator's certificate cannot issue certificates, or null when it can. */
export function operatorIssuingProblem(
  operator: Pick<SigningIdentity, "certificate">,
  now = new Date(),
): string | null {
  const details = certificateDetails(operator.certificate);
  if (!details.canIssue) return "it is not a CA certificate with the keyCertSign key usage";
  if (details.notAfter.getTime() - now.getTime() < 86_400_000) return "it expires within a day";
  return null;
}

/**
 * node-forge hands a parsed certificate's UTF8String values over as raw UTF-8 bytes but encodes
 * values it is given as JavaScript strings: decode them, or the issued certificate would name a
 * double-encoded issuer that no verifier can match with the operator's subject.
 */
function issuerAsParsed(der: Uint8Array): forge.pki.Certificate {
  const cert = forgeCertificate(der);
  for (const attribute of cert.subject.attributes) {
    if (
      attribute.valueTagClass === (forge.asn1.Type.UTF8 as unknown) &&
      typeof attribute.value === "string"
    ) {
      attribute.value = Buffer.from(attribute.value, "binary").toString("utf8");
    }
  }
  return cert;
}

export function issueOrganizationCertificate(input: {
  operator: SigningIdentity;
  organizationName: string;
  keyPair: KeyPair;
  now?: Date;
}): { certificate: Uint8Array; chain: Uint8Array[] } {
  const now = input.now ?? new Date();
  const names = organizationCertificateNames(input.organizationName);
  const issuerCert = issuerAsParsed(input.operator.certificate);
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
  const certificate = certificateDer(created.cert);
  // Defensive: a certificate that does not chain to the operator's must never sign.
  const operatorX509 = new X509Certificate(input.operator.certificate);
  const issued = new X509Certificate(certificate);
  if (!issued.checkIssued(operatorX509) || !issued.verify(operatorX509.publicKey)) {
    throw new Error(
      "the certificate issued for the organisation does not chain to the operator's certificate",
    );
  }
  return { certificate, chain: [input.operator.certificate, ...input.operator.chain] };
}
