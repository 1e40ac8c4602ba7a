import { BodyTooLargeError, limitedBody } from "./limited-body.server";
import { MultipartError, multipartBoundary, splitMultipart } from "./multipart-form.server";

/**
 * Reads a multipart/form-data upload of one file and a few short text fields (/verify, evidence)
 * with the splitter of multipart-form.server.ts. The body is collected into a buffer of its own
 * (counted against `maxBodyBytes` while it streams), so the file can move to a parser worker
 * without a copy. Parts and text fields are bounded more tightly than for other forms.
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
const MAX_TEXT_FIELD_BYTES = 64 * 1024;

export async function readFileUpload(
  request: Request,
  limits: FileUploadLimits,
): Promise<FileUpload> {
  const boundary = multipartBoundary(request.headers.get("Content-Type") ?? "");
  if (!boundary || !request.body) throw new UnreadableUploadError("not multipart/form-data");
  const body = await collect(request, limits.maxBodyBytes);
  return parseParts(body, boundary, limits);
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
        const grown = Buffer.allocUnsafeSlow(
          Math.min(maxBytes, Math.max(2 * buffer.length, length + value.byteLength)),
        );
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
  const fields = new Map<string, string>();
  let file: FileUpload["file"] = null;
  try {
    for (const part of splitMultipart(body, boundary, MAX_PARTS)) {
      const length = part.content.byteLength;
      if (part.fileName !== undefined) {
        if (part.name !== limits.fileField || file !== null) continue;
        if (length > limits.maxFileBytes) throw new UploadTooLargeError("file too large");
        const bytes = new Uint8Array(body.buffer as ArrayBuffer, part.content.byteOffset, length);
        // Only the base name (RFC 7578 §4.2): a path says nothing about the file.
        file = { name: part.fileName.split(/[/\\]/).pop() ?? "", bytes };
      } else {
        if (length > MAX_TEXT_FIELD_BYTES)
          throw new UnreadableUploadError("a text field is too long");
        if (!fields.has(part.name)) fields.set(part.name, part.content.toString("utf8"));
      }
    }
  } catch (error) {
    if (error instanceof MultipartError) throw new UnreadableUploadError(error.message);
    throw error;
  }
  return { fields, file };
}
