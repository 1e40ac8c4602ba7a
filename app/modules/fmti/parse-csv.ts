// A small RFC 4180 reader that remembers where each record starts, so import errors can name the
// line of the file. Pure: text in, records out.
//
// Accepted (RFC 4180 plus the usual spreadsheet exports):
//   - a UTF-8 byte-order mark before the first field (dropped);
//   - CRLF, LF or a lone CR as line break; the last record may end without one;
//   - quoted fields with commas, doubled quotes ("") and line breaks (kept as "\n");
//   - spaces or tabs between a closing quote and the next comma or line break;
//   - a quote inside an unquoted field is kept as a literal character (5" display).
// Rejected with the line number: an unterminated quoted field, text after a closing quote.
// Field values are returned exactly as written: trimming is the caller's decision.

export interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts (a quoted line break advances the count). */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

const BYTE_ORDER_MARK = "\uFEFF";

/** Yields records one by one; throws CsvSyntaxError where the text stops being CSV. */
export function* iterateCsvRecords(input: string): Generator<CsvRecord, void, undefined> {
  const text = input.startsWith(BYTE_ORDER_MARK) ? input.slice(1) : input;
  const length = text.length;
  let i = 0;
  let line = 1;

  const atLineBreak = () => text[i] === "\n" || text[i] === "\r";
  /** Consumes the line break (CRLF, LF or CR) that starts at i. */
  const skipLineBreak = () => {
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    line++;
  };

  while (i < length) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        const openedOn = line;
        let value = "";
        let closed = false;
        i++;
        while (i < length) {
          const char = text[i];
          if (char === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (char === "\r" || char === "\n") {
            skipLineBreak();
            value += "\n";
            continue;
          }
          value += char;
          i++;
        }
        if (!closed) {
          throw new CsvSyntaxError(
            `quoted field opened on line ${openedOn} is never closed`,
            openedOn,
          );
        }
        while (text[i] === " " || text[i] === "\t") i++;
        if (i < length && text[i] !== "," && !atLineBreak()) {
          throw new CsvSyntaxError(
            `unexpected ${JSON.stringify(text[i])} after the closing quote of a field (a quote inside a quoted field must be doubled: "")`,
            line,
          );
        }
        fields.push(value);
      } else {
        const start = i;
        while (i < length && text[i] !== "," && !atLineBreak()) i++;
        fields.push(text.slice(start, i));
      }
      if (text[i] === ",") {
        i++;
        continue;
      }
      break;
    }
    if (i < length) skipLineBreak();
    yield { fields, line: recordLine };
  }
}

/** All records of a CSV text (see iterateCsvRecords). */
export function parseCsv(text: string): CsvRecord[] {
  return [...iterateCsvRecords(text)];
}

/** The first record (the header) only, without reading the rest of the file. Null for an empty text. */
export function readCsvHeader(text: string): CsvRecord | null {
  const first = iterateCsvRecords(text).next();
  return first.done ? null : first.value;
}

/** True for a record that carries nothing: an empty line or only empty/blank fields. */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === "");
}
