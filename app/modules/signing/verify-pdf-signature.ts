import { createHash, constants, verify as cryptoVerify, X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { commonNameOf, HASH_BY_OID, OID } from "./cms";
import { findSignatureDictionaries, type SignatureCandidate } from "./find-signature-dictionaries";
import { isWhitespace, PdfLimitError, ReadBudget, type PdfLimit } from "./pdf-syntax";
import { VERIFY_LIMITS } from "./verify-limits";

/**
 * Verifies the PAdES/CMS signatures of a PDF without trusting anything but the mathematics:
 * which certificate signed, whether the signed bytes are intact, whether anything was appended.
 * Whether the certificate is one of ours is decided elsewhere (verify-report.server.ts). Pure:
 * no database, no network, and it never throws, whatever the input.
 *
 * The work is bounded for hostile files (issue 11): only the signature fields the document's
 * /AcroForm references are checked (find-signature-dictionaries.ts), at most
 * VERIFY_LIMITS.maxSignatures of them; objects, tokens, nesting, inflated bytes and the time
 * are budgeted (pdf-syntax.ts). A file over a limit is "unchecked", never parsed further.
 * Whether a file without signatures is a PDF at all is decided from its cross-reference
 * structure and page tree, not by loading the whole document.
 */
export type VerificationKind =
  "valid" | "modified" | "invalid" | "unsigned" | "not_pdf" | "unchecked";

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
  /** For "unchecked": which limit stopped the check. */
  limit?: PdfLimit;
  /** How many signatures were checked cryptographically (each one hashes its byte range). */
  signaturesChecked: number;
  /** How many indirect objects of the file were parsed. */
  objectsRead: number;
}

export interface VerifyOptions {
  /** Date.now() after which the check gives up ("unchecked", limit "time"). */
  deadline?: number;
  maxSignatures?: number;
}

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

export async function verifyPdfSignature(
  input: Uint8Array,
  options: VerifyOptions = {},
): Promise<PdfSignatureVerification> {
  const budget = new ReadBudget({
    maxObjects: VERIFY_LIMITS.maxObjects,
    maxTokens: VERIFY_LIMITS.maxTokens,
    maxDepth: VERIFY_LIMITS.maxDepth,
    maxDecodedBytes: VERIFY_LIMITS.maxDecodedBytes,
    deadline: options.deadline ?? Date.now() + VERIFY_LIMITS.timeBudgetMs,
  });
  const work = () => ({ signaturesChecked: checked, objectsRead: budget.objects });
  let checked = 0;
  try {
    return {
      ...verify(
        input,
        budget,
        options.maxSignatures ?? VERIFY_LIMITS.maxSignatures,
        () => (checked += 1),
      ),
      ...work(),
    };
  } catch (error) {
    if (error instanceof PdfLimitError)
      return {
        ...blank("unchecked", [`the file was not checked: ${error.message}`]),
        limit: error.limit,
        ...work(),
      };
    // Defensive: the checks below catch their own failures; this only guards against surprises.
    return {
      ...blank("invalid", [
        `the file could not be checked (${error instanceof Error ? error.message : String(error)})`,
      ]),
      ...work(),
    };
  }
}

type Verdict = Omit<PdfSignatureVerification, "signaturesChecked" | "objectsRead">;

function blank(kind: VerificationKind, reasons: string[]): Verdict {
  return { kind, signerName: null, certificateFingerprint: null, signingTime: null, reasons };
}

function startsLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024 + 5));
  return head.indexOf("%PDF-") >= 0;
}

