import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
import { formActionFor, type AssessmentTab } from "~/modules/assessments/assessment-tabs";
import { CHANGE_MESSAGE_MAX } from "~/modules/review/review-input";
import { useT } from "~/utils/use-t";
import { ReviewFlashNotice } from "./review-flash-notice";

type Section = { key: string; title: string };
type Question = { key: string; sectionKey: string; label: string };
export interface ChangeRequestData {
  id: string;
  message: string;
  questionKeys: string[];
  requestedByName: string | null;
  createdAt: Date | string;
  closedAt: Date | string | null;
}

/**
 * "Request changes": the questions to reopen (checkboxes, grouped by section) and a message.
 * `collapsed`: the form sits behind a closed disclosure until opened (no JavaScript needed).
 */
export function RequestChangesCard({
  assessmentId,
  version,
  sections,
  questions,
  tab = "answers",
  collapsed = false,
}: {
  assessmentId: string;
  version: number;
  sections: Section[];
  questions: Question[];
  tab?: AssessmentTab;
  collapsed?: boolean;
}) {
  const { t } = useT();
  const form = (
    <>
      <p className="mb-3 text-sm text-slate-700">{t("review.requestChangesIntro")}</p>
      <RequestChangesForm
        assessmentId={assessmentId}
        version={version}
        sections={sections}
        questions={questions}
        tab={tab}
      />
    </>
  );
  return (
    <Card title={<span id="request-changes">{t("review.requestChangesTitle")}</span>}>
      <ReviewFlashNotice intents={["requestChanges"]} />
      {collapsed ? (
        <details data-testid="request-changes-disclosure">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {t("assessmentTabs.openRequestChanges")}
          </summary>
          <div className="mt-3">{form}</div>
        </details>
      ) : (
        form
      )}
    </Card>
  );
}

function RequestChangesForm({
  assessmentId,
  version,
  sections,
  questions,
  tab,
}: {
  assessmentId: string;
  version: number;
  sections: Section[];
  questions: Question[];
  tab: AssessmentTab;
}) {
  const { t } = useT();
  return (
    <Form
      method="post"
      action={formActionFor(assessmentId, tab, "review")}
      className="space-y-3"
      data-testid="request-changes-form"
    >
      <input type="hidden" name="intent" value="requestChanges" />
      <input type="hidden" name="expectedVersion" value={version} />
      {sections.map((section) => (
        <fieldset key={section.key} className="rounded-md border border-slate-200 p-2">
          <legend className="px-1 text-sm font-semibold">{section.title}</legend>
          <ul className="space-y-1 text-sm">
            {questions
              .filter((q) => q.sectionKey === section.key)
              .map((q) => (
                <li key={q.key}>
                  <label>
                    <input type="checkbox" name="questionKeys" value={q.key} /> {q.label}
                  </label>
                </li>
              ))}
          </ul>
        </fieldset>
      ))}
      <TextAreaField
        label={t("review.changeMessage")}
        name="message"
        rows={3}
        required
        minLength={3}
        maxLength={CHANGE_MESSAGE_MAX}
      />
      <Button type="submit">{t("review.requestChanges")}</Button>
    </Form>
  );
}

/**
 * "Request a change" under one answer: a closed disclosure with a message; it reopens just this
 * question for the vendor (the same review intent as the card above).
 */
export function RequestAnswerChange({
  assessmentId,
  version,
  questionKey,
  tab = "answers",
}: {
  assessmentId: string;
  version: number;
  questionKey: string;
  tab?: AssessmentTab;
}) {
  const { t } = useT();
  return (
    <details data-testid="request-answer-change">
      <summary className="cursor-pointer text-xs underline">
        {t("assessmentTabs.requestAnswerChange")}
      </summary>
      <Form
        method="post"
        action={formActionFor(assessmentId, tab, "review")}
        className="mt-2 space-y-2"
      >
        <input type="hidden" name="intent" value="requestChanges" />
        <input type="hidden" name="expectedVersion" value={version} />
        <input type="hidden" name="questionKeys" value={questionKey} />
        <p className="text-xs text-slate-700">{t("assessmentTabs.requestAnswerChangeHint")}</p>
        <TextAreaField
          label={t("assessmentTabs.requestAnswerChangeMessage")}
          name="message"
          rows={2}
          required
          minLength={3}
          maxLength={CHANGE_MESSAGE_MAX}
        />
        <Button type="submit" variant="secondary">
          {t("assessmentTabs.requestAnswerChangeSubmit")}
        </Button>
      </Form>
    </details>
  );
}

/** Every change request of the assessment, newest first. */
export function ChangeRequestHistory({
  requests,
  questions,
  answerHref = (key) => `#answer-${key}`,
}: {
  requests: readonly ChangeRequestData[];
  questions: Question[];
  /** Where a reopened question links to (the answer on the Answers tab). */
  answerHref?: (questionKey: string) => string;
}) {
  const { t, date } = useT();
  if (requests.length === 0) return null;
  const labelOf = (key: string) => questions.find((q) => q.key === key)?.label ?? key;
  return (
    <Card title={<span id="change-requests">{t("review.changeHistoryTitle")}</span>}>
      <ol className="space-y-3">
        {requests.map((r) => (
          <li
            key={r.id}
            className="rounded-md border border-slate-200 p-3 text-sm"
            data-testid="change-request"
          >
            <p className="text-xs text-slate-600">
              {t("review.changeRequestMeta", {
                name: r.requestedByName ?? "–",
                date: date(r.createdAt, true),
              })}{" "}
              ·{" "}
              <span data-testid="change-request-state">
                {r.closedAt
                  ? t("review.changeRequestClosed", { date: date(r.closedAt, true) })
                  : t("review.changeRequestOpen")}
              </span>
            </p>
            <p className="mt-1 whitespace-pre-line">{r.message}</p>
            <p className="mt-1 text-xs font-medium">{t("review.reopenedQuestions")}:</p>
            <ul className="list-disc pl-5 text-xs">
              {r.questionKeys.map((key) => (
                <li key={key}>
                  <a href={answerHref(key)} className="underline">
                    {labelOf(key)}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Card>
  );
}
