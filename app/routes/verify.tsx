import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import { consumeRateLimit } from "~/modules/auth/rate-limit.server";
import { ParserBusyError, PARSER_BUSY_RETRY_AFTER_SECONDS, parserPool } from "~/modules/parsing/parser-pool.server";
import { VERIFY_LIMITS, VERIFY_MAX_BYTES } from "~/modules/signing/verify-limits";
import { VERIFY_RATE_LIMIT } from "~/modules/signing/verify-upload.server";
import { cleanDisplayText } from "~/utils/display-text";
import { readFileUpload, UploadTooLargeError, type FileUpload } from "~/utils/file-upload.server";
import { verifyReport, type ReportVerdict, type UncheckedReason } from "~/modules/signing/verify-report.server";
import { labelKey } from "~/utils/i18n";
import type { MessageKey } from "~/utils/i18n";
import { clientIp } from "~/utils/request-context.server";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";

/**
 * Public report verification (no login): upload a signed PDF, get a verdict. Every outcome,
 * garbage included, is a verdict panel, never an error page. The 25 MB limit holds before the
 * body is buffered (declared length first, then counted while streaming); checks are rate
 * limited per IP. The file is checked in memory and never stored, in a parser worker (ADR 0014):
 * when every worker is busy and the queue is full the answer is 503 with Retry-After, before the
 * upload is even read.
 */
export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "verify.title")];

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const out = new Headers({ "Cache-Control": "no-store" });
  for (const name of ["Retry-After", "Connection"]) {
    const value = actionHeaders.get(name);
    if (value) out.set(name, value);
  }
  return out;
};

// Room for the multipart boundaries and part headers around the file.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
const MAX_MB = VERIFY_MAX_BYTES / (1024 * 1024);

interface VerdictView {
  verdict: ReportVerdict;
  uncheckedReason: UncheckedReason | null;
  fileName: string;
  sha256: string | null;
  signerName: string | null;
  certificateFingerprint: string | null;
  signingTime: string | null;
  timestamp: { time: string; tsaName: string | null } | null;
  report: {
    organizationName: string;
    assessmentId: string;
    assessmentTitle: string;
    vendorName: string;
    productName: string | null;
    decisionOutcome: string;
    signerName: string;
    signedAt: string;
    supersededAt: string | null;
  } | null;
}

type ActionResult = { error: "noFile" | "tooLarge" | "unreadableUpload" | "rateLimited" | "busy"; minutes?: number } | { result: VerdictView };

