import { errorResponse } from "../../utils/http.server";
import { BodyTooLargeError, limitedBody } from "../../utils/limited-body.server";
import { readMultipartForm } from "../../utils/multipart-form.server";
import { TEMPLATE_FILE_MAX_BYTES } from "./template-file";

/** Room for a 2 MB file plus the other fields and multipart framing. */
export const TEMPLATE_FORM_MAX_BYTES = TEMPLATE_FILE_MAX_BYTES + 256 * 1024;

/**
 * Reads a template form (editor or import). Unlike readFormData it allows fields up to the
 * template size limit (a whole template as YAML), and it counts bytes while reading, so an
 * oversized body is refused (413) before it is buffered; an unreadable body or NUL bytes get 400.
 */
export async function readTemplateForm(request: Request): Promise<FormData> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > TEMPLATE_FORM_MAX_BYTES) throw tooLarge();
  let form: FormData;
  try {
    form = isMultipart(request)
      ? await readMultipartForm(request, TEMPLATE_FORM_MAX_BYTES)
      : await readUrlEncoded(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw tooLarge();
    throw errorResponse(400, { key: "errors.formUnreadable" });
  }
  for (const [, value] of form) {
    if (typeof value === "string" && value.includes("\u0000"))
      throw errorResponse(400, { key: "errors.formInvalidCharacters" });
  }
  return form;
}

const tooLarge = () =>
  errorResponse(413, {
    key: "errors.uploadTooLarge",
    params: { size: TEMPLATE_FILE_MAX_BYTES / 1024 / 1024 },
  });

/** The import page's file upload: our multipart reader (file names with ; = " or filename* are fine). */
function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "")
    .toLowerCase()
    .startsWith("multipart/form-data");
}

/** The editor's form: counted while it streams, then parsed. */
async function readUrlEncoded(request: Request): Promise<FormData> {
  const chunks: Uint8Array[] = [];
  if (request.body) {
    const reader = limitedBody(request.body, TEMPLATE_FORM_MAX_BYTES).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  }
  return new Request(request.url, {
    method: "POST",
    headers: request.headers,
    body: Buffer.concat(chunks),
  }).formData();
}
