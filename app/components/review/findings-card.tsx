import {
  assessmentTabHref,
  formActionFor,
  type AssessmentTab,
} from "~/modules/assessments/assessment-tabs";
import { Form } from "@remix-run/react";
import { useId } from "react";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
import { FINDING_SEVERITIES, FINDING_STATUSES } from "~/modules/review/review-input";
import type { ReviewWorkspace } from "~/modules/review/review-workspace.server";
import { useT } from "~/utils/use-t";
import { ReviewFlashNotice } from "./review-flash-notice";

type Finding = ReviewWorkspace["findings"][number];
type QuestionOption = { key: string; label: string; sectionTitle: string };

const SEVERITY_CLASS: Record<Finding["severity"], string> = {
  LOW: "bg-slate-100 text-slate-800",
  MEDIUM: "bg-amber-100 text-amber-900",
  HIGH: "bg-orange-100 text-orange-900",
  CRITICAL: "bg-red-100 text-red-900",
};

/** yyyy-mm-dd of a stored calendar day (23:59:59 UTC), for <input type="date">. */
const dayOf = (value: Date | string | null) =>
  value ? new Date(value).toISOString().slice(0, 10) : "";

/** The fields of the create and edit forms (plain POSTs: they work without JavaScript). */
function FindingFields({ finding, questions }: { finding?: Finding; questions: QuestionOption[] }) {
  const { t } = useT();
  const sections = [...new Set(questions.map((q) => q.sectionTitle))];
  // A label that wraps the list would name it with every question's text; point to it instead.
  const linkedQuestionsId = useId();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <TextField
          label={t("review.findingTitle")}
          name="title"
          required
          minLength={3}
          maxLength={200}
          defaultValue={finding?.title}
        />
      </div>
      <SelectField
        label={t("review.severity")}
        name="severity"
        defaultValue={finding?.severity ?? "MEDIUM"}
        options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`review.severity${s}`) }))}
      />
      <SelectField
        label={t("review.findingStatus")}
        name="status"
        defaultValue={finding?.status ?? "OPEN"}
        options={FINDING_STATUSES.map((s) => ({ value: s, label: t(`review.findingStatus${s}`) }))}
      />
      <div className="sm:col-span-2">
        <TextAreaField
          label={t("review.description")}
          name="description"
          rows={3}
          required
          maxLength={5000}
          defaultValue={finding?.description}
        />
      </div>
      <div className="sm:col-span-2">
        <TextAreaField
          label={t("review.remediation")}
          name="remediation"
          rows={2}
          maxLength={5000}
          defaultValue={finding?.remediation}
        />
      </div>
      <TextField
        label={t("review.owner")}
        name="owner"
        maxLength={200}
        defaultValue={finding?.owner ?? ""}
      />
      <TextField
        label={t("review.dueDate")}
        name="dueDate"
        type="date"
        defaultValue={dayOf(finding?.dueDate ?? null)}
      />
      <div className="sm:col-span-2">
        <label htmlFor={linkedQuestionsId} className="block text-sm font-medium text-slate-800">
          {t("review.linkedQuestions")}
        </label>
        <select
          id={linkedQuestionsId}
          name="questionKeys"
          multiple
          size={6}
          defaultValue={finding?.questionKeys ?? []}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          {sections.map((title) => (
            <optgroup key={title} label={title}>
              {questions
                .filter((q) => q.sectionTitle === title)
                .map((q) => (
                  <option key={q.key} value={q.key}>
                    {q.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <p className="text-xs text-slate-600">{t("review.linkedQuestionsHint")}</p>
      </div>
    </div>
  );
}

/**
 * Findings of the assessment: a list, an edit form per finding (inside <details>, no JS needed)
 * and a create form, closed until opened. Readers (DPO, auditor) see the list only. Each edit carries the version it
 * started from, so a stale edit is refused instead of overwriting a colleague's change.
 */
export function FindingsCard({
  assessmentId,
  findings,
  questions,
  canWrite,
  tab = "findings",
}: {
  assessmentId: string;
  findings: Finding[];
  questions: QuestionOption[];
  canWrite: boolean;
  /** The tab of the assessment page the card sits on (each post comes back there). */
  tab?: AssessmentTab;
}) {
  const { t, date } = useT();
  const action = formActionFor(assessmentId, tab, "review");
  const labelOf = (key: string) => questions.find((q) => q.key === key)?.label ?? key;
  return (
    <Card title={<span id="findings">{t("review.findingsTitle")}</span>}>
      <ReviewFlashNotice intents={["createFinding", "deleteFinding"]} />
      {findings.length === 0 ? (
        <p className="text-sm text-slate-600">{t("review.noFindings")}</p>
      ) : null}
      <ul className="space-y-4">
        {findings.map((f) => (
          <li
            key={f.id}
            id={`finding-${f.id}`}
            className="rounded-md border border-slate-200 p-3"
            data-testid="finding"
          >
            <div className="flex flex-wrap items-baseline gap-2">
              <span
                className={`rounded px-2 py-0.5 text-xs font-medium ${SEVERITY_CLASS[f.severity]}`}
              >
                {t(`review.severity${f.severity}`)}
              </span>
              <h3 className="font-semibold" data-testid="finding-title">
                {f.title}
              </h3>
            </div>
            <p className="mt-1 text-xs text-slate-600" data-testid="finding-meta">
              {t("review.findingMeta", {
                severity: t(`review.severity${f.severity}`),
                status: t(`review.findingStatus${f.status}`),
                owner: f.owner ?? "–",
                due: date(f.dueDate),
              })}
            </p>
            <p className="mt-2 whitespace-pre-line text-sm">{f.description}</p>
            {f.remediation ? (
              <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
                <span className="font-medium">{t("review.remediation")}:</span> {f.remediation}
              </p>
            ) : null}
            {f.questionKeys.length > 0 ? (
              <p className="mt-1 text-xs">
                {t("review.linkedQuestions")}:{" "}
                {f.questionKeys.map((key, i) => (
                  <span key={key}>
                    {i > 0 ? " · " : ""}
                    <a
                      href={assessmentTabHref(assessmentId, "answers", `answer-${key}`)}
                      className="underline"
                    >
                      {labelOf(key)}
                    </a>
                  </span>
                ))}
              </p>
            ) : null}
            <ReviewFlashNotice intents={["updateFinding", "deleteFinding"]} id={f.id} />
            {canWrite ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm underline">
                  {t("review.editFinding")}
                </summary>
                <Form method="post" action={action} className="mt-2 space-y-3">
                  <input type="hidden" name="intent" value="updateFinding" />
                  <input type="hidden" name="findingId" value={f.id} />
                  <input type="hidden" name="expectedVersion" value={f.version} />
                  <FindingFields finding={f} questions={questions} />
                  <Button type="submit">{t("review.saveFinding")}</Button>
                </Form>
                <Form
                  method="post"
                  action={action}
                  className="mt-3 flex flex-wrap items-center gap-3"
                >
                  <input type="hidden" name="intent" value="deleteFinding" />
                  <input type="hidden" name="findingId" value={f.id} />
                  <input type="hidden" name="expectedVersion" value={f.version} />
                  <label className="text-sm">
                    <input type="checkbox" name="confirm" value="yes" required />{" "}
                    {t("review.confirmDelete")}
                  </label>
                  <Button type="submit" variant="danger">
                    {t("review.deleteFinding")}
                  </Button>
                </Form>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite ? (
        <details className="mt-4" data-testid="create-finding-disclosure">
          <summary className="cursor-pointer font-medium">{t("review.addFinding")}</summary>
          <Form
            method="post"
            action={action}
            className="mt-2 space-y-3"
            data-testid="create-finding-form"
          >
            <input type="hidden" name="intent" value="createFinding" />
            <FindingFields questions={questions} />
            <Button type="submit">{t("review.createFinding")}</Button>
          </Form>
        </details>
      ) : null}
      {findings.length > 0 ? (
        <p className="mt-3 text-xs text-slate-500">{t("review.findingsAfterDecision")}</p>
      ) : null}
    </Card>
  );
}
