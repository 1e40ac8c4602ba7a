import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from "node:crypto";
import forge from "node-forge";

/**
 * PKCS#12 handling without database or environment: parsing an organisation's signing identity
 * and creating certificates (the demo's self-signed one; throwaway CAs in tests). node-forge
 * reads PKCS#12 (node:crypto cannot); keys are handed on as node:crypto KeyObjects.
 */
export interface SigningIdentity {
  privateKey: KeyObject;
  /** DER of the signer's (leaf) certificate. */
  certificate: Uint8Array;
  /** DER of the other certificates in the file (intermediates, CA), leaf excluded. */
  chain: Uint8Array[];
  /** SHA-256 of the leaf certificate's DER, lower-case hex. */
  fingerprint: string;
  /** Subject common name of the leaf certificate (the signer shown on reports). */
  commonName: string;
}

/** What went wrong, for messages in the user's language (uploads); `message` is for operators. */
export type SigningCertificateProblem =
  "passphrase" | "unreadable" | "no_rsa_key" | "no_certificate" | "configuration";

export class SigningCertificateError extends Error {
  constructor(
    message: string,
    readonly problem: SigningCertificateProblem = "configuration",
  ) {
    super(message);
    this.name = "SigningCertificateError";
  }
}

function derOf(cert: forge.pki.Certificate): Uint8Array {
  return new Uint8Array(
    Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary"),
  );
}

export function certificateFingerprint(der: Uint8Array): string {
  return createHash("sha256").update(der).digest("hex");
}

/** Reads a PKCS#12 (.p12/.pfx) file's bytes; a wrong passphrase or a damaged file gives a clear error. */
export function parsePkcs12(bytes: Uint8Array, passphrase: string): SigningIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString("binary")));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // forge reports a MAC failure as "PKCS#12 MAC could not be verified. Invalid password?"
    if (/password|MAC/i.test(detail))
      throw new SigningCertificateError(
        "the PKCS#12 passphrase is wrong (SIGNING_P12_PASSPHRASE)",
        "passphrase",
      );
    throw new SigningCertificateError(`the PKCS#12 file cannot be read (${detail})`, "unreadable");
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
      forge.pki.oids.pkcs8ShroudedKeyBag!
    ] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const key = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key)
    throw new SigningCertificateError(
      "the PKCS#12 file holds no RSA private key (only RSA keys are supported)",
      "no_rsa_key",
    );
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => Boolean(cert));
  // The leaf is the certificate whose public key belongs to the private key.
  const leaf = certs.find((cert) => {
    const pub = cert.publicKey as forge.pki.rsa.PublicKey;
    return pub.n && pub.n.equals(key.n) && pub.e.equals(key.e);
  });
  if (!leaf)
    throw new SigningCertificateError(
      "the PKCS#12 file holds no certificate for its private key",
      "no_certificate",
    );
  const certificate = derOf(leaf);
  const cn = leaf.subject.getField("CN") as { value?: string } | null;
  return {
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(key)),
    certificate,
    chain: certs.filter((c) => c !== leaf).map(derOf),
    fingerprint: certificateFingerprint(certificate),
    // forge hands parsed UTF8String values over as raw bytes in a binary string.
    commonName: cn?.value ? Buffer.from(cn.value, "binary").toString("utf8") : "(no common name)",
  };
}

/** Which extensions a new certificate gets: a document signer, an issuer, or both (the demo operator). */
export type CertificateProfile = "signer" | "issuer" | "issuer-and-signer";

export interface NewCertificate {
  commonName: string;
  organization?: string;
  years: number;
  /** Signs the certificate; omitted: self-signed. */
  issuer?: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey };
  profile?: CertificateProfile;
  notBefore?: Date;
  /** Overrides `years` (a certificate must not outlive its issuer). */
  notAfter?: Date;
  /** RSA modulus size; node:crypto generates the key (forge's own generator is slow). */
  bits?: 2048 | 3072;
  /** A key pair made beforehand (e.g. asynchronously); otherwise one is generated here. */
  keyPair?: { privateKey: KeyObject; publicKey: KeyObject };
}

export interface CreatedCertificate {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

/** node:crypto key → forge key (forge signs certificates and writes PKCS#12). */
export function forgePrivateKey(key: KeyObject): forge.pki.rsa.PrivateKey {
  return forge.pki.privateKeyFromPem(
    key.export({ type: "pkcs1", format: "pem" }).toString(),
  ) as forge.pki.rsa.PrivateKey;
}

export function forgeCertificate(der: Uint8Array): forge.pki.Certificate {
  return forge.pki.certificateFromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString("binary"))),
  );
}

export function certificateDer(cert: forge.pki.Certificate): Uint8Array {
  return derOf(cert);
}

const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

