/**
 * PDF object syntax (ISO 32000-1 §7.2–7.3) read straight from the file's bytes, for untrusted
 * input: no string copy of the file, no regular expressions, no recursion deeper than
 * `maxDepth`, and every object read is charged to a shared budget (tokens, objects, a
 * deadline). Only what signature verification needs: values, indirect objects and stream
 * boundaries; decoding is done by the caller.
 */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

/** A string with the span it occupies in its buffer (the /Contents hole must be exactly it). */
export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex: boolean,
    readonly start: number,
    readonly end: number,
    /** The buffer start/end refer to: the file, or a decoded object stream. */
    readonly source: Uint8Array,
  ) {}
  /** Latin-1 text (dates, short ASCII values). */
  text(): string {
    return Buffer.from(this.bytes).toString("latin1");
  }
}

export class PdfDict {
  constructor(readonly entries: Map<string, PdfValue>) {}
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly dataStart: number,
    readonly dataEnd: number,
  ) {}
}

export type PdfValue =
  null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfValue[] | PdfStream;

/** The file is not a PDF we can read structurally (the caller may try the bounded fallback). */
export class PdfSyntaxError extends Error {}

export type PdfLimit = "time" | "structure" | "signatures";

/** A limit of the reader was reached: the file is not checked any further. */
export class PdfLimitError extends Error {
  constructor(
    readonly limit: PdfLimit,
    message: string,
  ) {
    super(message);
  }
}

export interface PdfReadLimits {
  /** Indirect objects parsed (catalog, form fields, signature dictionaries, streams …). */
  maxObjects: number;
  /** Tokens read over all objects: a 20 MB array of numbers is refused, not built. */
  maxTokens: number;
  /** Nesting of arrays and dictionaries inside one object. */
  maxDepth: number;
  /** Bytes inflated from compressed cross-reference and object streams, in total. */
  maxDecodedBytes: number;
  /** Date.now() after which reading stops. */
  deadline: number;
}

/** Counts the reader's work against its limits; shared by every read of one verification. */
export class ReadBudget {
  objects = 0;
  tokens = 0;
  decodedBytes = 0;
  constructor(readonly limits: PdfReadLimits) {}

  object(): void {
    this.objects += 1;
    if (this.objects > this.limits.maxObjects)
      throw new PdfLimitError(
        "structure",
        `more than ${this.limits.maxObjects} objects would have to be read`,
      );
    this.checkTime();
  }
  token(): void {
    this.tokens += 1;
    if (this.tokens > this.limits.maxTokens)
      throw new PdfLimitError(
        "structure",
        `more than ${this.limits.maxTokens} tokens would have to be read`,
      );
  }
  decoded(bytes: number): void {
    this.decodedBytes += bytes;
    if (this.decodedBytes > this.limits.maxDecodedBytes)
      throw new PdfLimitError("structure", "the compressed structure inflates to too many bytes");
  }
  remainingDecodedBytes(): number {
    return Math.max(0, this.limits.maxDecodedBytes - this.decodedBytes);
  }
  checkTime(): void {
    if (Date.now() > this.limits.deadline)
      throw new PdfLimitError("time", "the time budget of the check ran out");
  }
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

// \n \r \t \b \f \( \) \\ inside literal strings.
const ESCAPES = new Map([
  [0x6e, 0x0a],
  [0x72, 0x0d],
  [0x74, 0x09],
  [0x62, 0x08],
  [0x66, 0x0c],
  [0x28, 0x28],
  [0x29, 0x29],
  [0x5c, 0x5c],
]);
// The objects a verification reads hold dates and names, never megabytes of text.
const MAX_LITERAL_STRING_BYTES = 1024 * 1024;

export const isWhitespace = (byte: number | undefined): boolean =>
  byte !== undefined && WHITESPACE.has(byte);
const isRegular = (byte: number | undefined): boolean =>
  byte !== undefined && !WHITESPACE.has(byte) && !DELIMITERS.has(byte);
const isDigit = (byte: number | undefined): boolean =>
  byte !== undefined && byte >= 0x30 && byte <= 0x39;

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** A PDF number ("12", "-3", "+.5", "4."), or null for a keyword. */
function numberOf(text: string): { value: number; integer: boolean } | null {
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2e) dots++;
    else if (!(i === 0 && (c === 0x2b || c === 0x2d))) return null;
  }
  if (digits === 0 || dots > 1) return null;
  return { value: Number(text), integer: dots === 0 };
}

type Token =
  | { type: "number"; value: number; integer: boolean }
  | { type: "name"; value: string }
  | { type: "string"; value: PdfString }
  | { type: "keyword"; value: string }
  | { type: "open" | "close"; value: "<<" | ">>" | "[" | "]" }
  | { type: "eof" };

