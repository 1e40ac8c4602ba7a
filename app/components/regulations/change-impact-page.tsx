import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { labelKey, type LocalizedMessage } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { TRIAGE_STATUSES } from "~/modules/regulations/triage-values";
import { diffFieldText, diffValueText } from "./diff-text";
import { ResidencyReratingsTable, type ResidencyReratingView } from "./residency-reratings-table";

// The markup of /regulations/changes/:changeId (issue 14 item 7). Plain data in, no hooks but
// translation: the route loads, this renders. Every form works without JavaScript.

interface AssessmentRow {
  id: string;
  title: string;
  status: string;
  vendorId: string;
  vendorName: string;
}

export interface ChangeImpactView {
  impact: {
    event: {
      id: string;
      type: string;
      legalStatus: string;
      detectedAt: string;
      effectiveAt: string | null;
      summaryDe: string;
      summaryEn: string;
      sourceUrl: string | null;
      confirmed: boolean;
      note: string | null;
      source: string;
      affectedProvisionKeys: string[];
      changes: { provisionKey?: string; field: string; from: string | null; to: string | null }[];
      instrument: { key: string; titleDe: string; titleEn: string };
    };
    basis: "provisions" | "adequacy";
    countries: string[];
    questions: {
      templateId: string;
      templateName: string;
      questionKey: string;
      label: { en: string; de: string } | null;
      provisionKeys: string[];
    }[];
    templateVersions: { id: string; templateId: string; templateName: string; version: number }[];
    active: AssessmentRow[];
    decided: AssessmentRow[];
    vendors: { id: string; name: string }[];
    counts: {
      questions: number;
      templateVersions: number;
      active: number;
      decided: number;
      vendors: number;
    };
  };
  triage: {
    status: string;
    reason: string | null;
    version: number;
    raisedAt: string | null;
  } | null;
  history: {
    at: string;
    actor: string;
    kind: "triaged" | "raised";
    from: string | null;
    to: string | null;
  }[];
  reratings: ResidencyReratingView[];
  canTriage: boolean;
  canStartReReview: boolean;
}

export interface TriageFormState {
  saved: boolean;
  problem?: LocalizedMessage;
  values?: { status: string; reason: string };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1">
      <dt className="text-slate-600">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}

