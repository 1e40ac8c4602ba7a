import { useRef, useState } from "react";
import { Alert } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import {
  evidenceOutcomeMessage,
  formatFileSize,
  megabytesOf,
} from "~/modules/evidence/evidence-display";
import {
  cleanErrorParams,
  isEvidenceErrorCode,
  type EvidenceFlash,
} from "~/modules/evidence/evidence-outcome";
import { labelKey } from "~/utils/i18n";
import type { Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/** One uploaded file of the question, as the loader gives it. */
export interface EvidenceFileView {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
  sha256: string;
  createdAt: Date | string;
  uploadedByLabel: string;
}

export interface EvidenceQuestion {
  key: string;
  /** The question's text: the no-JavaScript upload button names the question it uploads for. */
  label?: { en: string; de: string };
  evidence?: { documentTypes: readonly string[]; expiryRequired: boolean };
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const inputClass =
  "block w-full max-w-xs rounded-md border border-slate-300 px-3 py-2 text-sm disabled:bg-slate-100";

/** The id of the separate upload form (outside the questionnaire form: forms cannot nest). */
export const evidenceUploadFormId = (questionKey: string) => `evidence-upload-${questionKey}`;

type Status =
  | { kind: "idle" }
  | { kind: "uploading"; name: string; percent: number }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string };

interface ServerError {
  ok: false;
  code?: string;
  params?: Record<string, unknown>;
}

/**
 * The input of an evidence question: document type, valid-until date, the attached files (each
 * with a hidden `q.<key>.file` field, so the questionnaire form and autosave carry them) and a
 * file input. With JavaScript a chosen file is uploaded at once (XHR, for progress) and a file is
 * removed with a fetch; both change the answer on the server, which `onServerSaved` reports.
 * Without JavaScript the file input and the remove buttons belong to `EvidenceUploadForm`,
 * rendered by the page outside the questionnaire form.
 */
export function EvidenceInput({
  question,
  value,
  files: initialFiles,
  disabled,
  locale,
  maxBytes = DEFAULT_MAX_BYTES,
  onServerSaved,
}: {
  question: EvidenceQuestion;
  value: unknown;
  files: EvidenceFileView[];
  disabled: boolean;
  locale: Locale;
  /** EVIDENCE_MAX_BYTES, for the hint and a check before uploading. */
  maxBytes?: number;
  onServerSaved?: (value: unknown, version: number) => void;
}) {
  const { t, date, number } = useT();
  const key = question.key;
  const stored =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as { documentType?: string; validUntil?: string })
      : null;
  const documentTypes = question.evidence?.documentTypes ?? ["other"];
  const expiryRequired = question.evidence?.expiryRequired ?? false;
  const [files, setFiles] = useState(initialFiles);
  const [notApplicable, setNotApplicable] = useState(value === "na");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = status.kind === "uploading";
  const describe = (code: string | undefined, params?: Record<string, unknown>) =>
    evidenceOutcomeMessage(
      t,
      isEvidenceErrorCode(code) ? code : "failed",
      cleanErrorParams(params),
    );

  function upload(file: File) {
    if (file.size > maxBytes) {
      setStatus({ kind: "error", message: describe("too_large", { max: String(maxBytes) }) });
      return;
    }
    const body = new FormData();
    body.set("questionKey", key);
    body.set("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", `/portal/evidence?questionKey=${encodeURIComponent(key)}`);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable)
        setStatus({
          kind: "uploading",
          name: file.name,
          percent: Math.round((event.loaded / event.total) * 100),
        });
    };
    request.onerror = () => setStatus({ kind: "error", message: t("evidence.err_network") });
    request.onload = () => {
      if (fileInput.current) fileInput.current.value = "";
      const response = request.response as
        | { ok: true; file: EvidenceFileView; answer: { value: unknown; version: number } }
        | ServerError
        | null;
      if (!response || typeof response !== "object") {
        // Not our JSON (e.g. the session ended and the answer is a page): say it failed.
        setStatus({
          kind: "error",
          message: describe(request.status === 413 ? "too_large" : "failed", {
            max: String(maxBytes),
          }),
        });
        return;
      }
      if (!response.ok) {
        setStatus({ kind: "error", message: describe(response.code, response.params) });
        return;
      }
      setFiles((current) => [...current, response.file]);
      setNotApplicable(false);
      setStatus({ kind: "done", message: t("evidence.uploaded") });
      onServerSaved?.(response.answer.value, response.answer.version);
    };
    setStatus({ kind: "uploading", name: file.name, percent: 0 });
    request.send(body);
  }

  async function remove(file: EvidenceFileView) {
    setStatus({ kind: "idle" });
    try {
      const response = await fetch(`/portal/evidence/${encodeURIComponent(file.id)}`, {
        method: "POST",
        headers: { Accept: "application/json" },
        body: new URLSearchParams({ intent: "remove", questionKey: key }),
      });
      const result = (await response.json().catch(() => null)) as
        { ok: true; answer: { value: unknown; version: number } | null } | ServerError | null;
      if (response.status === 404) {
        // Already gone (removed in another tab): drop it here too.
        setFiles((current) => current.filter((f) => f.id !== file.id));
        setStatus({ kind: "error", message: describe("not_found") });
        return;
      }
      if (!result || !result.ok) {
        setStatus({ kind: "error", message: describe(result?.code) });
        return;
      }
      setFiles((current) => current.filter((f) => f.id !== file.id));
      setStatus({ kind: "done", message: t("evidence.removed") });
      if (result.answer) onServerSaved?.(result.answer.value, result.answer.version);
    } catch {
      setStatus({ kind: "error", message: t("evidence.err_network") });
    }
  }

  return (
    <div className="space-y-3" data-testid={`evidence-input-${key}`}>
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name={`q.${key}`}
          value="na"
          checked={notApplicable}
          onChange={(event) => setNotApplicable(event.target.checked)}
          disabled={disabled}
          data-testid={`evidence-na-${key}`}
        />
        {t("evidence.notApplicable")}
      </label>

      {/* Marked, not dimmed, when not applicable: dimmed text would fall below the contrast minimum. */}
      <div
        className={`space-y-3 ${notApplicable ? "border-l-4 border-dashed border-slate-300 pl-3" : ""}`}
      >
        <div className="flex flex-wrap gap-4">
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-800">
              {t("evidence.documentType")}
            </span>
            <select
              name={`q.${key}.documentType`}
              defaultValue={stored?.documentType ?? documentTypes[0]}
              disabled={disabled}
              className={inputClass}
            >
              {documentTypes.map((type) => (
                <option key={type} value={type}>
                  {t(labelKey("portal.doc_", type) ?? "common.unknownValue")}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-800">
              {expiryRequired ? t("evidence.validUntilRequired") : t("evidence.validUntil")}
            </span>
            <input
              type="date"
              name={`q.${key}.validUntil`}
              defaultValue={stored?.validUntil ?? ""}
              disabled={disabled}
              aria-required={expiryRequired || undefined}
              className={inputClass}
            />
          </label>
        </div>

        <div>
          <p className="text-sm font-medium text-slate-800">{t("evidence.attachedFiles")}</p>
          {files.length === 0 ? (
            <p className="text-sm text-slate-600">{t("evidence.noFiles")}</p>
          ) : (
            <ul
              className="mt-1 divide-y divide-slate-200 rounded-md border border-slate-200"
              data-testid={`evidence-files-${key}`}
            >
              {files.map((file) => (
                <li
                  key={file.id}
                  className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm"
                  data-testid={`evidence-file-${file.id}`}
                >
                  <input type="hidden" name={`q.${key}.file`} value={file.id} disabled={disabled} />
                  <a
                    href={`/portal/evidence/${encodeURIComponent(file.id)}`}
                    download={file.fileName}
                    className="font-medium text-brand-700 underline"
                    aria-label={t("evidence.downloadLabel", { name: file.fileName })}
                  >
                    {file.fileName}
                  </a>
                  <span className="text-slate-600">{formatFileSize(t, number, file.size)}</span>
                  <span
                    className="font-mono text-xs text-slate-600"
                    title={t("evidence.sha256Title", { hash: file.sha256 })}
                  >
                    {t("evidence.sha256")} {file.sha256.slice(0, 12)}…
                  </span>
                  <span className="text-xs text-slate-600">
                    {t("evidence.uploadedBy", {
                      who: file.uploadedByLabel,
                      date: date(file.createdAt, true),
                    })}
                  </span>
                  {disabled ? null : (
                    <button
                      type="submit"
                      // Without JavaScript this submits the (outside) upload form to the file's URL.
                      form={evidenceUploadFormId(key)}
                      formAction={`/portal/evidence/${encodeURIComponent(file.id)}`}
                      formEncType="application/x-www-form-urlencoded"
                      name="intent"
                      value="remove"
                      onClick={(event) => {
                        event.preventDefault();
                        void remove(file);
                      }}
                      className="ml-auto text-sm text-red-700 underline"
                      aria-label={t("evidence.removeLabel", { name: file.fileName })}
                      data-testid={`evidence-remove-${file.id}`}
                    >
                      {t("evidence.remove")}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>

        {disabled ? null : (
          <label className="block text-sm">
            <span className="mb-1 block text-slate-800">
              {t("evidence.chooseFile", { size: megabytesOf(maxBytes) })}
            </span>
            <input
              ref={fileInput}
              type="file"
              name="file"
              form={evidenceUploadFormId(key)}
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,application/pdf,image/png,image/jpeg,text/plain"
              disabled={busy}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) upload(file);
              }}
              className="block text-sm"
              data-testid={`evidence-file-input-${key}`}
            />
          </label>
        )}
        {disabled ? null : (
          // Without JavaScript choosing a file uploads nothing: this button, beside the file
          // input and named after the question, submits the question's upload form.
          <noscript>
            <p className="text-xs text-slate-600">{t("evidence.uploadHint")}</p>
            <Button
              type="submit"
              variant="secondary"
              form={evidenceUploadFormId(key)}
              aria-label={
                question.label
                  ? `${t("evidence.uploadButton")}: ${question.label[locale]}`
                  : undefined
              }
              data-testid={`evidence-upload-submit-${key}`}
            >
              {t("evidence.uploadButton")}
            </Button>
          </noscript>
        )}

        {status.kind === "uploading" ? (
          <p
            role="status"
            className="text-sm text-slate-700"
            data-testid={`evidence-status-${key}`}
          >
            {t("evidence.uploading", { name: status.name, percent: status.percent })}
            <progress className="ml-2 align-middle" max={100} value={status.percent} />
          </p>
        ) : null}
        {status.kind === "done" ? (
          <p
            role="status"
            className="text-sm text-green-800"
            data-testid={`evidence-status-${key}`}
          >
            {status.message}
          </p>
        ) : null}
        {status.kind === "error" ? (
          <div data-testid={`evidence-error-${key}`}>
            <Alert tone="error">
              <strong>{t("evidence.rejectedTitle")}:</strong> {status.message}
            </Alert>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The upload form, rendered by the page outside the questionnaire form (forms cannot nest): the
 * file input, the no-JavaScript upload button and the remove buttons of the question point at it
 * with `form=…`, so the controls sit with their question. With JavaScript it is not used for
 * uploads (they start on choosing a file).
 */
export function EvidenceUploadForm({ questionKey }: { questionKey: string }) {
  return (
    <form
      method="post"
      action={`/portal/evidence?questionKey=${encodeURIComponent(questionKey)}`}
      encType="multipart/form-data"
      id={evidenceUploadFormId(questionKey)}
    >
      <input type="hidden" name="questionKey" value={questionKey} />
    </form>
  );
}

/** The outcome of a no-JavaScript upload or removal (see readEvidenceFlash), for the page to show. */
export function EvidenceFlashNotice({ flash }: { flash: EvidenceFlash }) {
  const { t } = useT();
  const failed = flash.outcome !== "uploaded" && flash.outcome !== "removed";
  return (
    <div data-testid={`evidence-flash-${flash.questionKey || "page"}`}>
      <Alert tone={failed ? "error" : "success"}>
        {failed ? <strong>{t("evidence.rejectedTitle")}: </strong> : null}
        {evidenceOutcomeMessage(t, flash.outcome, flash.params)}
      </Alert>
    </div>
  );
}
