import { inflateSync } from "node:zlib";
import {
  integerAt,
  keywordAt,
  PdfDict,
  PdfLexer,
  PdfLimitError,
  PdfName,
  PdfRef,
  PdfStream,
  PdfSyntaxError,
  type PdfValue,
  type ReadBudget,
} from "./pdf-syntax";

/**
 * Random access to the objects of an untrusted PDF through its cross-reference sections (classic
 * tables and PDF 1.5 streams, newest revision first, /Prev chains, hybrid /XRefStm), reading only
 * the objects asked for. Classic tables are not parsed into memory: an entry is found by
 * arithmetic (20 bytes each). Every object read, inflated byte and section is charged to the
 * budget; a file without a readable cross-reference section is a PdfSyntaxError.
 */

const MAX_XREF_SECTIONS = 64;
const MAX_SUBSECTIONS = 10_000;

type XrefEntry =
  | { kind: "free" }
  | { kind: "offset"; offset: number; gen: number }
  | { kind: "compressed"; stream: number; index: number };

interface XrefSection {
  lookup(num: number): XrefEntry | undefined;
}

export interface PdfDocumentReader {
  readonly bytes: Uint8Array;
  /** The newest trailer (classic trailer dictionary or the xref stream's dictionary). */
  readonly trailer: PdfDict;
  /** Resolves a reference (one level); other values pass through. Missing objects are null. */
  resolve(value: PdfValue | undefined): PdfValue | undefined;
}

export function openPdfDocument(bytes: Uint8Array, budget: ReadBudget): PdfDocumentReader {
  // The last "startxref" names the newest revision, however much junk was appended after it
  // (one native backwards search).
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf("startxref");
  if (at < 0) throw new PdfSyntaxError("it has no cross-reference section (startxref)");
  const start = integerAt(bytes, at + "startxref".length);
  if (!start || start.value >= bytes.length)
    throw new PdfSyntaxError("startxref points outside the file");

  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let trailer: PdfDict | null = null;
  const reader = new DocumentReader(bytes, budget, sections);
  const pending: number[] = [start.value];
  while (pending.length > 0) {
    const offset = pending.shift()!;
    if (seen.has(offset)) continue; // a /Prev loop
    seen.add(offset);
    if (seen.size > MAX_XREF_SECTIONS)
      throw new PdfLimitError(
        "structure",
        `more than ${MAX_XREF_SECTIONS} cross-reference sections`,
      );
    budget.checkTime();
    const section = keywordAt(bytes, offset, "xref")
      ? readXrefTable(bytes, offset + 4, budget)
      : readXrefStream(reader, offset);
    sections.push(section.section);
    trailer ??= section.trailer;
    // A hybrid file's table is completed by the stream it names (§7.5.8.4), then /Prev.
    const hybrid = section.trailer.get("XRefStm");
    if (typeof hybrid === "number") pending.unshift(hybrid);
    const prev = section.trailer.get("Prev");
    if (typeof prev === "number") pending.push(prev);
  }
  if (!trailer) throw new PdfSyntaxError("no trailer");
  reader.trailer = trailer;
  return reader;
}

class DocumentReader implements PdfDocumentReader {
  trailer = new PdfDict(new Map());
  private readonly cache = new Map<string, PdfValue>();
  private readonly objectStreams = new Map<
    number,
    { bytes: Uint8Array; offsets: Map<number, number> }
  >();
  private readonly resolving = new Set<string>();

  constructor(
    readonly bytes: Uint8Array,
    readonly budget: ReadBudget,
    private readonly sections: XrefSection[],
  ) {}

  private entry(num: number): XrefEntry | undefined {
    for (const section of this.sections) {
      const found = section.lookup(num);
      if (found) return found;
    }
    return undefined;
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    if (!(value instanceof PdfRef)) return value;
    const key = value.key;
    if (this.cache.has(key)) return this.cache.get(key);
    if (this.resolving.has(key)) throw new PdfSyntaxError("an object refers to itself");
    this.resolving.add(key);
    try {
      const resolved = this.load(value);
      this.cache.set(key, resolved);
      return resolved;
    } finally {
      this.resolving.delete(key);
    }
  }

  private load(ref: PdfRef): PdfValue {
    const entry = this.entry(ref.num);
    if (!entry || entry.kind === "free") return null;
    this.budget.object();
    if (entry.kind === "offset") {
      if (entry.gen !== ref.gen) return null;
      return this.objectAt(entry.offset, ref);
    }
    if (ref.gen !== 0) return null;
    const stream = this.objectStream(entry.stream);
    const offset = stream.offsets.get(ref.num);
    if (offset === undefined) return null;
    return new PdfLexer(stream.bytes, offset, this.budget).value();
  }