export function ChangeImpactPage({
  view,
  triageForm,
}: {
  view: ChangeImpactView;
  triageForm: TriageFormState;
}) {
  const { t, tm, date, locale } = useT();
  const { impact } = view;
  const { event, counts } = impact;
  const summary = locale === "de" ? event.summaryDe : event.summaryEn;
  const typeLabel = t(labelKey("impact.type_", event.type) ?? "common.unknownValue");
  const triageLabel = (status: string | null) =>
    status === null
      ? t("impact.historyNoStatus")
      : t(labelKey("impact.triage_", status) ?? "common.unknownValue");
  const nothing = counts.questions + counts.active + counts.decided === 0;
  return (
    <div className="max-w-5xl space-y-4">
      <p className="text-sm">
        <Link className="text-brand-700 underline" to="/regulations/changes">
          {t("impact.backToChanges")}
        </Link>
      </p>
      <PageHeader title={typeLabel}>
        <span data-testid="change-summary">{summary}</span>
      </PageHeader>

      <Card title={t("impact.factsTitle")}>
        <dl className="text-sm">
          <Fact label={t("impact.instrument")}>
            {locale === "de" ? event.instrument.titleDe : event.instrument.titleEn}{" "}
            <span className="font-mono text-xs text-slate-500">{event.instrument.key}</span>
          </Fact>
          <Fact label={t("impact.type")}>{typeLabel}</Fact>
          <Fact label={t("impact.legalStatus")}>
            {t(labelKey("impact.legal_", event.legalStatus) ?? "common.unknownValue")}
          </Fact>
          <Fact label={t("impact.detectedAt")}>{date(event.detectedAt)}</Fact>
          <Fact label={t("impact.effectiveAt")}>
            {event.effectiveAt ? date(event.effectiveAt) : t("impact.effectivePending")}
          </Fact>
          <Fact label={t("impact.source")}>
            {event.sourceUrl ? (
              <a
                className="text-brand-700 underline"
                href={event.sourceUrl}
                rel="noopener noreferrer"
                target="_blank"
              >
                {t("impact.sourceLink")}
              </a>
            ) : (
              t("impact.noSource")
            )}
            <span
              className={`ml-2 rounded px-2 py-0.5 text-xs ${event.confirmed ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}
              data-testid="confirmation-mark"
            >
              {event.confirmed ? t("impact.confirmed") : t("impact.unconfirmed")}
            </span>
            {event.note ? <p className="mt-1 text-xs text-slate-600">{event.note}</p> : null}
          </Fact>
          <Fact label={t("impact.recordedBy")}>
            {t(labelKey("impact.origin_", event.source) ?? "common.unknownValue")}
          </Fact>
          {event.affectedProvisionKeys.length > 0 ? (
            <Fact label={t("impact.affectedProvisions")}>
              <ul className="font-mono text-xs">
                {event.affectedProvisionKeys.map((key) => (
                  <li key={key}>{key}</li>
                ))}
              </ul>
            </Fact>
          ) : null}
        </dl>
        <h3 className="mt-4 mb-2 font-medium text-slate-900">{t("impact.diffTitle")}</h3>
        {event.changes.length === 0 ? (
          <p className="text-sm text-slate-600">{t("impact.diffNone")}</p>
        ) : (
          <table className="min-w-full text-left text-sm" data-testid="change-diff">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th className="py-2 pr-4 font-medium">{t("impact.diffProvision")}</th>
                <th className="py-2 pr-4 font-medium">{t("impact.diffField")}</th>
                <th className="py-2 pr-4 font-medium">{t("impact.diffFrom")}</th>
                <th className="py-2 pr-4 font-medium">{t("impact.diffTo")}</th>
              </tr>
            </thead>
            <tbody>
              {event.changes.map((change, index) => (
                <tr key={index} className="border-b border-slate-100">
                  <td className="py-2 pr-4 font-mono text-xs">
                    {change.provisionKey ?? t("impact.diffEmpty")}
                  </td>
                  <td className="py-2 pr-4">{diffFieldText(change.field, locale)}</td>
                  <td className="py-2 pr-4">
                    {change.from === null
                      ? t("impact.diffEmpty")
                      : diffValueText(change.from, locale, (day) => date(day))}
                  </td>
                  <td className="py-2 pr-4">
                    {change.to === null
                      ? t("impact.diffEmpty")
                      : diffValueText(change.to, locale, (day) => date(day))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>

      <Card title={t("impact.impactTitle")}>
        <p className="mb-3 text-sm text-slate-600">
          {impact.basis === "provisions"
            ? t("impact.impactBasisProvisions")
            : impact.countries.length > 0
              ? t("impact.impactBasisAdequacy", { countries: impact.countries.join(", ") })
              : t("impact.impactBasisAdequacyNone")}
        </p>
        <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5" data-testid="impact-counts">
          {(
            [
              ["questions", "impact.countQuestions", counts.questions],
              ["template-versions", "impact.countTemplateVersions", counts.templateVersions],
              ["active", "impact.countActive", counts.active],
              ["decided", "impact.countDecided", counts.decided],
              ["vendors", "impact.countVendors", counts.vendors],
            ] as const
          ).map(([anchor, key, count]) => (
            <li key={anchor} className="rounded border border-slate-200 p-2">
              <a className="block" href={`#${anchor}`}>
                <span className="block text-2xl font-semibold" data-testid={`count-${anchor}`}>
                  {count}
                </span>
                <span className="text-slate-600">{t(key)}</span>
              </a>
            </li>
          ))}
        </ul>
        {nothing ? <p className="mt-3 text-sm text-slate-600">{t("impact.noImpact")}</p> : null}
      </Card>

      <Card title={<span id="questions">{t("impact.questionsTitle")}</span>}>
        {impact.questions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("impact.noneInList")}</p>
        ) : (
          <table className="min-w-full text-left text-sm" data-testid="affected-questions">
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th className="py-2 pr-4 font-medium">{t("impact.columnQuestion")}</th>
                <th className="py-2 pr-4 font-medium">{t("impact.columnTemplate")}</th>
                <th className="py-2 pr-4 font-medium">{t("impact.columnProvisions")}</th>
              </tr>
            </thead>
            <tbody>
              {impact.questions.map((q) => (
                <tr key={`${q.templateId}:${q.questionKey}`} className="border-b border-slate-100">
                  <td className="py-2 pr-4">
                    {q.label ? q.label[locale] : null}{" "}
                    <span className="font-mono text-xs text-slate-500">{q.questionKey}</span>
                  </td>
                  <td className="py-2 pr-4">
                    <Link className="text-brand-700 underline" to={`/templates/${q.templateId}`}>
                      {q.templateName}
                    </Link>
                  </td>
                  <td className="py-2 pr-4 font-mono text-xs">{q.provisionKeys.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>

      <Card title={<span id="template-versions">{t("impact.templateVersionsTitle")}</span>}>
        {impact.templateVersions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("impact.noneInList")}</p>
        ) : (
          <ul className="list-disc pl-5 text-sm" data-testid="affected-template-versions">
            {impact.templateVersions.map((v) => (
              <li key={v.id}>
                <Link className="text-brand-700 underline" to={`/templates/${v.templateId}`}>
                  {t("impact.templateVersionLabel", { name: v.templateName, version: v.version })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <ReReviewSection view={view} />

      <Card title={<span id="vendors">{t("impact.vendorsTitle")}</span>}>
        {impact.vendors.length === 0 ? (
          <p className="text-sm text-slate-600">{t("impact.noneInList")}</p>
        ) : (
          <ul className="list-disc pl-5 text-sm" data-testid="affected-vendors">
            {impact.vendors.map((v) => (
              <li key={v.id}>
                <Link className="text-brand-700 underline" to={`/vendors/${v.id}`}>
                  {v.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <CutNotice shown={impact.vendors.length} count={counts.vendors} />
      </Card>

      <Card title={t("impact.triageTitle")}>
        <p className="mb-2 text-sm text-slate-600">{t("impact.triageIntro")}</p>
        <div className="mb-3 text-sm" data-testid="triage-current">
          {view.triage ? (
            <>
              <p>{t("impact.triageCurrent", { status: triageLabel(view.triage.status) })}</p>
              {view.triage.reason ? (
                <p>{t("impact.triageCurrentReason", { reason: view.triage.reason })}</p>
              ) : null}
              {view.triage.raisedAt ? (
                <p>{t("impact.triageRaised", { date: date(view.triage.raisedAt) })}</p>
              ) : null}
            </>
          ) : (
            <p>{t("impact.triageNone")}</p>
          )}
        </div>
        {triageForm.saved ? <Alert tone="success">{t("impact.triageSaved")}</Alert> : null}
        {triageForm.problem ? (
          <Alert tone="error">
            <span data-testid="triage-problem">{tm(triageForm.problem)}</span>
          </Alert>
        ) : null}
        {view.canTriage ? (
          <Form method="post" className="mt-3 space-y-3">
            <input type="hidden" name="intent" value="triage" />
            <input type="hidden" name="expectedVersion" value={view.triage?.version ?? 0} />
            <div className="space-y-1">
              <label htmlFor="triage-status" className="block text-sm font-medium text-slate-800">
                {t("impact.triageStatus")}
              </label>
              <select
                id="triage-status"
                name="status"
                defaultValue={triageForm.values?.status ?? view.triage?.status ?? "open"}
                className="rounded-md border border-slate-300 px-2 py-1 text-sm"
              >
                {TRIAGE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {triageLabel(status)}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="triage-reason" className="block text-sm font-medium text-slate-800">
                {t("impact.triageReason")}
              </label>
              <textarea
                id="triage-reason"
                name="reason"
                rows={3}
                maxLength={2000}
                aria-describedby="triage-reason-hint"
                defaultValue={triageForm.values?.reason ?? view.triage?.reason ?? ""}
                className="block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
              />
              <p id="triage-reason-hint" className="text-xs text-slate-600">
                {t("impact.triageReasonHint")}
              </p>
            </div>
            <Button type="submit">{t("impact.triageSubmit")}</Button>
          </Form>
        ) : (
          <p className="text-sm text-slate-600">{t("impact.triageReadOnly")}</p>
        )}
        <h3 className="mt-4 mb-2 font-medium text-slate-900">{t("impact.historyTitle")}</h3>
        {view.history.length === 0 ? (
          <p className="text-sm text-slate-600">{t("impact.historyEmpty")}</p>
        ) : (
          <ul className="list-disc pl-5 text-sm" data-testid="triage-history">
            {view.history.map((entry, index) => (
              <li key={index}>
                {entry.kind === "raised"
                  ? t("impact.historyRaised", { date: date(entry.at, true) })
                  : t("impact.historyEntry", {
                      date: date(entry.at, true),
                      actor: entry.actor,
                      from: triageLabel(entry.from),
                      to: triageLabel(entry.to),
                    })}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("impact.reratingsTitle")}>
        <p className="mb-2 text-sm text-slate-600">{t("impact.reratingsIntro")}</p>
        <ResidencyReratingsTable rows={view.reratings} show="vendor" />
      </Card>
    </div>
  );
}

function CutNotice({ shown, count }: { shown: number; count: number }) {
  const { t } = useT();
  return shown < count ? (
    <p className="mt-2 text-xs text-slate-600">{t("impact.listCut", { shown, count })}</p>
  ) : null;
}

/**
 * The active and decided assessments; for those who may start assessments, inside one form with
 * a checkbox per assessment that posts to the re-review route (issue 14 item 8 builds it).
 */
function ReReviewSection({ view }: { view: ChangeImpactView }) {
  const { t } = useT();
  const { impact } = view;
  const tables = (
    <>
      <h3 id="active" className="mb-2 font-medium text-slate-900">
        {t("impact.activeTitle")}
      </h3>
      <AssessmentTable
        rows={impact.active}
        selectable={view.canStartReReview}
        testId="active-assessments"
      />
      <CutNotice shown={impact.active.length} count={impact.counts.active} />
      <h3 id="decided" className="mt-4 mb-2 font-medium text-slate-900">
        {t("impact.decidedTitle")}
      </h3>
      <AssessmentTable
        rows={impact.decided}
        selectable={view.canStartReReview}
        testId="decided-assessments"
      />
      <CutNotice shown={impact.decided.length} count={impact.counts.decided} />
    </>
  );
  const anyRow = impact.active.length + impact.decided.length > 0;
  return (
    <Card title={t("impact.reReviewTitle")}>
      {view.canStartReReview && anyRow ? (
        // A full page post: the re-review route answers with its own page.
        <form
          method="post"
          action={`/regulations/changes/${impact.event.id}/re-review`}
          data-testid="re-review-form"
        >
          <p className="mb-3 text-sm text-slate-600">{t("impact.reReviewIntro")}</p>
          {tables}
          <Button type="submit" className="mt-4">
            {t("impact.reReviewSubmit")}
          </Button>
        </form>
      ) : (
        tables
      )}
    </Card>
  );
}

function AssessmentTable({
  rows,
  selectable,
  testId,
}: {
  rows: readonly AssessmentRow[];
  selectable: boolean;
  testId: string;
}) {
  const { t } = useT();
  if (rows.length === 0) return <p className="text-sm text-slate-600">{t("impact.noneInList")}</p>;
  return (
    <table className="min-w-full text-left text-sm" data-testid={testId}>
      <thead>
        <tr className="border-b border-slate-200 text-slate-600">
          {selectable ? (
            <th className="py-2 pr-4 font-medium">{t("impact.columnSelect")}</th>
          ) : null}
          <th className="py-2 pr-4 font-medium">{t("impact.columnAssessment")}</th>
          <th className="py-2 pr-4 font-medium">{t("impact.columnVendor")}</th>
          <th className="py-2 pr-4 font-medium">{t("impact.columnStatus")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-slate-100">
            {selectable ? (
              <td className="py-2 pr-4">
                <input
                  type="checkbox"
                  name="assessmentId"
                  value={row.id}
                  aria-label={t("impact.selectAssessment", { title: row.title })}
                />
              </td>
            ) : null}
            <td className="py-2 pr-4">
              <Link className="text-brand-700 underline" to={`/assessments/${row.id}`}>
                {row.title}
              </Link>
            </td>
            <td className="py-2 pr-4">
              <Link className="text-brand-700 underline" to={`/vendors/${row.vendorId}`}>
                {row.vendorName}
              </Link>
            </td>
            <td className="py-2 pr-4">
              {t(labelKey("assessments.status", row.status) ?? "common.unknownValue")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
