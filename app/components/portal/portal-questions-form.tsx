import { Form } from "@remix-run/react";
import { ClarificationThreads } from "~/components/questionnaire/clarification-threads";
import { EvidenceInput } from "~/components/questionnaire/evidence-input";
import { QuestionBlock } from "~/components/questionnaire/question-block";
import { VendorQuestionComments } from "~/components/review/portal-review";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";
import type { PortalView } from "./portal-view";
import { DeltaReasons } from "./re-review-parts";
import type { usePortalAnswers } from "./use-portal-answers";

interface PortalQuestionsFormProps {
  view: PortalView;
  state: ReturnType<typeof usePortalAnswers>;
  /** Questions this contact may change now (the server's rule that also guards saving). */
  changeable: Set<string>;
  /** After "request changes": the reopened questions; otherwise null. */
  reopened: Set<string> | null;
  invalidNote: (key: string) => string | null;
  /** Required questions the last submit (or "done") found unanswered: listed again by the button. */
  missingRequired: string[];
  labelOf: (key: string) => string;
}

/** In a re-review only the questions asked again are shown here, each with its reasons. */
function askedIn(view: PortalView) {
  if (!view.reReview) return null;
  return new Map(view.reReview.delta.map((entry) => [entry.questionKey, entry.reasons]));
}

/**
 * The answers form: one card per section with its questions (each autosaves with JavaScript),
 * their clarification threads and review comments, and Save / Submit for the plain post.
 */
export function PortalQuestionsForm({
  view,
  state,
  changeable,
  reopened,
  invalidNote,
  missingRequired,
  labelOf,
}: PortalQuestionsFormProps) {
  const {
    assessment,
    sections,
    answers,
    countryGroups,
    files,
    evidenceMaxBytes,
    clarifications,
    review,
    delegated,
  } = view;
  const { t, locale } = useT();
  const asked = askedIn(view);
  return (
    <Form method="post" className="space-y-6" noValidate>
      {sections.map((section, index) => {
        const sectionProgress = state.progress[index]!;
        const shown = asked ? section.questions.filter((q) => asked.has(q.key)) : section.questions;
        if (shown.length === 0) return null;
        return (
          <Card key={section.key}>
            <div
              id={`section-${section.key}`}
              className="mb-2 flex items-baseline justify-between gap-4"
            >
              <h2 className="text-lg font-semibold">{section.title[locale]}</h2>
              <span className="text-sm text-slate-600" data-testid="section-progress">
                {t("portal.progress", {
                  answered: sectionProgress.answered,
                  total: sectionProgress.total,
                })}
              </span>
            </div>
            <div className="space-y-4">
              {shown.map((question) => (
                <div key={question.key}>
                  {asked ? <DeltaReasons reasons={asked.get(question.key) ?? []} /> : null}
                  <QuestionBlock
                    question={question}
                    initial={answers[question.key] ?? { value: null, version: 0 }}
                    editable={changeable.has(question.key)}
                    countryGroups={countryGroups}
                    locale={locale}
                    serverNote={invalidNote(question.key)}
                    hidden={state.hidden.has(question.key)}
                    onTokens={state.onTokens}
                    onSaved={state.onSaved}
                    renderInput={
                      question.type === "evidence"
                        ? ({ value, disabled, onServerSaved }) => (
                            <EvidenceInput
                              question={question}
                              value={value}
                              files={files.filter((f) => f.questionKey === question.key)}
                              disabled={disabled}
                              locale={locale}
                              maxBytes={evidenceMaxBytes}
                              onServerSaved={onServerSaved}
                            />
                          )
                        : undefined
                    }
                  >
                    {/* Threads sit inside the answers form: their controls submit through forms rendered after it. */}
                    <ClarificationThreads
                      questionKey={question.key}
                      threads={clarifications[question.key] ?? []}
                      mode="vendor"
                      action="/portal/clarifications"
                      canAsk={false}
                      canResolve={false}
                      formsOutside
                    />
                    <VendorQuestionComments
                      comments={review.comments.byQuestion[question.key] ?? []}
                      reopened={reopened && assessment.editable ? reopened.has(question.key) : null}
                    />
                  </QuestionBlock>
                </div>
              ))}
            </div>
          </Card>
        );
      })}
      {assessment.editable ? (
        <div className="space-y-3">
          {missingRequired.length > 0 ? (
            <div
              className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"
              data-testid="missing-near-submit"
            >
              <p className="font-medium">
                {t(delegated ? "portalFinish.missingNearDone" : "portalFinish.missingNearSubmit", {
                  count: missingRequired.length,
                })}
              </p>
              <ul className="mt-1 list-disc pl-5">
                {missingRequired.map((key) => (
                  <li key={key}>
                    <a href={`#q-${key}`} className="underline">
                      {labelOf(key)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" name="intent" value="save" variant="secondary">
              {t("portal.saveAll")}
            </Button>
            {delegated ? (
              <>
                {/* The fragment scrolls a page with problems to their list (no JavaScript needed). */}
                <Button
                  type="submit"
                  name="intent"
                  value="sections_done"
                  formAction="/portal?index#submit-problems"
                  data-testid="sections-done-button"
                >
                  {t("portalFinish.sectionsDone")}
                </Button>
                <p className="text-sm text-slate-600">{t("portalFinish.sectionsDoneHint")}</p>
              </>
            ) : (
              <>
                <Button
                  type="submit"
                  name="intent"
                  value="submit"
                  formAction="/portal?index#submit-problems"
                >
                  {t("portal.submit")}
                </Button>
                <p className="text-sm text-slate-600">{t("portal.submitHint")}</p>
              </>
            )}
          </div>
        </div>
      ) : null}
    </Form>
  );
}
