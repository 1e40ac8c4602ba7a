// Reads one FMTI edition (a folder of CSV files) into developers × indicators scores with the
// indicators' domain, subdomain and definition. Written for any edition, not one: the files are
// found by their headers (find-edition-files.ts), a "Total" row or column is recognised and never
// counted, and indicator names may differ between the score matrix and the catalogue.
// Anything that cannot be read is an FmtiReadError naming the file and, where there is one, the line.
//
// Joining the matrix with the indicator catalogue (not needed when the matrix carries Domain and
// Subdomain itself; then the catalogue only adds definitions when it can be joined):
//   1. by name, when every matrix indicator matches exactly one catalogue indicator (names compared
//      ignoring case, punctuation and spacing, so "Third-party x" = "Third party x");
//   2. otherwise by position, when both list the same number of indicators and no indicator appears
//      at another position in the other file (that would be a reordering, not a renaming) —
//      a notice lists the names that differ; the catalogue's names are used;
//   3. otherwise an error.

import path from "node:path";
import {
  classifyEditionFiles,
  cleanLabel,
  EditionFolderError,
  normaliseLabel,
  readEditionFolder,
  type EditionCandidate,
  type EditionCsvFile,
  type IgnoredFile,
} from "./find-edition-files";
import { CsvSyntaxError, isBlankRecord, parseCsv, type CsvRecord } from "./parse-csv";

export interface FmtiIndicator {
  domain: string;
  subdomain: string;
  name: string;
  definition?: string;
}

export interface FmtiEdition {
  /** Developer labels as the score matrix writes them (trimmed), in its column order. */
  developers: string[];
  /** In score-matrix row order. */
  indicators: FmtiIndicator[];
  /** scores[indicator][developer] ∈ {0, 1} — the matrix's own orientation. */
  scores: number[][];
  /** What the reader noticed and decided (files used, joins by position, Total mismatches …). */
  notices: string[];
  /** Paths of the files used, relative to the edition folder. */
  files: { matrix: string; indicators: string | null };
}

export type FmtiReadErrorCode =
  | "FOLDER"
  | "NO_MATRIX"
  | "AMBIGUOUS_MATRIX"
  | "NO_INDICATORS"
  | "AMBIGUOUS_INDICATORS"
  | "CSV_SYNTAX"
  | "RAGGED_ROW"
  | "BAD_HEADER"
  | "BAD_SCORE"
  | "MISSING_VALUE"
  | "NO_ROWS"
  | "JOIN";

/** Why an edition cannot be read; `file` and `line` say where (either may be null). */
export class FmtiReadError extends Error {
  constructor(
    readonly code: FmtiReadErrorCode,
    readonly detail: string,
    readonly file: string | null,
    readonly line: number | null,
  ) {
    super(`${file ?? "(edition)"}${line !== null ? `:${line}` : ""}: ${detail}`);
    this.name = "FmtiReadError";
  }

  /** The same error with `file` shown under `folder`. */
  inFolder(folder: string): FmtiReadError {
    return new FmtiReadError(
      this.code,
      this.detail,
      this.file === null ? folder : path.join(folder, this.file),
      this.line,
    );
  }
}

const TOTAL_LABELS: ReadonlySet<string> = new Set(["total", "totals", "total score"]);
const MAX_LISTED = 10;

/** "0" or "1" (also written "0.0" / "1.00"); null for anything else. */
function parseScore(raw: string): number | null {
  if (raw === "0" || raw === "1") return Number(raw);
  if (/^[01]\.0+$/.test(raw)) return Number(raw[0]);
  return null;
}

function isTotalLabel(value: string | undefined): boolean {
  return value !== undefined && TOTAL_LABELS.has(normaliseLabel(value));
}

/** Comparison key for indicator names: case, punctuation and spacing do not matter. */
export function indicatorKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

interface Table {
  file: string;
  header: CsvRecord;
  rows: CsvRecord[];
}

