import { createHash, constants, verify as cryptoVerify, X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import { PDFDocument } from "pdf-lib";
import * as pkijs from "pkijs";
import { commonNameOf, HASH_BY_OID, OID } from "./cms";

/**
 * Verifies the PAdES/CMS signatures of a PDF without trusting anything but the mathematics:
 * which certificate signed, whether the signed bytes are intact, whether anything was appended.
 * Whether the certificate is one of ours is decided elsewhere (verify-report.server.ts). Pure:
 * no database, no network, and it never throws, whatever the input.
 */
export type VerificationKind = "valid" | "modified" | "invalid" | "unsigned" | "not_pdf";

export interface PdfSignatureVerification {
  kind: VerificationKind;
  signerName: string | null;
  /** SHA-256 (hex) of the signer's certificate. */
  certificateFingerprint: string | null;
  /** The signature dictionary's /M (the signer's claim; the timestamp is the TSA's). */
  signingTime: Date | null;
  timestamp?: { time: Date; tsaName: string | null };
  /** Why the verdict is what it is, in short English sentences (logs, CLI). */
  reasons: string[];
  /** The latest signature's /ByteRange: lets the caller find the report a changed file came from. */
  byteRange?: [number, number, number, number];
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

const SIGNATURE_HASH: Record<string, string> = {
  "1.2.840.113549.1.1.5": "sha1",
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
};

interface SignatureCheck {
  kind: "valid" | "modified" | "invalid";
  byteRange: [number, number, number, number];
  /** Offset of the end of the covered bytes. */
  coveredEnd: number;
  startsAtZero: boolean;
  signerName: string | null;
  certificateFingerprint: string | null;
  signingTime: Date | null;
  timestamp?: { time: Date; tsaName: string | null };
  reasons: string[];
}

export async function verifyPdfSignature(input: Uint8Array): Promise<PdfSignatureVerification> {
  try {
    return await verify(input);
  } catch (error) {
    // Defensive: the checks below catch their own failures; this only guards against surprises.
    return blank("invalid", [`the file could not be checked (${error instanceof Error ? error.message : String(error)})`]);
  }
}

function blank(kind: VerificationKind, reasons: string[]): PdfSignatureVerification {
  return { kind, signerName: null, certificateFingerprint: null, signingTime: null, reasons };
}

async function verify(bytes: Uint8Array): Promise<PdfSignatureVerification> {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const header = source.indexOf("%PDF-");
  if (header < 0 || header > 1024) return blank("not_pdf", ["the file does not start like a PDF"]);

  const checks: SignatureCheck[] = [];
  for (const match of source.matchAll(BYTE_RANGE)) {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    checks.push(checkSignature(bytes, source, match.index, range));
  }
  if (checks.length === 0) {
    // pdf-lib is lenient: a header and some junk "load". A readable PDF also has pages.
    let pages = 0;
    try {
      pages = (await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })).getPageCount();
    } catch {
      pages = 0;
    }
    return pages > 0 ? blank("unsigned", ["the PDF carries no signature"]) : blank("not_pdf", ["the file is not a readable PDF"]);
  }

  // The signature that covers the most is the latest; it speaks for the file as a whole.
  const latest = checks.reduce((a, b) => (b.coveredEnd > a.coveredEnd ? b : a));
  const reasons = checks.flatMap((c) => c.reasons);
  let kind: VerificationKind = checks.some((c) => c.kind === "invalid") ? "invalid" : checks.some((c) => c.kind === "modified") ? "modified" : "valid";
  if (kind === "valid" && (!latest.startsAtZero || latest.coveredEnd !== bytes.length)) {
    kind = "modified";
    reasons.push(
      latest.coveredEnd < bytes.length
        ? `${bytes.length - latest.coveredEnd} bytes were added after signing`
        : "the signed byte range does not describe this file",
    );
  }
  if (kind === "valid") reasons.push("the signature is valid and covers the whole file");
  return {
    kind,
    signerName: latest.signerName,
    certificateFingerprint: latest.certificateFingerprint,
    signingTime: latest.signingTime,
    ...(latest.timestamp ? { timestamp: latest.timestamp } : {}),
    reasons,
    byteRange: latest.byteRange,
  };
}

