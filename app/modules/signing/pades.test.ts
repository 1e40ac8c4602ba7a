import { execFileSync } from "node:child_process";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signPdf } from "./pades-sign";
import { createTestCertificateAuthority, parsePkcs12, type SigningIdentity } from "./pkcs12";
import {
  flipByteInSignedRange,
  makeUnsignedPdf,
  toolWorkspace,
  withAppendedBytes,
  type ToolWorkspace,
} from "./testing/test-pdf";
import { startTestTsa, type TestTsa } from "./testing/test-tsa";
import { verifyPdfSignature } from "./verify-pdf-signature";

/**
 * PAdES signing judged by the real poppler `pdfsig` (its verdict is read from the output: it exits
 * 0 even on a mismatch) and `qpdf --check`, and our own verifier, which must agree with pdfsig.
 */
const signingTime = new Date("2025-03-01T10:00:00Z");
let ca: ReturnType<typeof createTestCertificateAuthority>;
let identity: SigningIdentity;
let unsigned: Uint8Array;
let signed: Uint8Array;
let tools: ToolWorkspace;

beforeAll(async () => {
  ca = createTestCertificateAuthority("Prüfstelle Müller GmbH");
  identity = parsePkcs12(ca.p12, ca.passphrase);
  unsigned = await makeUnsignedPdf();
  signed = await signPdf(unsigned, identity, {
    signingTime,
    reason: "Freigabe durch den DSB",
    location: "München",
  });
  tools = toolWorkspace();
});
afterAll(() => tools.cleanup());

describe("signPdf", () => {
  it("produces a signature pdfsig accepts as valid, covering the whole document", async () => {
    const out = tools.pdfsig(tools.write("signed.pdf", signed));
    expect(out).toContain("Signature Validation: Signature is Valid.");
    expect(out).toContain("Total document signed");
    expect(out).toContain("Signature Type: ETSI.CAdES.detached");
    expect(out).toContain("Signer Certificate Common Name: Prüfstelle Müller GmbH");
    expect(out).toContain("Signing Hash Algorithm: SHA-256");
    // Without a trust store the throwaway CA is unknown: the trust check is a separate verdict.
    expect(out).not.toContain("Certificate is Trusted");
    const ours = await verifyPdfSignature(signed);
    expect(ours).toMatchObject({
      kind: "valid",
      signerName: "Prüfstelle Müller GmbH",
      certificateFingerprint: identity.fingerprint,
    });
    expect(ours.signingTime?.toISOString()).toBe(signingTime.toISOString());
    expect(ours.timestamp).toBeUndefined();
  });

  it("chains to the test CA once the CA is trusted in an NSS database", () => {
    const nss = tools.nssTrusting(ca.caPem);
    const out = tools.pdfsig(tools.write("trusted.pdf", signed), nss);
    expect(out).toContain("Signature Validation: Signature is Valid.");
    expect(out).toContain("Certificate Validation: Certificate is Trusted.");
  });

  it("writes a structurally clean file (qpdf --check)", () => {
    const out = execFileSync("qpdf", ["--check", tools.write("check.pdf", signed)], {
      encoding: "utf8",
    });
    expect(out).toContain("No syntax or stream encoding errors found");
  });

  it("is deterministic for the same input and signing time", async () => {
    const again = await signPdf(unsigned, identity, {
      signingTime,
      reason: "Freigabe durch den DSB",
      location: "München",
    });
    expect(Buffer.from(again).equals(Buffer.from(signed))).toBe(true);
    const later = await signPdf(unsigned, identity, {
      signingTime: new Date("2025-03-02T10:00:00Z"),
    });
    expect(Buffer.from(later).equals(Buffer.from(signed))).toBe(false);
  });

  it("keeps the signing certificate out of the signed attributes' signing-time (PAdES) and in ESS v2", () => {
    const hex = Buffer.from(signed).toString("latin1");
    const contents = /\/Contents\s*<([0-9A-F]+)>/.exec(hex)![1]!.replace(/(00)+$/, "");
    const der = Buffer.from(contents, "hex");
    // signing-certificate-v2 OID 1.2.840.113549.1.9.16.2.47 is present, signing-time 1.2.840.113549.1.9.5 is not.
    expect(der.includes(Buffer.from("060b2a864886f70d010910022f", "hex"))).toBe(true);
    expect(der.includes(Buffer.from("06092a864886f70d010905", "hex"))).toBe(false);
  });

  it("refuses to sign a document that is already signed (a rewrite would break that signature)", async () => {
    await expect(signPdf(signed, identity, { signingTime })).rejects.toThrow("already signed");
  });
});