/** Parses a candidate file completely: blank lines skipped, every row as wide as the header. */
function readTable(candidate: EditionCandidate): Table {
  const file = candidate.file.path;
  let records: CsvRecord[];
  try {
    records = parseCsv(candidate.file.text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new FmtiReadError("CSV_SYNTAX", error.message, file, error.line);
    throw error;
  }
  const [header, ...rest] = records;
  if (!header) throw new FmtiReadError("NO_ROWS", "the file is empty", file, null);
  const rows = rest.filter((record) => !isBlankRecord(record));
  for (const row of rows) {
    if (row.fields.length !== header.fields.length) {
      throw new FmtiReadError(
        "RAGGED_ROW",
        `row has ${row.fields.length} fields but the header (line ${header.line}) has ${header.fields.length}`,
        file,
        row.line,
      );
    }
  }
  return { file, header, rows };
}

function columnsWith(candidate: EditionCandidate, role: string): number[] {
  return candidate.roles.flatMap((r, index) => (r === role ? [index] : []));
}

function cell(record: CsvRecord, index: number | undefined): string | undefined {
  return index === undefined ? undefined : cleanLabel(record.fields[index] ?? "");
}

interface MatrixRow {
  line: number;
  name: string;
  domain?: string;
  subdomain?: string;
  definition?: string;
  scores: number[];
}

interface Matrix {
  file: string;
  developers: string[];
  rows: MatrixRow[];
  carriesDomains: boolean;
}

function readMatrix(candidate: EditionCandidate, notices: string[]): Matrix {
  const table = readTable(candidate);
  const { file, header } = table;
  const developerColumns = columnsWith(candidate, "developer");
  const developers = developerColumns.map((index) => cleanLabel(header.fields[index] ?? ""));
  const seen = new Map<string, number>();
  developers.forEach((developer, position) => {
    const key = normaliseLabel(developer);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new FmtiReadError(
        "BAD_HEADER",
        `developer "${developer}" appears twice (columns ${developerColumns[earlier]! + 1} and ${developerColumns[position]! + 1})`,
        file,
        header.line,
      );
    }
    seen.set(key, position);
  });
  for (const index of columnsWith(candidate, "blank")) {
    const used = table.rows.find((row) => (row.fields[index] ?? "").trim() !== "");
    if (used)
      throw new FmtiReadError(
        "BAD_HEADER",
        `column ${index + 1} has values but no header`,
        file,
        used.line,
      );
  }

  const indicatorColumn = columnsWith(candidate, "indicator")[0];
  const domainColumn = columnsWith(candidate, "domain")[0];
  const subdomainColumn = columnsWith(candidate, "subdomain")[0];
  const definitionColumn = columnsWith(candidate, "definition")[0];
  const totalColumn = columnsWith(candidate, "total")[0];
  const carriesDomains = domainColumn !== undefined && subdomainColumn !== undefined;

  const rows: MatrixRow[] = [];
  let totalRow: CsvRecord | undefined;
  const totalColumnMismatches: string[] = [];
  for (const record of table.rows) {
    const name = cell(record, indicatorColumn) ?? "";
    const domain = cell(record, domainColumn);
    const subdomain = cell(record, subdomainColumn);
    if (isTotalLabel(name) || (name === "" && (isTotalLabel(domain) || isTotalLabel(subdomain)))) {
      if (totalRow) {
        throw new FmtiReadError(
          "BAD_HEADER",
          `a second Total row (the first is on line ${totalRow.line})`,
          file,
          record.line,
        );
      }
      totalRow = record;
      continue;
    }
    if (name === "")
      throw new FmtiReadError("MISSING_VALUE", "the Indicator cell is empty", file, record.line);
    if (carriesDomains && !domain)
      throw new FmtiReadError(
        "MISSING_VALUE",
        `indicator "${name}" has no Domain`,
        file,
        record.line,
      );
    if (carriesDomains && !subdomain)
      throw new FmtiReadError(
        "MISSING_VALUE",
        `indicator "${name}" has no Subdomain`,
        file,
        record.line,
      );
    const scores = developerColumns.map((index, position) => {
      const raw = (record.fields[index] ?? "").trim();
      const score = parseScore(raw);
      if (score === null) {
        const what = raw === "" ? "no score" : `score ${JSON.stringify(raw)} is not 0 or 1`;
        throw new FmtiReadError(
          "BAD_SCORE",
          `${what} for developer "${developers[position]}" (column ${index + 1}), indicator "${name}"`,
          file,
          record.line,
        );
      }
      return score;
    });
    if (totalColumn !== undefined) {
      const stated = (record.fields[totalColumn] ?? "").trim();
      const counted = scores.reduce((sum, score) => sum + score, 0);
      if (stated !== "" && Number(stated) !== counted) {
        totalColumnMismatches.push(`line ${record.line} says ${stated}, counted ${counted}`);
      }
    }
    const definition = cell(record, definitionColumn);
    rows.push({
      line: record.line,
      name,
      ...(carriesDomains ? { domain, subdomain } : {}),
      ...(definition ? { definition } : {}),
      scores,
    });
  }
  if (rows.length === 0)
    throw new FmtiReadError("NO_ROWS", "the score matrix has no indicator rows", file, header.line);

  const totalHeader =
    totalColumn !== undefined ? `"${cleanLabel(header.fields[totalColumn] ?? "")}" column` : null;
  if (totalRow) {
    const mismatches = developerColumns.flatMap((index, position) => {
      const stated = (totalRow.fields[index] ?? "").trim();
      const counted = rows.reduce((sum, row) => sum + row.scores[position]!, 0);
      return stated !== "" && Number(stated) !== counted
        ? [`${developers[position]} ${stated} (counted ${counted})`]
        : [];
    });
    notices.push(`${file}: Total row on line ${totalRow.line} not counted as an indicator`);
    if (mismatches.length > 0) {
      notices.push(
        `${file}: the Total row on line ${totalRow.line} disagrees with the indicators for ${mismatches.join(", ")}; the counted totals are used`,
      );
    }
  }
  if (totalHeader) notices.push(`${file}: ${totalHeader} not counted as a developer`);
  if (totalColumnMismatches.length > 0) {
    notices.push(
      `${file}: the ${totalHeader} disagrees with the scores on ${listed(totalColumnMismatches)}`,
    );
  }
  return { file, developers, rows, carriesDomains };
}