function checkSignature(bytes: Uint8Array, source: string, at: number, [a, b, c, d]: [number, number, number, number]): SignatureCheck {
  const result: SignatureCheck = {
    kind: "invalid",
    byteRange: [a, b, c, d],
    coveredEnd: c + d,
    startsAtZero: a === 0,
    signerName: null,
    certificateFingerprint: null,
    signingTime: signatureTime(source, at),
    reasons: [],
  };
  const holeStart = a + b;
  if (!(b > 0 && c > holeStart + 1 && c + d <= bytes.length && bytes[holeStart] === 0x3c && bytes[c - 1] === 0x3e)) {
    // Usually bytes were cut off or inserted, so the recorded offsets no longer fit the file.
    result.kind = "modified";
    result.reasons.push("the signed byte range does not fit the file");
    return result;
  }
  const hex = source.slice(holeStart + 1, c - 1).replace(/\s+/g, "");
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) {
    result.kind = "modified";
    result.reasons.push("the signature value is damaged");
    return result;
  }
  let signed: pkijs.SignedData;
  try {
    // The hole is padded with zeros after the DER; fromBER reads the first element only.
    const parsed = asn1js.fromBER(Buffer.from(hex, "hex"));
    if (parsed.offset === -1) throw new Error(parsed.result.error);
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID.signedData) throw new Error("not SignedData");
    signed = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    result.reasons.push("the signature cannot be read");
    return result;
  }
  const content = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  const check = checkSignerInfo(signed, content);
  result.signerName = check.signerName;
  result.certificateFingerprint = check.fingerprint;
  result.reasons.push(...check.reasons);
  if (check.digestMatches === false) {
    result.kind = "modified";
    return result;
  }
  if (!check.signatureValid) return result;
  const signerInfo = signed.signerInfos[0]!;
  const token = signerInfo.unsignedAttrs?.attributes.find((attr) => attr.type === OID.signatureTimeStampToken);
  if (token) {
    const stamp = checkTimestamp(token.values[0], new Uint8Array(signerInfo.signature.valueBlock.valueHexView));
    if (!stamp.ok) {
      result.reasons.push(stamp.reason);
      return result;
    }
    result.timestamp = { time: stamp.time, tsaName: stamp.tsaName };
  }
  result.kind = "valid";
  return result;
}

interface SignerInfoCheck {
  /** null: no signed attributes, so the digest is only checked through the signature. */
  digestMatches: boolean | null;
  signatureValid: boolean;
  signerName: string | null;
  fingerprint: string | null;
  reasons: string[];
}

/** Checks the first SignerInfo of `signed` against `content` (the detached or encapsulated data). */
function checkSignerInfo(signed: pkijs.SignedData, content: Uint8Array): SignerInfoCheck {
  const out: SignerInfoCheck = { digestMatches: null, signatureValid: false, signerName: null, fingerprint: null, reasons: [] };
  try {
    const signerInfo = signed.signerInfos[0];
    if (!signerInfo) throw new Error("no signer");
    const certificate = findSignerCertificate(signed, signerInfo);
    if (!certificate) {
      out.reasons.push("the signer's certificate is not in the signature");
      return out;
    }
    const certDer = new Uint8Array(certificate.toSchema().toBER());
    out.signerName = commonNameOf(certificate);
    out.fingerprint = createHash("sha256").update(certDer).digest("hex");
    const hashName = HASH_BY_OID[signerInfo.digestAlgorithm.algorithmId];
    if (!hashName) {
      out.reasons.push(`unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`);
      return out;
    }
    let signedBytes: Uint8Array = content;
    if (signerInfo.signedAttrs) {
      const md = signerInfo.signedAttrs.attributes.find((attr) => attr.type === OID.messageDigest)?.values[0];
      const expected = md instanceof asn1js.OctetString ? Buffer.from(md.valueBlock.valueHexView) : null;
      const actual = createHash(hashName).update(content).digest();
      out.digestMatches = expected !== null && expected.equals(actual);
      if (!out.digestMatches) {
        out.reasons.push("the signed content was changed after signing (digest mismatch)");
        return out;
      }
      signedBytes = new Uint8Array(signerInfo.signedAttrs.encodedValue);
    }
    const algorithm = signerInfo.signatureAlgorithm.algorithmId;
    const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
    const key = new X509Certificate(certDer).publicKey;
    const pss = algorithm === OID.rsaPss;
    out.signatureValid = cryptoVerify(
      pss || algorithm === OID.rsaEncryption ? hashName : (SIGNATURE_HASH[algorithm] ?? hashName),
      signedBytes,
      pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : { key, dsaEncoding: "der" },
      signature,
    );
    if (!out.signatureValid) out.reasons.push("the signature does not match the signer's certificate");
  } catch (error) {
    out.reasons.push(`the signature cannot be checked (${error instanceof Error ? error.message : String(error)})`);
  }
  return out;
}

