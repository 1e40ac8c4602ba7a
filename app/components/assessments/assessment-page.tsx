import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { StatusBadge, TierBadge } from "~/components/assessment-badges";
import { AnswersCard } from "~/components/assessments/answers-card";
import { InviteLinksPanel } from "~/components/assessments/invite-links-panel";
import { SignedReportsCard } from "~/components/assessments/signed-reports-card";
import { ClarificationThreads } from "~/components/questionnaire/clarification-threads";
import { RequestAnswerChange, RequestChangesCard } from "~/components/review/change-requests";
import { AnswerReviewExtras } from "~/components/review/comments";
import { FindingsCard } from "~/components/review/findings-card";
import { Button } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/layout";
import {
  formActionFor,
  OPEN_FORM_PARAM,
  type AssessmentTab,
} from "~/modules/assessments/assessment-tabs";
import type { getAssessmentPage } from "~/modules/assessments/get-assessment-page.server";
import { answerScoreReason } from "~/modules/questionnaires/explain-answer";
import type { AssessmentPageActionData } from "~/modules/assessments/run-assessment-page-action.server";
import { useT } from "~/utils/use-t";
import { AssessmentTabNav } from "./assessment-tab-nav";
import { ConversationTab } from "./conversation-tab";
import { DecisionCard } from "./decision-card";
import { NextStepBar } from "./next-step-bar";
import { OverviewTab } from "./overview-tab";
import { CarriedMark } from "./re-review-card";

/** The assessment page's loader data as the browser receives it. */
export type AssessmentPageView = SerializeFrom<typeof getAssessmentPage>;

type TabProps = {
  view: AssessmentPageView;
  actionData: AssessmentPageActionData | undefined;
  /** The closed form a link asked to unfold (`?open=decide`), or null. */
  openForm: string | null;
};

/**
 * One assessment for the organisation's users, in tabs that are links (`?tab=…`): Overview,
 * Answers (with comment, ask and request-change per answer), Findings, Conversation, Vendor
 * access, Decision and Reports, with one sticky bar for the next step. Every form is a plain POST
 * to an address that names its tab, closed until opened.
 */
export function AssessmentPage({
  view,
  actionData,
}: {
  view: AssessmentPageView;
  actionData: AssessmentPageActionData | undefined;
}) {
  const { assessment: a, tab, nextStep } = view;
  const { t, date, locale } = useT();
  const [params] = useSearchParams();
  const props: TabProps = { view, actionData, openForm: params.get(OPEN_FORM_PARAM) };
  return (
    <div className="space-y-6">
      <PageHeader title={a.title}>
        <Link to={`/vendors/${a.vendor.id}`} className="underline">
          {a.vendor.name}
        </Link>
        {a.product ? ` · ${a.product.name}` : ""} ·{" "}
        {t("assessments.templateVersion", {
          name: a.templateTitle[locale] || a.templateName,
          version: a.templateVersion,
        })}
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

      <AssessmentTabNav assessmentId={a.id} active={tab} />

      <div data-testid="assessment-tab-panel" data-tab={tab} className="space-y-6">
        <TabPanel tab={tab} {...props} />
      </div>

      {nextStep ? <NextStepBar assessmentId={a.id} step={nextStep} /> : null}
    </div>
  );
}

function TabPanel({ tab, ...props }: TabProps & { tab: AssessmentTab }) {
  switch (tab) {
    case "overview":
      return <OverviewTab view={props.view} />;
    case "answers":
      return <AnswersTab {...props} />;
    case "findings":
      return <FindingsTab {...props} />;
    case "conversation":
      return <ConversationTab view={props.view} />;
    case "vendor-access":
      return <VendorAccessTab {...props} />;
    case "decision":
      return <DecisionTab {...props} />;
    case "reports":
      return <ReportsTab {...props} />;
  }
}

function ReportsTab({ view }: TabProps) {
  const { t } = useT();
  const { assessment: a, signedReports, pendingReports } = view;
  return (
    <div data-testid="reports-tab">
      {signedReports.length === 0 && pendingReports.length === 0 ? (
        <Card title={t("assessments.reportsTitle")}>
          <p className="text-sm text-slate-600" data-testid="no-reports">
            {t("assessmentTabs.noReportsYet")}
          </p>
        </Card>
      ) : (
        <SignedReportsCard assessmentId={a.id} reports={signedReports} pending={pendingReports} />
      )}
    </div>
  );
}

/** Changes can be requested while the assessment is with the organisation (not the vendor). */
const mayRequestChanges = (view: AssessmentPageView) =>
  view.canWrite &&
  (view.assessment.status === "SUBMITTED" || view.assessment.status === "AWAITING_DECISION");

