// Finds the two files of an FMTI edition — the score matrix and the indicator catalogue — by
// their header row, never by their names. Everything else in the folder (transparency reports,
// published totals, notes) is ignored.
//
// Header rule (names compared after Unicode NFKC, trimming, collapsing spaces, ignoring case):
//   - a file without an "Indicator" column is not part of the edition;
//   - every column that is not Indicator, Domain, Subdomain, Definition, Total, empty or a known
//     descriptive column (Notes, Disclosure, References, Score, Justification, Reference_1,
//     Link_2 …) names a developer;
//   - score matrix: an Indicator column and at least one developer column;
//   - indicator catalogue: Domain, Subdomain and Indicator columns and no developer column.
// Example: the May 2024 reports ("Indicator, Definition, Notes, Disclosure, References, Score,
// Justification, New disclosure?") have no developer column and no Domain, so they are ignored.
//
// Tie-break by content, only when several files pass as score matrix: a candidate whose
// "developer" columns mostly hold text rather than numbers is an indicator list with a column we
// do not know (e.g. "Category"); it is treated as a catalogue (or ignored) with a notice. If two
// or more candidates still hold scores, the edition is ambiguous and reading fails.

import { cleanDisplayText } from "../../utils/display-text";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { CsvSyntaxError, isBlankRecord, parseCsv, readCsvHeader } from "./parse-csv";

export type HeaderRole =
  | "indicator"
  | "domain"
  | "subdomain"
  | "definition"
  | "total"
  | "descriptive"
  | "blank"
  | "developer";

export type EditionFileKind = "matrix" | "indicators";

/** A CSV file of the edition folder: its path relative to the folder ("/"-separated) and text. */
export interface EditionCsvFile {
  path: string;
  text: string;
}

export interface EditionCandidate {
  file: EditionCsvFile;
  kind: EditionFileKind;
  header: string[];
  roles: HeaderRole[];
}

export interface IgnoredFile {
  path: string;
  reason: string;
}

export interface ClassifiedEditionFiles {
  matrices: EditionCandidate[];
  catalogues: EditionCandidate[];
  ignored: IgnoredFile[];
  /** Decisions of the content tie-break. */
  notices: string[];
}

const ROLE_BY_NAME: ReadonlyMap<string, HeaderRole> = new Map([
  ["indicator", "indicator"],
  ["indicators", "indicator"],
  ["indicator name", "indicator"],
  ["domain", "domain"],
  ["subdomain", "subdomain"],
  ["sub-domain", "subdomain"],
  ["sub domain", "subdomain"],
  ["definition", "definition"],
  ["indicator definition", "definition"],
  ["total", "total"],
  ["totals", "total"],
  ["total score", "total"],
  ["", "blank"],
]);

const DESCRIPTIVE_NAMES: ReadonlySet<string> = new Set([
  "notes",
  "note",
  "description",
  "comment",
  "comments",
  "disclosure",
  "disclosures",
  "new disclosure",
  "new disclosure?",
  "example disclosure",
  "reference",
  "references",
  "link",
  "links",
  "source",
  "sources",
  "url",
  "score",
  "scores",
  "justification",
]);

/** Numbered descriptive columns: Reference_1, Link 2, Source-3, URL1. */
const NUMBERED_DESCRIPTIVE = /^(?:reference|link|source|url)[ _-]?\d+$/;

