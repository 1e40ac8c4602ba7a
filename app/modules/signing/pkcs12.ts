import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
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

export class SigningCertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SigningCertificateError";
  }
}

function derOf(cert: forge.pki.Certificate): Uint8Array {
  return new Uint8Array(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary"));
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
    if (/password|MAC/i.test(detail)) throw new SigningCertificateError("the PKCS#12 passphrase is wrong (SIGNING_P12_PASSPHRASE)");
    throw new SigningCertificateError(`the PKCS#12 file cannot be read (${detail})`);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const key = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new SigningCertificateError("the PKCS#12 file holds no RSA private key (only RSA keys are supported)");
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => Boolean(cert));
  // The leaf is the certificate whose public key belongs to the private key.
  const leaf = certs.find((cert) => {
    const pub = cert.publicKey as forge.pki.rsa.PublicKey;
    return pub.n && pub.n.equals(key.n) && pub.e.equals(key.e);
  });
  if (!leaf) throw new SigningCertificateError("the PKCS#12 file holds no certificate for its private key");
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

interface NewCertificate {
  commonName: string;
  organization?: string;
  years: number;
  /** Signs the certificate; omitted: self-signed. */
  issuer?: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey };
  ca?: boolean;
  notBefore?: Date;
  /** RSA modulus size; node:crypto generates the key (forge's own generator is slow). */
  bits?: 2048 | 3072;
}

interface CreatedCertificate {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

function createCertificate(options: NewCertificate): CreatedCertificate {
  const pair = generateKeyPairSync("rsa", { modulusLength: options.bits ?? 2048 });
  const key = forge.pki.privateKeyFromPem(pair.privateKey.export({ type: "pkcs1", format: "pem" }).toString()) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ type: "spki", format: "pem" }).toString());
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
  cert.validity.notAfter = notAfter;
  // UTF8String values: forge encodes the JS string as UTF-8 itself (umlauts in organisation names).
  const utf8 = (value: string) => value;
  const subject: forge.pki.CertificateField[] = [{ name: "commonName", value: utf8(options.commonName), valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class }];
  if (options.organization) subject.push({ name: "organizationName", value: utf8(options.organization), valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.cert.subject.attributes : subject);
  cert.setExtensions(
    options.ca
      ? [
          { name: "basicConstraints", cA: true, critical: true },
          { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
          { name: "subjectKeyIdentifier" },
        ]
      : [
          { name: "basicConstraints", cA: false },
          { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
          { name: "subjectKeyIdentifier" },
        ],
  );
  cert.sign(options.issuer?.key ?? key, forge.md.sha256.create());
  return { cert, key };
}

function toPkcs12(leaf: CreatedCertificate, chain: forge.pki.Certificate[], passphrase: string): Uint8Array {
  const asn1 = forge.pkcs12.toPkcs12Asn1(leaf.key, [leaf.cert, ...chain], passphrase, { algorithm: "aes256", friendlyName: "signing" });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"));
}

/** The demo's self-signed signing certificate (RSA 3072, 5 years) as a PKCS#12 file. */
export function createSelfSignedPkcs12(commonName: string, passphrase: string, years = 5): Uint8Array {
  const created = createCertificate({ commonName, years, bits: 3072 });
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
export function createTestCertificateAuthority(leafCommonName = "Test Signer GmbH"): TestCertificateAuthority {
  const ca = createCertificate({ commonName: "Vetted Test CA", organization: "Vetted Tests", years: 2, ca: true });
  const leaf = createCertificate({ commonName: leafCommonName, organization: "Vetted Tests", years: 1, issuer: ca });
  const passphrase = randomBytes(12).toString("base64url");
  return {
    p12: toPkcs12(leaf, [ca.cert], passphrase),
    passphrase,
    caPem: forge.pki.certificateToPem(ca.cert),
    leafPem: forge.pki.certificateToPem(leaf.cert),
  };
}
