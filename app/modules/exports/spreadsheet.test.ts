import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsv, toJson, toXlsx } from "./spreadsheet";

describe("neutraliseFormula", () => {
  it.each([
    "=1+1",
    "+49 30 123",
    "-2",
    "@SUM(A1)",
    "\t=cmd",
    "\r=cmd",
    '=HYPERLINK("http://x","y")',
  ])("prefixes %j with an apostrophe", (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });
  it.each(["Acme", "", " =not at start", "Über AI", "1+1"])("leaves %j alone", (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
  it("removes bidi controls and invisible characters, also where they would hide a formula's start", () => {
    expect(neutraliseFormula("\u202Egnp.exe Vendor")).toBe("gnp.exe Vendor");
    expect(neutraliseFormula("\u200B=1+1")).toBe("'=1+1");
    expect(neutraliseFormula("\uFEFF\u2066@SUM(A1)")).toBe("'@SUM(A1)");
    expect(toCsv(["Name\u200D"], [["Ac\u200Bme\u202E"]])).toBe("\uFEFFName\r\nAcme\r\n");
  });
  it("leaves numbers, booleans and null alone (a negative number stays a number)", () => {
    expect(neutraliseFormula(-2)).toBe(-2);
    expect(neutraliseFormula(true)).toBe(true);
    expect(neutraliseFormula(null)).toBe(null);
  });
});

describe("toCsv", () => {
  it("writes a UTF-8 BOM, CRLF lines, quotes what needs quoting and escapes formulas", () => {
    const csv = toCsv(
      ["Name", "Score"],
      [
        ["=cmd|' /C calc'!A0", 12.5],
        ['Say "hi", Ümlaut', null],
        ["-1", -1],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Name,Score",
      `'=cmd|' /C calc'!A0,12.5`,
      '"Say ""hi"", Ümlaut",',
      "'-1,-1",
      "",
    ]);
  });
});

describe("toXlsx", () => {
  it("writes text cells with the formula prefix and never a formula cell", async () => {
    const buffer = await toXlsx([
      {
        name: "Portfolio",
        headers: ["Name", "Score"],
        rows: [
          ["=1+1", 3],
          ["@x", null],
        ],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Portfolio")!;
    expect(sheet.getCell("A2").value).toBe("'=1+1");
    expect(sheet.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("B2").value).toBe(3);
    expect(sheet.getCell("A3").value).toBe("'@x");
  });
});

describe("toJson", () => {
  it("keys rows by header and escapes text", () => {
    const parsed = JSON.parse(toJson(["Name", "Score"], [["+x", 1]], { total: 1 })) as unknown;
    expect(parsed).toEqual({ total: 1, rows: [{ Name: "'+x", Score: 1 }] });
  });
});
