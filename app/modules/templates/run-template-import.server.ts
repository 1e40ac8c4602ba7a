import type { UserActor } from "~/modules/auth/actor";
import {
  ParserBusyError,
  PARSER_BUSY_RETRY_AFTER_SECONDS,
} from "~/modules/parsing/parser-pool.server";
import { cleanDisplayText } from "~/utils/display-text";
import { DomainError } from "~/utils/errors";
import { runUseCase } from "~/utils/http.server";
import type { MessageKey } from "~/utils/i18n";
import { importTemplate } from "./import-template.server";
import { formatOfFileName, TEMPLATE_FILE_MAX_BYTES, type TemplateFileError } from "./template-file";

/** What the import page shows after a refused import; it keeps the pasted text (if not huge). */
export type ImportFailure = {
  problem: MessageKey | null;
  errors: TemplateFileError[];
  mode: string;
  text: string;
};

export type TemplateImportResult =
  | { kind: "imported"; templateId: string }
  | { kind: "refused"; status: number; body: ImportFailure; headers?: Record<string, string> };

const REASONS: Record<string, MessageKey> = {
  keyTaken: "templates.keyTaken",
  noTemplate: "templates.importNoTemplate",
  draftOpen: "templates.importDraftOpen",
};

/**
 * Reads the import form (a file or pasted text, as a new template or a draft) and imports it.
 * A file too large, nothing to import, a refusal or a file with errors is answered with the
 * page's message and its status, never an error page.
 */
export async function runTemplateImport(
  actor: UserActor,
  form: FormData,
): Promise<TemplateImportResult> {
  const mode = form.get("mode") === "draft" ? "draft" : "new";
  const file = form.get("file");
  const pasted = typeof form.get("text") === "string" ? String(form.get("text")) : "";
  const fail = (
    failure: Partial<ImportFailure>,
    status: number,
    headers?: Record<string, string>,
  ): TemplateImportResult => ({
    kind: "refused",
    status,
    headers,
    body: {
      problem: null,
      errors: [],
      mode,
      text: pasted.length <= 200_000 ? pasted : "",
      ...failure,
    },
  });

  let text = pasted;
  let fileName: string | undefined;
  if (file instanceof File && file.size > 0) {
    if (file.size > TEMPLATE_FILE_MAX_BYTES)
      return fail({ problem: "templates.importTooLarge" }, 413);
    text = await file.text();
    // Shown and recorded like every name: without bidi controls or invisible characters.
    fileName = cleanDisplayText(file.name).slice(0, 255);
  } else if (Buffer.byteLength(pasted, "utf8") > TEMPLATE_FILE_MAX_BYTES) {
    return fail({ problem: "templates.importTooLarge" }, 413);
  }
  if (text.trim() === "") return fail({ problem: "templates.importNothing" }, 400);

  const result = await runUseCase(() =>
    importTemplate(actor, {
      text,
      format: fileName ? (formatOfFileName(fileName) ?? undefined) : undefined,
      mode,
      fileName,
    }).catch((error: unknown) => {
      const reason = error instanceof DomainError ? String(error.details?.reason ?? "") : "";
      if (REASONS[reason]) return { ok: "refused" as const, reason };
      // Every parser worker busy (ADR 0014): nothing was written, the user may simply retry.
      if (error instanceof ParserBusyError) return { ok: "busy" as const };
      throw error;
    }),
  );
  if (result.ok === "busy")
    return fail({ problem: "templates.parserBusy" }, 503, {
      "Retry-After": String(PARSER_BUSY_RETRY_AFTER_SECONDS),
    });
  if (result.ok === "refused") return fail({ problem: REASONS[result.reason]! }, 409);
  if (!result.ok)
    return fail({ problem: "templates.importErrorsTitle", errors: result.errors }, 400);
  return { kind: "imported", templateId: result.templateId };
}
