import { BodyTooLargeError, limitedBody } from "../../utils/limited-body.server";
import { readMultipartForm } from "../../utils/multipart-form.server";
import {
  SIGNING_CERTIFICATE_MAX_BYTES,
  SIGNING_PASSPHRASE_MAX_CHARS,
} from "./upload-signing-certificate.server";

/** Form fields, boundaries and the passphrase around the file. */
const FORM_OVERHEAD_BYTES = 16 * 1024;

export type CertificateForm =
  | { ok: true; intent: string; file: Uint8Array | null; passphrase: string; certificateId: string }
  | { ok: false; status: 400 | 413 };

/**
 * Reads the signing-certificate form (multipart for an upload, urlencoded for a removal) with
 * its size limit enforced while reading: a body larger than the largest plausible PKCS#12 file
 * is refused with 413 before it is buffered; an unreadable body is a 400.
 */
export async function readCertificateForm(request: Request): Promise<CertificateForm> {
  const max = SIGNING_CERTIFICATE_MAX_BYTES + FORM_OVERHEAD_BYTES;
  const declared = request.headers.get("Content-Length");
  if (declared !== null && !(Number(declared) <= max)) return { ok: false, status: 413 };
  if (!request.body) return { ok: false, status: 400 };
  let form: FormData;
  try {
    const multipart = (request.headers.get("Content-Type") ?? "")
      .toLowerCase()
      .startsWith("multipart/form-data");
    form = multipart
      ? await readMultipartForm(request, max)
      : await new Request(request.url, {
          method: "POST",
          headers: request.headers,
          body: limitedBody(request.body, max),
          duplex: "half",
        } as RequestInit).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, status: 413 };
    return { ok: false, status: 400 };
  }
  const text = (name: string, maxChars: number) => {
    const value = form.get(name);
    return typeof value === "string" && value.length <= maxChars && !value.includes("\u0000")
      ? value
      : "";
  };
  const file = form.get("certificate");
  if (file instanceof File && file.size > SIGNING_CERTIFICATE_MAX_BYTES)
    return { ok: false, status: 413 };
  return {
    ok: true,
    intent: text("intent", 32),
    file: file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null,
    // An over-long passphrase is kept as typed: the use case answers it with its own message.
    passphrase:
      typeof form.get("passphrase") === "string"
        ? String(form.get("passphrase")).slice(0, SIGNING_PASSPHRASE_MAX_CHARS + 1)
        : "",
    certificateId: text("certificateId", 64),
  };
}
