import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { cleanErrorParams, evidenceFlashUrl, isEvidenceErrorCode, type EvidenceErrorCode, type EvidenceErrorParams } from "~/modules/evidence/evidence-outcome";
import { uploadEvidence } from "~/modules/evidence/upload-evidence.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { getEnv } from "~/utils/env.server";
import { DomainError, statusForCode } from "~/utils/errors";
import { translate } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { BodyTooLargeError } from "~/utils/limited-body.server";
import { readMultipartForm } from "~/utils/multipart-form.server";

/**
 * Evidence upload (POST multipart/form-data: `questionKey`, `file`). The size limit holds before
 * anything is buffered: a declared Content-Length above it is refused before the body is read,
 * and a body without one (chunked) or with a false one is counted while it streams and cut off
 * at the limit. Either way the answer is 413 with `Connection: close`, so the server does not
 * go on reading what the client still sends.
 *
 * `Accept: application/json` (the component's fetch) gets JSON; a plain form post (no JavaScript)
 * is redirected back to the question on /portal with the outcome in the URL.
 */

// Room for the multipart boundaries, part headers and the questionKey field around the file.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;


export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const wantsJson = (request.headers.get("Accept") ?? "").includes("application/json");
  const limit = getEnv().EVIDENCE_MAX_BYTES;
  const url = new URL(request.url);
  // The no-JS form also names the question in its action URL: known even when the body is cut off.
  let questionKey = url.searchParams.get("questionKey") ?? "";

  const refuse = async (status: number, code: EvidenceErrorCode, message: string, params: EvidenceErrorParams = {}) => {
    const headers = new Headers({ "Cache-Control": "no-store" });
    if (status === 413) headers.set("Connection", "close");
    if (wantsJson) return Response.json({ ok: false, questionKey, code, message, params }, { status, headers });
    if (status === 413 && !questionKey) {
      const locale = await resolveLocale(request);
      headers.set("Content-Type", "text/plain; charset=utf-8");
      return new Response(translate(locale, "evidence.tooLargePage", { size: megabytes(limit) }), { status, headers });
    }
    return redirect(evidenceFlashUrl({ questionKey, outcome: code, params }), { headers });
  };

  const declared = request.headers.get("Content-Length");
  if (declared !== null && !(Number(declared) <= limit + MULTIPART_OVERHEAD_BYTES)) {
    return refuse(413, "too_large", "the file is larger than the upload limit", { max: String(limit) });
  }
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data") || !request.body) {
    return refuse(400, "no_file", "send the file as multipart/form-data");
  }

  let form: FormData;
  try {
    form = await readMultipartForm(request, limit + MULTIPART_OVERHEAD_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuse(413, "too_large", "the file is larger than the upload limit", { max: String(limit) });
    return refuse(400, "unreadable", "the upload could not be read");
  }

  const field = form.get("questionKey");
  if (typeof field === "string" && field !== "") questionKey = field;
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return refuse(400, file instanceof File && file.name !== "" ? "empty" : "no_file", "choose a file to upload");
  }
  // The body limit leaves room for the multipart framing; the file itself gets the exact limit.
  if (file.size > limit) return refuse(413, "too_large", "the file is larger than the upload limit", { max: String(limit) });

  try {
    const result = await uploadEvidence(actor, { questionKey, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!wantsJson) return redirect(evidenceFlashUrl({ questionKey, outcome: "uploaded", params: {} }));
    return Response.json({ ok: true, questionKey, file: result.file, answer: result.answer }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const reason = error.details?.reason;
    const code: EvidenceErrorCode = isEvidenceErrorCode(reason) ? reason : error.code === "NOT_FOUND" ? "not_found" : "failed";
    return refuse(statusForCode(error.code), code, error.message, cleanErrorParams(error.details?.params as Record<string, unknown>));
  }
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}
