import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextAreaField, TextField } from "~/components/ui/field";
import {
  CONDITION_SOURCE_TYPES,
  type TemplateDefinitionError,
  type TemplateQuestion,
  type TemplateSection,
} from "~/modules/questionnaires/template-definition";
import type { PostedValues } from "~/modules/templates/template-editor-form";
import { useT } from "~/utils/use-t";
import { errorsUnder } from "./editor-errors";
import { ActionButton, Hidden } from "./editor-form-parts";
import { QuestionForm, type ReferenceCitation } from "./question-form";

/**
 * One section of the draft in the structure view: its heading and buttons, its form when open,
 * and its questions (each with its form when open). Errors are matched by path
 * (`sections[s].questions[q]…`), so they show next to the element they concern.
 */
export function SectionEditor({
  section,
  index: s,
  questions,
  revision,
  errors,
  openSection,
  openQuestion,
  failedPost,
  citations,
}: {
  section: TemplateSection;
  index: number;
  /** Every question of the draft, in order: a show-if condition may only use an earlier one. */
  questions: TemplateQuestion[];
  revision: number;
  errors: TemplateDefinitionError[];
  openSection: string | null;
  openQuestion: string | null;
  /** What was typed in a refused form of this intent and target, or null. */
  failedPost: (intent: string, target: string) => PostedValues | null;
  /** The draft's cited catalogue keys in both citation styles. */
  citations: Record<string, ReferenceCitation>;
}) {
  const { t, locale } = useT();
  const sectionErrors = errorsUnder(errors, `sections[${s}]`);
  const posted = failedPost("update-section", section.key);
  const pv = (name: string, stored: string) => (posted ? String(posted[name] ?? "") : stored);
  return (
    <section
      key={section.key}
      id={`section-${section.key}`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold">
          {section.title[locale]}{" "}
          <span className="font-mono text-xs text-slate-500">{section.key}</span>
        </h2>
        <span className="ml-auto flex flex-wrap gap-1">
          <Link
            to={`?section=${encodeURIComponent(section.key)}#section-${section.key}`}
            className="rounded-md border border-slate-300 px-2 py-1 text-xs"
          >
            {t("templates.editSection")}
          </Link>
          <ActionButton
            revision={revision}
            intent="move-section"
            target={section.key}
            direction="up"
          >
            ↑ <span className="sr-only">{t("templates.moveUp")}</span>
          </ActionButton>
          <ActionButton
            revision={revision}
            intent="move-section"
            target={section.key}
            direction="down"
          >
            ↓ <span className="sr-only">{t("templates.moveDown")}</span>
          </ActionButton>
          <ActionButton
            revision={revision}
            intent="delete-section"
            target={section.key}
            variant="danger"
          >
            {t("templates.deleteSection")}
          </ActionButton>
        </span>
      </div>
      {sectionErrors.get("") || sectionErrors.get("questions") ? (
        <p className="text-sm text-red-700">
          {sectionErrors.get("") ?? sectionErrors.get("questions")}
        </p>
      ) : null}
      {openSection === section.key ? (
        <Form
          method="post"
          className="mt-3 grid gap-4 rounded-md border border-brand-200 bg-brand-50/40 p-4 sm:grid-cols-2"
        >
          <Hidden revision={revision} intent="update-section" target={section.key} />
          <TextField
            label={t("templates.sectionKey")}
            name="key"
            defaultValue={pv("key", section.key)}
            error={sectionErrors.get("key")}
          />
          <TextField
            label={t("templates.sectionWeight")}
            name="weight"
            inputMode="decimal"
            defaultValue={pv("weight", String(section.weight))}
            error={sectionErrors.get("weight")}
          />
          <TextField
            label={t("templates.titleEn")}
            name="titleEn"
            defaultValue={pv("titleEn", section.title.en)}
            error={sectionErrors.get("title.en")}
          />
          <TextField
            label={t("templates.titleDe")}
            name="titleDe"
            defaultValue={pv("titleDe", section.title.de)}
            error={sectionErrors.get("title.de")}
          />
          <TextAreaField
            label={t("templates.descriptionEn")}
            name="descriptionEn"
            rows={2}
            defaultValue={pv("descriptionEn", section.description?.en ?? "")}
            error={sectionErrors.get("description.en")}
          />
          <TextAreaField
            label={t("templates.descriptionDe")}
            name="descriptionDe"
            rows={2}
            defaultValue={pv("descriptionDe", section.description?.de ?? "")}
            error={sectionErrors.get("description.de")}
          />
          <div className="flex gap-2">
            <Button type="submit">{t("templates.saveSection")}</Button>
            <Link to="." className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm">
              {t("templates.closeEditor")}
            </Link>
          </div>
        </Form>
      ) : null}
      <ol className="mt-3 space-y-2">
        {section.questions.map((question, q) => {
          const prefix = `sections[${s}].questions[${q}]`;
          const questionErrors = errorsUnder(errors, prefix);
          const index = questions.findIndex((x) => x.key === question.key);
          const earlier = questions
            .slice(0, index)
            .filter((x) => (CONDITION_SOURCE_TYPES as readonly string[]).includes(x.type))
            .map((x) => ({ key: x.key, label: x.label[locale] }));
          return (
            <li
              key={question.key}
              id={`question-${question.key}`}
              className="rounded-md border border-slate-100 p-2"
            >
              <div className="flex flex-wrap items-start gap-2">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium" data-testid="question-label">
                    {question.label[locale]}
                  </p>
                  <p className="font-mono text-xs text-slate-500">
                    {question.key} · {question.type}
                    {question.required ? ` · ${t("templates.required")}` : ""} ·{" "}
                    {t("templates.weight")} {question.weight}
                  </p>
                  {questionErrors.size > 0 && openQuestion !== question.key ? (
                    <p className="text-xs text-red-700">
                      {[...questionErrors.entries()]
                        .map(([path, message]) => `${path || "question"}: ${message}`)
                        .join("; ")}
                    </p>
                  ) : null}
                </div>
                <span className="flex flex-wrap gap-1">
                  <Link
                    to={`?question=${encodeURIComponent(question.key)}#question-${question.key}`}
                    className="rounded-md border border-slate-300 px-2 py-1 text-xs"
                    aria-label={`${t("templates.editQuestion")} ${question.key}`}
                  >
                    {t("templates.editQuestion")}
                  </Link>
                  <ActionButton
                    revision={revision}
                    intent="move-question"
                    target={question.key}
                    direction="up"
                  >
                    ↑{" "}
                    <span className="sr-only">
                      {t("templates.moveUp")} {question.key}
                    </span>
                  </ActionButton>
                  <ActionButton
                    revision={revision}
                    intent="move-question"
                    target={question.key}
                    direction="down"
                  >
                    ↓{" "}
                    <span className="sr-only">
                      {t("templates.moveDown")} {question.key}
                    </span>
                  </ActionButton>
                  <ActionButton
                    revision={revision}
                    intent="delete-question"
                    target={question.key}
                    variant="danger"
                  >
                    {t("templates.deleteQuestion")} <span className="sr-only">{question.key}</span>
                  </ActionButton>
                </span>
              </div>
              {openQuestion === question.key ? (
                <QuestionForm
                  question={question}
                  earlier={earlier}
                  revision={revision}
                  posted={failedPost("update-question", question.key)}
                  errors={questionErrors}
                  citations={citations}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="mt-3">
        <ActionButton revision={revision} intent="add-question" target={section.key}>
          + {t("templates.addQuestion")}
        </ActionButton>
      </div>
    </section>
  );
}
