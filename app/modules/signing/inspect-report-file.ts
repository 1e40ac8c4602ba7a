import { createHash } from "node:crypto";
import { verifyPdfSignature, type PdfSignatureVerification } from "./verify-pdf-signature";

/**
 * Everything /verify and `vetted verify` compute from an uploaded file's bytes, in one pass that
 * runs in a parser worker (ADR 0014): the signature verdict, the file's SHA-256 and what is needed
 * to name the report a modified file came from (the hash of the signed prefix, the signature
 * value). The database lookups happen afterwards, on the main thread, with these few values.
 */
export interface ReportFileInspection {
  signature: PdfSignatureVerification;
  sha256: string;
  /** SHA-256 of the bytes up to the end of the latest signature's range, when bytes follow it. */
  signedPrefixSha256: string | null;
  /** The latest signature's /Contents hole, when it fits the file. */
  signatureHole: Uint8Array | null;
}

const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function inspectReportFile(
  bytes: Uint8Array,
  options: { deadline?: number } = {},
): Promise<ReportFileInspection> {
  const signature = await verifyPdfSignature(bytes, options);
  const range = signature.byteRange;
  let signedPrefixSha256: string | null = null;
  let signatureHole: Uint8Array | null = null;
  if (range && signature.kind === "modified") {
    const [a, b, c, d] = range;
    if (a === 0 && c + d < bytes.length) signedPrefixSha256 = sha256Hex(bytes.subarray(0, c + d));
    if (c + d <= bytes.length && a + b < c)
      signatureHole = new Uint8Array(bytes.subarray(a + b, c)); // a copy: posting a view would clone the whole file
  }
  return { signature, sha256: sha256Hex(bytes), signedPrefixSha256, signatureHole };
}
