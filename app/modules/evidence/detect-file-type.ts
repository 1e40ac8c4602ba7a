// Decides what an uploaded evidence file is from its bytes (magic numbers and container
// structure), never from its name or the browser's Content-Type: both are chosen by the
// uploader. The name only has to agree with the content, so a PNG called "report.pdf" or an HTML
// page called "page.html" is refused instead of being handed to an assessor under a misleading
// name. Pure: no I/O, works in the browser too.

export const EVIDENCE_KINDS = ["pdf", "png", "jpeg", "docx", "xlsx", "txt"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface DetectedType {
  kind: EvidenceKind;
  contentType: string;
  /** The canonical extension (without dot), used when the upload's name has none. */
  extension: string;
}

/** Why a file was refused: a code the UI translates, and an English message for logs and APIs. */
export type RejectCode =
  | "empty"
  | "executable"
  | "name_mismatch"
  | "extension_not_accepted"
  | "zip_archive"
  | "other_office_format"
  | "macros"
  | "damaged"
  | "unsupported";

export interface Rejection {
  code: RejectCode;
  /** English, for logs and API clients; the UI translates `code` with `params`. */
  message: string;
  /** extension: the name's; expected/actual: EvidenceKind values. */
  params: Record<string, string>;
}

export type DetectResult = { ok: true; type: DetectedType } | { ok: false; rejection: Rejection };

const TYPES: Record<EvidenceKind, DetectedType & { label: string; extensions: readonly string[] }> =
  {
    pdf: {
      kind: "pdf",
      contentType: "application/pdf",
      extension: "pdf",
      label: "PDF",
      extensions: ["pdf"],
    },
    png: {
      kind: "png",
      contentType: "image/png",
      extension: "png",
      label: "PNG image",
      extensions: ["png"],
    },
    jpeg: {
      kind: "jpeg",
      contentType: "image/jpeg",
      extension: "jpg",
      label: "JPEG image",
      extensions: ["jpg", "jpeg", "jpe"],
    },
    docx: {
      kind: "docx",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      extension: "docx",
      label: "Word document (DOCX)",
      extensions: ["docx"],
    },
    xlsx: {
      kind: "xlsx",
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      extension: "xlsx",
      label: "Excel workbook (XLSX)",
      extensions: ["xlsx"],
    },
    txt: {
      kind: "txt",
      contentType: "text/plain; charset=utf-8",
      extension: "txt",
      label: "text file",
      extensions: ["txt", "text", "csv", "log", "md"],
    },
  };

/** Human label of a kind ("PDF", "PNG image", …), for messages. */
export function kindLabel(kind: EvidenceKind): string {
  return TYPES[kind].label;
}

/** The Content-Type a stored file of this kind is served with. */
export function contentTypeOf(kind: EvidenceKind): string {
  return TYPES[kind].contentType;
}

const EXECUTABLE_EXTENSIONS = new Set([
  "exe",
  "dll",
  "com",
  "scr",
  "msi",
  "bat",
  "cmd",
  "ps1",
  "sh",
  "bash",
  "vbs",
  "js",
  "jar",
  "app",
  "dmg",
  "apk",
  "elf",
  "bin",
  "so",
  "dylib",
]);

function reject(
  code: RejectCode,
  message: string,
  params: Record<string, string> = {},
): DetectResult {
  return { ok: false, rejection: { code, message, params } };
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Lower-case extension of a file name ("" when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot <= 0 || dot === base.length - 1) return "";
  return base.slice(dot + 1).toLowerCase();
}

function isExecutable(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, ascii("MZ")) || // Windows PE / DOS
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || // Mach-O
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]) || // Mach-O fat binary / Java class
    startsWith(bytes, ascii("#!")) // scripts with an interpreter line
  );
}

// ---------------------------------------------------------------------------------------------
// ZIP containers (DOCX, XLSX)
// ---------------------------------------------------------------------------------------------

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const CENTRAL_HEADER = [0x50, 0x4b, 0x01, 0x02];
const END_OF_CENTRAL_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
const MAX_ZIP_ENTRIES = 20_000;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) + u16(b, at + 2) * 0x10000) >>> 0;

