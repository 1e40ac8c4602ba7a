import { useRevalidator } from "@remix-run/react";
import { assessmentTabHref } from "~/modules/assessments/assessment-tabs";
import { useEffect } from "react";
import { Alert, Card } from "~/components/ui/layout";
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

interface PendingReportRow {
  decisionId: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | string;
  lastError: string | null;
  decision: { outcome: string; createdAt: Date | string };
}

/** How soon to look again for a report that is being signed: its next attempt, at least 3 s, at most a minute. */
function recheckSeconds(pending: PendingReportRow[]): number | null {
  const due = pending
    .filter((p) => p.status === "PENDING")
    .map((p) => new Date(p.nextAttemptAt).getTime() - Date.now());
  if (due.length === 0) return null;
  return Math.min(60, Math.max(3, Math.ceil(Math.min(...due) / 1000) + 1));
}

/**
 * The signed PDF reports of the decisions, newest first; superseded ones are marked. Reports
 * still being signed (ADR 0020) show as such: with JavaScript the page revalidates until they are
 * there, without it the page refreshes itself (and a link reloads it); a report given up says so.
 */
export function SignedReportsCard({
  assessmentId,
  reports,
  pending = [],
}: {
  assessmentId: string;
  reports: SignedReportRow[];
  pending?: PendingReportRow[];
}) {
  const { t, date } = useT();
  const recheck = recheckSeconds(pending);
  const revalidator = useRevalidator();
  useEffect(() => {
    if (recheck === null) return;
    const timer = setTimeout(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, recheck * 1000);
    return () => clearTimeout(timer);
  }, [recheck, pending, revalidator]);
  if (reports.length === 0 && pending.length === 0) return null;
  return (
    <Card title={t("assessments.reportsTitle")}>
      {pending.length > 0 ? (
        <div className="mb-3 space-y-2" data-testid="pending-reports">
          {recheck !== null ? (
            <noscript>
              <meta httpEquiv="refresh" content={String(recheck)} />
            </noscript>
          ) : null}
          {pending.map((p) => {
            const params = {
              outcome: t(
                labelKey("assessments.status", p.decision.outcome) ?? "common.unknownValue",
              ),
              date: date(p.decision.createdAt, true),
            };
            return p.status === "FAILED" ? (
              <Alert key={p.decisionId} tone="error">
                <p data-testid="report-failed">
                  {t("assessments.reportFailed", {
                    ...params,
                    attempts: p.attempts,
                    error: p.lastError ?? "–",
                  })}
                </p>
              </Alert>
            ) : (
              <Alert key={p.decisionId} tone="info">
                <p data-testid="report-pending">
                  {t("assessments.reportPending", params)}
                  {p.lastError
                    ? ` ${t("assessments.reportPendingRetry", { error: p.lastError, time: date(p.nextAttemptAt, true) })}`
                    : ""}{" "}
                  <a href={assessmentTabHref(assessmentId, "reports")} className="underline">
                    {t("assessments.reportReload")}
                  </a>
                </p>
              </Alert>
            );
          })}
        </div>
      ) : null}
      {reports.length === 0 ? null : (
        <>
          <ul className="divide-y divide-slate-100 text-sm" data-testid="signed-reports">
            {reports.map((report) => (
              <li
                key={report.id}
                className="py-2"
                data-testid="signed-report"
                data-superseded={report.decision.supersededAt ? "true" : undefined}
              >
                <a
                  href={`/assessments/${assessmentId}/reports/${report.id}`}
                  className="font-medium underline"
                  download
                >
                  {t("assessments.reportDownload", {
                    outcome: t(
                      labelKey("assessments.status", report.decision.outcome) ??
                        "common.unknownValue",
                    ),
                    date: date(report.signedAt, true),
                  })}
                </a>
                {report.decision.supersededAt ? (
                  <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">
                    {t("assessments.superseded")}
                  </span>
                ) : null}
                <p className="text-xs text-slate-600">
                  {t("assessments.reportMeta", {
                    signer: report.signerName,
                    seq: report.auditHeadSeq,
                  })}
                  {report.timestamped ? ` · ${t("assessments.reportTimestamped")}` : ""}
                </p>
                <p className="break-all font-mono text-xs text-slate-500">
                  SHA-256 {report.sha256}
                </p>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-600">
            {t("assessments.reportVerifyHint")}{" "}
            <a href="/verify" className="underline">
              /verify
            </a>
          </p>
        </>
      )}
    </Card>
  );
}