/** Header and label comparison form: NFKC, no BOM, trimmed, single spaces, lower case. */
export function normaliseLabel(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/\uFEFF/g, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** Display form of a header or label: BOM removed, trimmed, inner whitespace collapsed. */
export function cleanLabel(value: string): string {
  // Developer names become vendor names: cleaned like every user-supplied name (BOMs included).
  return cleanDisplayText(value);
}

export function headerRole(header: string): HeaderRole {
  const name = normaliseLabel(header);
  const role = ROLE_BY_NAME.get(name);
  if (role) return role;
  if (DESCRIPTIVE_NAMES.has(name) || NUMBERED_DESCRIPTIVE.test(name)) return "descriptive";
  return "developer";
}

/** Classifies one header row; a string is the reason the file is not part of the edition. */
export function classifyHeader(
  header: string[],
): { kind: EditionFileKind; roles: HeaderRole[] } | string {
  const roles = header.map(headerRole);
  const count = (role: HeaderRole) => roles.filter((r) => r === role).length;
  if (count("indicator") === 0) return "no Indicator column";
  if (count("indicator") > 1) return "more than one Indicator column";
  if (count("developer") > 0) return { kind: "matrix", roles };
  if (count("domain") === 1 && count("subdomain") === 1) return { kind: "indicators", roles };
  return "neither developer columns nor Domain and Subdomain columns";
}

/** Sorts the folder's CSV files into matrix candidates, indicator catalogues and the rest. */
export function classifyEditionFiles(files: readonly EditionCsvFile[]): ClassifiedEditionFiles {
  const result: ClassifiedEditionFiles = { matrices: [], catalogues: [], ignored: [], notices: [] };
  for (const file of files) {
    let header: string[] | undefined;
    try {
      header = readCsvHeader(file.text)?.fields;
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      result.ignored.push({
        path: file.path,
        reason: `header unreadable (line ${error.line}: ${error.message})`,
      });
      continue;
    }
    if (!header) {
      result.ignored.push({ path: file.path, reason: "empty file" });
      continue;
    }
    const classified = classifyHeader(header);
    if (typeof classified === "string") {
      result.ignored.push({ path: file.path, reason: classified });
      continue;
    }
    const candidate: EditionCandidate = {
      file,
      kind: classified.kind,
      header,
      roles: classified.roles,
    };
    (classified.kind === "matrix" ? result.matrices : result.catalogues).push(candidate);
  }
  if (result.matrices.length > 1) {
    const textual = result.matrices.filter((candidate) => holdsText(candidate));
    for (const candidate of textual) {
      result.matrices.splice(result.matrices.indexOf(candidate), 1);
      const columns = candidate.header
        .filter((_, index) => candidate.roles[index] === "developer")
        .map(cleanLabel);
      const isCatalogue =
        candidate.roles.includes("domain") && candidate.roles.includes("subdomain");
      const textColumns = `its column(s) ${columns.map((c) => `"${c}"`).join(", ")} hold text, not scores`;
      if (isCatalogue) {
        result.catalogues.push({ ...candidate, kind: "indicators" });
        result.notices.push(`${candidate.file.path}: ${textColumns}; read as an indicators file`);
      } else {
        result.ignored.push({ path: candidate.file.path, reason: textColumns });
      }
    }
  }
  return result;
}

/** Share of non-empty cells in developer columns that must be non-numeric to call a candidate text. */
const TEXT_SHARE = 0.5;

/** True when most filled cells of the candidate's developer columns are not numbers. */
function holdsText(candidate: EditionCandidate): boolean {
  let records;
  try {
    records = parseCsv(candidate.file.text).slice(1);
  } catch {
    return false; // unreadable: keep it a candidate, reading it will report the line
  }
  let filled = 0;
  let text = 0;
  for (const record of records) {
    if (isBlankRecord(record)) continue;
    candidate.roles.forEach((role, index) => {
      if (role !== "developer") return;
      const value = (record.fields[index] ?? "").trim();
      if (value === "") return;
      filled++;
      if (!Number.isFinite(Number(value))) text++;
    });
  }
  return filled > 0 && text / filled > TEXT_SHARE;
}

/** Folders below the edition folder that are searched (reports/ and the like). */
const MAX_DEPTH = 4;
/** Larger files are not FMTI tables; they are skipped rather than read into memory. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export class EditionFolderError extends Error {
  constructor(
    message: string,
    readonly folder: string,
  ) {
    super(message);
    this.name = "EditionFolderError";
  }
}

/**
 * Reads every *.csv file in the folder and its subfolders (hidden entries and symbolic links
 * skipped), sorted by relative path. Files that are not valid UTF-8 or too large are returned in
 * `unreadable` with the reason, so a missing matrix can be explained.
 */
export async function readEditionFolder(
  folder: string,
): Promise<{ files: EditionCsvFile[]; unreadable: IgnoredFile[] }> {
  // The folder is the operator's own command-line argument.
  // eslint-disable-next-line security/detect-non-literal-fs-filename
  const info = await stat(folder).catch(() => null);
  if (!info) throw new EditionFolderError("edition folder not found", folder);
  if (!info.isDirectory()) throw new EditionFolderError("not a folder", folder);
  const files: EditionCsvFile[] = [];
  const unreadable: IgnoredFile[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });

  async function walk(directory: string, relative: string, depth: number): Promise<void> {
    // eslint-disable-next-line security/detect-non-literal-fs-filename
    const entries = await readdir(directory, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const absolute = path.join(directory, entry.name);
      const relativePath = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) await walk(absolute, relativePath, depth + 1);
        continue;
      }
      if (!entry.isFile() || !entry.name.toLowerCase().endsWith(".csv")) continue;
      // eslint-disable-next-line security/detect-non-literal-fs-filename
      const size = (await stat(absolute)).size;
      if (size > MAX_FILE_BYTES) {
        unreadable.push({ path: relativePath, reason: `larger than ${MAX_FILE_BYTES} bytes` });
        continue;
      }
      // eslint-disable-next-line security/detect-non-literal-fs-filename
      const bytes = await readFile(absolute);
      try {
        files.push({ path: relativePath, text: decoder.decode(bytes) });
      } catch {
        unreadable.push({ path: relativePath, reason: "not UTF-8 text" });
      }
    }
  }

  await walk(folder, "", 0);
  const byPath = (a: { path: string }, b: { path: string }) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  return { files: files.sort(byPath), unreadable: unreadable.sort(byPath) };
}