export async function action({ request, context }: ActionFunctionArgs) {
  const ipKey = `verify:ip:${clientIp(context) ?? "unknown"}`;
  const limit = await consumeRateLimit(ipKey, VERIFY_RATE_LIMIT);
  if (limit.limited) {
    return data<ActionResult>(
      { error: "rateLimited", minutes: Math.max(1, Math.ceil(limit.retryAfterSeconds / 60)) },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }

  const tooLarge = () => data<ActionResult>({ error: "tooLarge" }, { status: 413, headers: { Connection: "close" } });
  const busy = () =>
    data<ActionResult>({ error: "busy" }, { status: 503, headers: { "Retry-After": String(PARSER_BUSY_RETRY_AFTER_SECONDS), Connection: "close" } });
  // Refused before the upload is buffered: a full queue must not also fill the memory.
  if (!parserPool().hasRoom()) return busy();
  const declared = request.headers.get("Content-Length");
  if (declared !== null && !(Number(declared) <= VERIFY_MAX_BYTES + MULTIPART_OVERHEAD_BYTES)) return tooLarge();
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data") || !request.body) return data<ActionResult>({ error: "noFile" }, { status: 400 });

  let upload: FileUpload;
  try {
    upload = await readFileUpload(request, { fileField: "file", maxFileBytes: VERIFY_MAX_BYTES, maxBodyBytes: VERIFY_MAX_BYTES + MULTIPART_OVERHEAD_BYTES });
  } catch (error) {
    if (error instanceof UploadTooLargeError) return tooLarge();
    return data<ActionResult>({ error: "unreadableUpload" }, { status: 400 });
  }
  const file = upload.file;
  if (!file || file.bytes.length === 0) return data<ActionResult>({ error: "noFile" }, { status: 400 });

  let checked: Awaited<ReturnType<typeof verifyReport>>;
  try {
    // The upload's own buffer moves to the worker: no copy of up to 25 MB on the event loop.
    checked = await verifyReport(file.bytes, { transfer: true });
  } catch (error) {
    if (error instanceof ParserBusyError) return busy();
    throw error;
  }
  const { signature, report } = checked;
  const result: VerdictView = {
    verdict: checked.verdict,
    uncheckedReason: checked.uncheckedReason ?? null,
    fileName: cleanDisplayText(file.name).slice(0, 200),
    sha256: checked.sha256,
    signerName: signature.signerName,
    certificateFingerprint: signature.certificateFingerprint,
    signingTime: signature.signingTime?.toISOString() ?? null,
    timestamp: signature.timestamp ? { time: signature.timestamp.time.toISOString(), tsaName: signature.timestamp.tsaName } : null,
    report: report
      ? {
          organizationName: report.organizationName,
          assessmentId: report.assessmentId,
          assessmentTitle: report.assessmentTitle,
          vendorName: report.vendorName,
          productName: report.productName,
          decisionOutcome: report.decisionOutcome,
          signerName: report.signerName,
          signedAt: report.signedAt.toISOString(),
          supersededAt: report.supersededAt?.toISOString() ?? null,
        }
      : null,
  };
  return data<ActionResult>({ result });
}

export default function VerifyPage() {
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const { t } = useT();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Card>
        <h1 className="mb-2 text-2xl font-semibold">{t("verify.title")}</h1>
        <p className="mb-4 text-slate-700">{t("verify.intro")}</p>
        {actionData && "error" in actionData ? (
          <Alert tone="error">
            {actionData.error === "rateLimited"
              ? t("verify.rateLimited", { minutes: actionData.minutes ?? 5 })
              : actionData.error === "tooLarge"
                ? t("verify.tooLarge", { size: MAX_MB })
                : t(labelKey("verify.", actionData.error) ?? "common.unknownValue")}
          </Alert>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="mt-4 space-y-4">
          <div>
            <label htmlFor="verify-file" className="block text-sm font-medium text-slate-800">
              {t("verify.fileLabel")}
            </label>
            <input id="verify-file" name="file" type="file" accept="application/pdf,.pdf" required className="mt-1 block w-full text-sm" aria-describedby="verify-file-hint" />
            <p id="verify-file-hint" className="mt-1 text-xs text-slate-600">
              {t("verify.fileHint", { size: MAX_MB })}
            </p>
          </div>
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("verify.checking") : t("verify.submit")}
          </Button>
        </Form>
      </Card>
      {actionData && "result" in actionData ? <VerdictPanel result={actionData.result} /> : null}
      <p className="text-xs text-slate-600">{t("verify.cliHint")}</p>
    </div>
  );
}

const TONE: Record<ReportVerdict, "success" | "error" | "info"> = {
  valid: "success",
  modified: "error",
  invalid: "error",
  unknown: "error",
  unsigned: "info",
  not_pdf: "error",
  unchecked: "error",
};

const TITLE: Record<ReportVerdict, MessageKey> = {
  valid: "verify.validTitle",
  modified: "verify.modifiedTitle",
  invalid: "verify.invalidTitle",
  unknown: "verify.unknownTitle",
  unsigned: "verify.unsignedTitle",
  not_pdf: "verify.notPdfTitle",
  unchecked: "verify.uncheckedTitle",
};

const BODY: Record<Exclude<ReportVerdict, "valid" | "unchecked">, MessageKey> = {
  modified: "verify.modifiedBody",
  invalid: "verify.invalidBody",
  unknown: "verify.unknownBody",
  unsigned: "verify.unsignedBody",
  not_pdf: "verify.notPdfBody",
};

const UNCHECKED_BODY: Record<UncheckedReason, MessageKey> = {
  time: "verify.uncheckedTime",
  signatures: "verify.uncheckedSignatures",
  structure: "verify.uncheckedStructure",
  resources: "verify.uncheckedResources",
};

function verdictBody(t: ReturnType<typeof useT>["t"], result: VerdictView): string {
  const report = result.report;
  if (result.verdict === "valid" && report) return t("verify.validBody", { organization: report.organizationName });
  if (result.verdict === "unchecked") return t(UNCHECKED_BODY[result.uncheckedReason ?? "structure"], { count: VERIFY_LIMITS.maxSignatures });
  return t(BODY[result.verdict as Exclude<ReportVerdict, "valid" | "unchecked">]);
}

function outcomeLabel(t: ReturnType<typeof useT>["t"], outcome: string): string {
  const known = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"];
  return known.includes(outcome) ? t(labelKey("verify.outcome", outcome) ?? "common.unknownValue") : outcome;
}

function VerdictPanel({ result }: { result: VerdictView }) {
  const { t, date } = useT();
  const report = result.report;
  const rows: [string, string][] = [];
  if (report) {
    rows.push([t("verify.organization"), report.organizationName]);
    rows.push([t("verify.assessment"), report.assessmentTitle]);
    rows.push([t("verify.assessmentId"), report.assessmentId]);
    rows.push([t("verify.vendor"), report.vendorName]);
    if (report.productName) rows.push([t("verify.product"), report.productName]);
    rows.push([t("verify.decision"), outcomeLabel(t, report.decisionOutcome)]);
  }
  if (result.signerName ?? report?.signerName) rows.push([t("verify.signer"), (result.signerName ?? report?.signerName)!]);
  const signedAt = report?.signedAt ?? result.signingTime;
  if (signedAt) rows.push([t("verify.signedAt"), date(signedAt, true)]);
  if (result.timestamp) rows.push([t("verify.timestamp"), t("verify.timestampValue", { date: date(result.timestamp.time, true), tsa: result.timestamp.tsaName ?? "?" })]);
  if (result.certificateFingerprint) rows.push([t("verify.fingerprint"), result.certificateFingerprint]);
  if (result.sha256) rows.push([t("verify.sha256"), result.sha256]);

  return (
    <section aria-live="polite" data-verdict={result.verdict} className="space-y-3">
      <Alert tone={TONE[result.verdict]}>
        <p className="font-semibold" data-testid="verify-verdict">
          {t(TITLE[result.verdict])}
        </p>
        <p>{verdictBody(t, result)}</p>
        {result.verdict === "modified" && report ? (
          <p>{t("verify.modifiedClaims", { organization: report.organizationName, title: report.assessmentTitle, id: report.assessmentId })}</p>
        ) : null}
      </Alert>
      {result.verdict === "valid" && report ? (
        report.supersededAt ? (
          <Alert tone="error">
            <p className="font-semibold">{t("verify.supersededTitle")}</p>
            <p>{t("verify.supersededBody", { date: date(report.supersededAt), organization: report.organizationName })}</p>
          </Alert>
        ) : (
          <p className="text-sm text-slate-700">{t("verify.currentDecision")}</p>
        )
      ) : null}
      <Card>
        <p className="mb-2 text-sm text-slate-600">{t("verify.fileName", { name: result.fileName })}</p>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-700">{label}</dt>
              <dd className="break-all text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </section>
  );
}