function extensionsFor(
  profile: CertificateProfile,
  issuer: forge.pki.Certificate | undefined,
): object[] {
  const issuerKeyId = (
    issuer?.getExtension("subjectKeyIdentifier") as { subjectKeyIdentifier?: string } | undefined
  )?.subjectKeyIdentifier;
  // Lets verifiers find the issuer by its key (only when the issuer names its own key id).
  const authority = issuerKeyId
    ? [{ name: "authorityKeyIdentifier", keyIdentifier: forge.util.hexToBytes(issuerKeyId) }]
    : [];
  switch (profile) {
    case "issuer":
      return [
        { name: "basicConstraints", cA: true, critical: true },
        { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
        { name: "subjectKeyIdentifier" },
        ...authority,
      ];
    case "issuer-and-signer":
      return [
        { name: "basicConstraints", cA: true, critical: true },
        {
          name: "keyUsage",
          digitalSignature: true,
          nonRepudiation: true,
          keyCertSign: true,
          cRLSign: true,
          critical: true,
        },
        { name: "subjectKeyIdentifier" },
        ...authority,
      ];
    case "signer":
      return [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
        { name: "subjectKeyIdentifier" },
        ...authority,
      ];
  }
}

export function createCertificate(options: NewCertificate): CreatedCertificate {
  const pair =
    options.keyPair ?? generateKeyPairSync("rsa", { modulusLength: options.bits ?? 2048 });
  const key = forgePrivateKey(pair.privateKey);
  const publicKey = forge.pki.publicKeyFromPem(
    pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // Positive 16-byte serial from node:crypto (first bit cleared).
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString("hex");
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  cert.validity.notBefore = notBefore;
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + options.years);
  cert.validity.notAfter = options.notAfter ?? notAfter;
  // UTF8String values: forge encodes the JS string as UTF-8 itself (umlauts in organisation names).
  const subject: forge.pki.CertificateField[] = [
    { name: "commonName", value: options.commonName, valueTagClass: UTF8 },
  ];
  if (options.organization)
    subject.push({ name: "organizationName", value: options.organization, valueTagClass: UTF8 });
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.cert.subject.attributes : subject);
  cert.setExtensions(extensionsFor(options.profile ?? "signer", options.issuer?.cert));
  cert.sign(options.issuer?.key ?? key, forge.md.sha256.create());
  return { cert, key };
}

function toPkcs12(
  leaf: CreatedCertificate,
  chain: forge.pki.Certificate[],
  passphrase: string,
): Uint8Array {
  const asn1 = forge.pkcs12.toPkcs12Asn1(leaf.key, [leaf.cert, ...chain], passphrase, {
    algorithm: "aes256",
    friendlyName: "signing",
  });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"));
}

/** A self-signed signing certificate (RSA 3072) as a PKCS#12 file; it cannot issue others (benchmarks, tests). */
export function createSelfSignedPkcs12(
  commonName: string,
  passphrase: string,
  years = 5,
): Uint8Array {
  const created = createCertificate({ commonName, years, bits: 3072 });
  return toPkcs12(created, [], passphrase);
}

/**
 * The demo operator's certificate (RSA 3072, self-signed): it may issue certificates (CA, key
 * usage keyCertSign) for the organisations it serves, and sign directly too (ADR 0016).
 */
export function createOperatorPkcs12(
  commonName: string,
  passphrase: string,
  years = 5,
): Uint8Array {
  const created = createCertificate({
    commonName,
    organization: commonName,
    years,
    bits: 3072,
    profile: "issuer-and-signer",
  });
  return toPkcs12(created, [], passphrase);
}

export interface TestCertificateAuthority {
  /** PKCS#12 of the leaf (with the CA certificate in the chain). */
  p12: Uint8Array;
  passphrase: string;
  caPem: string;
  leafPem: string;
}

/** A throwaway CA and a leaf certificate it issued; for tests (pdfsig with an NSS trust store). */
export function createTestCertificateAuthority(
  leafCommonName = "Test Signer GmbH",
): TestCertificateAuthority {
  const ca = createCertificate({
    commonName: "Vetted Test CA",
    organization: "Vetted Tests",
    years: 2,
    profile: "issuer",
  });
  const leaf = createCertificate({
    commonName: leafCommonName,
    organization: "Vetted Tests",
    years: 1,
    issuer: ca,
  });
  const passphrase = randomBytes(12).toString("base64url");
  return {
    p12: toPkcs12(leaf, [ca.cert], passphrase),
    passphrase,
    caPem: forge.pki.certificateToPem(ca.cert),
    leafPem: forge.pki.certificateToPem(leaf.cert),
  };
}

export interface TestOperatorAuthority {
  /** PKCS#12 of the operator's issuing certificate (with the root in the chain). */
  p12: Uint8Array;
  passphrase: string;
  rootPem: string;
  operatorPem: string;
}

/** A throwaway root CA and an operator certificate it made an issuer: the operator issues per-organisation certificates (tests). */
export function createTestOperatorAuthority(
  operatorName = "Vetted Test Operator",
): TestOperatorAuthority {
  const root = createCertificate({
    commonName: "Vetted Test Root CA",
    organization: "Vetted Tests",
    years: 3,
    profile: "issuer",
  });
  const operator = createCertificate({
    commonName: operatorName,
    organization: "Vetted Tests",
    years: 2,
    profile: "issuer",
    issuer: root,
  });
  const passphrase = randomBytes(12).toString("base64url");
  return {
    p12: toPkcs12(operator, [root.cert], passphrase),
    passphrase,
    rootPem: forge.pki.certificateToPem(root.cert),
    operatorPem: forge.pki.certificateToPem(operator.cert),
  };
}
