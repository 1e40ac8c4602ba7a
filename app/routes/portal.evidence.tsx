import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import {
  cleanErrorParams,
  evidenceFlashUrl,
  isEvidenceErrorCode,
  type EvidenceErrorCode,
  type EvidenceErrorParams,
} from "~/modules/evidence/evidence-outcome";
import { evidenceOutcomeMessage } from "~/modules/evidence/evidence-display";
import { uploadEvidence } from "~/modules/evidence/upload-evidence.server";
import {
  ParserBusyError,
  PARSER_BUSY_RETRY_AFTER_SECONDS,
} from "~/modules/parsing/parser-pool.server";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { getEnv } from "~/utils/env.server";
import { DomainError, statusForCode } from "~/utils/errors";
import { translate } from "~/utils/i18n";
import { resolveLocale } from "~/utils/locale.server";
import { readFileUpload, UploadTooLargeError, type FileUpload } from "~/utils/file-upload.server";

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

  const refuse = async (
    status: number,
    code: EvidenceErrorCode,
    params: EvidenceErrorParams = {},
  ) => {
    const headers = new Headers({ "Cache-Control": "no-store" });
    if (status === 413) headers.set("Connection", "close");
    if (status === 503) headers.set("Retry-After", String(PARSER_BUSY_RETRY_AFTER_SECONDS));
    if (wantsJson) {
      // The code (the page's key, evidence.err_<code>) and its text in the request's language.
      const locale = await resolveLocale(request);
      const message = evidenceOutcomeMessage(
        (key, values) => translate(locale, key, values),
        code,
        params,
      );
      return Response.json({ ok: false, questionKey, code, message, params }, { status, headers });
    }
    if (status === 413 && !questionKey) {
      const locale = await resolveLocale(request);
      headers.set("Content-Type", "text/plain; charset=utf-8");
      return new Response(translate(locale, "evidence.tooLargePage", { size: megabytes(limit) }), {
        status,
        headers,
      });
    }
    return redirect(evidenceFlashUrl({ questionKey, outcome: code, params }), { headers });
  };

  const declared = request.headers.get("Content-Length");
  if (declared !== null && !(Number(declared) <= limit + MULTIPART_OVERHEAD_BYTES)) {
    return refuse(413, "too_large", { max: String(limit) });
  }
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data") || !request.body) {
    return refuse(400, "no_file");
  }

  let form: FileUpload;
  try {
    // One native split of the body instead of Remix's byte-by-byte multipart parser (issue 11).
    form = await readFileUpload(request, {
      fileField: "file",
      maxFileBytes: limit,
      maxBodyBytes: limit + MULTIPART_OVERHEAD_BYTES,
    });
  } catch (error) {
    if (error instanceof UploadTooLargeError) {
      return refuse(413, "too_large", { max: String(limit) });
    }
    return refuse(400, "unreadable");
  }

  const field = form.fields.get("questionKey");
  if (field) questionKey = field;
  const file = form.file;
  if (!file || file.bytes.length === 0) {
    return refuse(400, file && file.name !== "" ? "empty" : "no_file");
  }

  try {
    // The upload's own buffer moves to the parser worker and back: no copy of up to 20 MB here.
    const result = await uploadEvidence(
      actor,
      { questionKey, fileName: file.name, bytes: file.bytes },
      { transfer: true },
    );
    if (!wantsJson)
      return redirect(evidenceFlashUrl({ questionKey, outcome: "uploaded", params: {} }));
    return Response.json(
      { ok: true, questionKey, file: result.file, answer: result.answer },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof ParserBusyError) return refuse(503, "busy");
    if (!(error instanceof DomainError)) throw error;
    const reason = error.details?.reason;
    const code: EvidenceErrorCode = isEvidenceErrorCode(reason)
      ? reason
      : error.code === "NOT_FOUND"
        ? "not_found"
        : "failed";
    return refuse(
      statusForCode(error.code),
      code,
      cleanErrorParams(error.details?.params as Record<string, unknown>),
    );
  }
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1);
}
