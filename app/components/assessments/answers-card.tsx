import type { ReactNode } from "react";
import { formatAnswer } from "~/modules/questionnaires/format-answer";
import { answerScoreReason } from "~/modules/questionnaires/explain-answer";
import { formatPoints } from "~/utils/score-format";
import { Card } from "~/components/ui/layout";
import type { AssessmentView } from "~/modules/assessments/get-assessment.server";
import type { Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { ScrollRegion } from "~/components/ui/scroll-region";

// Single fetch (turbo-stream) keeps Dates, so the loader's type is the use case's type.
type AnswerQuestionView = AssessmentView["questions"][number];

/** Sub-processor rows as a list (the assessor reads them, the residency rating uses them). */
function SubprocessorRows({
  question,
  locale,
  t,
}: {
  question: AnswerQuestionView;
  locale: Locale;
  t: ReturnType<typeof useT>["t"];
}) {
  if (!Array.isArray(question.answer) || typeof question.answer[0] !== "object")
    return <>{formatAnswer(question, question.answer, locale, t)}</>;
  return (
    <ul className="list-disc pl-4" data-testid="answer-subprocessors">
      {formatAnswer(question, question.answer, locale, t)
        .split("; ")
        .map((row) => (
          <li key={row}>{row}</li>
        ))}
    </ul>
  );
}

/**
 * Every answer of an assessment, section by section: the value, who gave it and when, its points
 * and the reason, evidence files and whatever the page adds below (clarification threads).
 * Questions hidden by a show-if rule are listed as not asked; their stored answers are ignored.
 */
export function AnswersCard({
  sections,
  questions,
  assessmentId,
  renderBelow,
}: {
  sections: { key: string; title: { en: string; de: string } }[];
  questions: AnswerQuestionView[];
  assessmentId: string;
  renderBelow?: (question: AnswerQuestionView) => ReactNode;
}) {
  const { t, locale, date } = useT();
  return (
    <Card title={t("assessments.answersTitle")}>
      {sections.map((section) => (
        <section key={section.key} className="mb-6">
          <h3 className="mb-2 font-semibold">{section.title[locale]}</h3>
          <ScrollRegion label={section.title[locale]}>
            <table className="min-w-full text-sm">
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="w-1/2 py-1 pr-3">
                    {t("assessments.question")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("assessments.answer")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("assessments.points")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {questions
                  .filter((q) => q.sectionKey === section.key)
                  .map((q) => (
                    <tr
                      key={q.key}
                      id={`answer-${q.key}`}
                      className="border-t border-slate-100 align-top"
                      data-testid="answer-row"
                      data-question-key={q.key}
                    >
                      <td className="py-2 pr-3">
                        {q.label[locale]}
                        {q.references.length > 0 ? (
                          <p className="text-xs text-slate-500" data-testid="question-references">
                            {q.references.map((ref) => ref[locale]).join(" · ")}
                          </p>
                        ) : null}
                      </td>
                      <td className="py-2 pr-3">
                        {q.hidden ? (
                          <span className="text-slate-500" data-testid="answer-hidden">
                            {t("portal.hiddenByCondition")}
                          </span>
                        ) : q.type === "subprocessors" ? (
                          <SubprocessorRows question={q} locale={locale} t={t} />
                        ) : (
                          <span className="whitespace-pre-line" data-testid="answer-value">
                            {formatAnswer(q, q.answer, locale, t)}
                          </span>
                        )}
                        {q.files.length > 0 ? (
                          <ul className="mt-1 space-y-0.5 text-xs" data-testid="answer-files">
                            {q.files.map((file) => (
                              <li key={file.id}>
                                <a
                                  href={`/assessments/${assessmentId}/evidence/${file.id}`}
                                  className="underline"
                                >
                                  {file.fileName}
                                </a>{" "}
                                <span className="text-slate-500">
                                  ({Math.ceil(file.size / 1024)} KB · SHA-256{" "}
                                  {file.sha256.slice(0, 12)}… · {file.uploadedByLabel} ·{" "}
                                  {date(file.createdAt, true)})
                                </span>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                        {q.answeredBy ? (
                          <p className="mt-1 text-xs text-slate-500" data-testid="answered-by">
                            {t("portal.answeredBy", { who: q.answeredBy })}
                            {q.answeredAt ? ` · ${date(q.answeredAt, true)}` : ""}
                          </p>
                        ) : null}
                        {renderBelow?.(q)}
                      </td>
                      <td
                        className="py-2 pr-3 text-right tabular-nums"
                        title={answerScoreReason(q, locale, t) ?? ""}
                      >
                        {formatPoints(locale, q.result?.points)}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ))}
    </Card>
  );
}
