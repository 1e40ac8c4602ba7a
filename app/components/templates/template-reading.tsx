import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert, Card } from "~/components/ui/layout";
import type { ReadableQuestion, ReadableTemplate } from "~/modules/templates/readable-template";
import { LOCALES, labelKey, translate, type Locale, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/**
 * A template version to read: a language switch (plain links, works without JavaScript), a table
 * of contents and every section and question. Everything inside the questionnaire block is in
 * `content.locale` (marked with lang) — rule sentences included — so switching the language shows
 * the questionnaire as a reader of that language gets it.
 */
export function TemplateReading({
  templateId,
  version,
  content,
  contentLabels,
  invalidLanguage,
}: {
  templateId: string;
  version: { id: string; version: number; status: string; publishedAt: string | Date | null };
  content: ReadableTemplate;
  /** templateReader labels in the content language (the browser holds only the reader's). */
  contentLabels: Record<string, string>;
  invalidLanguage: string | null;
}) {
  const { t, date } = useT();
  const base = `/templates/${templateId}/versions/${version.id}`;
  const languageName = (locale: Locale) => t(labelKey("templateReader.language", locale)!);
  return (
    <>
      {invalidLanguage !== null ? (
        <Alert tone="warning">
          {t("templateReader.invalidLanguage", {
            value: invalidLanguage,
            language: languageName(content.locale),
          })}
        </Alert>
      ) : null}
      <nav
        aria-label={t("templateReader.contentLanguage")}
        className="flex flex-wrap items-center gap-2 text-sm"
      >
        <span className="text-slate-700">{t("templateReader.contentLanguage")}:</span>
        {LOCALES.map((locale) =>
          locale === content.locale ? (
            <span
              key={locale}
              aria-current="true"
              className="rounded-md border border-brand-600 bg-brand-50 px-3 py-1 font-medium text-brand-800"
            >
              {languageName(locale)}
            </span>
          ) : (
            <Link
              key={locale}
              to={`${base}?lang=${locale}`}
              lang={locale}
              className="rounded-md border border-slate-300 px-3 py-1 text-slate-800 hover:bg-slate-50"
            >
              {t("templateReader.showIn", { language: languageName(locale) })}
            </Link>
          ),
        )}
      </nav>
      <p className="text-sm text-slate-700">
        <span lang={content.locale} className="font-medium text-slate-900">
          {content.title}
        </span>
        {" · "}
        {t("templateReader.summary", {
          sections: content.sections.length,
          questions: content.questionCount,
          status: t(labelKey("templates.status", version.status) ?? "common.unknownValue"),
        })}
        {version.publishedAt
          ? ` ${t("templateReader.publishedOn", { date: date(version.publishedAt) })}`
          : null}
      </p>
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <nav aria-labelledby="template-contents" className="lg:sticky lg:top-4 lg:self-start">
          <Card>
            <h2 id="template-contents" className="mb-2 text-base font-semibold text-slate-900">
              {t("templateReader.contents")}
            </h2>
            <ol lang={content.locale} className="space-y-1 text-sm">
              {content.sections.map((section) => (
                <li key={section.anchor}>
                  <a href={`#${section.anchor}`} className="text-brand-700 hover:underline">
                    {section.number}. {section.title}
                  </a>
                </li>
              ))}
            </ol>
          </Card>
        </nav>
        <div lang={content.locale} className="min-w-0 space-y-6" data-testid="template-content">
          {content.description ? <p className="text-slate-700">{content.description}</p> : null}
          {content.sections.map((section) => (
            <section
              key={section.anchor}
              aria-labelledby={section.anchor}
              className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 id={section.anchor} className="text-lg font-semibold text-slate-900">
                {section.number}. {section.title}
              </h2>
              {section.description ? (
                <p className="mt-1 text-sm text-slate-700">{section.description}</p>
              ) : null}
              <div className="mt-4 divide-y divide-slate-200">
                {section.questions.map((question) => (
                  <QuestionReading
                    key={question.anchor}
                    question={question}
                    locale={content.locale}
                    labels={contentLabels}
                  />
                ))}
              </div>
            </section>
          ))}
        </div>
      </div>
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="sm:grid sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-3">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="text-slate-800">{children}</dd>
    </div>
  );
}

/** One question; its words are all in `locale` (labels from the loader: the page may be the other language). */
function QuestionReading({
  question,
  locale,
  labels,
}: {
  question: ReadableQuestion;
  locale: Locale;
  labels: Record<string, string>;
}) {
  const tl = (key: MessageKey) => labels[key] ?? translate(locale, key);
  return (
    <article aria-labelledby={question.anchor} className="py-4 first:pt-0 last:pb-0">
      <h3 id={question.anchor} className="font-semibold text-slate-900">
        <span className="mr-2 text-slate-600">{question.number}</span>
        {question.label}
      </h3>
      <p className="mt-1 text-xs font-medium uppercase tracking-wide text-slate-600">
        {question.required ? tl("templateReader.required") : tl("templateReader.optional")}
      </p>
      {question.help ? <p className="mt-2 text-sm text-slate-700">{question.help}</p> : null}
      <dl className="mt-3 space-y-2 text-sm">
        <Fact term={tl("templateReader.answerType")}>
          <ul>
            {[question.answerType, ...question.answerFacts].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Fact>
        <Fact term={tl("templateReader.scoring")}>
          <ul>
            {question.scoring.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Fact>
        {question.options.length > 0 ? (
          <Fact term={tl("templateReader.options")}>
            <ul className="list-disc space-y-1 pl-5">
              {question.options.map((option, index) => (
                <li key={index}>
                  {option.label}
                  {option.scoring ? (
                    <span className="text-slate-600"> — {option.scoring}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        {question.condition ? (
          <Fact term={tl("templateReader.condition")}>
            <p>{question.condition.lead}</p>
            {question.condition.tests.length > 0 ? (
              <ul className="list-disc pl-5">
                {question.condition.tests.map((test) => (
                  <li key={test}>{test}</li>
                ))}
              </ul>
            ) : null}
          </Fact>
        ) : null}
        {question.knockOut ? (
          <Fact term={tl("templateReader.knockOut")}>
            <p className="font-medium text-red-800">{question.knockOut.rule}</p>
            {question.knockOut.from ? <p>{question.knockOut.from}</p> : null}
          </Fact>
        ) : null}
        {question.evidence.length > 0 ? (
          <Fact term={tl("templateReader.type_evidence")}>
            {question.evidence.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </Fact>
        ) : null}
        {question.indicator ? (
          <Fact term={question.indicator.title}>{question.indicator.rule}</Fact>
        ) : null}
        {question.references.length > 0 ? (
          <Fact term={tl("templateReader.references")}>
            <ul className="list-disc pl-5">
              {question.references.map((reference) => (
                <li key={reference}>{reference}</li>
              ))}
            </ul>
          </Fact>
        ) : null}
      </dl>
    </article>
  );
}