  objectAt(offset: number, expected: PdfRef | null): PdfValue {
    if (offset < 0 || offset >= this.bytes.length)
      throw new PdfSyntaxError("an object offset outside the file");
    const lexer = new PdfLexer(this.bytes, offset, this.budget);
    return lexer.indirectObject(expected, (length) => this.lengthOf(length)).value;
  }

  lengthOf(value: PdfValue | undefined): number | null {
    const resolved = this.resolve(value);
    return typeof resolved === "number" && Number.isInteger(resolved) ? resolved : null;
  }

  /** A decoded object stream (§7.5.7): its objects' offsets by number. */
  private objectStream(num: number): { bytes: Uint8Array; offsets: Map<number, number> } {
    const cached = this.objectStreams.get(num);
    if (cached) return cached;
    const stream = this.resolve(new PdfRef(num, 0));
    if (!(stream instanceof PdfStream) || name(stream.dict.get("Type")) !== "ObjStm")
      throw new PdfSyntaxError("an object stream that is not one");
    const count = stream.dict.get("N");
    const first = stream.dict.get("First");
    if (typeof count !== "number" || typeof first !== "number" || count < 0 || first < 0)
      throw new PdfSyntaxError("an object stream without /N or /First");
    const bytes = decodeStream(this.bytes, stream, this.budget);
    const header = new PdfLexer(bytes, 0, this.budget);
    const offsets = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const objectNumber = header.value();
      const offset = header.value();
      if (typeof objectNumber !== "number" || typeof offset !== "number")
        throw new PdfSyntaxError("a damaged object stream header");
      offsets.set(objectNumber, first + offset);
    }
    const decoded = { bytes, offsets };
    this.objectStreams.set(num, decoded);
    return decoded;
  }
}

export function name(value: PdfValue | undefined): string | null {
  return value instanceof PdfName ? value.name : null;
}

function readXrefTable(
  bytes: Uint8Array,
  from: number,
  budget: ReadBudget,
): { section: XrefSection; trailer: PdfDict } {
  const subsections: { start: number; count: number; at: number }[] = [];
  let pos = from;
  for (;;) {
    const lexer = new PdfLexer(bytes, pos, budget);
    lexer.skipWhitespace();
    if (keywordAt(bytes, lexer.pos, "trailer")) {
      lexer.pos += "trailer".length;
      const trailer = lexer.value();
      if (!(trailer instanceof PdfDict))
        throw new PdfSyntaxError("a trailer that is not a dictionary");
      return { section: tableSection(bytes, subsections), trailer };
    }
    const start = integerAt(bytes, lexer.pos);
    const count = start ? integerAt(bytes, start.end) : null;
    if (!start || !count) throw new PdfSyntaxError("a damaged cross-reference table");
    if (subsections.length >= MAX_SUBSECTIONS)
      throw new PdfLimitError("structure", "a cross-reference table with too many subsections");
    budget.token();
    // Entries are exactly 20 bytes each (§7.5.4) and start with a digit after the header line.
    let at = count.end;
    while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x0d || bytes[at] === 0x0a))
      at++;
    if (at + count.value * 20 > bytes.length)
      throw new PdfSyntaxError("a cross-reference table longer than the file");
    subsections.push({ start: start.value, count: count.value, at });
    pos = at + count.value * 20;
  }
}

function tableSection(
  bytes: Uint8Array,
  subsections: { start: number; count: number; at: number }[],
): XrefSection {
  return {
    lookup(num) {
      // The last subsection naming an object wins within one section.
      for (let i = subsections.length - 1; i >= 0; i--) {
        const { start, count, at } = subsections[i]!;
        if (num < start || num >= start + count) continue;
        const entry = at + (num - start) * 20;
        const offset = digits(bytes, entry, 10);
        const gen = digits(bytes, entry + 11, 5);
        const type = bytes[entry + 17];
        if (
          offset === null ||
          gen === null ||
          bytes[entry + 10] !== 0x20 ||
          bytes[entry + 16] !== 0x20 ||
          (type !== 0x6e && type !== 0x66)
        ) {
          throw new PdfSyntaxError("a damaged cross-reference entry");
        }
        return type === 0x66 ? { kind: "free" } : { kind: "offset", offset, gen };
      }
      return undefined;
    },
  };
}

