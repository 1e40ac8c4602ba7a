/**
 * Export helpers shared by the portfolio and the comparison: CSV (UTF-8 with BOM, RFC 4180
 * quoting), XLSX (exceljs) and JSON. Every text cell that a spreadsheet could read as a formula
 * (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe. Numbers stay numbers.
 * Text loses bidi controls and invisible characters first (names stored before they were cleaned
 * at the edge must not display as something else in a spreadsheet either).
 */
import { stripDeceptiveCharacters } from "../../utils/display-text";

export type Cell = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises spreadsheet formula injection: "=1+1" → "'=1+1", after removing what could hide a
 * formula's start or disguise the text (stripDeceptiveCharacters). Non-strings pass unchanged.
 */
export function neutraliseFormula<T>(value: T): T | string {
  if (typeof value !== "string") return value;
  const text = stripDeceptiveCharacters(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return neutraliseFormula(value);
}

function csvField(text: string): string {
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a UTF-8 byte order mark (Excel detects the encoding) and CRLF line ends. */
export function toCsv(headers: string[], rows: Cell[][]): string {
  const lines = [headers, ...rows].map((row) =>
    row.map((cell) => csvField(cellText(cell as Cell))).join(","),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}

/** An XLSX workbook, one worksheet per sheet, header row bold and frozen. */
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Vetted";
  workbook.created = new Date(0);
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(
      stripDeceptiveCharacters(sheet.name)
        .replace(/[[\]*?/\\:]/g, " ")
        .slice(0, 31),
    );
    worksheet.addRow(sheet.headers.map((h) => neutraliseFormula(h)));
    worksheet.getRow(1).font = { bold: true };
    worksheet.views = [{ state: "frozen", ySplit: 1 }];
    for (const row of sheet.rows) {
      worksheet.addRow(
        row.map((cell) => {
          if (cell === null || cell === undefined) return null;
          if (cell instanceof Date) return cell.toISOString().slice(0, 10);
          return neutraliseFormula(cell);
        }),
      );
    }
    worksheet.columns.forEach((column) => {
      column.width = 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Pretty JSON of records keyed by the (localised) headers; values are not formula-escaped in JSON
 *  except text, which is escaped too so that a JSON → spreadsheet import stays safe. */
export function toJson(
  headers: string[],
  rows: Cell[][],
  meta: Record<string, unknown> = {},
): string {
  const records = rows.map((row) =>
    Object.fromEntries(
      headers.map((header, i) => {
        const cell = row[i];
        return [
          header,
          cell instanceof Date ? cell.toISOString().slice(0, 10) : neutraliseFormula(cell ?? null),
        ];
      }),
    ),
  );
  return `${JSON.stringify({ ...meta, rows: records }, null, 2)}\n`;
}

/** Response headers of a download. */
export function attachmentHeaders(filename: string, contentType: string): HeadersInit {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}
