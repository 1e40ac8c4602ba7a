import type { UserActor } from "../auth/actor";
import { ParserBusyError, PARSER_BUSY_RETRY_AFTER_SECONDS } from "../parsing/parser-pool.server";
import { cleanDisplayText } from "../../utils/display-text";
import { DomainError } from "../../utils/errors";
import { errorResponse } from "../../utils/http.server";
import type { LocalizedMessage, MessageKey } from "../../utils/i18n";
import { BodyTooLargeError } from "../../utils/limited-body.server";
import { readMultipartForm } from "../../utils/multipart-form.server";
import { importFramework } from "./import-framework.server";
import {
  FRAMEWORK_FILE_MAX_BYTES,
  FRAMEWORK_FORM_MAX_BYTES as FORM_MAX_BYTES,
} from "./import/framework-import-limits";

/**
 * The upload page's two steps without JavaScript (issue 14 item 3): "preview" sends the file and
 * answers what would be written; the answer carries the file's text in a hidden field, so
 * "commit" sends exactly what was previewed, and the use case parses and plans it again (nothing
 * the browser sends is trusted). A client's mistake is a message and a 4xx, never a 500.
 */
export interface FrameworkUploadPreview {
  urn: string;
  name: string;
  version: string;
  provisions: number;
  assessable: number;
  outcome: "new_framework" | "new_version" | "unchanged";
  previousVersion: string | null;
  changes: { added: number; changed: number; removed: number } | null;
  added: string[];
  changed: string[];
  removed: string[];
}

export type FrameworkUploadAnswer = {
  problem: LocalizedMessage | null;
  errors: { path: string; message: LocalizedMessage }[];
  preview: FrameworkUploadPreview | null;
  /** The previewed file, sent back with the commit. */
  content: string;
  fileName: string;
  committed: boolean;
};

/** Keys listed per kind of change on the page; the counts say how many there are in all. */
const LISTED_KEYS = 50;

async function readUploadForm(request: Request): Promise<FormData> {
  const tooLarge = () =>
    errorResponse(413, {
      key: "frameworkImport.fileTooLarge",
      params: {
        size: Number(request.headers.get("Content-Length") ?? 0),
        max: FRAMEWORK_FILE_MAX_BYTES,
      },
    });
  if (Number(request.headers.get("Content-Length") ?? "0") > FORM_MAX_BYTES) throw tooLarge();
  try {
    return await readMultipartForm(request, FORM_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw tooLarge();
    throw errorResponse(400, { key: "errors.formUnreadable" });
  }
}

export async function runFrameworkUpload(
  actor: UserActor,
  request: Request,
): Promise<{ status: number; body: FrameworkUploadAnswer; headers?: Record<string, string> }> {
  const form = await readUploadForm(request);
  const mode = form.get("intent") === "commit" ? "commit" : "preview";
  const file = form.get("file");
  let bytes: Uint8Array;
  let fileName: string;
  if (mode === "preview" && file instanceof File && file.size > 0) {
    bytes = new Uint8Array(await file.arrayBuffer());
    // Shown and recorded like every name: without bidi controls or invisible characters.
    fileName = cleanDisplayText(file.name).slice(0, 255) || "upload";
  } else {
    const content = form.get("content");
    bytes = new TextEncoder().encode(typeof content === "string" ? content : "");
    fileName = cleanDisplayText(String(form.get("fileName") ?? "")).slice(0, 255) || "upload";
  }
  const answer = (
    status: number,
    body: Partial<FrameworkUploadAnswer>,
    headers?: Record<string, string>,
  ) => ({
    status,
    headers,
    body: {
      problem: null,
      errors: [],
      preview: null,
      content: "",
      fileName,
      committed: false,
      ...body,
    },
  });
  const problem = (key: MessageKey, params?: LocalizedMessage["params"]) =>
    params ? { key, params } : { key };
  if (bytes.byteLength === 0)
    return answer(400, { problem: problem("frameworkImport.pageNothing") });

  let result;
  try {
    result = await importFramework(actor, { bytes, fileName, mode });
  } catch (error) {
    // Every parser worker busy (ADR 0014): nothing was written, the user may simply retry.
    if (error instanceof ParserBusyError)
      return answer(
        503,
        { problem: problem("templates.parserBusy") },
        {
          "Retry-After": String(PARSER_BUSY_RETRY_AFTER_SECONDS),
        },
      );
    if (error instanceof DomainError && error.code === "CONFLICT")
      return answer(409, { problem: error.userMessage });
    throw error;
  }
  if (!result.ok)
    return answer(400, {
      problem: problem("frameworkImport.pageBroken"),
      errors: result.errors.map((error) => ({
        path: error.path,
        message: problem(error.key, error.params),
      })),
    });
  const { plan } = result;
  const diff = plan.diff;
  const preview: FrameworkUploadPreview = {
    urn: plan.urn,
    name: plan.name,
    version: plan.version,
    provisions: plan.provisions,
    assessable: plan.assessable,
    outcome: plan.outcome,
    previousVersion: plan.previousVersion,
    changes: diff?.summary ?? null,
    added: (diff?.added ?? []).slice(0, LISTED_KEYS).map((provision) => provision.key),
    changed: (diff?.changed ?? []).slice(0, LISTED_KEYS).map((change) => change.key),
    removed: (diff?.removed ?? []).slice(0, LISTED_KEYS).map((provision) => provision.key),
  };
  if (result.mode === "commit") return answer(200, { preview, committed: result.written });
  return answer(200, { preview, content: new TextDecoder().decode(bytes) });
}
