import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
} from "pdf-lib";
import { buildCmsSignature, sha256 } from "./cms";
import type { SigningIdentity } from "./pkcs12";

/**
 * PAdES baseline signature (B-B, or B-T with a timestamp authority) of a finished PDF.
 *
 * 1. pdf-lib adds an invisible signature field whose value is a signature dictionary with a
 *    /ByteRange placeholder and a /Contents hole of zeros, and writes the file (classic xref
 *    table, no object streams, metadata untouched: the same input gives the same bytes).
 * 2. The /ByteRange is patched in place (same length) to cover everything but the hole.
 * 3. The SHA-256 of the covered bytes goes into a detached CMS signature, written into the hole.
 * Nothing is written after that: signing is the last change to the file.
 */
export interface SignOptions {
  signingTime: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** RFC 3161 timestamp authority; set: PAdES B-T. */
  tsaUrl?: string;
  /** Cuts the timestamp request off (the report signing attempt's time limit). */
  signal?: AbortSignal;
}

export type SignerIdentity = Pick<
  SigningIdentity,
  "privateKey" | "certificate" | "chain" | "commonName"
>;

const BYTE_RANGE_PLACEHOLDER = "**********";
// Room for the CMS: 8 KiB of structure, signature and attributes, the certificates, and
// 12 KiB more for a timestamp token (which carries the TSA's own certificates).
const BASE_CONTENTS_BYTES = 8192;
const TIMESTAMP_CONTENTS_BYTES = 12288;

export async function signPdf(
  unsignedPdf: Uint8Array,
  signer: SignerIdentity,
  options: SignOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  // pdf-lib rewrites the whole file, which would break an existing signature: refuse instead.
  if (/\/ByteRange\s*\[/.test(Buffer.from(unsignedPdf).toString("latin1")))
    throw new Error("the PDF is already signed");
  const certificateBytes = [signer.certificate, ...signer.chain].reduce(
    (sum, der) => sum + der.length,
    0,
  );
  const contentsBytes =
    BASE_CONTENTS_BYTES + certificateBytes + (options.tsaUrl ? TIMESTAMP_CONTENTS_BYTES : 0);
  const prepared = await withPlaceholder(unsignedPdf, signer.commonName, options, contentsBytes);
  const { pdf, holeStart, holeEnd } = fixByteRange(prepared);

  const digest = sha256(pdf.subarray(0, holeStart), pdf.subarray(holeEnd));
  const cms = await buildCmsSignature(digest, signer, options.tsaUrl, options.signal);
  const hex = Buffer.from(cms.der).toString("hex").toUpperCase();
  if (hex.length > holeEnd - holeStart - 2)
    throw new Error(`the signature (${cms.der.length} bytes) does not fit the reserved space`);
  pdf.set(Buffer.from(hex, "latin1"), holeStart + 1);
  return pdf;
}

function text(value: string): PDFHexString {
  return PDFHexString.fromText(value);
}

async function withPlaceholder(
  unsignedPdf: Uint8Array,
  signerName: string,
  options: SignOptions,
  contentsBytes: number,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(unsignedPdf, { updateMetadata: false });
  const context = doc.context;
  const page = doc.getPages()[0];
  if (!page) throw new Error("the PDF has no page to carry the signature field");

  const signature = context.obj({
    Type: "Sig",
    Filter: "Adobe.PPKLite",
    SubFilter: "ETSI.CAdES.detached",
    ByteRange: [
      0,
      PDFName.of(BYTE_RANGE_PLACEHOLDER),
      PDFName.of(BYTE_RANGE_PLACEHOLDER),
      PDFName.of(BYTE_RANGE_PLACEHOLDER),
    ],
    Contents: PDFHexString.of("0".repeat(contentsBytes * 2)),
    M: PDFString.fromDate(options.signingTime),
    Name: text(signerName),
  });
  if (options.reason) signature.set(PDFName.of("Reason"), text(options.reason));
  if (options.location) signature.set(PDFName.of("Location"), text(options.location));
  if (options.contactInfo) signature.set(PDFName.of("ContactInfo"), text(options.contactInfo));
  const signatureRef = context.register(signature);

  let acroForm = doc.catalog.lookupMaybe(PDFName.of("AcroForm"), PDFDict);
  if (!acroForm) {
    acroForm = context.obj({});
    doc.catalog.set(PDFName.of("AcroForm"), context.register(acroForm));
  }
  let fields = acroForm.lookupMaybe(PDFName.of("Fields"), PDFArray);
  if (!fields) {
    fields = context.obj([]);
    acroForm.set(PDFName.of("Fields"), fields);
  }
  // Invisible widget (zero rectangle; F 132 = Print + Locked) merged with its field.
  const widget = context.obj({
    Type: "Annot",
    Subtype: "Widget",
    FT: "Sig",
    Rect: [0, 0, 0, 0],
    F: 132,
    T: PDFString.of(`Signature${fields.size() + 1}`),
    V: signatureRef,
    P: page.ref,
  });
  const widgetRef = context.register(widget);
  fields.push(widgetRef);
  // SigFlags 3: SignaturesExist + AppendOnly.
  acroForm.set(PDFName.of("SigFlags"), PDFNumber.of(3));
  page.node.addAnnot(widgetRef);

  return doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
}

const PLACEHOLDER_PATTERN = /\/ByteRange\s*\[\s*0\s+\/\*{10}\s+\/\*{10}\s+\/\*{10}\s*\]/g;

function fixByteRange(prepared: Uint8Array): {
  pdf: Uint8Array<ArrayBuffer>;
  holeStart: number;
  holeEnd: number;
} {
  const pdf = new Uint8Array(prepared);
  const source = Buffer.from(pdf).toString("latin1");
  const matches = [...source.matchAll(PLACEHOLDER_PATTERN)];
  const match = matches.at(-1);
  if (!match || match.index === undefined)
    throw new Error("the signature placeholder was not written");
  const contents = /\/Contents\s*<(0+)>/g;
  contents.lastIndex = match.index;
  const hole = contents.exec(source);
  if (!hole) throw new Error("the signature's /Contents placeholder was not written");
  const holeStart = hole.index + hole[0].indexOf("<");
  const holeEnd = holeStart + hole[1]!.length + 2;
  const ranges = `/ByteRange [0 ${holeStart} ${holeEnd} ${pdf.length - holeEnd}]`;
  if (ranges.length > match[0].length)
    throw new Error("the /ByteRange does not fit its placeholder");
  pdf.set(Buffer.from(ranges.padEnd(match[0].length, " "), "latin1"), match.index);
  return { pdf, holeStart, holeEnd };
}
