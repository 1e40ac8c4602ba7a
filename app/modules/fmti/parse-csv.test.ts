import { describe, expect, it } from "vitest";
import { CsvSyntaxError, isBlankRecord, parseCsv, readCsvHeader } from "./parse-csv";

const fieldsOf = (text: string) => parseCsv(text).map((record) => record.fields);
const linesOf = (text: string) => parseCsv(text).map((record) => record.line);

function syntaxError(text: string): CsvSyntaxError {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error("expected a CsvSyntaxError");
}

describe("parseCsv", () => {
  it.each([
    ["LF", "a,b\n1,2\n"],
    ["CRLF", "a,b\r\n1,2\r\n"],
    ["lone CR", "a,b\r1,2\r"],
    ["no final line break", "a,b\n1,2"],
    ["byte-order mark", "\uFEFFa,b\r\n1,2"],
  ])("reads %s", (_name, text) => {
    expect(fieldsOf(text)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(linesOf(text)).toEqual([1, 2]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields and counts lines across them", () => {
    const text =
      'name,definition\r\n"Data, size","Is the ""size"" disclosed?\r\nSecond line"\r\nnext,"x\ny\nz"\r\nlast,1\r\n';
    expect(fieldsOf(text)).toEqual([
      ["name", "definition"],
      ["Data, size", 'Is the "size" disclosed?\nSecond line'],
      ["next", "x\ny\nz"],
      ["last", "1"],
    ]);
    expect(linesOf(text)).toEqual([1, 2, 4, 7]);
  });

  it("returns values untrimmed, keeps empty fields and blank lines, and allows spaces after a closing quote", () => {
    expect(fieldsOf(' a , b ,\n\n"q"  ,x\n')).toEqual([[" a ", " b ", ""], [""], ["q", "x"]]);
    expect(linesOf(' a , b ,\n\n"q"  ,x\n')).toEqual([1, 2, 3]);
    expect(isBlankRecord(parseCsv("\n")[0]!)).toBe(true);
    expect(isBlankRecord(parseCsv(" , ,")[0]!)).toBe(true);
    expect(isBlankRecord(parseCsv(" ,x,")[0]!)).toBe(false);
  });

  it("keeps a quote inside an unquoted field as a character", () => {
    expect(fieldsOf('screen,5" display\n')).toEqual([["screen", '5" display']]);
  });

  it("reads nothing from an empty text and only the header with readCsvHeader", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\uFEFF")).toEqual([]);
    expect(readCsvHeader("")).toBeNull();
    // The header is read even when a later record is broken.
    expect(readCsvHeader('h1,h2\n"broken\n')).toEqual({ fields: ["h1", "h2"], line: 1 });
  });

  it("names the line of an unterminated quoted field", () => {
    const error = syntaxError('a,b\n1,2\n3,"never closed\nstill open\n');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/opened on line 3 is never closed/);
  });

  it("names the line of text after a closing quote", () => {
    const error = syntaxError('a,b\n"x\ny"z,2\n');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/after the closing quote/);
  });
});
