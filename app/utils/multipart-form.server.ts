import { fileNameOf, parseHeaderValue } from "./header-parameters";
import { limitedBody } from "./limited-body.server";

/**
 * Our one multipart/form-data reader (evidence uploads, /verify, template import, signing
 * certificates). Not Remix's unstable_parseMultipartFormData, for two reasons (issue 11):
 *   - it splits part headers on every `;` and `=`, so `a;b.pdf` or `x=1.pdf` was a 400, and it
 *     refused RFC 5987 `filename*`, unquoted names and non-UTF-8 bytes (so does Node's formData());
 *   - it searches for the boundary byte by byte in JavaScript: about a second of the event loop
 *     per 25 MB. Here the body, counted against its limit while it streams, is split with
 *     Buffer#indexOf, a native search: a few milliseconds for the same body.
 * Parts and part headers are bounded. file-upload.server.ts reads single-file uploads with it.
 */

/** The body is not a readable multipart/form-data body (the route answers 400). */
export class MultipartError extends Error {}

/** More parts than any of our forms has (a file and a few fields): refuse instead of looping. */
const MAX_PARTS = 100;
/** RFC 2046 §5.1.1: a boundary is 1 to 70 characters. */
const MAX_BOUNDARY_CHARS = 70;
const MAX_PART_HEADER_BYTES = 8 * 1024;

const CRLF = Buffer.from("\r\n", "latin1");
const HEADER_END = Buffer.from("\r\n\r\n", "latin1");

export interface MultipartPart {
  name: string;
  /** undefined for a text field; "" for a file input left empty. */
  fileName: string | undefined;
  contentType: string;
  /** A view into the body: no copy. */
  content: Buffer;
}

/** The boundary of a multipart/form-data Content-Type, or null when it is not one. */
export function multipartBoundary(contentType: string): string | null {
  const { type, params } = parseHeaderValue(contentType);
  const boundary = params.get("boundary") ?? "";
  return type === "multipart/form-data" && boundary !== "" && boundary.length <= MAX_BOUNDARY_CHARS
    ? boundary
    : null;
}

export async function readMultipartForm(request: Request, maxBodyBytes: number): Promise<FormData> {
  const boundary = multipartBoundary(request.headers.get("Content-Type") ?? "");
  if (boundary === null || !request.body)
    throw new MultipartError("not a multipart/form-data body");
  const body = await readAll(limitedBody(request.body, maxBodyBytes));
  return parseMultipartBody(body, boundary);
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    // A body over the limit rejects here with BodyTooLargeError.
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    chunks.push(value);
  }
}

/** Splits a complete multipart body into fields (strings) and files (File with the sent name). */
export function parseMultipartBody(body: Buffer, boundary: string): FormData {
  const form = new FormData();
  for (const part of splitMultipart(body, boundary)) {
    if (part.fileName === undefined) form.append(part.name, new TextDecoder().decode(part.content));
    // File copies the bytes out of the body.
    else
      form.append(
        part.name,
        new File([part.content as Uint8Array<ArrayBuffer>], part.fileName, {
          type: part.contentType || "application/octet-stream",
        }),
      );
  }
  return form;
}

/** The parts of a complete multipart body, in order; throws MultipartError on malformed framing. */
export function* splitMultipart(
  body: Buffer,
  boundary: string,
  maxParts = MAX_PARTS,
): Generator<MultipartPart> {
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  const nextDelimiter = Buffer.concat([CRLF, delimiter]);
  // The first delimiter opens the body, or follows a preamble and a line break.
  let pos = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(nextDelimiter);
  if (pos === -1) throw new MultipartError("no boundary in the body");
  if (pos > 0) pos += CRLF.length;
  pos += delimiter.length;
  for (let parts = 0; ; parts += 1) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return; // "--": the closing delimiter
    if (parts === maxParts) throw new MultipartError("too many parts");
    while (body[pos] === 0x20 || body[pos] === 0x09) pos += 1; // transport padding
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a)
      throw new MultipartError("malformed delimiter line");
    pos += CRLF.length;
    let headers = "";
    let contentStart: number;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) {
      contentStart = pos + CRLF.length; // a part without headers
    } else {
      const headerEnd = body.indexOf(HEADER_END, pos);
      if (headerEnd === -1) throw new MultipartError("unterminated part headers");
      if (headerEnd - pos > MAX_PART_HEADER_BYTES)
        throw new MultipartError("part headers too long");
      headers = decodeHeaderBytes(body.subarray(pos, headerEnd));
      contentStart = headerEnd + HEADER_END.length;
    }
    const contentEnd = body.indexOf(nextDelimiter, contentStart);
    if (contentEnd === -1) throw new MultipartError("the body ends inside a part");
    yield { ...partHeaders(headers), content: body.subarray(contentStart, contentEnd) };
    pos = contentEnd + nextDelimiter.length;
  }
}

/** Browsers send file names as raw UTF-8; older clients as Latin-1. Both are read, neither is a 400. */
function decodeHeaderBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString("latin1");
  }
}

function partHeaders(headers: string): Omit<MultipartPart, "content"> {
  let disposition: ReturnType<typeof parseHeaderValue> | null = null;
  let contentType = "";
  for (const line of headers === "" ? [] : headers.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon === -1) throw new MultipartError("malformed part header");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-disposition" && disposition === null)
      disposition = parseHeaderValue(value);
    else if (name === "content-type" && contentType === "") contentType = value;
  }
  const fieldName = disposition?.params.get("name");
  if (disposition?.type !== "form-data" || fieldName === undefined || fieldName === "") {
    throw new MultipartError("a part without a form-data name");
  }
  return { name: fieldName, fileName: fileNameOf(disposition.params), contentType };
}