interface CatalogueRow {
  line: number;
  domain: string;
  subdomain: string;
  name: string;
  definition?: string;
}

function readCatalogue(candidate: EditionCandidate): { file: string; rows: CatalogueRow[] } {
  const table = readTable(candidate);
  const { file } = table;
  const indicatorColumn = columnsWith(candidate, "indicator")[0];
  const domainColumn = columnsWith(candidate, "domain")[0];
  const subdomainColumn = columnsWith(candidate, "subdomain")[0];
  const definitionColumn = columnsWith(candidate, "definition")[0];
  const rows: CatalogueRow[] = [];
  for (const record of table.rows) {
    const name = cell(record, indicatorColumn) ?? "";
    const domain = cell(record, domainColumn) ?? "";
    const subdomain = cell(record, subdomainColumn) ?? "";
    if (isTotalLabel(name) || (name === "" && (isTotalLabel(domain) || isTotalLabel(subdomain))))
      continue;
    if (name === "")
      throw new FmtiReadError("MISSING_VALUE", "the Indicator cell is empty", file, record.line);
    if (domain === "")
      throw new FmtiReadError(
        "MISSING_VALUE",
        `indicator "${name}" has no Domain`,
        file,
        record.line,
      );
    if (subdomain === "")
      throw new FmtiReadError(
        "MISSING_VALUE",
        `indicator "${name}" has no Subdomain`,
        file,
        record.line,
      );
    const definition = cell(record, definitionColumn);
    rows.push({
      line: record.line,
      domain,
      subdomain,
      name,
      ...(definition ? { definition } : {}),
    });
  }
  if (rows.length === 0)
    throw new FmtiReadError(
      "NO_ROWS",
      "the indicators file has no indicator rows",
      file,
      table.header.line,
    );
  return { file, rows };
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, MAX_LISTED).join("; ");
  return items.length > MAX_LISTED ? `${shown}; … and ${items.length - MAX_LISTED} more` : shown;
}

