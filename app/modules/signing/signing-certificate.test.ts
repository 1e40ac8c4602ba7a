import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";
import { certificateDetails } from "./certificate-details";
import {
  createOperatorPkcs12,
  createSelfSignedPkcs12,
  createTestCertificateAuthority,
  parsePkcs12,
} from "./pkcs12";
import {
  loadSigningIdentity,
  readSigningIdentity,
  requireSigningIdentityAtBoot,
  resetSigningIdentityForTests,
} from "./signing-certificate.server";

/** The signing identity from the environment: file or base64, clear errors, production start check. */
const dir = mkdtempSync(path.join(tmpdir(), "vetted-p12-"));
const ca = createTestCertificateAuthority("Zertifikat Öffentliche Stelle");
const p12File = path.join(dir, "signing.p12");
writeFileSync(p12File, ca.p12);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => resetSigningIdentityForTests());

const baseEnv = {
  DATABASE_URL: "file:./x.db",
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  SESSION_SECRET: "s".repeat(40),
  MAIL_URL: "outbox",
};

describe("signing identity from the environment", () => {
  it("reads a PKCS#12 file: key, leaf certificate, chain, fingerprint and common name", () => {
    const identity = readSigningIdentity({
      SIGNING_P12_PATH: p12File,
      SIGNING_P12_PASSPHRASE: ca.passphrase,
    })!;
    expect(identity.commonName).toBe("Zertifikat Öffentliche Stelle");
    expect(identity.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(identity.chain).toHaveLength(1);
    expect(identity.privateKey.asymmetricKeyType).toBe("rsa");
    // The leaf's fingerprint: the same as openssl's `x509 -fingerprint -sha256` of the leaf PEM.
    const leafDer = Buffer.from(ca.leafPem.replace(/-----[^-]+-----|\s/g, ""), "base64");
    expect(identity.certificate).toEqual(new Uint8Array(leafDer));
  });

  it("reads the same identity from a base64 value", () => {
    const fromFile = readSigningIdentity({
      SIGNING_P12_PATH: p12File,
      SIGNING_P12_PASSPHRASE: ca.passphrase,
    })!;
    const fromValue = readSigningIdentity({
      SIGNING_P12_BASE64: Buffer.from(ca.p12).toString("base64"),
      SIGNING_P12_PASSPHRASE: ca.passphrase,
    })!;
    expect(fromValue.fingerprint).toBe(fromFile.fingerprint);
  });

  it("names a wrong passphrase, a missing file and a damaged file clearly", () => {
    expect(() =>
      readSigningIdentity({ SIGNING_P12_PATH: p12File, SIGNING_P12_PASSPHRASE: "wrong" }),
    ).toThrow("passphrase is wrong");
    expect(() =>
      readSigningIdentity({
        SIGNING_P12_PATH: path.join(dir, "missing.p12"),
        SIGNING_P12_PASSPHRASE: "",
      }),
    ).toThrow(/cannot read SIGNING_P12_PATH .*ENOENT/);
    writeFileSync(path.join(dir, "broken.p12"), "not a pkcs12 file");
    expect(() =>
      readSigningIdentity({
        SIGNING_P12_PATH: path.join(dir, "broken.p12"),
        SIGNING_P12_PASSPHRASE: "",
      }),
    ).toThrow("cannot be read");
    expect(() =>
      readSigningIdentity({
        SIGNING_P12_PATH: p12File,
        SIGNING_P12_BASE64: "AAAA",
        SIGNING_P12_PASSPHRASE: "",
      }),
    ).toThrow("not both");
  });

  it("returns null without configuration and caches what it parsed", () => {
    expect(loadSigningIdentity({ SIGNING_P12_PASSPHRASE: "" })).toBeNull();
    const env = { SIGNING_P12_PATH: p12File, SIGNING_P12_PASSPHRASE: ca.passphrase };
    expect(loadSigningIdentity(env)).toBe(loadSigningIdentity(env));
  });

  it("stops a production start without a certificate, and with a wrong passphrase", () => {
    const production = parseEnv({ ...baseEnv, NODE_ENV: "production" });
    expect(() => requireSigningIdentityAtBoot(production)).toThrow(
      /No signing certificate: set SIGNING_P12_PATH/,
    );
    const wrong = parseEnv({
      ...baseEnv,
      NODE_ENV: "production",
      SIGNING_P12_PATH: p12File,
      SIGNING_P12_PASSPHRASE: "nope",
    });
    expect(() => requireSigningIdentityAtBoot(wrong)).toThrow(
      /Invalid signing certificate: the PKCS#12 passphrase is wrong/,
    );
    const good = parseEnv({
      ...baseEnv,
      NODE_ENV: "production",
      SIGNING_P12_PATH: p12File,
      SIGNING_P12_PASSPHRASE: ca.passphrase,
    });
    expect(requireSigningIdentityAtBoot(good)?.commonName).toBe("Zertifikat Öffentliche Stelle");
    // Development without a certificate starts (reports cannot be signed there until one is set).
    expect(
      requireSigningIdentityAtBoot(parseEnv({ ...baseEnv, NODE_ENV: "development" })),
    ).toBeNull();
  });

  it("creates the demo operator's self-signed certificate (RSA 3072, 5 years), which may issue the organisations' certificates", () => {
    const identity = parsePkcs12(
      createOperatorPkcs12("Vetted demo operator (self-signed)", "pw"),
      "pw",
    );
    expect(identity.commonName).toBe("Vetted demo operator (self-signed)");
    expect(identity.privateKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(identity.chain).toHaveLength(0);
    const details = certificateDetails(identity.certificate);
    expect(details).toMatchObject({ selfSigned: true, canIssue: true, canSignDocuments: true });
    expect(details.notAfter.getUTCFullYear() - details.notBefore.getUTCFullYear()).toBe(5);
    // A plain signing certificate cannot issue: reports are then signed with it directly (ADR 0016).
    expect(
      certificateDetails(parsePkcs12(createSelfSignedPkcs12("Signer only", "pw"), "pw").certificate)
        .canIssue,
    ).toBe(false);
  });
});
