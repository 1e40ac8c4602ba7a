import { BodyTooLargeError, limitedBody } from "./limited-body.server";

/**
 * Reads a multipart/form-data upload of one file and a few short text fields (/verify, evidence).
 * Remix's streaming parser searches for the boundary byte by byte in JavaScript: about a second
 * of the event loop per 25 MB, which let an anonymous client stall every request (issue 11). Here
 * the body is collected (counted against `maxBodyBytes` while it streams) and split with
 * Buffer#indexOf, a native search: a few milliseconds for the same file. Parts, headers and text
 * fields are bounded; quoted parameters may contain ";" and "=".
 */
export class UploadTooLargeError extends Error {}
export class UnreadableUploadError extends Error {}

export interface FileUpload {
  /** Text fields by name (the first value of each). */
  fields: Map<string, string>;
  /**
   * The file field's file. `bytes` is a view into a buffer this upload allocated for itself (not
   * Node's shared pool): it can be moved to a worker without a copy.
   */
  file: { name: string; bytes: Uint8Array<ArrayBuffer> } | null;
}

export interface FileUploadLimits {
  fileField: string;
  maxFileBytes: number;
  /** The whole body: the file plus boundaries, part headers and the other fields. */
  maxBodyBytes: number;
}

const MAX_PARTS = 16;
const MAX_PART_HEADER_BYTES = 8 * 1024;
const MAX_TEXT_FIELD_BYTES = 64 * 1024;

export async function readFileUpload(request: Request, limits: FileUploadLimits): Promise<FileUpload> {
  const boundary = boundaryOf(request.headers.get("Content-Type") ?? "");
  if (!boundary || !request.body) throw new UnreadableUploadError("not multipart/form-data");
  const body = await collect(request, limits.maxBodyBytes);
  return parseParts(body, boundary, limits);
}

/** The boundary parameter of a multipart/form-data Content-Type (RFC 2046: 1–70 characters). */
function boundaryOf(contentType: string): string | null {
  const [type, ...params] = splitParameters(contentType);
  if (type?.toLowerCase() !== "multipart/form-data") return null;
  const boundary = params.map(parameter).find((p) => p?.name === "boundary")?.value ?? null;
  return boundary && boundary.length >= 1 && boundary.length <= 70 ? boundary : null;
}

/**
 * The body in one buffer of its own, copied once from the socket's chunks: sized by a declared
 * Content-Length, grown by doubling otherwise (allocUnsafeSlow: never Node's shared pool).
 */
async function collect(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (declared > maxBytes) throw new UploadTooLargeError("declared body too large");
  const sized = Number.isSafeInteger(declared) && declared >= 0;
  let buffer = Buffer.allocUnsafeSlow(sized ? declared : 64 * 1024);
  let length = 0;
  const reader = limitedBody(request.body!, maxBytes).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.byteLength > buffer.length) {
        if (sized) throw new UnreadableUploadError("the body is longer than its Content-Length");
        const grown = Buffer.allocUnsafeSlow(Math.min(maxBytes, Math.max(2 * buffer.length, length + value.byteLength)));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      buffer.set(value, length);
      length += value.byteLength;
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new UploadTooLargeError("body too large");
    if (error instanceof UnreadableUploadError) throw error;
    throw new UnreadableUploadError("the body could not be read");
  }
  return buffer.subarray(0, length);
}

function parseParts(body: Buffer, boundary: string, limits: FileUploadLimits): FileUpload {
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  const next = Buffer.from(`\r\n--${boundary}`, "latin1");
  const fields = new Map<string, string>();
  let file: FileUpload["file"] = null;
  // A preamble before the first delimiter is allowed (and ignored).
  let at = body.indexOf(delimiter);
  if (at < 0) throw new UnreadableUploadError("no boundary");
  at += delimiter.length;
  for (let parts = 0; ; parts++) {
    if (body[at] === 0x2d && body[at + 1] === 0x2d) break; // "--": the closing delimiter
    if (parts >= MAX_PARTS) throw new UnreadableUploadError("too many parts");
    // Transport padding (spaces, tabs) may follow a delimiter, then CRLF.
    while (body[at] === 0x20 || body[at] === 0x09) at++;
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) throw new UnreadableUploadError("a delimiter without a line break");
    const headerStart = at + 2;
    const headerEnd = body.indexOf("\r\n\r\n", headerStart);
    if (headerEnd < 0 || headerEnd - headerStart > MAX_PART_HEADER_BYTES) throw new UnreadableUploadError("part headers missing or too long");
    const disposition = contentDisposition(body.toString("utf8", headerStart, headerEnd));
    const contentStart = headerEnd + 4;
    const contentEnd = body.indexOf(next, contentStart);
    if (contentEnd < 0) throw new UnreadableUploadError("a part without its closing boundary");
    const length = contentEnd - contentStart;
    if (disposition.filename !== undefined) {
      if (disposition.name === limits.fileField && file === null) {
        if (length > limits.maxFileBytes) throw new UploadTooLargeError("file too large");
        const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset + contentStart, length);
        // Only the base name (RFC 7578 §4.2): a path says nothing about the file.
        file = { name: disposition.filename.split(/[/\\]/).pop() ?? "", bytes };
      }
    } else {
      if (length > MAX_TEXT_FIELD_BYTES) throw new UnreadableUploadError("a text field is too long");
      if (!fields.has(disposition.name)) fields.set(disposition.name, body.toString("utf8", contentStart, contentEnd));
    }
    at = contentEnd + next.length;
  }
  return { fields, file };
}

/** name and filename of a part's Content-Disposition: form-data header. */
function contentDisposition(headers: string): { name: string; filename?: string } {
  for (const line of headers.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== "content-disposition") continue;
    const [type, ...params] = splitParameters(line.slice(colon + 1));
    if (type?.toLowerCase() !== "form-data") break;
    const values = new Map(params.map(parameter).flatMap((p) => (p ? [[p.name, p.value] as const] : [])));
    const name = values.get("name");
    if (name === undefined) break;
    const filename = values.get("filename");
    return filename === undefined ? { name } : { name, filename };
  }
  throw new UnreadableUploadError("a part without Content-Disposition: form-data; name=…");
}

/** Splits "a; b=\"x;y\"; c" at the semicolons outside quoted strings. */
function splitParameters(header: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i]!;
    if (quoted && c === "\\" && i + 1 < header.length) {
      current += c + header[i + 1];
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ";" && !quoted) {
      out.push(current.trim());
      current = "";
    } else current += c;
  }
  out.push(current.trim());
  return out;
}

/** `name=value` or `name="quoted value"`; browsers write a quote in a file name as %22 (older ones as \"). */
function parameter(text: string | undefined): { name: string; value: string } | null {
  if (!text) return null;
  const equals = text.indexOf("=");
  if (equals <= 0) return null;
  const name = text.slice(0, equals).trim().toLowerCase();
  const raw = text.slice(equals + 1).trim();
  if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) {
    return { name, value: raw.slice(1, -1).replaceAll('\\"', '"').replaceAll("%22", '"') };
  }
  return { name, value: raw };
}
