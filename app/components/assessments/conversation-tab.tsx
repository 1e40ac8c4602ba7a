import { Link } from "@remix-run/react";
import { ClarificationThreads } from "~/components/questionnaire/clarification-threads";
import { ChangeRequestHistory } from "~/components/review/change-requests";
import { CommentList, CommentsCard } from "~/components/review/comments";
import { Card } from "~/components/ui/layout";
import { assessmentTabHref, formActionFor } from "~/modules/assessments/assessment-tabs";
import { useT } from "~/utils/use-t";
import type { AssessmentPageView } from "./assessment-page";

/**
 * The Conversation tab: comments on the assessment as a whole, then every answer that has
 * comments or clarification threads (each with a link to the answer), then the change requests.
 * Asking a new question about an answer happens on the Answers tab, beside the answer.
 */
export function ConversationTab({ view }: { view: AssessmentPageView }) {
  const { assessment: a, review, clarifications, canWrite } = view;
  const { t, locale } = useT();
  const discussed = a.questions.filter(
    (q) =>
      review.comments.some((c) => c.questionKey === q.key) ||
      (clarifications[q.key]?.length ?? 0) > 0,
  );
  const answerHref = (key: string) => assessmentTabHref(a.id, "answers", `answer-${key}`);
  return (
    <>
      <CommentsCard
        assessmentId={a.id}
        comments={review.comments}
        canComment={review.canComment}
        tab="conversation"
      />
      <Card title={t("assessmentTabs.answerCommentsTitle")}>
        {discussed.length === 0 ? (
          <p className="text-sm text-slate-600">{t("assessmentTabs.noAnswerConversation")}</p>
        ) : (
          <ul className="space-y-4">
            {discussed.map((q) => (
              <li
                key={q.key}
                id={`answer-${q.key}`}
                className="space-y-2 rounded-md border border-slate-200 p-3"
                data-testid="conversation-question"
              >
                <p className="text-sm font-semibold text-slate-900">
                  {q.label[locale]}{" "}
                  <Link to={answerHref(q.key)} className="text-xs font-normal underline">
                    {t("assessmentTabs.toAnswer")}
                  </Link>
                </p>
                <CommentList comments={review.comments.filter((c) => c.questionKey === q.key)} />
                <ClarificationThreads
                  questionKey={q.key}
                  threads={clarifications[q.key] ?? []}
                  mode="assessor"
                  action={formActionFor(a.id, "conversation", "clarifications")}
                  canAsk={false}
                  canReply={canWrite}
                  canResolve={canWrite}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <ChangeRequestHistory
        requests={review.changeRequests}
        questions={a.questions.map((q) => ({
          key: q.key,
          sectionKey: q.sectionKey,
          label: q.label[locale],
        }))}
        answerHref={answerHref}
      />
    </>
  );
}
