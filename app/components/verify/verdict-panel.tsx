import { Alert, Card } from "~/components/ui/layout";
import type { VerdictView } from "~/modules/signing/check-uploaded-report.server";
import { VERIFY_LIMITS } from "~/modules/signing/verify-limits";
import type { ReportVerdict, UncheckedReason } from "~/modules/signing/verify-report.server";
import { labelKey, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

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

type Translate = ReturnType<typeof useT>["t"];

function verdictBody(t: Translate, result: VerdictView): string {
  const report = result.report;
  if (result.verdict === "valid" && report)
    return t("verify.validBody", { organization: report.organizationName });
  if (result.verdict === "unchecked")
    return t(UNCHECKED_BODY[result.uncheckedReason ?? "structure"], {
      count: VERIFY_LIMITS.maxSignatures,
    });
  return t(BODY[result.verdict as Exclude<ReportVerdict, "valid" | "unchecked">]);
}

function outcomeLabel(t: Translate, outcome: string): string {
  const known = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"];
  return known.includes(outcome)
    ? t(labelKey("verify.outcome", outcome) ?? "common.unknownValue")
    : outcome;
}

/** The verdict on one uploaded report: what it claims (organisation, assessment, decision) and who signed it when. */
export function VerdictPanel({ result }: { result: VerdictView }) {
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
  if (result.signerName ?? report?.signerName)
    rows.push([t("verify.signer"), (result.signerName ?? report?.signerName)!]);
  const signedAt = report?.signedAt ?? result.signingTime;
  if (signedAt) rows.push([t("verify.signedAt"), date(signedAt, true)]);
  if (result.timestamp)
    rows.push([
      t("verify.timestamp"),
      t("verify.timestampValue", {
        date: date(result.timestamp.time, true),
        tsa: result.timestamp.tsaName ?? "?",
      }),
    ]);
  if (result.certificateFingerprint)
    rows.push([t("verify.fingerprint"), result.certificateFingerprint]);
  if (result.sha256) rows.push([t("verify.sha256"), result.sha256]);

  return (
    <section aria-live="polite" data-verdict={result.verdict} className="space-y-3">
      <Alert tone={TONE[result.verdict]}>
        <p className="font-semibold" data-testid="verify-verdict">
          {t(TITLE[result.verdict])}
        </p>
        <p>{verdictBody(t, result)}</p>
        {result.verdict === "modified" && report ? (
          <p>
            {t("verify.modifiedClaims", {
              organization: report.organizationName,
              title: report.assessmentTitle,
              id: report.assessmentId,
            })}
          </p>
        ) : null}
      </Alert>
      {result.verdict === "valid" && report ? (
        report.supersededAt ? (
          <Alert tone="error">
            <p className="font-semibold">{t("verify.supersededTitle")}</p>
            <p>
              {t("verify.supersededBody", {
                date: date(report.supersededAt),
                organization: report.organizationName,
              })}
            </p>
          </Alert>
        ) : (
          <p className="text-sm text-slate-700">{t("verify.currentDecision")}</p>
        )
      ) : null}
      <Card>
        <p className="mb-2 text-sm text-slate-600">
          {t("verify.fileName", { name: result.fileName })}
        </p>
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
