import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import type {
  AnchorSource,
  AuditTrailProblem,
  AuditTrailVerdict,
} from "~/modules/audit/audit-trail-verdict";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/** The page lists the first problems; `vetted audit verify` prints them all (up to its own cap). */
const MAX_PROBLEMS_SHOWN = 20;

type Translate = ReturnType<typeof useT>["t"];
type FormatDate = ReturnType<typeof useT>["date"];

function anchorText(
  problem: { source: AnchorSource; anchoredAt: string | null; reportId: string | null },
  t: Translate,
  date: FormatDate,
): string {
  switch (problem.source) {
    case "checkpoint":
      return t("audit.anchorCheckpoint", { date: date(problem.anchoredAt, true) });
    case "export":
      return t("audit.anchorExport", { date: date(problem.anchoredAt, true) });
    case "report":
      return t("audit.anchorReport", { id: problem.reportId ?? "" });
    case "report_record":
      return t("audit.anchorReportRecord", { id: problem.reportId ?? "" });
  }
}

/** The same facts as the CLI's English sentences (describeAuditProblem), in the reader's language. */
function problemText(problem: AuditTrailProblem, t: Translate, date: FormatDate): string {
  switch (problem.kind) {
    case "checkpoint_forged":
      return t("audit.problemCheckpointForged", { seq: problem.seq });
    case "chain_truncated":
      return t("audit.problemTruncated", {
        head: problem.headSeq,
        seq: problem.seq,
        anchor: anchorText(problem, t, date),
      });
    case "chain_rewritten":
      return t("audit.problemRewritten", {
        seq: problem.seq,
        anchor: anchorText(problem, t, date),
      });
    case "checkpoint_missing":
      return t("audit.problemCheckpointMissing", { seq: problem.seq, every: problem.every });
    case "no_checkpoint":
      return t("audit.problemNoCheckpoint", { head: problem.headSeq });
    case "export_not_in_database":
      return t("audit.problemExportMissing", { seq: problem.seq });
    case "report_invalid":
      return t("audit.problemReportInvalid", { id: problem.reportId });
    case "report_signer_unknown":
      return t("audit.problemReportSigner", { id: problem.reportId });
    case "signing_certificate_forged":
      return t("audit.problemCertificateForged", { fingerprint: problem.fingerprint });
    case "report_record_mismatch":
      return t("audit.problemReportRecord", { id: problem.reportId });
  }
}

function reasonKey(reason: string): MessageKey | null {
  if (/gap/i.test(reason)) return "audit.reasonGap";
  if (/prevHash/i.test(reason)) return "audit.reasonPrevHash";
  if (/altered|content/i.test(reason)) return "audit.reasonAltered";
  return null;
}

function AnchorSummary({ verdict }: { verdict: AuditTrailVerdict }) {
  const { t, date } = useT();
  const last = verdict.checkpoints.last;
  return (
    <p className="text-sm text-slate-700" data-testid="anchor-summary">
      {last
        ? t("audit.anchorsLast", {
            verified: verdict.checkpoints.verified,
            seq: last.seq,
            date: date(last.at, true),
          })
        : t("audit.anchorsNone")}{" "}
      {verdict.reports.total > 0
        ? `${t("audit.anchorsReports", { verified: verdict.reports.verified, total: verdict.reports.total })} `
        : null}
      {verdict.unanchoredEvents > 0
        ? t("audit.anchorsUnanchored", { count: verdict.unanchoredEvents })
        : t("audit.anchorsComplete")}
    </p>
  );
}

/** "Verify the audit trail": the button, and after it the chain's verdict, its anchors and any tampering found. */
export function AuditVerifyCard({
  verdict,
}: {
  verdict: (AuditTrailVerdict & { checkedAt: string }) | null;
}) {
  const navigation = useNavigation();
  const { t, date } = useT();
  return (
    <Card title={t("audit.verifyHeading")}>
      <p className="mb-3 text-sm text-slate-700">{t("audit.verifyIntro")}</p>
      {verdict ? (
        <div className="mb-3 space-y-2" data-testid="chain-verdict">
          {verdict.chain.ok ? (
            <Alert tone={verdict.ok ? "success" : "error"}>
              {t("audit.chainIntact", { events: verdict.chain.events, seq: verdict.chain.headSeq })}{" "}
              <code className="break-all font-mono text-xs">{verdict.chain.headHash}</code>
              <span className="block text-xs">
                {t("audit.checkedAt", { date: date(verdict.checkedAt, true) })}
              </span>
            </Alert>
          ) : (
            <Alert tone="error">
              {t("audit.chainBroken", { seq: verdict.chain.brokenSeq })}{" "}
              {reasonText(verdict.chain.reason, t)}
              <span className="block text-xs">
                {t("audit.checkedAt", { date: date(verdict.checkedAt, true) })}
              </span>
            </Alert>
          )}
          <AnchorSummary verdict={verdict} />
          {verdict.problems.length > 0 ? (
            <Alert tone="error">
              <p className="font-medium">{t("audit.tampered")}</p>
              <ul className="mt-1 list-disc space-y-1 pl-5" data-testid="audit-problems">
                {verdict.problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem, index) => (
                  <li key={index}>{problemText(problem, t, date)}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </div>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="verify" />
        <Button type="submit" variant="secondary" disabled={navigation.state === "submitting"}>
          {t("audit.verifyButton")}
        </Button>
      </Form>
    </Card>
  );
}

/** The verifier's reason in the reader's language when it is a known one, else as it came. */
function reasonText(reason: string, t: Translate): string {
  const key = reasonKey(reason);
  return key ? t(key) : reason;
}
