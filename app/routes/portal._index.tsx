import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { QuestionBlock } from "~/components/questionnaire/question-block";
import { formatAnswer } from "~/modules/questionnaires/format-answer";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import { changesFromForm } from "~/modules/portal/form-changes";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { saveAnswers } from "~/modules/portal/save-answers.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { getVendorQuestionnaire } from "~/modules/portal/vendor-questionnaire.server";
import { hiddenQuestionKeys } from "~/modules/questionnaires/conditions";
import { listClarificationsForVendor } from "~/modules/clarifications/list-clarifications.server";
import { ClarificationForms, ClarificationThreads } from "~/components/questionnaire/clarification-threads";
import { EvidenceFlashNotice, EvidenceInput, EvidenceUploadForm } from "~/components/questionnaire/evidence-input";
import { readEvidenceFlash } from "~/modules/evidence/evidence-outcome";
import { getEnv } from "~/utils/env.server";
import { runUseCase } from "~/utils/http.server";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";
import { getVendorReview } from "~/modules/review/review-workspace.server";
import { ChangeRequestBanner, VendorCommentsCard, VendorQuestionComments } from "~/components/review/portal-review";
import { metaLocale, pageTitle } from "~/utils/page-title";
import { translate } from "~/utils/i18n";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { name: "robots", content: "noindex, nofollow" },
  pageTitle(data?.assessment.title, translate(metaLocale(matches), "portal.title")),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const questionnaire = await getVendorQuestionnaire(actor);
  const clarifications = await listClarificationsForVendor(actor);
  const review = await getVendorReview(actor);
  return {
    clarifications,
    review,
    evidenceFlash: readEvidenceFlash(request.url),
    evidenceMaxBytes: getEnv().EVIDENCE_MAX_BYTES,
    assessment: questionnaire.assessment,
    answers: questionnaire.answers,
    hidden: questionnaire.hidden,
    files: questionnaire.files,
    delegated: questionnaire.delegated,
    changeable: questionnaire.changeable,
    countryGroups: questionnaire.countryGroups,
    sections: questionnaire.sections.map((section) => ({
      key: section.key,
      title: section.title,
      questions: section.questions.map((q) => ({
        key: q.key,
        type: q.type,
        required: q.required,
        label: q.label,
        help: q.help,
        unit: q.unit,
        min: q.min,
        max: q.max,
        options: q.options?.map((o) => ({ value: o.value, label: o.label })),
        regulationRefs: q.regulationRefs,
        ...(q.showIf ? { showIf: q.showIf } : {}),
        ...(q.evidence ? { evidence: q.evidence } : {}),
      })),
    })),
  };
}

/**
 * The plain form submit (works without JavaScript): save what changed, then optionally submit.
 * Only the questions this contact may change now are read (after "request changes": the reopened
 * ones; for a colleague: their sections); fields of any other question are ignored, not refused,
 * so a page rendered before a change request, or a hand-made form, never blocks the submit.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const form = await readFormData(request);
  const intent = form.get("intent") === "submit" ? "submit" : "save";
  const { sections, changeable } = await getVendorQuestionnaire(actor);
  const mayChange = new Set(changeable);
  const questions = sections.flatMap((section) => section.questions).filter((question) => mayChange.has(question.key));
  const { changes, invalid } = changesFromForm(questions, form);
  const outcomes = changes.length > 0 ? await runUseCase(() => saveAnswers(actor, changes)) : [];
  const conflicts = outcomes.filter((o) => o.status === "conflict");
  const rejected = [...invalid, ...outcomes.flatMap((o) => (o.status === "invalid" ? [{ questionKey: o.questionKey, message: o.message }] : []))];
  const summary = {
    saved: outcomes.filter((o) => o.status === "saved").length,
    conflicts: conflicts.map((c) => (c.status === "conflict" ? { questionKey: c.questionKey, yourValue: c.yourValue, currentValue: c.currentValue } : null)).filter(Boolean),
    invalid: rejected,
    missingRequired: [] as string[],
  };
  if (intent === "save" || summary.conflicts.length > 0 || rejected.length > 0) {
    return data(summary, { status: summary.conflicts.length > 0 ? 409 : rejected.length > 0 ? 400 : 200 });
  }
  const result = await runUseCase(() => submitAssessment(actor));
  if (!result.ok) return data({ ...summary, missingRequired: result.missingRequired }, { status: 400 });
  return redirect("/portal");
}

/** A stored answer counts as given unless it is empty. */
function isGiven(value: unknown): boolean {
  return value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0);
}