/** One pass over `bytes` from `pos`: tokens, values, indirect objects. */
export class PdfLexer {
  private peeked: Token[] = [];
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
    private readonly budget: ReadBudget,
  ) {}

  skipWhitespace(): void {
    const b = this.bytes;
    for (;;) {
      while (this.pos < b.length && WHITESPACE.has(b[this.pos]!)) this.pos++;
      if (b[this.pos] !== 0x25) return; // %
      while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
    }
  }

  private read(): Token {
    this.budget.token();
    this.skipWhitespace();
    const b = this.bytes;
    if (this.pos >= b.length) return { type: "eof" };
    const c = b[this.pos]!;
    if (c === 0x2f) return { type: "name", value: this.readName() };
    if (c === 0x28) return { type: "string", value: this.readLiteralString() };
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return { type: "open", value: "<<" };
      }
      return { type: "string", value: this.readHexString() };
    }
    if (c === 0x3e) {
      if (b[this.pos + 1] !== 0x3e) throw new PdfSyntaxError("a lone '>'");
      this.pos += 2;
      return { type: "close", value: ">>" };
    }
    if (c === 0x5b || c === 0x5d) {
      this.pos += 1;
      return c === 0x5b ? { type: "open", value: "[" } : { type: "close", value: "]" };
    }
    if (!isRegular(c)) throw new PdfSyntaxError(`unexpected character 0x${c.toString(16)}`);
    const start = this.pos;
    // Regular tokens are short (numbers, keywords); a "token" of megabytes is garbage.
    while (this.pos < b.length && isRegular(b[this.pos]) && this.pos - start < 64) this.pos++;
    if (isRegular(b[this.pos])) throw new PdfSyntaxError("a token longer than 64 bytes");
    const text = Buffer.from(b.subarray(start, this.pos)).toString("latin1");
    const number = numberOf(text);
    if (number) return { type: "number", ...number };
    return { type: "keyword", value: text };
  }

  next(): Token {
    return this.peeked.shift() ?? this.read();
  }

  peek(index = 0): Token {
    while (this.peeked.length <= index) this.peeked.push(this.read());
    return this.peeked[index]!;
  }

  private readName(): string {
    const b = this.bytes;
    this.pos += 1;
    const start = this.pos;
    const out: number[] = [];
    while (this.pos < b.length && isRegular(b[this.pos])) {
      if (this.pos - start > 256) throw new PdfSyntaxError("a name longer than 256 bytes");
      const c = b[this.pos]!;
      if (c === 0x23 && this.pos + 2 < b.length) {
        const hi = hexValue(b[this.pos + 1]!);
        const lo = hexValue(b[this.pos + 2]!);
        if (hi >= 0 && lo >= 0) {
          out.push(hi * 16 + lo);
          this.pos += 3;
          continue;
        }
      }
      out.push(c);
      this.pos += 1;
    }
    return Buffer.from(out).toString("latin1");
  }

  private readLiteralString(): PdfString {
    const b = this.bytes;
    const start = this.pos;
    this.pos += 1;
    let depth = 1;
    const out: number[] = [];
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (c === 0x5c) {
        const n = b[this.pos + 1];
        if (n === undefined) break;
        const escaped = ESCAPES.get(n);
        if (escaped !== undefined) {
          out.push(escaped);
          this.pos += 2;
        } else if (n >= 0x30 && n <= 0x37) {
          let value = 0;
          let digits = 0;
          this.pos += 1;
          while (digits < 3 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37) {
            value = value * 8 + (b[this.pos]! - 0x30);
            this.pos += 1;
            digits += 1;
          }
          out.push(value & 0xff);
        } else if (n === 0x0d || n === 0x0a) {
          this.pos += n === 0x0d && b[this.pos + 2] === 0x0a ? 3 : 2;
        } else {
          out.push(n);
          this.pos += 2;
        }
        continue;
      }
      if (out.length > MAX_LITERAL_STRING_BYTES)
        throw new PdfLimitError("structure", "a string longer than 1 MB");
      if (c === 0x28) depth += 1;
      if (c === 0x29) {
        depth -= 1;
        if (depth === 0) {
          this.pos += 1;
          return new PdfString(Uint8Array.from(out), false, start, this.pos, b);
        }
      }
      out.push(c);
      this.pos += 1;
    }
    throw new PdfSyntaxError("an unterminated string");
  }

  private readHexString(): PdfString {
    const b = this.bytes;
    const start = this.pos;
    const end = Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(0x3e, start + 1);
    if (end < 0) throw new PdfSyntaxError("an unterminated hex string");
    const out = new Uint8Array(Math.ceil((end - start - 1) / 2));
    let length = 0;
    let high = -1;
    for (let at = start + 1; at < end; at++) {
      const c = b[at]!;
      if (WHITESPACE.has(c)) continue;
      const v = hexValue(c);
      if (v < 0) throw new PdfSyntaxError("a hex string with a non-hex character");
      if (high < 0) high = v;
      else {
        out[length++] = high * 16 + v;
        high = -1;
      }
    }
    if (high >= 0) out[length++] = high * 16;
    this.pos = end + 1;
    return new PdfString(out.subarray(0, length), true, start, end + 1, b);
  }

  /** One value; `depth` counts the arrays and dictionaries around it. */
  value(depth = 0): PdfValue {
    const token = this.next();
    switch (token.type) {
      case "number": {
        // "12 0 R" is a reference: look two tokens ahead.
        if (token.integer && token.value >= 0) {
          const gen = this.peek(0);
          const r = this.peek(1);
          if (
            gen.type === "number" &&
            gen.integer &&
            gen.value >= 0 &&
            r.type === "keyword" &&
            r.value === "R"
          ) {
            this.next();
            this.next();
            return new PdfRef(token.value, gen.value);
          }
        }
        return token.value;
      }
      case "name":
        return new PdfName(token.value);
      case "string":
        return token.value;
      case "keyword":
        if (token.value === "true") return true;
        if (token.value === "false") return false;
        if (token.value === "null") return null;
        throw new PdfSyntaxError(`unexpected keyword '${token.value.slice(0, 20)}'`);
      case "open": {
        if (depth >= this.budget.limits.maxDepth)
          throw new PdfLimitError(
            "structure",
            `objects nested deeper than ${this.budget.limits.maxDepth} levels`,
          );
        if (token.value === "[") {
          const items: PdfValue[] = [];
          for (;;) {
            const next = this.peek();
            if (next.type === "close" && next.value === "]") {
              this.next();
              return items;
            }
            if (next.type === "eof") throw new PdfSyntaxError("an unterminated array");
            items.push(this.value(depth + 1));
          }
        }
        const entries = new Map<string, PdfValue>();
        for (;;) {
          const key = this.next();
          if (key.type === "close" && key.value === ">>") return new PdfDict(entries);
          if (key.type !== "name") throw new PdfSyntaxError("a dictionary key that is not a name");
          const next = this.peek();
          if (next.type === "close" && next.value === ">>")
            throw new PdfSyntaxError("a dictionary key without a value");
          entries.set(key.value, this.value(depth + 1));
        }
      }
      case "close":
        throw new PdfSyntaxError(`unexpected '${token.value}'`);
      case "eof":
        throw new PdfSyntaxError("unexpected end of the file");
    }
  }

  /**
   * The indirect object "num gen obj … endobj" starting at `pos`. A stream's data is located
   * (not decoded); `lengthOf` resolves an indirect /Length.
   */
  indirectObject(
    expected: PdfRef | null,
    lengthOf: (value: PdfValue | undefined) => number | null,
  ): { ref: PdfRef; value: PdfValue } {
    const num = this.next();
    const gen = this.next();
    const obj = this.next();
    if (
      num.type !== "number" ||
      gen.type !== "number" ||
      obj.type !== "keyword" ||
      obj.value !== "obj"
    ) {
      throw new PdfSyntaxError("no object at the offset the cross-reference table names");
    }
    const ref = new PdfRef(num.value, gen.value);
    if (expected && (expected.num !== ref.num || expected.gen !== ref.gen))
      throw new PdfSyntaxError("the cross-reference table points at another object");
    const value = this.value();
    const after = this.peek();
    if (after.type === "keyword" && after.value === "stream" && value instanceof PdfDict) {
      this.next();
      const b = this.bytes;
      let dataStart = this.pos;
      // "stream" is followed by CRLF or LF (a lone CR is tolerated).
      if (b[dataStart] === 0x0d) dataStart += 1;
      if (b[dataStart] === 0x0a) dataStart += 1;
      const length = lengthOf(value.get("Length"));
      if (length === null || length < 0 || dataStart + length > b.length)
        throw new PdfSyntaxError("a stream whose /Length does not fit the file");
      return { ref, value: new PdfStream(value, dataStart, dataStart + length) };
    }
    return { ref, value };
  }
}

/** Whether `bytes` holds `word` at `at` followed by a delimiter or whitespace. */
export function keywordAt(bytes: Uint8Array, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word.charCodeAt(i)) return false;
  return !isRegular(bytes[at + word.length]);
}

/** A non-negative integer written at `at` (after whitespace); null when there is none. */
export function integerAt(bytes: Uint8Array, at: number): { value: number; end: number } | null {
  let pos = at;
  while (isWhitespace(bytes[pos])) pos++;
  const start = pos;
  while (isDigit(bytes[pos]) && pos - start < 16) pos++;
  if (pos === start || isDigit(bytes[pos])) return null;
  return { value: Number(Buffer.from(bytes.subarray(start, pos)).toString("latin1")), end: pos };
}
