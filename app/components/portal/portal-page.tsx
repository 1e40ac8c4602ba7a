import { useEffect, useMemo, useRef } from "react";
import { ClarificationForms } from "~/components/questionnaire/clarification-threads";
import { EvidenceFlashNotice, EvidenceUploadForm } from "~/components/questionnaire/evidence-input";
import { ChangeRequestBanner, VendorCommentsCard } from "~/components/review/portal-review";
import { Alert } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";
import { PortalProblems } from "./portal-problems";
import { PortalQuestionsForm } from "./portal-questions-form";
import type { PortalActionData, PortalView } from "./portal-view";
import { usePortalAnswers } from "./use-portal-answers";
import { CarriedAnswersCard } from "./re-review-parts";
import { PostedRowsContext } from "~/components/questionnaire/subprocessor-table";
import { AnswersCopyLinks } from "./answers-copy-links";
import { ColleaguesStatus } from "./colleagues-status";
import { ConfirmSubmitCard } from "./confirm-submit-card";

/**
 * The vendor's questionnaire: progress, the change request and comments of the review, what the
 * last plain post saved or refused, the answers form, and the clarification and evidence upload
 * forms (outside the answers form, since forms cannot nest).
 */
export function PortalPage({
  view,
  actionData,
}: {
  view: PortalView;
  actionData: PortalActionData;
}) {
  const {
    assessment,
    review,
    sections,
    delegated,
    changeable: changeableKeys,
    clarifications,
    evidenceFlash,
  } = view;
  const { t, tm, locale, date } = useT();
  const state = usePortalAnswers(view, locale);
  const { allQuestions, progress, totals } = state;
  // After "request changes" only the reopened questions are editable; the server decides which
  // (the same rule that guards saving), and read-only questions send nothing with the form.
  const reopened = review.changeRequest ? new Set(review.changeRequest.questionKeys) : null;
  const changeable = useMemo(() => new Set(changeableKeys), [changeableKeys]);
  // A re-review shows only the sections with a question asked again.
  const askedSections = useMemo(() => {
    if (!view.reReview) return null;
    const asked = new Set(view.reReview.delta.map((entry) => entry.questionKey));
    return new Set(
      sections.filter((s) => s.questions.some((q) => asked.has(q.key))).map((s) => s.key),
    );
  }, [view.reReview, sections]);
  const labelOf = (key: string) => allQuestions.find((q) => q.key === key)?.label[locale] ?? key;
  const invalidNote = (key: string) => {
    const message = actionData?.invalid.find((i) => i.questionKey === key)?.message;
    return message ? tm(message) : null;
  };
  // Focus after the plain form's submit (the buttons are gone or far away): on the confirmation
  // once the questionnaire became read-only, else on what the server refused.
  const submittedRef = useRef<HTMLDivElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const wasEditable = useRef(assessment.editable);
  useEffect(() => {
    if (wasEditable.current && !assessment.editable) submittedRef.current?.focus();
    wasEditable.current = assessment.editable;
  }, [assessment.editable]);
  const sectionTitle = (key: string) =>
    sections.find((section) => section.key === key)?.title[locale] ?? key;
  const hasProblems = Boolean(
    actionData &&
    (actionData.conflicts.length > 0 ||
      actionData.invalid.length > 0 ||
      actionData.missingRequired.length > 0 ||
      actionData.carriedUnconfirmed),
  );
  useEffect(() => {
    if (hasProblems) problemsRef.current?.focus();
  }, [hasProblems, actionData]);
  const header = (
    <header>
      <p className="text-sm text-slate-600">
        {assessment.organizationName} · {assessment.vendorName}
      </p>
      <h1 className="text-2xl font-semibold">{assessment.title}</h1>
      {assessment.dueDate ? (
        <p className="text-sm text-slate-600">
          {t("portal.landingDue", { date: date(assessment.dueDate) })}
        </p>
      ) : null}
    </header>
  );
  // "Submit" found nothing missing: the second step asks before the final submit.
  if (actionData?.confirm && assessment.editable)
    return (
      <div className="space-y-6">
        {header}
        <ConfirmSubmitCard
          answered={actionData.confirm.answered}
          organization={assessment.organizationName}
        />
      </div>
    );
  return (
    <div className="space-y-6">
      {header}
      {!assessment.editable ? (
        <Alert tone="success">
          <div ref={submittedRef} tabIndex={-1} data-testid="submitted-message">
            <p className="font-semibold" data-testid="submitted-banner">
              {t("portal.submittedTitle")}
            </p>
            <p>{t("portal.submittedBody", { organization: assessment.organizationName })}</p>
          </div>
          <div className="mt-2">
            <AnswersCopyLinks />
          </div>
        </Alert>
      ) : (
        <p className="text-sm text-slate-700">{t("portal.intro")}</p>
      )}
      {view.reReview && assessment.editable ? (
        <Alert tone="info">
          <p data-testid="re-review-intro">{t("reReview.portalIntro")}</p>
        </Alert>
      ) : null}
      {review.changeRequest && assessment.editable ? (
        <ChangeRequestBanner
          organization={assessment.organizationName}
          request={review.changeRequest}
          labelOf={labelOf}
        />
      ) : null}
      <VendorCommentsCard
        organization={assessment.organizationName}
        comments={review.comments.general}
      />
      {delegated ? (
        <Alert tone="info">
          {t("portal.delegatedSections", {
            sections: sections.map((s) => s.title[locale]).join(", "),
          })}
          {view.delegation.doneAt ? (
            <p className="mt-1" data-testid="sections-done-since">
              {t("portalFinish.sectionsDoneSince", { date: date(view.delegation.doneAt) })}
            </p>
          ) : null}
        </Alert>
      ) : null}
      {actionData?.sectionsDone ? (
        <div data-testid="sections-done">
          <Alert tone="success">{t("portalFinish.sectionsDoneConfirmed")}</Alert>
        </div>
      ) : null}
      <ColleaguesStatus colleagues={view.delegation.colleagues} sectionTitle={sectionTitle} />
      <nav
        aria-label={t("portal.answeredOf", totals)}
        className="rounded-md border border-slate-200 bg-white p-3 text-sm"
      >
        <p className="font-medium" data-testid="overall-progress">
          {t("portal.answeredOf", totals)}
        </p>
        <progress
          className="mt-1 h-2 w-full"
          max={Math.max(totals.total, 1)}
          value={totals.answered}
        />
        <ol className="mt-2 grid gap-1 sm:grid-cols-2">
          {progress
            .filter((p) => !askedSections || askedSections.has(p.key))
            .map((p) => (
              <li key={p.key}>
                <a href={`#section-${p.key}`} className="underline">
                  {p.title}
                </a>{" "}
                <span className="text-slate-600">
                  ({p.answered}/{p.total})
                </span>
              </li>
            ))}
        </ol>
        {assessment.editable ? (
          <p className="mt-2">
            <a href="/portal/delegate" className="underline" data-testid="delegate-link">
              {t("portal.delegateLink")}
            </a>
          </p>
        ) : null}
      </nav>
      {evidenceFlash ? <EvidenceFlashNotice flash={evidenceFlash} /> : null}
      {actionData?.carriedConfirmed ? (
        <Alert tone="success">{t("reReview.carriedConfirmedNow")}</Alert>
      ) : null}
      {actionData && actionData.saved > 0 ? (
        <Alert tone="success">{t("portal.savedCount", { count: actionData.saved })}</Alert>
      ) : null}
      <PortalProblems
        ref={problemsRef}
        actionData={actionData}
        questions={allQuestions}
        labelOf={labelOf}
      />
      {view.reReview ? (
        <CarriedAnswersCard
          reReview={view.reReview}
          questions={allQuestions}
          answers={view.answers}
          editable={assessment.editable}
        />
      ) : null}
      <PostedRowsContext.Provider value={actionData?.rows ?? null}>
        <PortalQuestionsForm
          view={view}
          state={state}
          changeable={changeable}
          reopened={reopened}
          invalidNote={invalidNote}
          missingRequired={actionData?.missingRequired ?? []}
          labelOf={labelOf}
        />
      </PostedRowsContext.Provider>
      <ClarificationForms action="/portal/clarifications" threadsByQuestion={clarifications} />
      {/* Upload forms live outside the answers form (forms cannot nest); the file inputs point at them. */}
      {allQuestions
        .filter((q) => q.type === "evidence" && changeable.has(q.key))
        .map((q) => (
          <EvidenceUploadForm key={q.key} questionKey={q.key} />
        ))}
    </div>
  );
}