function digits(bytes: Uint8Array, at: number, length: number): number | null {
  let value = 0;
  for (let i = 0; i < length; i++) {
    const c = bytes[at + i];
    if (c === undefined || c < 0x30 || c > 0x39) return null;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

function readXrefStream(
  reader: DocumentReader,
  offset: number,
): { section: XrefSection; trailer: PdfDict } {
  const stream = reader.objectAt(offset, null);
  if (!(stream instanceof PdfStream) || name(stream.dict.get("Type")) !== "XRef")
    throw new PdfSyntaxError("startxref points at neither a table nor a stream");
  const dict = stream.dict;
  const widths = dict.get("W");
  const size = dict.get("Size");
  if (
    !Array.isArray(widths) ||
    widths.length !== 3 ||
    !widths.every((w) => typeof w === "number" && Number.isInteger(w) && w >= 0 && w <= 8)
  ) {
    throw new PdfSyntaxError("an xref stream with a damaged /W");
  }
  if (typeof size !== "number") throw new PdfSyntaxError("an xref stream without /Size");
  const [w1, w2, w3] = widths as [number, number, number];
  const rowBytes = w1 + w2 + w3;
  const indexValue = dict.get("Index") ?? [0, size];
  if (
    !Array.isArray(indexValue) ||
    indexValue.length % 2 !== 0 ||
    !indexValue.every((v) => typeof v === "number")
  )
    throw new PdfSyntaxError("an xref stream with a damaged /Index");
  const data = decodeStream(reader.bytes, stream, reader.budget);
  const ranges: { start: number; count: number; row: number }[] = [];
  let row = 0;
  for (let i = 0; i < indexValue.length; i += 2) {
    const start = indexValue[i] as number;
    const count = indexValue[i + 1] as number;
    ranges.push({ start, count, row });
    row += count;
  }
  if (row * rowBytes > data.length)
    throw new PdfSyntaxError("an xref stream shorter than its /Index");
  const field = (at: number, width: number, fallback: number) => {
    if (width === 0) return fallback;
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 256 + data[at + i]!;
    return value;
  };
  return {
    trailer: dict,
    section: {
      lookup(num) {
        for (const range of ranges) {
          if (num < range.start || num >= range.start + range.count) continue;
          const at = (range.row + num - range.start) * rowBytes;
          const type = field(at, w1, 1);
          const second = field(at + w1, w2, 0);
          const third = field(at + w1 + w2, w3, 0);
          if (type === 0) return { kind: "free" };
          if (type === 1) return { kind: "offset", offset: second, gen: third };
          if (type === 2) return { kind: "compressed", stream: second, index: third };
          return undefined; // unknown types are null references (§7.5.8.3)
        }
        return undefined;
      },
    },
  };
}

/** A stream's data, inflated (FlateDecode with PNG predictors) within the budget. */
function decodeStream(bytes: Uint8Array, stream: PdfStream, budget: ReadBudget): Uint8Array {
  const raw = bytes.subarray(stream.dataStart, stream.dataEnd);
  const filter = stream.dict.get("Filter");
  const filters = Array.isArray(filter)
    ? filter.map(name)
    : filter === undefined
      ? []
      : [name(filter)];
  if (filters.length === 0) {
    budget.decoded(raw.length);
    return raw;
  }
  if (filters.length !== 1 || filters[0] !== "FlateDecode")
    throw new PdfSyntaxError("a structure stream with an unsupported filter");
  let inflated: Buffer;
  try {
    inflated = inflateSync(raw, { maxOutputLength: Math.max(1, budget.remainingDecodedBytes()) });
  } catch (error) {
    if (error instanceof RangeError)
      throw new PdfLimitError("structure", "the compressed structure inflates to too many bytes");
    throw new PdfSyntaxError("a structure stream that cannot be inflated");
  }
  budget.decoded(inflated.length);
  const params = stream.dict.get("DecodeParms");
  const predictor = params instanceof PdfDict ? params.get("Predictor") : undefined;
  if (typeof predictor !== "number" || predictor < 10) return inflated;
  const columns = params instanceof PdfDict ? params.get("Columns") : undefined;
  return unpredictPng(inflated, typeof columns === "number" && columns > 0 ? columns : 1);
}

/** Reverses the PNG row predictors (§7.4.4.4): each row starts with its filter type. */
function unpredictPng(data: Uint8Array, columns: number): Uint8Array {
  const rowLength = columns + 1;
  const rows = Math.floor(data.length / rowLength);
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * rowLength]!;
    for (let c = 0; c < columns; c++) {
      const raw = data[r * rowLength + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      let value: number;
      if (type === 0) value = raw;
      else if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + Math.floor((left + up) / 2);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw new PdfSyntaxError("an unknown PNG predictor");
      out[r * columns + c] = value & 0xff;
    }
  }
  return out;
}
