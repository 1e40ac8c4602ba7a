import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { QuestionBlock } from "~/components/questionnaire/question-block";
import { formatAnswer } from "~/components/questionnaire/question-input";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/layout";
import { changesFromForm } from "~/modules/portal/form-changes";
import { requireVendorSession } from "~/modules/portal/invite-links.server";
import { saveAnswers } from "~/modules/portal/save-answers.server";
import { submitAssessment } from "~/modules/portal/submit-assessment.server";
import { getVendorQuestionnaire } from "~/modules/portal/vendor-questionnaire.server";
import { questionsOf } from "~/modules/questionnaires/template-definition";
import { runUseCase } from "~/utils/http.server";
import { useT } from "~/utils/use-t";
import { readFormData } from "~/utils/form-data.server";

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });
export const meta: MetaFunction = () => [{ name: "robots", content: "noindex, nofollow" }, { title: "Vetted" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const questionnaire = await getVendorQuestionnaire(actor);
  const { definition } = questionnaire;
  return {
    assessment: questionnaire.assessment,
    answers: questionnaire.answers,
    sections: definition.sections.map((section) => ({
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
      })),
    })),
  };
}

/** The plain form submit (works without JavaScript): save what changed, then optionally submit. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireVendorSession(request, context);
  const form = await readFormData(request);
  const intent = form.get("intent") === "submit" ? "submit" : "save";
  const { definition } = await getVendorQuestionnaire(actor);
  const { changes, invalid } = changesFromForm(questionsOf(definition), form);
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

export default function VendorQuestionnairePage() {
  const { assessment, sections, answers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale, date } = useT();
  const allQuestions = sections.flatMap((s) => s.questions);
  const labelOf = (key: string) => allQuestions.find((q) => q.key === key)?.label[locale] ?? key;
  const invalidNote = (key: string) => actionData?.invalid.find((i) => i.questionKey === key)?.message ?? null;
  const isAnswered = (key: string) => {
    const v: unknown = answers[key]?.value;
    return v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);
  };
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">{assessment.organizationName} · {assessment.vendorName}</p>
        <h1 className="text-2xl font-semibold">{assessment.title}</h1>
        {assessment.dueDate ? <p className="text-sm text-slate-600">{t("portal.landingDue", { date: date(assessment.dueDate) })}</p> : null}
      </header>
      {!assessment.editable ? (
        <Alert tone="success">
          <p className="font-semibold" data-testid="submitted-banner">{t("portal.submittedTitle")}</p>
          <p>{t("portal.submittedBody", { organization: assessment.organizationName })}</p>
        </Alert>
      ) : (
        <p className="text-sm text-slate-700">{t("portal.intro")}</p>
      )}
      {actionData && actionData.saved > 0 ? <Alert tone="success">{t("portal.savedCount", { count: actionData.saved })}</Alert> : null}
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
      {actionData && actionData.invalid.length > 0 ? <Alert tone="error">{t("portal.invalidCount", { count: actionData.invalid.length })}</Alert> : null}
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
      <Form method="post" className="space-y-6" noValidate>
        {sections.map((section) => {
          const answered = section.questions.filter((q) => isAnswered(q.key)).length;
          return (
            <Card key={section.key}>
              <div className="mb-2 flex items-baseline justify-between gap-4">
                <h2 className="text-lg font-semibold">{section.title[locale]}</h2>
                <span className="text-sm text-slate-600" data-testid="section-progress">
                  {t("portal.progress", { answered, total: section.questions.length })}
                </span>
              </div>
              <div className="space-y-4">
                {section.questions.map((question) => (
                  <QuestionBlock
                    key={question.key}
                    question={question}
                    initial={answers[question.key] ?? { value: null, version: 0 }}
                    editable={assessment.editable}
                    locale={locale}
                    serverNote={invalidNote(question.key)}
                  />
                ))}
              </div>
            </Card>
          );
        })}
        {assessment.editable ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" name="intent" value="save" variant="secondary">{t("portal.saveAll")}</Button>
            <Button type="submit" name="intent" value="submit">{t("portal.submit")}</Button>
            <p className="text-sm text-slate-600">{t("portal.submitHint")}</p>
          </div>
        ) : null}
      </Form>
    </div>
  );
}
