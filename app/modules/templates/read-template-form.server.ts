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
  if (declared > TEMPLATE_FORM_MAX_BYTES) throw new Response("The upload is too large (at most 2 MB).", { status: 413 });
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > TEMPLATE_FORM_MAX_BYTES) {
        await reader.cancel();
        throw new Response("The upload is too large (at most 2 MB).", { status: 413 });
      }
      chunks.push(value);
    }
  }
  let form: FormData;
  try {
    form = await new Request(request.url, { method: "POST", headers: request.headers, body: Buffer.concat(chunks) }).formData();
  } catch {
    throw new Response("The form could not be read.", { status: 400 });
  }
  for (const [, value] of form) {
    if (typeof value === "string" && value.includes("\u0000")) throw new Response("The form contains invalid characters.", { status: 400 });
  }
  return form;
}
