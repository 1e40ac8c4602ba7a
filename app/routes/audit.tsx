import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { verifyAuditLog } from "~/modules/admin/verify-audit-log.server";
import type { AnchorSource, AuditTrailProblem, AuditTrailVerdict } from "~/modules/audit/audit-trail-verdict";
import { listAuditEvents, parseAuditQuery } from "~/modules/audit/list-audit-events.server";
import { requirePermission } from "~/modules/auth/guards.server";
import { runUseCase } from "~/utils/http.server";
import { isLocale, isMessageKey, translate, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";
import { ScrollRegion } from "~/components/ui/scroll-region";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return [{ title: `${translate(isLocale(locale) ? locale : "en", "audit.title")} · Vetted` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "audit:read");
  const url = new URL(request.url);
  const { query, errors } = parseAuditQuery(url.searchParams);
  const page = await runUseCase(() => listAuditEvents(actor, query));
  // What the filter form shows: what was typed, even when it was rejected.
  const typed = Object.fromEntries(
    ["action", "actor", "from", "to", "targetType"].map((k) => [k, (url.searchParams.get(k) ?? "").slice(0, 320)]),
  ) as Record<"action" | "actor" | "from" | "to" | "targetType", string>;
  return { page, typed, errors, filtered: Object.values(typed).some(Boolean) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "audit:read");
  const form = await readFormData(request);
  if (form.get("intent") !== "verify") return data({ verdict: null }, { status: 400 });
  const verdict = await runUseCase(() => verifyAuditLog(actor));
  return { verdict };
}

/** The page lists the first problems; `vetted audit verify` prints them all (up to its own cap). */
const MAX_PROBLEMS_SHOWN = 20;

type Translate = ReturnType<typeof useT>["t"];
type FormatDate = ReturnType<typeof useT>["date"];

function anchorText(problem: { source: AnchorSource; anchoredAt: string | null; reportId: string | null }, t: Translate, date: FormatDate): string {
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
      return t("audit.problemTruncated", { head: problem.headSeq, seq: problem.seq, anchor: anchorText(problem, t, date) });
    case "chain_rewritten":
      return t("audit.problemRewritten", { seq: problem.seq, anchor: anchorText(problem, t, date) });
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

function AnchorSummary({ verdict }: { verdict: AuditTrailVerdict }) {
  const { t, date } = useT();
  const last = verdict.checkpoints.last;
  return (
    <p className="text-sm text-slate-700" data-testid="anchor-summary">
      {last ? t("audit.anchorsLast", { verified: verdict.checkpoints.verified, seq: last.seq, date: date(last.at, true) }) : t("audit.anchorsNone")}{" "}
      {verdict.reports.total > 0 ? `${t("audit.anchorsReports", { verified: verdict.reports.verified, total: verdict.reports.total })} ` : null}
      {verdict.unanchoredEvents > 0 ? t("audit.anchorsUnanchored", { count: verdict.unanchoredEvents }) : t("audit.anchorsComplete")}
    </p>
  );
}

function reasonKey(reason: string): MessageKey | null {
  if (/gap/i.test(reason)) return "audit.reasonGap";
  if (/prevHash/i.test(reason)) return "audit.reasonPrevHash";
  if (/altered|content/i.test(reason)) return "audit.reasonAltered";
  return null;
}

export default function AuditPage() {
  const { page, typed, errors, filtered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const { t, date } = useT();
  const verdict = actionData?.verdict ?? null;

  const pageLink = (cursor: { before?: number; after?: number } | null) => {
    const params = new URLSearchParams(location.search);
    params.delete("before");
    params.delete("after");
    if (cursor?.before !== undefined) params.set("before", String(cursor.before));
    if (cursor?.after !== undefined) params.set("after", String(cursor.after));
    const search = params.toString();
    return `/audit${search ? `?${search}` : ""}`;
  };
  const errorText = (key: string | undefined) => (key ? t(isMessageKey(key) ? key : "errors.invalidInput") : null);

  return (
    <div className="space-y-6">
      <PageHeader title={t("audit.title")}>{t("audit.intro")}</PageHeader>

      <Card title={t("audit.verifyHeading")}>
        <p className="mb-3 text-sm text-slate-700">{t("audit.verifyIntro")}</p>
        {verdict ? (
          <div className="mb-3 space-y-2" data-testid="chain-verdict">
            {verdict.chain.ok ? (
              <Alert tone={verdict.ok ? "success" : "error"}>
                {t("audit.chainIntact", { events: verdict.chain.events, seq: verdict.chain.headSeq })}{" "}
                <code className="break-all font-mono text-xs">{verdict.chain.headHash}</code>
                <span className="block text-xs">{t("audit.checkedAt", { date: date(verdict.checkedAt, true) })}</span>
              </Alert>
            ) : (
              <Alert tone="error">
                {t("audit.chainBroken", { seq: verdict.chain.brokenSeq })}{" "}
                {(() => {
                  const key = reasonKey(verdict.chain.reason);
                  return key ? t(key) : verdict.chain.reason;
                })()}
                <span className="block text-xs">{t("audit.checkedAt", { date: date(verdict.checkedAt, true) })}</span>
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

      <Card title={t("audit.filtersHeading")}>
        {Object.keys(errors).length > 0 ? (
          <div className="mb-3">
            <Alert tone="warning">{t("audit.filtersIgnored")}</Alert>
          </div>
        ) : null}
        <Form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <TextField
            label={t("audit.filterAction")}
            name="action"
            defaultValue={typed.action}
            placeholder="auth."
            hint={t("audit.filterActionHint")}
            error={errorText(errors.action)}
          />
          <TextField label={t("audit.filterActor")} name="actor" defaultValue={typed.actor} hint={t("audit.filterActorHint")} error={errorText(errors.actor)} />
          <TextField label={t("audit.filterFrom")} name="from" type="date" defaultValue={typed.from} error={errorText(errors.from)} />
          <TextField label={t("audit.filterTo")} name="to" type="date" defaultValue={typed.to} error={errorText(errors.to)} />
          <SelectField
            label={t("audit.filterTargetType")}
            name="targetType"
            defaultValue={typed.targetType}
            options={[
              { value: "", label: t("audit.anyTargetType") },
              ...Array.from(new Set([...page.targetTypes, ...(typed.targetType ? [typed.targetType] : [])])).map((type) => ({ value: type, label: type })),
            ]}
            error={errorText(errors.targetType)}
          />
          <div className="flex items-end gap-2 lg:col-span-5">
            <Button type="submit">{t("audit.applyFilters")}</Button>
            {filtered ? (
              <Link to="/audit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
                {t("audit.resetFilters")}
              </Link>
            ) : null}
          </div>
        </Form>
      </Card>

      <Card title={t("audit.eventsHeading")}>
        {page.events.length === 0 ? (
          <p className="text-sm text-slate-600">{filtered ? t("audit.noMatches") : t("audit.empty")}</p>
        ) : (
          <ScrollRegion label={t("audit.eventsHeading")}>
            <table className="min-w-full text-left text-sm" data-testid="audit-events">
              <caption className="sr-only">{t("audit.eventsHeading")}</caption>
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("audit.colSeq")}</th>
                  <th scope="col" className="py-2 pr-3">{t("audit.colTime")}</th>
                  <th scope="col" className="py-2 pr-3">{t("audit.colActor")}</th>
                  <th scope="col" className="py-2 pr-3">{t("audit.colAction")}</th>
                  <th scope="col" className="py-2 pr-3">{t("audit.colTarget")}</th>
                  <th scope="col" className="py-2 pr-3">{t("audit.colIp")}</th>
                  <th scope="col" className="py-2 pr-3">{t("audit.colHash")}</th>
                  <th scope="col" className="py-2">{t("audit.colDetails")}</th>
                </tr>
              </thead>
              <tbody>
                {page.events.map((event) => (
                  <tr key={event.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-3 tabular-nums">{event.seq}</td>
                    <td className="whitespace-nowrap py-2 pr-3">
                      <time dateTime={event.createdAt}>{date(event.createdAt, true)}</time>
                    </td>
                    <td className="py-2 pr-3">
                      {event.actorLabel}
                      {event.actorType !== "user" ? <span className="ml-1 text-xs text-slate-500">({event.actorType})</span> : null}
                    </td>
                    <td className="py-2 pr-3">
                      <code className="font-mono text-xs">{event.action}</code>
                    </td>
                    <td className="py-2 pr-3 text-xs">
                      {event.targetType ? (
                        <>
                          {event.targetType}
                          <span className="block break-all font-mono text-slate-600">{event.targetId}</span>
                        </>
                      ) : (
                        "–"
                      )}
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">{event.ipAddress ?? "–"}</td>
                    <td className="py-2 pr-3">
                      <code className="font-mono text-xs" title={t("audit.hashTitle")}>{event.hashShort}</code>
                    </td>
                    <td className="py-2">
                      <details>
                        <summary className="cursor-pointer text-brand-700">{t("audit.showPayload")}</summary>
                        {!event.payloadValid ? <p className="text-xs text-amber-800">{t("audit.payloadInvalid")}</p> : null}
                        <pre className="mt-1 max-w-md overflow-x-auto rounded bg-slate-100 p-2 text-xs">{event.payload}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <nav aria-label={t("audit.pagination")} className="mt-4 flex flex-wrap gap-3 text-sm">
          {page.newerCursor !== null ? (
            <>
              <Link className="text-brand-700 underline" to={pageLink(null)}>
                {t("audit.newest")}
              </Link>
              <Link className="text-brand-700 underline" to={pageLink({ after: page.newerCursor })} rel="prev">
                {t("audit.newer")}
              </Link>
            </>
          ) : null}
          {page.olderCursor !== null ? (
            <Link className="text-brand-700 underline" to={pageLink({ before: page.olderCursor })} rel="next">
              {t("audit.older")}
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}
