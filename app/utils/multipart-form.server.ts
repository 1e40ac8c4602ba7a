import { fileNameOf, parseHeaderValue } from "./header-parameters";
import { limitedBody } from "./limited-body.server";

/**
 * Reads a multipart/form-data upload (evidence, report verification). Our own reader instead of
 * Remix's unstable_parseMultipartFormData: that one splits the part headers on every `;` and `=`,
 * so a file called `a;b.pdf` or `x=1.pdf` was answered with 400, and it refused RFC 5987
 * `filename*`, unquoted names and non-UTF-8 bytes; Node's Request.formData() refuses the last
 * three as well. The body is counted while it streams (BodyTooLargeError past `maxBodyBytes`,
 * before it is buffered) and then split in memory, which the size limit keeps small.
 */

/** The body is not a readable multipart/form-data body (the route answers 400). */
export class MultipartError extends Error {}

/** More parts than any of our forms has (a file and a few fields): refuse instead of looping. */
const MAX_PARTS = 100;
/** RFC 2046 §5.1.1: a boundary is 1 to 70 characters. */
const MAX_BOUNDARY_CHARS = 70;

const CRLF = Buffer.from("\r\n", "latin1");
const HEADER_END = Buffer.from("\r\n\r\n", "latin1");

export async function readMultipartForm(request: Request, maxBodyBytes: number): Promise<FormData> {
  const { type, params } = parseHeaderValue(request.headers.get("Content-Type") ?? "");
  const boundary = params.get("boundary") ?? "";
  if (type !== "multipart/form-data" || boundary === "" || boundary.length > MAX_BOUNDARY_CHARS || !request.body) {
    throw new MultipartError("not a multipart/form-data body");
  }
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
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  const nextDelimiter = Buffer.concat([CRLF, delimiter]);
  const form = new FormData();
  // The first delimiter opens the body, or follows a preamble and a line break.
  let pos = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(nextDelimiter);
  if (pos === -1) throw new MultipartError("no boundary in the body");
  if (pos > 0) pos += CRLF.length;
  pos += delimiter.length;
  for (let parts = 0; ; parts += 1) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return form; // "--": the closing delimiter
    if (parts === MAX_PARTS) throw new MultipartError("too many parts");
    while (body[pos] === 0x20 || body[pos] === 0x09) pos += 1; // transport padding
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) throw new MultipartError("malformed delimiter line");
    pos += CRLF.length;
    let headers = "";
    let contentStart: number;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) {
      contentStart = pos + CRLF.length; // a part without headers
    } else {
      const headerEnd = body.indexOf(HEADER_END, pos);
      if (headerEnd === -1) throw new MultipartError("unterminated part headers");
      headers = decodeHeaderBytes(body.subarray(pos, headerEnd));
      contentStart = headerEnd + HEADER_END.length;
    }
    const contentEnd = body.indexOf(nextDelimiter, contentStart);
    if (contentEnd === -1) throw new MultipartError("the body ends inside a part");
    appendPart(form, headers, body.subarray(contentStart, contentEnd));
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

function appendPart(form: FormData, headers: string, content: Uint8Array): void {
  let disposition: ReturnType<typeof parseHeaderValue> | null = null;
  let contentType = "";
  for (const line of headers.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon === -1) throw new MultipartError("malformed part header");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "content-disposition" && disposition === null) disposition = parseHeaderValue(value);
    else if (name === "content-type" && contentType === "") contentType = value;
  }
  const fieldName = disposition?.params.get("name");
  if (disposition?.type !== "form-data" || fieldName === undefined || fieldName === "") {
    throw new MultipartError("a part without a form-data name");
  }
  const fileName = fileNameOf(disposition.params);
  if (fileName === undefined) form.append(fieldName, new TextDecoder().decode(content));
  // The body was concatenated into an ordinary (never shared) ArrayBuffer; File copies the bytes.
  else form.append(fieldName, new File([content as Uint8Array<ArrayBuffer>], fileName, { type: contentType || "application/octet-stream" }));
}
