import { name, openPdfDocument, type PdfDocumentReader } from "./pdf-document";
import {
  PdfDict,
  PdfLexer,
  PdfLimitError,
  PdfRef,
  PdfString,
  PdfSyntaxError,
  type PdfValue,
  type ReadBudget,
} from "./pdf-syntax";

/**
 * The signature dictionaries a PDF viewer would show: one per signature field referenced from
 * the document's /AcroForm (/Fields, their /Kids, /FT /Sig, /V), never every "/ByteRange" that
 * happens to stand in the file. Only when the file has no readable cross-reference structure (a
 * truncated or damaged report) does a bounded scan of the text take over, so such files still
 * get a verdict. Both ways stop at `maxSignatures` distinct signatures (PdfLimitError
 * "signatures"); a report we issue carries one.
 */
export interface SignatureCandidate {
  /** null: the dictionary has no /ByteRange of four non-negative integers. */
  byteRange: [number, number, number, number] | null;
  /** Where /Contents stands in the file; null when unknown (scan, object streams). */
  contents: { start: number; end: number } | null;
  signingTime: Date | null;
}

export type SignatureSearch =
  | {
      readable: true;
      how: "acroform" | "scan";
      candidates: SignatureCandidate[];
      pageCount: number | null;
    }
  | { readable: false; reason: string };

const MAX_FORM_FIELDS = 2_000;
const MAX_FIELD_DEPTH = 16;
/** The scan's "/ByteRange" hits, matching or not: a file of nothing but the keyword ends quickly. */
const MAX_SCAN_HITS = 1_000;
/** How far before "/ByteRange" the scan looks for the dictionary's "<<". */
const DICTIONARY_LOOKBEHIND_BYTES = 4096;

export function findSignatureDictionaries(
  bytes: Uint8Array,
  budget: ReadBudget,
  maxSignatures: number,
): SignatureSearch {
  let document: PdfDocumentReader;
  try {
    document = openPdfDocument(bytes, budget);
    return fromAcroForm(document, maxSignatures);
  } catch (error) {
    if (!(error instanceof PdfSyntaxError)) throw error;
    return scanForSignatures(bytes, budget, maxSignatures, error.message);
  }
}

function fromAcroForm(document: PdfDocumentReader, maxSignatures: number): SignatureSearch {
  const bytes = document.bytes;
  const root = document.resolve(document.trailer.get("Root"));
  if (!(root instanceof PdfDict)) throw new PdfSyntaxError("the trailer names no document catalog");
  const pages = document.resolve(root.get("Pages"));
  const count = pages instanceof PdfDict ? document.resolve(pages.get("Count")) : null;
  const pageCount = typeof count === "number" && Number.isInteger(count) && count >= 0 ? count : 0;

  const form = document.resolve(root.get("AcroForm"));
  const fields = form instanceof PdfDict ? document.resolve(form.get("Fields")) : null;
  const candidates: SignatureCandidate[] = [];
  if (!Array.isArray(fields)) return { readable: true, how: "acroform", candidates, pageCount };

  const visited = new Set<string>();
  const signatures = new Set<string>();
  // Depth-first over the field tree; /FT is inherited by kids (§12.7.3.1).
  const stack: { value: PdfValue; depth: number; inheritedType: string | null }[] = fields.map(
    (value) => ({ value, depth: 0, inheritedType: null }),
  );
  stack.reverse();
  while (stack.length > 0) {
    const { value, depth, inheritedType } = stack.pop()!;
    if (value instanceof PdfRef) {
      if (visited.has(value.key)) continue;
      visited.add(value.key);
    }
    if (visited.size > MAX_FORM_FIELDS)
      throw new PdfLimitError("structure", `more than ${MAX_FORM_FIELDS} form fields`);
    const field = document.resolve(value);
    if (!(field instanceof PdfDict)) continue;
    const type = name(field.get("FT")) ?? inheritedType;
    const kids = document.resolve(field.get("Kids"));
    if (Array.isArray(kids) && depth < MAX_FIELD_DEPTH) {
      for (let i = kids.length - 1; i >= 0; i--)
        stack.push({ value: kids[i]!, depth: depth + 1, inheritedType: type });
    }
    const signature = field.get("V");
    if (type !== "Sig" || signature === undefined || signature === null) continue;
    // Several widgets or fields may share one signature dictionary: it is checked once.
    const key = signature instanceof PdfRef ? signature.key : `direct:${signatures.size}`;
    if (signatures.has(key)) continue;
    signatures.add(key);
    if (signatures.size > maxSignatures)
      throw new PdfLimitError(
        "signatures",
        `the file carries more than ${maxSignatures} signatures`,
      );
    const dictionary = document.resolve(signature);
    if (!(dictionary instanceof PdfDict)) {
      candidates.push({ byteRange: null, contents: null, signingTime: null });
      continue;
    }
    candidates.push(candidateOf(dictionary, bytes));
  }
  return { readable: true, how: "acroform", candidates, pageCount };
}