function uniqueKeys(names: readonly string[]): Map<string, number> | null {
  const positions = new Map<string, number>();
  for (const [index, name] of names.entries()) {
    const key = indicatorKey(name);
    if (positions.has(key)) return null;
    positions.set(key, index);
  }
  return positions;
}

/** For every matrix row, the catalogue row it describes (see the join rules at the top). */
function joinCatalogue(
  matrix: Matrix,
  catalogue: { file: string; rows: CatalogueRow[] },
  notices: string[],
): CatalogueRow[] {
  const matrixKeys = matrix.rows.map((row) => indicatorKey(row.name));
  const cataloguePositions = uniqueKeys(catalogue.rows.map((row) => row.name));
  const matrixUnique = uniqueKeys(matrix.rows.map((row) => row.name)) !== null;
  if (
    cataloguePositions &&
    matrixUnique &&
    matrixKeys.every((key) => cataloguePositions.has(key))
  ) {
    const joined = matrixKeys.map((key) => catalogue.rows[cataloguePositions.get(key)!]!);
    const used = new Set(joined);
    const extra = catalogue.rows
      .filter((row) => !used.has(row))
      .map((row) => `"${row.name}" (line ${row.line})`);
    if (extra.length > 0) {
      notices.push(
        `${catalogue.file}: ${extra.length} indicator(s) not in the score matrix, ignored: ${listed(extra)}`,
      );
    }
    return joined;
  }

  const counts = `${matrix.file} lists ${matrix.rows.length} indicators, ${catalogue.file} lists ${catalogue.rows.length}`;
  if (matrix.rows.length !== catalogue.rows.length) {
    const missing = matrix.rows.find((row) => !cataloguePositions?.has(indicatorKey(row.name)));
    throw new FmtiReadError(
      "JOIN",
      `cannot join the score matrix with the indicators file: ${counts}` +
        (missing
          ? `, and "${missing.name}" (line ${missing.line}) is not in ${catalogue.file}`
          : ""),
      matrix.file,
      missing?.line ?? null,
    );
  }
  const catalogueKeys = catalogue.rows.map((row) => indicatorKey(row.name));
  const differing: string[] = [];
  matrix.rows.forEach((row, index) => {
    const other = catalogue.rows[index]!;
    if (matrixKeys[index] === catalogueKeys[index]) return;
    const elsewhere = catalogueKeys.indexOf(matrixKeys[index]!);
    if (elsewhere !== -1) {
      throw new FmtiReadError(
        "JOIN",
        `cannot join by position: "${row.name}" is indicator ${index + 1} of ${matrix.file} but indicator ${elsewhere + 1} of ${catalogue.file} (line ${catalogue.rows[elsewhere]!.line}); the files list the indicators in a different order`,
        matrix.file,
        row.line,
      );
    }
    differing.push(
      `#${index + 1} "${row.name}" (${matrix.file} line ${row.line}) ↔ "${other.name}" (${catalogue.file} line ${other.line})`,
    );
  });
  notices.push(
    `indicator names differ in ${differing.length} of ${matrix.rows.length} rows between ${matrix.file} and ${catalogue.file}; ` +
      `joined by position (both list ${matrix.rows.length} indicators), using the names of ${catalogue.file}: ${listed(differing)}`,
  );
  return catalogue.rows;
}

function describeIgnored(ignored: readonly IgnoredFile[]): string {
  if (ignored.length === 0) return "the folder holds no CSV files";
  return `looked at ${ignored.length} CSV file(s): ${listed(ignored.map((f) => `${f.path} (${f.reason})`))}`;
}

/**
 * Reads an edition from its CSV files (paths relative to the edition folder). Pure: no file
 * system. Throws FmtiReadError.
 */