function verify(
  bytes: Uint8Array,
  budget: ReadBudget,
  maxSignatures: number,
  countCheck: () => void,
): Verdict {
  if (!startsLikePdf(bytes)) return blank("not_pdf", ["the file does not start like a PDF"]);
  const search = findSignatureDictionaries(bytes, budget, maxSignatures);
  if (!search.readable)
    return blank("not_pdf", [`the file is not a readable PDF (${search.reason})`]);
  if (search.candidates.length === 0) {
    // A readable PDF also has pages; a header and a trailer around junk is not one.
    return search.pageCount
      ? blank("unsigned", ["the PDF carries no signature"])
      : blank("not_pdf", ["the file is not a readable PDF (it has no pages)"]);
  }

  const checks: SignatureCheck[] = [];
  // Two dictionaries with the same byte range would be checked to the same result: once is enough.
  const seen = new Set<string>();
  for (const candidate of search.candidates) {
    const key = candidate.byteRange?.join(" ") ?? "none";
    if (seen.has(key)) continue;
    seen.add(key);
    budget.checkTime();
    countCheck();
    checks.push(checkSignature(bytes, candidate));
  }

  // The signature that covers the most is the latest; it speaks for the file as a whole.
  const latest = checks.reduce((a, b) => (b.coveredEnd > a.coveredEnd ? b : a));
  const reasons = checks.flatMap((c) => c.reasons);
  let kind: VerificationKind = checks.some((c) => c.kind === "invalid")
    ? "invalid"
    : checks.some((c) => c.kind === "modified")
      ? "modified"
      : "valid";
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

function checkSignature(bytes: Uint8Array, candidate: SignatureCandidate): SignatureCheck {
  const range = candidate.byteRange;
  const result: SignatureCheck = {
    kind: "invalid",
    byteRange: range ?? [0, 0, 0, 0],
    coveredEnd: range ? range[2] + range[3] : 0,
    startsAtZero: range?.[0] === 0,
    signerName: null,
    certificateFingerprint: null,
    signingTime: candidate.signingTime,
    reasons: [],
  };
  if (!range) {
    result.reasons.push("a signature dictionary has no valid /ByteRange");
    return result;
  }
  const [a, b, c, d] = range;
  const holeStart = a + b;
  if (!(
    b > 0 &&
    c > holeStart + 1 &&
    c + d <= bytes.length &&
    bytes[holeStart] === 0x3c &&
    bytes[c - 1] === 0x3e
  )) {
    // Usually bytes were cut off or inserted, so the recorded offsets no longer fit the file.
    result.kind = "modified";
    result.reasons.push("the signed byte range does not fit the file");
    return result;
  }
  // The range must leave out exactly the signature value (/Contents), nothing else.
  const contents = candidate.contents;
  if (
    contents
      ? contents.start !== holeStart || contents.end !== c
      : !precededByContentsKey(bytes, holeStart)
  ) {
    result.reasons.push("the signed byte range does not leave out exactly the signature value");
    return result;
  }
  if (c - holeStart - 2 > VERIFY_LIMITS.maxSignatureHexChars) {
    result.reasons.push(
      `the signature value is larger than ${VERIFY_LIMITS.maxSignatureHexChars / 2 / 1024} KiB`,
    );
    return result;
  }
  const der = hexToBytes(bytes, holeStart + 1, c - 1);
  if (!der) {
    result.kind = "modified";
    result.reasons.push("the signature value is damaged");
    return result;
  }
  let signed: pkijs.SignedData;
  try {
    // asn1js parses recursively: nesting is checked first, iteratively.
    if (!berNestingWithin(der, VERIFY_LIMITS.maxBerDepth)) throw new Error("nested too deeply");
    // The hole is padded with zeros after the DER; fromBER reads the first element only.
    const parsed = asn1js.fromBER(der);
    if (parsed.offset === -1) throw new Error(parsed.result.error);
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID.signedData) throw new Error("not SignedData");
    signed = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    result.reasons.push("the signature cannot be read");
    return result;
  }
  const check = checkSignerInfo(signed, [bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  result.signerName = check.signerName;
  result.certificateFingerprint = check.fingerprint;
  result.reasons.push(...check.reasons);
  if (check.digestMatches === false) {
    result.kind = "modified";
    return result;
  }
  if (!check.signatureValid) return result;
  const signerInfo = signed.signerInfos[0]!;
  const token = signerInfo.unsignedAttrs?.attributes.find(
    (attr) => attr.type === OID.signatureTimeStampToken,
  );
  if (token) {
    const stamp = checkTimestamp(
      token.values[0],
      new Uint8Array(signerInfo.signature.valueBlock.valueHexView),
    );
    if (!stamp.ok) {
      result.reasons.push(stamp.reason);
      return result;
    }
    result.timestamp = { time: stamp.time, tsaName: stamp.tsaName };
  }
  result.kind = "valid";
  return result;
}

/** Whether "/Contents" (then whitespace) stands right before `at`: the scan's stand-in for the parsed span. */
function precededByContentsKey(bytes: Uint8Array, at: number): boolean {
  let pos = at - 1;
  while (pos >= 0 && isWhitespace(bytes[pos])) pos--;
  const key = "/Contents";
  if (pos + 1 < key.length) return false;
  for (let i = 0; i < key.length; i++)
    if (bytes[pos - key.length + 1 + i] !== key.charCodeAt(i)) return false;
  return true;
}

/** Hex digits (whitespace allowed) between `from` and `to` as bytes; null when anything else stands there. */
function hexToBytes(bytes: Uint8Array, from: number, to: number): Uint8Array | null {
  const out = new Uint8Array(Math.ceil((to - from) / 2));
  let length = 0;
  let high = -1;
  for (let at = from; at < to; at++) {
    const c = bytes[at]!;
    if (isWhitespace(c)) continue;
    const v =
      c >= 0x30 && c <= 0x39
        ? c - 0x30
        : c >= 0x41 && c <= 0x46
          ? c - 0x37
          : c >= 0x61 && c <= 0x66
            ? c - 0x57
            : -1;
    if (v < 0) return null;
    if (high < 0) high = v;
    else {
      out[length++] = high * 16 + v;
      high = -1;
    }
  }
  return high < 0 ? out.subarray(0, length) : null;
}

/**
 * Whether the first BER element of `der` nests constructed values at most `max` deep: walked
 * with an explicit stack, so hostile nesting costs a loop, not the parser's recursion.
 */
export function berNestingWithin(der: Uint8Array, max: number): boolean {
  const ends: number[] = []; // end offset of each open constructed value; -1: indefinite length
  let pos = 0;
  do {
    while (ends.length > 0 && ends.at(-1) === pos) ends.pop();
    if (ends.length > 0 && ends.at(-1) === -1 && der[pos] === 0 && der[pos + 1] === 0) {
      ends.pop();
      pos += 2;
      continue;
    }
    if (pos >= der.length) return true; // truncated: the parser will say so
    const tag = der[pos++]!;
    if ((tag & 0x1f) === 0x1f) {
      while (pos < der.length && der[pos]! & 0x80) pos++;
      pos++;
    }
    const first = der[pos++];
    if (first === undefined) return true;
    let length = -1;
    if (first < 0x80) length = first;
    else if (first > 0x80) {
      const count = first & 0x7f;
      if (count > 4) return true;
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (der[pos++] ?? 0);
    }
    if (tag & 0x20) {
      ends.push(length < 0 ? -1 : pos + length);
      if (ends.length > max) return false;
    } else {
      if (length < 0) return true;
      pos += length;
    }
  } while (ends.length > 0);
  return true;
}

interface SignerInfoCheck {
  /** null: no signed attributes, so the digest is only checked through the signature. */
  digestMatches: boolean | null;
  signatureValid: boolean;
  signerName: string | null;
  fingerprint: string | null;
  reasons: string[];
}

/** Checks the first SignerInfo of `signed` against `content` (the detached or encapsulated data, in parts). */
function checkSignerInfo(signed: pkijs.SignedData, content: Uint8Array[]): SignerInfoCheck {
  const out: SignerInfoCheck = {
    digestMatches: null,
    signatureValid: false,
    signerName: null,
    fingerprint: null,
    reasons: [],
  };
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
    let signedBytes: Uint8Array = content.length === 1 ? content[0]! : Buffer.concat(content);
    if (signerInfo.signedAttrs) {
      const md = signerInfo.signedAttrs.attributes.find((attr) => attr.type === OID.messageDigest)
        ?.values[0];
      const expected =
        md instanceof asn1js.OctetString ? Buffer.from(md.valueBlock.valueHexView) : null;
      const hash = createHash(hashName);
      for (const part of content) hash.update(part);
      const actual = hash.digest();
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
      pss
        ? {
            key,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: constants.RSA_PSS_SALTLEN_AUTO,
          }
        : { key, dsaEncoding: "der" },
      signature,
    );
    if (!out.signatureValid)
      out.reasons.push("the signature does not match the signer's certificate");
  } catch (error) {
    out.reasons.push(
      `the signature cannot be checked (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return out;
}

function findSignerCertificate(
  signed: pkijs.SignedData,
  signerInfo: pkijs.SignerInfo,
): pkijs.Certificate | null {
  const certificates = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid = signerInfo.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return (
      certificates.find(
        (cert) => cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber),
      ) ?? null
    );
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

type TimestampCheck =
  { ok: true; time: Date; tsaName: string | null } | { ok: false; reason: string };

/** An RFC 3161 signature timestamp: its imprint must be the hash of our signature value. */
function checkTimestamp(value: unknown, signatureValue: Uint8Array): TimestampCheck {
  try {
    const token = new pkijs.ContentInfo({ schema: value });
    const signed = new pkijs.SignedData({ schema: token.content });
    const eContent = signed.encapContentInfo.eContent;
    if (signed.encapContentInfo.eContentType !== OID.tstInfo || !eContent)
      return { ok: false, reason: "the timestamp token holds no timestamp" };
    const tstBytes = new Uint8Array(eContent.getValue());
    const tst = pkijs.TSTInfo.fromBER(tstBytes);
    const imprintHash = HASH_BY_OID[tst.messageImprint.hashAlgorithm.algorithmId];
    if (!imprintHash) return { ok: false, reason: "the timestamp uses an unsupported hash" };
    const expected = createHash(imprintHash).update(signatureValue).digest();
    if (!expected.equals(Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView))) {
      return { ok: false, reason: "the timestamp is for another signature" };
    }
    const check = checkSignerInfo(signed, [tstBytes]);
    if (!check.signatureValid)
      return {
        ok: false,
        reason: `the timestamp's own signature is not valid (${check.reasons.join("; ")})`,
      };
    return { ok: true, time: tst.genTime, tsaName: check.signerName };
  } catch (error) {
    return {
      ok: false,
      reason: `the timestamp cannot be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
