import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { StatusBadge, TierBadge } from "~/components/assessment-badges";
import { AnswersCard } from "~/components/assessments/answers-card";
import { InviteLinksPanel } from "~/components/assessments/invite-links-panel";
import { SignedReportsCard } from "~/components/assessments/signed-reports-card";
import { ClarificationThreads } from "~/components/questionnaire/clarification-threads";
import { ChangeRequestHistory, RequestChangesCard } from "~/components/review/change-requests";
import { AnswerReviewExtras, CommentsCard } from "~/components/review/comments";
import { FindingsCard } from "~/components/review/findings-card";
import {
  ResidencyDetails,
  ScoreExplanationDetails,
  TransparencyDetails,
} from "~/components/score-details";
import { ScoreSummary } from "~/components/score-summary";
import { Button } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/layout";
import type { getAssessmentPage } from "~/modules/assessments/get-assessment-page.server";
import type { AssessmentPageActionData } from "~/modules/assessments/run-assessment-page-action.server";
import { useT } from "~/utils/use-t";
import { DecisionCard } from "./decision-card";
import { CarriedMark, ReReviewCard, TemplateUpdateCard } from "./re-review-card";

/** The assessment page's loader data as the browser receives it. */
export type AssessmentPageView = SerializeFrom<typeof getAssessmentPage>;

/**
 * One assessment for the organisation's users: scores and their explanation, invite links,
 * forwarding to the DPO, the decision, review (findings, comments, change requests), signed
 * reports and the answers with their clarification threads. Every form is a plain POST.
 */
export function AssessmentPage({
  view,
  actionData,
}: {
  view: AssessmentPageView;
  actionData: AssessmentPageActionData | undefined;
}) {
  const {
    assessment: a,
    review,
    inviteLinks,
    clarifications,
    signedReports,
    pendingReports,
    canWrite,
    canDecide,
    decisionBlockers,
    stepUpFresh,
    stepUpMinutes,
    reReview,
    templateUpdate,
    canReReview,
  } = view;
  const { t, locale, date } = useT();
  const carriedFrom = new Map(reReview?.carried.map((c) => [c.questionKey, c.firstGivenAt]));
  return (
    <div className="space-y-6">
      <PageHeader title={a.title}>
        <Link to={`/vendors/${a.vendor.id}`} className="underline">
          {a.vendor.name}
        </Link>
        {a.product ? ` · ${a.product.name}` : ""} ·{" "}
        {t("assessments.templateVersion", { name: a.templateName, version: a.templateVersion })}
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <StatusBadge status={a.status} />
          <TierBadge tier={a.score?.riskTier ?? null} knockOuts={a.score?.knockOuts.length ?? 0} />
          <span>
            {t("assessments.createdBy", { name: a.createdByName ?? "–", date: date(a.createdAt) })}
          </span>
          {a.dueDate ? (
            <span>
              · {t("assessments.dueDate")}: {date(a.dueDate)}
            </span>
          ) : null}
        </div>
      </PageHeader>

      {reReview ? (
        <ReReviewCard
          reReview={reReview}
          assessmentId={a.id}
          vendorId={a.vendor.id}
          scored={a.score !== null}
          labelOf={(key) => a.questions.find((q) => q.key === key)?.label[locale] ?? key}
        />
      ) : null}

      {templateUpdate ? (
        <TemplateUpdateCard update={templateUpdate} canReReview={canReReview} />
      ) : null}

      <Card title={t("assessments.scoresTitle")}>
        {a.score ? (
          <ScoreSummary score={a.score} sections={a.sections} questions={a.questions} />
        ) : (
          <p className="text-slate-600">{t("assessments.notScoredYet")}</p>
        )}
        {a.score ? (
          <p className="mt-3 text-xs text-slate-500" data-testid="weights-used">
            {a.weightProfile
              ? t("assessments.weightProfileUsed", { name: a.weightProfile.name })
              : t("assessments.templateWeightsUsed")}
          </p>
        ) : null}
      </Card>

      {a.score?.explanation ? (
        <Card title={t("assessments.explanationTitle")}>
          <ScoreExplanationDetails score={a.score} questions={a.questions} />
        </Card>
      ) : null}

      {a.score && "transparency" in a.score ? (
        <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
          <Card title={t("assessments.transparencyTitle")}>
            <TransparencyDetails score={a.score} questions={a.questions} />
          </Card>
          <Card title={t("assessments.residencyTitle")}>
            <ResidencyDetails score={a.score} />
          </Card>
        </div>
      ) : null}

      <InviteLinksPanel
        links={inviteLinks.links}
        ttlDays={inviteLinks.ttlDays}
        defaultTtlDays={inviteLinks.defaultTtlDays}
        sectionTitles={Object.fromEntries(
          a.sections.map((section) => [section.key, section.title[locale]]),
        )}
        canWrite={canWrite}
        open={["DRAFT", "INVITED", "IN_PROGRESS", "CHANGES_REQUESTED"].includes(a.status)}
        dueDate={inviteLinks.dueDate}
        result={actionData}
      />

      {canWrite && a.status === "SUBMITTED" ? (
        <Card title={t("assessments.forwardTitle")}>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="forward" />
            <TextAreaField
              label={t("assessments.forwardNote")}
              name="note"
              rows={2}
              maxLength={2000}
            />
            <Button type="submit">{t("assessments.forward")}</Button>
          </Form>
        </Card>
      ) : null}

      <DecisionCard
        assessment={a}
        canDecide={canDecide}
        blockers={decisionBlockers}
        stepUpFresh={stepUpFresh}
        stepUpMinutes={stepUpMinutes}
        actionData={actionData}
      />

      <FindingsCard
        assessmentId={a.id}
        findings={review.findings}
        questions={a.questions.map((q) => ({
          key: q.key,
          label: q.label[locale],
          sectionTitle: a.sections.find((s) => s.key === q.sectionKey)?.title[locale] ?? "",
        }))}
        canWrite={review.canWriteFindings}
      />
      <CommentsCard assessmentId={a.id} comments={review.comments} canComment={review.canComment} />
      {canWrite && (a.status === "SUBMITTED" || a.status === "AWAITING_DECISION") ? (
        <RequestChangesCard
          assessmentId={a.id}
          version={a.version}
          sections={a.sections.map((s) => ({ key: s.key, title: s.title[locale] }))}
          questions={a.questions
            .filter((q) => !q.hidden)
            .map((q) => ({ key: q.key, sectionKey: q.sectionKey, label: q.label[locale] }))}
        />
      ) : null}
      <ChangeRequestHistory
        requests={review.changeRequests}
        questions={a.questions.map((q) => ({
          key: q.key,
          sectionKey: q.sectionKey,
          label: q.label[locale],
        }))}
      />

      <SignedReportsCard assessmentId={a.id} reports={signedReports} pending={pendingReports} />

      <AnswersCard
        sections={a.sections}
        questions={a.questions}
        assessmentId={a.id}
        renderBelow={(q) => (
          <>
            {carriedFrom.has(q.key) ? <CarriedMark firstGivenAt={carriedFrom.get(q.key)!} /> : null}
            <AnswerReviewExtras
              assessmentId={a.id}
              questionKey={q.key}
              reason={q.result?.reason ?? null}
              comments={review.comments}
              canComment={review.canComment}
            />
            <ClarificationThreads
              questionKey={q.key}
              threads={clarifications[q.key] ?? []}
              mode="assessor"
              action={`/assessments/${a.id}/clarifications`}
              canAsk={canWrite}
              canResolve={canWrite}
            />
          </>
        )}
      />
    </div>
  );
}