function AnswersTab({ view }: TabProps) {
  const { assessment: a, review, clarifications, reReview, canWrite } = view;
  const { t, locale } = useT();
  const carriedFrom = new Map(reReview?.carried.map((c) => [c.questionKey, c.firstGivenAt]));
  const requestChanges = mayRequestChanges(view);
  return (
    <>
      {requestChanges ? (
        <RequestChangesCard
          assessmentId={a.id}
          version={a.version}
          sections={a.sections.map((s) => ({ key: s.key, title: s.title[locale] }))}
          questions={a.questions
            .filter((q) => !q.hidden)
            .map((q) => ({ key: q.key, sectionKey: q.sectionKey, label: q.label[locale] }))}
          tab="answers"
          collapsed
        />
      ) : null}
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
              reason={answerScoreReason(q, locale, t)}
              comments={review.comments}
              canComment={review.canComment}
              tab="answers"
            />
            {requestChanges && !q.hidden ? (
              <RequestAnswerChange
                assessmentId={a.id}
                version={a.version}
                questionKey={q.key}
                tab="answers"
              />
            ) : null}
            <ClarificationThreads
              questionKey={q.key}
              threads={clarifications[q.key] ?? []}
              mode="assessor"
              action={formActionFor(a.id, "answers", "clarifications")}
              canAsk={canWrite}
              canResolve={canWrite}
            />
          </>
        )}
      />
    </>
  );
}

function FindingsTab({ view }: TabProps) {
  const { assessment: a, review } = view;
  const { locale } = useT();
  return (
    <FindingsCard
      assessmentId={a.id}
      findings={review.findings}
      questions={a.questions.map((q) => ({
        key: q.key,
        label: q.label[locale],
        sectionTitle: a.sections.find((s) => s.key === q.sectionKey)?.title[locale] ?? "",
      }))}
      canWrite={review.canWriteFindings}
      tab="findings"
    />
  );
}

function VendorAccessTab({ view, actionData, openForm }: TabProps) {
  const { assessment: a, inviteLinks, canWrite } = view;
  const { locale } = useT();
  return (
    <InviteLinksPanel
      links={inviteLinks.links}
      ttlDays={inviteLinks.ttlDays}
      defaultTtlDays={inviteLinks.defaultTtlDays}
      sectionTitles={Object.fromEntries(
        a.sections.map((section) => [section.key, section.title[locale]]),
      )}
      canWrite={canWrite}
      open={["DRAFT", "INVITED", "IN_PROGRESS", "CHANGES_REQUESTED"].includes(a.status)}
      formAction={formActionFor(a.id, "vendor-access")}
      createOpen={openForm === "invite-form"}
      dueDate={inviteLinks.dueDate}
      result={actionData}
    />
  );
}

function DecisionTab({ view, actionData, openForm }: TabProps) {
  const { assessment: a, canWrite, canDecide, decisionBlockers, stepUpFresh, stepUpMinutes } = view;
  const { t } = useT();
  const forwardable = canWrite && a.status === "SUBMITTED";
  const decisionShown =
    a.decisions.length > 0 ||
    (canDecide &&
      ["AWAITING_DECISION", "APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"].includes(a.status));
  return (
    <>
      {forwardable ? (
        <Card title={t("assessments.forwardTitle")}>
          <details id="forward" open={openForm === "forward"} data-testid="forward-disclosure">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">
              {t("assessmentTabs.forwardOpen")}
            </summary>
            <Form method="post" action={formActionFor(a.id, "decision")} className="mt-3 space-y-3">
              <input type="hidden" name="intent" value="forward" />
              <TextAreaField
                label={t("assessments.forwardNote")}
                name="note"
                rows={2}
                maxLength={2000}
              />
              <Button type="submit">{t("assessments.forward")}</Button>
            </Form>
          </details>
        </Card>
      ) : null}
      <DecisionCard
        assessment={a}
        canDecide={canDecide}
        blockers={decisionBlockers}
        stepUpFresh={stepUpFresh}
        stepUpMinutes={stepUpMinutes}
        actionData={actionData}
        formAction={formActionFor(a.id, "decision")}
        formOpen={openForm === "decide"}
      />
      {!forwardable && !decisionShown ? (
        <Card title={t("assessments.decisionTitle")}>
          <p className="text-sm text-slate-600" data-testid="no-decision">
            {t("assessmentTabs.noDecisionYet")}
          </p>
        </Card>
      ) : null}
    </>
  );
}
