import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
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

/** "Request changes": the questions to reopen (checkboxes, grouped by section) and a message. */
export function RequestChangesCard({
  assessmentId,
  version,
  sections,
  questions,
}: {
  assessmentId: string;
  version: number;
  sections: Section[];
  questions: Question[];
}) {
  const { t } = useT();
  return (
    <Card title={<span id="request-changes">{t("review.requestChangesTitle")}</span>}>
      <ReviewFlashNotice intents={["requestChanges"]} />
      <p className="mb-3 text-sm text-slate-700">{t("review.requestChangesIntro")}</p>
      <Form
        method="post"
        action={`/assessments/${assessmentId}/review`}
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
    </Card>
  );
}

/** Every change request of the assessment, newest first. */
export function ChangeRequestHistory({
  requests,
  questions,
}: {
  requests: readonly ChangeRequestData[];
  questions: Question[];
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
                  <a href={`#answer-${key}`} className="underline">
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