describe("tampering: pdfsig and our verifier agree", () => {
  it("a one-byte change inside the signed range is a digest mismatch", async () => {
    const tampered = flipByteInSignedRange(signed);
    const out = tools.pdfsig(tools.write("tampered.pdf", tampered));
    expect(out).toContain("Digest Mismatch");
    const ours = await verifyPdfSignature(tampered);
    expect(ours.kind).toBe("modified");
    expect(ours.reasons.join(" ")).toContain("digest mismatch");
  });

  it("appended bytes are detected", async () => {
    const appended = withAppendedBytes(signed);
    const out = tools.pdfsig(tools.write("appended.pdf", appended));
    expect(out).not.toContain("Total document signed");
    const ours = await verifyPdfSignature(appended);
    expect(ours.kind).toBe("modified");
    expect(ours.reasons.join(" ")).toContain("added after signing");
  });

  it("a damaged signature value (outside the signed range) is invalid, not modified", async () => {
    const text = Buffer.from(signed).toString("latin1");
    const hex = /\/Contents\s*<([0-9A-F]+)>/.exec(text)!;
    const der = Buffer.from(hex[1]!.replace(/(00)+$/, ""), "hex");
    const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(der).result });
    const value = Buffer.from(
      new pkijs.SignedData({ schema: contentInfo.content }).signerInfos[0]!.signature.valueBlock
        .valueHexView,
    );
    const at = text.indexOf(value.toString("hex").toUpperCase());
    expect(at).toBeGreaterThan(hex.index);
    const broken = new Uint8Array(signed);
    broken[at + 10] = broken[at + 10] === 0x41 ? 0x42 : 0x41;
    const ours = await verifyPdfSignature(broken);
    expect(ours.kind).toBe("invalid");
    expect(ours.reasons.join(" ")).toContain("does not match the signer's certificate");
    const out = tools.pdfsig(tools.write("bad-signature.pdf", broken));
    expect(out).not.toContain("Signature is Valid");
    expect(out).not.toContain("Digest Mismatch");
  });
});

describe("verifyPdfSignature on other input", () => {
  it("reports unsigned PDFs, garbage and truncated files without throwing", async () => {
    expect((await verifyPdfSignature(unsigned)).kind).toBe("unsigned");
    expect((await verifyPdfSignature(new TextEncoder().encode("not a pdf at all"))).kind).toBe(
      "not_pdf",
    );
    expect((await verifyPdfSignature(new Uint8Array())).kind).toBe("not_pdf");
    expect((await verifyPdfSignature(new TextEncoder().encode("%PDF-1.7\n garbage"))).kind).toBe(
      "not_pdf",
    );
    expect((await verifyPdfSignature(signed.subarray(0, 3000))).kind).toBe("modified");
    const pdfsigTruncated = tools.pdfsig(tools.write("truncated.pdf", signed.subarray(0, 3000)));
    expect(pdfsigTruncated).not.toContain("Signature is Valid");
  });
});

describe("PAdES B-T with a local RFC 3161 timestamp authority", () => {
  let tsa: TestTsa;
  beforeAll(async () => {
    tsa = await startTestTsa();
  });
  afterAll(() => tsa.close());

  it("embeds a timestamp over the signature that both verifiers accept", async () => {
    const stamped = await signPdf(unsigned, identity, { signingTime, tsaUrl: tsa.url });
    expect(tsa.requests()).toBe(1);
    const ours = await verifyPdfSignature(stamped);
    expect(ours.kind).toBe("valid");
    expect(ours.timestamp?.tsaName).toBe("Vetted Test TSA");
    // The TSA's clock, not the claimed signing time: within the test's run.
    expect(Math.abs(ours.timestamp!.time.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    const out = tools.pdfsig(tools.write("stamped.pdf", stamped));
    expect(out).toContain("Signature Validation: Signature is Valid.");
    expect(out).toContain("Total document signed");
    const tampered = flipByteInSignedRange(stamped);
    expect((await verifyPdfSignature(tampered)).kind).toBe("modified");
    expect(tools.pdfsig(tools.write("stamped-tampered.pdf", tampered))).toContain(
      "Digest Mismatch",
    );
  });

  it("refuses to sign when the timestamp authority fails", async () => {
    await expect(
      signPdf(unsigned, identity, { signingTime, tsaUrl: "http://127.0.0.1:1/none" }),
    ).rejects.toThrow();
  });
});