function decodeName(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

/** Entry names from the central directory, or null when the archive is not readable. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end record is 22 bytes plus a comment of up to 65535 bytes at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (startsWith(bytes, END_OF_CENTRAL_DIRECTORY, at)) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const directoryOffset = u32(bytes, eocd + 16);
  if (count > MAX_ZIP_ENTRIES || directoryOffset >= bytes.length) return null;
  const names: string[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (!startsWith(bytes, CENTRAL_HEADER, at)) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > bytes.length) return null;
    names.push(decodeName(bytes.subarray(at + 46, nameEnd)));
    at = nameEnd + extraLength + commentLength;
  }
  return names;
}

function detectZip(bytes: Uint8Array): DetectResult {
  const names = zipEntryNames(bytes);
  if (!names)
    return reject("damaged", "the file looks like a ZIP container but is damaged or incomplete");
  const has = (name: string) => names.includes(name);
  const under = (prefix: string) => names.some((n) => n.startsWith(prefix));
  const ooxml = has("[Content_Types].xml");
  const word = under("word/");
  const excel = under("xl/");
  if (!ooxml)
    return reject("zip_archive", "ZIP archives are not accepted: upload the documents themselves");
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) {
    return reject(
      "macros",
      "documents with macros are not accepted: save it as a plain DOCX or XLSX",
    );
  }
  if (word && !excel) return { ok: true, type: pick("docx") };
  if (excel && !word) return { ok: true, type: pick("xlsx") };
  return reject(
    "other_office_format",
    "only Word (DOCX) and Excel (XLSX) documents are accepted, not other Office formats",
  );
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

function isPlainText(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    // Control characters other than tab, line feed and carriage return (NUL included).
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f)
      return false;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function pick(kind: EvidenceKind): DetectedType {
  const { contentType, extension } = TYPES[kind];
  return { kind, contentType, extension };
}

function detectContent(bytes: Uint8Array): DetectResult {
  if (bytes.length === 0) return reject("empty", "the file is empty");
  if (isExecutable(bytes)) return reject("executable", "executables and scripts are not accepted");
  if (startsWith(bytes, ascii("%PDF-"))) return { ok: true, type: pick("pdf") };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { ok: true, type: pick("png") };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, type: pick("jpeg") };
  if (startsWith(bytes, LOCAL_HEADER)) return detectZip(bytes);
  if (isPlainText(bytes)) return { ok: true, type: pick("txt") };
  return reject(
    "unsupported",
    "this type of file is not accepted: upload a PDF, PNG, JPEG, DOCX, XLSX or TXT file",
  );
}

const ACCEPTED_EXTENSIONS = new Map<string, EvidenceKind>(
  EVIDENCE_KINDS.flatMap((kind) => TYPES[kind].extensions.map((ext) => [ext, kind] as const)),
);

/**
 * Detects the type of an upload from its content and checks that its name does not claim
 * something else. A name without an extension is fine (the canonical one is added on storage).
 */
export function detectFileType(bytes: Uint8Array, fileName: string): DetectResult {
  const detected = detectContent(bytes);
  const extension = extensionOf(fileName);
  if (!detected.ok) {
    if (detected.rejection.code === "unsupported" && EXECUTABLE_EXTENSIONS.has(extension)) {
      return reject("executable", "executables and scripts are not accepted");
    }
    const claimed = ACCEPTED_EXTENSIONS.get(extension);
    // "a file named .pdf that is not a PDF" explains more than "unsupported" does.
    if (
      claimed &&
      (detected.rejection.code === "unsupported" || detected.rejection.code === "zip_archive")
    ) {
      return reject(
        "name_mismatch",
        `a file named .${extension} that is not a ${TYPES[claimed].label}`,
        { extension, expected: claimed },
      );
    }
    return detected;
  }
  if (extension === "") return detected;
  if (EXECUTABLE_EXTENSIONS.has(extension))
    return reject("executable", "executables and scripts are not accepted");
  const claimed = ACCEPTED_EXTENSIONS.get(extension);
  if (!claimed) {
    return reject(
      "extension_not_accepted",
      `files named .${extension} are not accepted: upload a PDF, PNG, JPEG, DOCX, XLSX or TXT file`,
      {
        extension,
      },
    );
  }
  if (claimed !== detected.type.kind) {
    return reject(
      "name_mismatch",
      `a file named .${extension} that is not a ${TYPES[claimed].label} (its content is a ${TYPES[detected.type.kind].label})`,
      { extension, expected: claimed, actual: detected.type.kind },
    );
  }
  return detected;
}