export function parseFmtiEdition(
  files: readonly EditionCsvFile[],
  unreadable: readonly IgnoredFile[] = [],
): FmtiEdition {
  const notices: string[] = [];
  const { matrices, catalogues, ignored, notices: classifyNotices } = classifyEditionFiles(files);
  notices.push(...classifyNotices);
  const skipped = [...unreadable, ...ignored];
  if (matrices.length === 0) {
    throw new FmtiReadError(
      "NO_MATRIX",
      `no score matrix found (a CSV with an Indicator column and one column per developer); ${describeIgnored(skipped)}`,
      null,
      null,
    );
  }
  if (matrices.length > 1) {
    throw new FmtiReadError(
      "AMBIGUOUS_MATRIX",
      `${matrices.length} files look like the score matrix: ${matrices.map((m) => m.file.path).join(", ")}; keep only one in the edition folder`,
      null,
      null,
    );
  }
  const matrix = readMatrix(matrices[0]!, notices);

  let catalogue: { file: string; rows: CatalogueRow[] } | null = null;
  let joined: CatalogueRow[] | null = null;
  if (matrix.carriesDomains) {
    if (catalogues.length === 1) {
      try {
        catalogue = readCatalogue(catalogues[0]!);
        joined = joinCatalogue(matrix, catalogue, notices);
      } catch (error) {
        if (!(error instanceof FmtiReadError)) throw error;
        notices.push(
          `the score matrix carries Domain and Subdomain; the indicators file is not used (${error.message})`,
        );
        catalogue = null;
      }
    } else if (catalogues.length > 1) {
      notices.push(
        `the score matrix carries Domain and Subdomain; ${catalogues.length} indicator files found, none used: ${catalogues.map((c) => c.file.path).join(", ")}`,
      );
    }
  } else {
    if (catalogues.length === 0) {
      throw new FmtiReadError(
        "NO_INDICATORS",
        `${matrix.file} has no Domain and Subdomain columns and no indicators file (a CSV with Domain, Subdomain and Indicator columns) was found; ${describeIgnored(skipped)}`,
        null,
        null,
      );
    }
    if (catalogues.length > 1) {
      throw new FmtiReadError(
        "AMBIGUOUS_INDICATORS",
        `${catalogues.length} files look like the indicators file: ${catalogues.map((c) => c.file.path).join(", ")}; keep only one in the edition folder`,
        null,
        null,
      );
    }
    catalogue = readCatalogue(catalogues[0]!);
    joined = joinCatalogue(matrix, catalogue, notices);
  }

  const indicators: FmtiIndicator[] = matrix.rows.map((row, index) => {
    const described = joined?.[index];
    const definition = described?.definition ?? row.definition;
    return {
      domain: matrix.carriesDomains ? row.domain! : described!.domain,
      subdomain: matrix.carriesDomains ? row.subdomain! : described!.subdomain,
      name: described?.name ?? row.name,
      ...(definition ? { definition } : {}),
    };
  });
  notices.unshift(
    `score matrix: ${matrix.file} (${matrix.developers.length} developers, ${indicators.length} indicators)` +
      (catalogue ? `; indicators: ${catalogue.file}` : "; domains and subdomains from the matrix") +
      (skipped.length > 0 ? `; ${skipped.length} other CSV file(s) ignored` : ""),
  );
  return {
    developers: matrix.developers,
    indicators,
    scores: matrix.rows.map((row) => row.scores),
    notices,
    files: { matrix: matrix.file, indicators: catalogue?.file ?? null },
  };
}

/** Reads the edition in `folder` (see parseFmtiEdition); errors name files under `folder`. */
export async function readFmtiEdition(folder: string): Promise<FmtiEdition> {
  try {
    const { files, unreadable } = await readEditionFolder(folder);
    return parseFmtiEdition(files, unreadable);
  } catch (error) {
    if (error instanceof FmtiReadError) throw error.inFolder(folder);
    if (error instanceof EditionFolderError)
      throw new FmtiReadError("FOLDER", error.message, folder, null);
    throw error;
  }
}
