import { Card } from "~/components/ui/layout";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

interface SignedReportRow {
  id: string;
  sha256: string;
  certificateFingerprint: string;
  signerName: string;
  signedAt: Date | string;
  timestamped: boolean;
  auditHeadSeq: number;
  decision: { outcome: string; supersededAt: Date | string | null };
}

/** The signed PDF reports of the decisions, newest first; superseded ones are marked. */
export function SignedReportsCard({ assessmentId, reports }: { assessmentId: string; reports: SignedReportRow[] }) {
  const { t, date } = useT();
  if (reports.length === 0) return null;
  return (
    <Card title={t("assessments.reportsTitle")}>
      <ul className="divide-y divide-slate-100 text-sm" data-testid="signed-reports">
        {reports.map((report) => (
          <li key={report.id} className="py-2" data-testid="signed-report" data-superseded={report.decision.supersededAt ? "true" : undefined}>
            <a href={`/assessments/${assessmentId}/reports/${report.id}`} className="font-medium underline" download>
              {t("assessments.reportDownload", { outcome: t(labelKey("assessments.status", report.decision.outcome) ?? "common.unknownValue"), date: date(report.signedAt, true) })}
            </a>
            {report.decision.supersededAt ? <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">{t("assessments.superseded")}</span> : null}
            <p className="text-xs text-slate-600">
              {t("assessments.reportMeta", { signer: report.signerName, seq: report.auditHeadSeq })}
              {report.timestamped ? ` · ${t("assessments.reportTimestamped")}` : ""}
            </p>
            <p className="break-all font-mono text-xs text-slate-500">SHA-256 {report.sha256}</p>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600">
        {t("assessments.reportVerifyHint")} <a href="/verify" className="underline">/verify</a>
      </p>
    </Card>
  );
}
