import { Form, Link, useSearchParams } from "@remix-run/react";
import { TemplatePreview } from "~/components/templates/template-preview";
import { Button } from "~/components/ui/button";
import { TextAreaField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import type { TemplateDefinition } from "~/modules/questionnaires/template-definition";
import type {
  PostedValues,
  TemplateEditorActionData,
} from "~/modules/templates/template-editor-form";
import { useT } from "~/utils/use-t";
import { EditorNotices } from "./editor-notices";
import { errorsUnder } from "./editor-errors";
import { inReadersLanguage } from "~/components/templates/template-file-error-text";
import { Hidden } from "./editor-form-parts";
import { SectionEditor } from "./section-editor";
import type { ReferenceCitation } from "./question-form";

export interface TemplateEditorProps {
  template: { id: string; name: string };
  draft: {
    version: number;
    revision: number;
    definition: unknown;
    /** The cited catalogue keys in both citation styles (issue 21), shown read-only. */
    citations?: Record<string, ReferenceCitation>;
  };
  /** The draft as YAML, for the advanced view. */
  yaml: string;
  /** A refused post: what failed and what was typed, shown again. */
  actionData: TemplateEditorActionData | undefined;
}

/**
 * The draft editor: publish/discard, and three views (structure with a form per element, a
 * preview in both languages, the whole definition as YAML). The view and the open element are
 * in the URL, so every state has a link and works without JavaScript.
 */
export function TemplateEditor({ template, draft, yaml, actionData }: TemplateEditorProps) {
  const [params] = useSearchParams();
  const { t } = useT();
  const definition = draft.definition as TemplateDefinition;
  const revision = draft.revision;
  const view = params.get("view") ?? "structure";
  // Definition errors arrive as keys; the fields below show their text in the reader's language.
  const errors = inReadersLanguage(t, actionData?.errors ?? []);
  const failed = (intent: string, target?: string) =>
    actionData &&
    actionData.intent === intent &&
    (target === undefined || actionData.target === target);
  const failedPost = (intent: string, target: string): PostedValues | null =>
    failed(intent, target) ? actionData!.posted : null;
  const openQuestion = failed("update-question") ? actionData!.target : params.get("question");
  const openSection = failed("update-section") ? actionData!.target : params.get("section");
  const tab = (name: string, label: string) => (
    <Link
      to={name === "structure" ? "." : `?view=${name}`}
      aria-current={view === name ? "page" : undefined}
      className={`rounded-t-md px-3 py-1.5 text-sm ${view === name ? "bg-white font-semibold shadow-sm" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {label}
    </Link>
  );
  const questions = definition.sections.flatMap((s) => s.questions);

  return (
    <div className="space-y-4">
      <Link to={`/templates/${template.id}`} className="text-sm text-brand-700 hover:underline">
        ← {t("templates.backToTemplate")}
      </Link>
      <PageHeader title={t("templates.editorTitle", { name: template.name })}>
        {t("templates.editorIntro", { version: draft.version, revision })}
      </PageHeader>
      {params.get("notice") === "imported" ? (
        <Alert tone="success">{t("templates.noticeImported")}</Alert>
      ) : null}
      <EditorNotices problem={actionData?.problem} errors={errors} />

      <Card>
        <div className="flex flex-wrap items-center gap-3">
          <Form method="post">
            <Hidden revision={revision} intent="publish" />
            <Button type="submit">{t("templates.publish", { version: draft.version })}</Button>
          </Form>
          <Form method="post">
            <Hidden revision={revision} intent="discard" />
            <Button type="submit" variant="danger">
              {t("templates.discard")}
            </Button>
          </Form>
          <p className="text-xs text-slate-600">{t("templates.publishHint")}</p>
        </div>
      </Card>

      <nav
        className="flex gap-1 border-b border-slate-200"
        aria-label={t("templates.tabStructure")}
      >
        {tab("structure", t("templates.tabStructure"))}
        {tab("preview", t("templates.tabPreview"))}
        {tab("advanced", t("templates.tabAdvanced"))}
      </nav>

      {view === "preview" ? (
        <Card>
          <p className="mb-4 text-sm text-slate-600">{t("templates.previewIntro")}</p>
          <div className="grid gap-8 lg:grid-cols-2">
            <TemplatePreview definition={definition} locale="en" />
            <TemplatePreview definition={definition} locale="de" />
          </div>
        </Card>
      ) : view === "advanced" ? (
        <Card>
          <Form method="post" className="space-y-3">
            <Hidden revision={revision} intent="advanced" />
            <TextAreaField
              label={t("templates.tabAdvanced")}
              hint={t("templates.advancedHint")}
              name="yaml"
              rows={30}
              spellCheck={false}
              defaultValue={
                failed("advanced") && typeof actionData?.posted.yaml === "string"
                  ? actionData.posted.yaml
                  : yaml
              }
              className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
            />
            <Button type="submit">{t("templates.advancedSave")}</Button>
          </Form>
        </Card>
      ) : (
        <div className="space-y-4">
          <Card title={t("templates.templateDetails")}>
            <Form method="post" className="grid gap-4 sm:grid-cols-2">
              <Hidden revision={revision} intent="meta" />
              <TextField
                label={t("templates.titleEn")}
                name="titleEn"
                defaultValue={
                  failed("meta") ? String(actionData!.posted.titleEn ?? "") : definition.title.en
                }
                error={errorsUnder(errors, "title").get("en")}
              />
              <TextField
                label={t("templates.titleDe")}
                name="titleDe"
                defaultValue={
                  failed("meta") ? String(actionData!.posted.titleDe ?? "") : definition.title.de
                }
                error={errorsUnder(errors, "title").get("de")}
              />
              <TextAreaField
                label={t("templates.descriptionEn")}
                name="descriptionEn"
                rows={2}
                defaultValue={
                  failed("meta")
                    ? String(actionData!.posted.descriptionEn ?? "")
                    : (definition.description?.en ?? "")
                }
                error={errorsUnder(errors, "description").get("en")}
              />
              <TextAreaField
                label={t("templates.descriptionDe")}
                name="descriptionDe"
                rows={2}
                defaultValue={
                  failed("meta")
                    ? String(actionData!.posted.descriptionDe ?? "")
                    : (definition.description?.de ?? "")
                }
                error={errorsUnder(errors, "description").get("de")}
              />
              <div>
                <Button type="submit" variant="secondary">
                  {t("templates.saveDetails")}
                </Button>
              </div>
            </Form>
          </Card>

          {definition.sections.map((section, s) => (
            <SectionEditor
              citations={draft.citations ?? {}}
              key={section.key}
              section={section}
              index={s}
              questions={questions}
              revision={revision}
              errors={errors}
              openSection={openSection}
              openQuestion={openQuestion}
              failedPost={failedPost}
            />
          ))}
          <Form method="post">
            <Hidden revision={revision} intent="add-section" />
            <Button type="submit" variant="secondary">
              + {t("templates.addSection")}
            </Button>
          </Form>
        </div>
      )}
    </div>
  );
}