function findSignerCertificate(signed: pkijs.SignedData, signerInfo: pkijs.SignerInfo): pkijs.Certificate | null {
  const certificates = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signerInfo.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((cert) => cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  if (sid instanceof asn1js.Constructed || sid instanceof asn1js.Primitive) {
    // subjectKeyIdentifier [0]: compare with the certificates' SKI extension.
    const ski = Buffer.from((sid as asn1js.Primitive).valueBlock.valueHexView ?? new Uint8Array());
    return (
      certificates.find((cert) => {
        const ext = cert.extensions?.find((e) => e.extnID === "2.5.29.14");
        const value = ext?.parsedValue as asn1js.OctetString | undefined;
        return value ? Buffer.from(value.valueBlock.valueHexView).equals(ski) : false;
      }) ?? null
    );
  }
  return null;
}

type TimestampCheck = { ok: true; time: Date; tsaName: string | null } | { ok: false; reason: string };

/** An RFC 3161 signature timestamp: its imprint must be the hash of our signature value. */
function checkTimestamp(value: unknown, signatureValue: Uint8Array): TimestampCheck {
  try {
    const token = new pkijs.ContentInfo({ schema: value });
    const signed = new pkijs.SignedData({ schema: token.content });
    const eContent = signed.encapContentInfo.eContent;
    if (signed.encapContentInfo.eContentType !== OID.tstInfo || !eContent) return { ok: false, reason: "the timestamp token holds no timestamp" };
    const tstBytes = new Uint8Array(eContent.getValue());
    const tst = pkijs.TSTInfo.fromBER(tstBytes);
    const imprintHash = HASH_BY_OID[tst.messageImprint.hashAlgorithm.algorithmId];
    if (!imprintHash) return { ok: false, reason: "the timestamp uses an unsupported hash" };
    const expected = createHash(imprintHash).update(signatureValue).digest();
    if (!expected.equals(Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView))) {
      return { ok: false, reason: "the timestamp is for another signature" };
    }
    const check = checkSignerInfo(signed, tstBytes);
    if (!check.signatureValid) return { ok: false, reason: `the timestamp's own signature is not valid (${check.reasons.join("; ")})` };
    return { ok: true, time: tst.genTime, tsaName: check.signerName };
  } catch (error) {
    return { ok: false, reason: `the timestamp cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** /M of the signature dictionary around the /ByteRange at `at` (PDF date, e.g. D:20250301100000Z). */
function signatureTime(source: string, at: number): Date | null {
  const start = source.lastIndexOf("<<", at);
  const end = source.indexOf(">>", at);
  if (start < 0 || end < 0) return null;
  // Skip the /Contents hex string: it is large and cannot contain "/M".
  const dict = source.slice(start, end).replace(/<[0-9a-fA-F\s]*>/g, "<>");
  const raw = /\/M\s*\(D:([0-9Zz+'-]{4,32})\)/.exec(dict)?.[1];
  if (!raw) return null;
  // D:YYYYMMDDHHmmSS then Z, or +HH'mm' / -HH'mm'; every part after the year is optional.
  const digits = /^\d{4,14}/.exec(raw)?.[0];
  if (!digits) return null;
  const part = (from: number, fallback: number) => (digits.length >= from + 2 ? Number(digits.slice(from, from + 2)) : fallback);
  const year = Number(digits.slice(0, 4));
  const utc = Date.UTC(year, part(4, 1) - 1, part(6, 1), part(8, 0), part(10, 0), part(12, 0));
  const zone = raw.slice(digits.length).replace(/'/g, "");
  const sign = zone[0] === "+" ? 1 : zone[0] === "-" ? -1 : 0;
  const offsetMinutes = sign * (Number(zone.slice(1, 3) || 0) * 60 + Number(zone.slice(3, 5) || 0));
  const time = new Date(utc - offsetMinutes * 60_000);
  return Number.isNaN(time.getTime()) ? null : time;
}