export default function VendorQuestionnairePage() {
  const { assessment, review, sections, answers, hidden: serverHidden, delegated, changeable: changeableKeys, countryGroups, clarifications, files, evidenceFlash, evidenceMaxBytes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, tm, locale, date } = useT();
  const allQuestions = useMemo(() => sections.flatMap((s) => s.questions), [sections]);
  // Live state: the values picked right now (for show-if rules) and the values the server stored (for progress).
  const [tokens, setTokens] = useState<Record<string, unknown>>(() => Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.value])));
  const [stored, setStored] = useState<Record<string, unknown>>(() => Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.value])));
  const onTokens = useCallback((key: string, picked: string[]) => setTokens((current) => ({ ...current, [key]: picked })), []);
  const onSaved = useCallback((key: string, value: unknown) => {
    setStored((current) => ({ ...current, [key]: value }));
    setTokens((current) => ({ ...current, [key]: value }));
  }, []);
  const hidden = useMemo(() => {
    // Rules that test questions this contact cannot see (delegation) keep the server's verdict.
    const known = new Set(allQuestions.map((q) => q.key));
    const refersOutside = (q: (typeof allQuestions)[number]) => {
      const rule = q.showIf;
      if (!rule) return false;
      const leaves = "all" in rule ? rule.all : "any" in rule ? rule.any : [rule];
      return leaves.some((leaf) => !known.has(leaf.question));
    };
    const local = hiddenQuestionKeys(sections.map((s) => ({ questions: s.questions.map((q) => (refersOutside(q) ? { key: q.key } : q)) })), tokens);
    for (const q of allQuestions) if (refersOutside(q) && serverHidden.includes(q.key)) local.add(q.key);
    return local;
  }, [sections, allQuestions, tokens, serverHidden]);
  // After "request changes" only the reopened questions are editable; the server decides which
  // (the same rule that guards saving), and read-only questions send nothing with the form.
  const reopened = review.changeRequest ? new Set(review.changeRequest.questionKeys) : null;
  const changeable = useMemo(() => new Set(changeableKeys), [changeableKeys]);
  const labelOf = (key: string) => allQuestions.find((q) => q.key === key)?.label[locale] ?? key;
  const invalidNote = (key: string) => {
    const message = actionData?.invalid.find((i) => i.questionKey === key)?.message;
    return message ? tm(message) : null;
  };
  const progress = sections.map((section) => {
    const visible = section.questions.filter((q) => !hidden.has(q.key));
    return { key: section.key, title: section.title[locale], total: visible.length, answered: visible.filter((q) => isGiven(stored[q.key])).length };
  });
  const totals = progress.reduce((sum, p) => ({ answered: sum.answered + p.answered, total: sum.total + p.total }), { answered: 0, total: 0 });
  // Focus after the plain form's submit (the buttons are gone or far away): on the confirmation
  // once the questionnaire became read-only, else on what the server refused.
  const submittedRef = useRef<HTMLDivElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const wasEditable = useRef(assessment.editable);
  useEffect(() => {
    if (wasEditable.current && !assessment.editable) submittedRef.current?.focus();
    wasEditable.current = assessment.editable;
  }, [assessment.editable]);
  const hasProblems = Boolean(actionData && (actionData.conflicts.length > 0 || actionData.invalid.length > 0 || actionData.missingRequired.length > 0));
  useEffect(() => {
    if (hasProblems) problemsRef.current?.focus();
  }, [hasProblems, actionData]);
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">{assessment.organizationName} · {assessment.vendorName}</p>
        <h1 className="text-2xl font-semibold">{assessment.title}</h1>
        {assessment.dueDate ? <p className="text-sm text-slate-600">{t("portal.landingDue", { date: date(assessment.dueDate) })}</p> : null}
      </header>
      {!assessment.editable ? (
        <Alert tone="success">
          <div ref={submittedRef} tabIndex={-1} data-testid="submitted-message">
            <p className="font-semibold" data-testid="submitted-banner">{t("portal.submittedTitle")}</p>
            <p>{t("portal.submittedBody", { organization: assessment.organizationName })}</p>
          </div>
        </Alert>
      ) : (
        <p className="text-sm text-slate-700">{t("portal.intro")}</p>
      )}
      {review.changeRequest && assessment.editable ? <ChangeRequestBanner organization={assessment.organizationName} request={review.changeRequest} labelOf={labelOf} /> : null}
      <VendorCommentsCard organization={assessment.organizationName} comments={review.comments.general} />
      {delegated ? <Alert tone="info">{t("portal.delegatedSections", { sections: sections.map((s) => s.title[locale]).join(", ") })}</Alert> : null}
      <nav aria-label={t("portal.answeredOf", totals)} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
        <p className="font-medium" data-testid="overall-progress">{t("portal.answeredOf", totals)}</p>
        <progress className="mt-1 h-2 w-full" max={Math.max(totals.total, 1)} value={totals.answered} />
        <ol className="mt-2 grid gap-1 sm:grid-cols-2">
          {progress.map((p) => (
            <li key={p.key}>
              <a href={`#section-${p.key}`} className="underline">{p.title}</a>{" "}
              <span className="text-slate-600">({p.answered}/{p.total})</span>
            </li>
          ))}
        </ol>
        {assessment.editable ? (
          <p className="mt-2"><a href="/portal/delegate" className="underline" data-testid="delegate-link">{t("portal.delegateLink")}</a></p>
        ) : null}
      </nav>
      {evidenceFlash ? <EvidenceFlashNotice flash={evidenceFlash} /> : null}
      {actionData && actionData.saved > 0 ? <Alert tone="success">{t("portal.savedCount", { count: actionData.saved })}</Alert> : null}
      <div ref={problemsRef} tabIndex={-1} hidden={!hasProblems} className="space-y-6" data-testid="submit-problems">
      {actionData && actionData.conflicts.length > 0 ? (
        <Alert tone="warning">
          <p>{t("portal.conflictsCount", { count: actionData.conflicts.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {actionData.conflicts.map((c) => {
              const q = allQuestions.find((x) => x.key === c!.questionKey);
              return (
                <li key={c!.questionKey}>
                  <a href={`#q-${c!.questionKey}`} className="underline">{labelOf(c!.questionKey)}</a>: {t("portal.theirValue")} „{q ? formatAnswer(q, c!.currentValue, locale, t) : ""}“ · {t("portal.yourValue")} „{q ? formatAnswer(q, c!.yourValue, locale, t) : ""}“
                </li>
              );
            })}
          </ul>
        </Alert>
      ) : null}
      {actionData && actionData.invalid.length > 0 ? (
        <Alert tone="error">
          <p>{t("portal.invalidCount", { count: actionData.invalid.length })}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="invalid-answers">
            {actionData.invalid.map((i) => (
              <li key={i.questionKey}><a href={`#q-${i.questionKey}`} className="underline">{labelOf(i.questionKey)}</a>: {tm(i.message)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {actionData && actionData.missingRequired.length > 0 ? (
        <Alert tone="error">
          <p className="font-semibold">{t("portal.missingTitle")}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="missing-required">
            {actionData.missingRequired.map((key) => (
              <li key={key}>
                <a href={`#q-${key}`} className="underline">{labelOf(key)}</a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      </div>
      <Form method="post" className="space-y-6" noValidate>
        {sections.map((section, index) => {
          const sectionProgress = progress[index]!;
          return (
            <Card key={section.key}>
              <div id={`section-${section.key}`} className="mb-2 flex items-baseline justify-between gap-4">
                <h2 className="text-lg font-semibold">{section.title[locale]}</h2>
                <span className="text-sm text-slate-600" data-testid="section-progress">
                  {t("portal.progress", { answered: sectionProgress.answered, total: sectionProgress.total })}
                </span>
              </div>
              <div className="space-y-4">
                {section.questions.map((question) => (
                  <QuestionBlock
                    key={question.key}
                    question={question}
                    initial={answers[question.key] ?? { value: null, version: 0 }}
                    editable={changeable.has(question.key)}
                    countryGroups={countryGroups}
                    locale={locale}
                    serverNote={invalidNote(question.key)}
                    hidden={hidden.has(question.key)}
                    onTokens={onTokens}
                    onSaved={onSaved}
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
                    <ClarificationThreads questionKey={question.key} threads={clarifications[question.key] ?? []} mode="vendor" action="/portal/clarifications" canAsk={false} canResolve={false} formsOutside />
                    <VendorQuestionComments comments={review.comments.byQuestion[question.key] ?? []} reopened={reopened && assessment.editable ? reopened.has(question.key) : null} />
                  </QuestionBlock>
                ))}
              </div>
            </Card>
          );
        })}
        {assessment.editable ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" name="intent" value="save" variant="secondary">{t("portal.saveAll")}</Button>
            {delegated ? null : (
              <>
                <Button type="submit" name="intent" value="submit">{t("portal.submit")}</Button>
                <p className="text-sm text-slate-600">{t("portal.submitHint")}</p>
              </>
            )}
          </div>
        ) : null}
      </Form>
      <ClarificationForms action="/portal/clarifications" threadsByQuestion={clarifications} />
      {/* Upload forms live outside the answers form (forms cannot nest); the file inputs point at them. */}
      {allQuestions.filter((q) => q.type === "evidence" && changeable.has(q.key)).map((q) => <EvidenceUploadForm key={q.key} questionKey={q.key} />)}
    </div>
  );
}
