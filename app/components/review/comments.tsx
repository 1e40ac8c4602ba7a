import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
import { formActionFor, type AssessmentTab } from "~/modules/assessments/assessment-tabs";
import {
  COMMENT_BODY_MAX,
  COMMENT_VISIBILITIES,
  type CommentVisibility,
} from "~/modules/review/review-input";
import { useT } from "~/utils/use-t";
import { ReviewFlashNotice } from "./review-flash-notice";

/** A comment as loaders send it (dates may arrive as strings). */
export interface CommentData {
  id: string;
  questionKey: string | null;
  visibility: CommentVisibility;
  body: string;
  authorLabel: string;
  createdAt: Date | string;
}

export function CommentList({
  comments,
  showVisibility = true,
}: {
  comments: readonly CommentData[];
  showVisibility?: boolean;
}) {
  const { t, date } = useT();
  if (comments.length === 0) return null;
  return (
    <ul className="space-y-2">
      {comments.map((c) => (
        <li
          key={c.id}
          className={`rounded-md border p-2 text-sm ${c.visibility === "VENDOR" ? "border-sky-200 bg-sky-50" : "border-slate-200 bg-slate-50"}`}
          data-testid="comment"
          data-visibility={c.visibility}
        >
          <p className="text-xs text-slate-600">
            {t("review.commentMeta", { author: c.authorLabel, date: date(c.createdAt, true) })}
            {showVisibility ? (
              <span className="ml-2 rounded bg-white px-1.5 py-0.5 font-medium">
                {t(c.visibility === "VENDOR" ? "review.badgeVENDOR" : "review.badgeINTERNAL")}
              </span>
            ) : null}
          </p>
          <p className="whitespace-pre-line">{c.body}</p>
        </li>
      ))}
    </ul>
  );
}

/** Comment form: internal by default, a radio makes it visible to the vendor. */
export function CommentForm({
  assessmentId,
  questionKey,
  tab,
}: {
  assessmentId: string;
  questionKey?: string;
  /** The tab of the assessment page the form sits on (the post comes back there). */
  tab: AssessmentTab;
}) {
  const { t } = useT();
  return (
    <Form
      method="post"
      action={formActionFor(assessmentId, tab, "review")}
      className="space-y-2"
      data-testid="comment-form"
    >
      <input type="hidden" name="intent" value="addComment" />
      {questionKey ? <input type="hidden" name="questionKey" value={questionKey} /> : null}
      <TextAreaField
        label={t("review.commentBody")}
        name="body"
        rows={2}
        required
        maxLength={COMMENT_BODY_MAX}
      />
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">{t("review.visibility")}</legend>
        {COMMENT_VISIBILITIES.map((v) => (
          <label key={v}>
            <input type="radio" name="visibility" value={v} defaultChecked={v === "INTERNAL"} />{" "}
            {t(`review.visibility${v}`)}
          </label>
        ))}
      </fieldset>
      <Button type="submit" variant="secondary">
        {t("review.addComment")}
      </Button>
    </Form>
  );
}

/**
 * Comments on the assessment as a whole (those on single answers sit under the answers); the
 * form stays behind a closed disclosure until opened.
 */
export function CommentsCard({
  assessmentId,
  comments,
  canComment,
  tab = "conversation",
}: {
  assessmentId: string;
  comments: readonly CommentData[];
  canComment: boolean;
  tab?: AssessmentTab;
}) {
  const { t } = useT();
  const general = comments.filter((c) => c.questionKey === null);
  return (
    <Card title={<span id="comments">{t("review.commentsTitle")}</span>}>
      <ReviewFlashNotice intents={["addComment"]} />
      {general.length === 0 ? (
        <p className="mb-2 text-sm text-slate-600">{t("review.noComments")}</p>
      ) : (
        <CommentList comments={general} />
      )}
      {canComment ? (
        <details className="mt-3" data-testid="comment-disclosure">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {t("assessmentTabs.writeComment")}
          </summary>
          <div className="mt-2">
            <CommentForm assessmentId={assessmentId} tab={tab} />
          </div>
        </details>
      ) : null}
    </Card>
  );
}

/**
 * What the review adds below one answer: the reason for its points as text (not only a
 * tooltip), the comments on it and a collapsed comment form.
 */
export function AnswerReviewExtras({
  assessmentId,
  questionKey,
  reason,
  comments,
  canComment,
  tab = "answers",
}: {
  assessmentId: string;
  questionKey: string;
  reason: string | null;
  comments: readonly CommentData[];
  canComment: boolean;
  tab?: AssessmentTab;
}) {
  const { t } = useT();
  const mine = comments.filter((c) => c.questionKey === questionKey);
  return (
    <div className="mt-2 space-y-2">
      {reason ? (
        <p className="text-xs text-slate-600" data-testid="score-reason">
          {t("review.scoreReason", { reason })}
        </p>
      ) : null}
      <CommentList comments={mine} />
      {canComment ? (
        <details>
          <summary className="cursor-pointer text-xs underline">
            {t("review.commentOnAnswer")}
          </summary>
          <div className="mt-2">
            <CommentForm assessmentId={assessmentId} questionKey={questionKey} tab={tab} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