function candidateOf(dictionary: PdfDict, file: Uint8Array): SignatureCandidate {
  const contents = dictionary.get("Contents");
  const time = dictionary.get("M");
  return {
    byteRange: byteRangeOf(dictionary.get("ByteRange")),
    // A span in a decoded object stream says nothing about the file's bytes.
    contents:
      contents instanceof PdfString && contents.source === file
        ? { start: contents.start, end: contents.end }
        : null,
    signingTime: time instanceof PdfString ? parsePdfDate(time.text()) : null,
  };
}

function byteRangeOf(value: PdfValue | undefined): [number, number, number, number] | null {
  if (!Array.isArray(value) || value.length !== 4) return null;
  if (!value.every((v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0)) return null;
  return value as [number, number, number, number];
}

/**
 * Fallback for files without a readable cross-reference structure: the "/ByteRange" keywords in
 * the text, in file order, each with the dictionary around it when that can be read.
 */
function scanForSignatures(
  bytes: Uint8Array,
  budget: ReadBudget,
  maxSignatures: number,
  why: string,
): SignatureSearch {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const candidates: SignatureCandidate[] = [];
  let hits = 0;
  for (let at = buffer.indexOf("/ByteRange"); at >= 0; at = buffer.indexOf("/ByteRange", at + 10)) {
    hits += 1;
    if (hits > MAX_SCAN_HITS)
      throw new PdfLimitError("structure", `more than ${MAX_SCAN_HITS} /ByteRange keywords`);
    budget.checkTime();
    let byteRange: SignatureCandidate["byteRange"] = null;
    try {
      byteRange = byteRangeOf(new PdfLexer(bytes, at + 10, budget).value());
    } catch (error) {
      if (!(error instanceof PdfSyntaxError)) throw error;
    }
    if (!byteRange) continue;
    if (candidates.length >= maxSignatures)
      throw new PdfLimitError(
        "signatures",
        `the file carries more than ${maxSignatures} signatures`,
      );
    const dictionary = dictionaryAround(bytes, at, budget);
    const own = dictionary ? byteRangeOf(dictionary.get("ByteRange")) : null;
    candidates.push(
      dictionary && own && own.every((v, i) => v === byteRange[i])
        ? candidateOf(dictionary, bytes)
        : { byteRange, contents: null, signingTime: null },
    );
  }
  if (candidates.length === 0) return { readable: false, reason: why };
  return { readable: true, how: "scan", candidates, pageCount: null };
}

function dictionaryAround(bytes: Uint8Array, at: number, budget: ReadBudget): PdfDict | null {
  const from = Math.max(0, at - DICTIONARY_LOOKBEHIND_BYTES);
  const start = Buffer.from(bytes.buffer, bytes.byteOffset + from, at - from).lastIndexOf("<<");
  if (start < 0) return null;
  try {
    const value = new PdfLexer(bytes, from + start, budget).value();
    return value instanceof PdfDict ? value : null;
  } catch (error) {
    if (error instanceof PdfSyntaxError) return null;
    throw error;
  }
}

/** A PDF date (D:YYYYMMDDHHmmSS then Z, or +HH'mm' / -HH'mm'; every part after the year optional). */
export function parsePdfDate(text: string): Date | null {
  const raw = text.startsWith("D:") ? text.slice(2) : text;
  let digits = 0;
  while (
    digits < 14 &&
    digits < raw.length &&
    raw.charCodeAt(digits) >= 0x30 &&
    raw.charCodeAt(digits) <= 0x39
  )
    digits++;
  if (digits < 4) return null;
  const number = raw.slice(0, digits);
  const part = (from: number, fallback: number) =>
    number.length >= from + 2 ? Number(number.slice(from, from + 2)) : fallback;
  const utc = Date.UTC(
    Number(number.slice(0, 4)),
    part(4, 1) - 1,
    part(6, 1),
    part(8, 0),
    part(10, 0),
    part(12, 0),
  );
  const zone = raw.slice(digits, digits + 8).replace(/'/g, "");
  const sign = zone[0] === "+" ? 1 : zone[0] === "-" ? -1 : 0;
  const offsetMinutes = sign * (Number(zone.slice(1, 3) || 0) * 60 + Number(zone.slice(3, 5) || 0));
  const time = new Date(utc - offsetMinutes * 60_000);
  return Number.isNaN(time.getTime()) ? null : time;
}
