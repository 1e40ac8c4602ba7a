// The draft editor. Works without JavaScript: every change is a plain form POST carrying the
// draft's revision; the editDraft use case applies it to the draft, validates the whole
// definition and either saves (revision + 1) or hands back the errors, shown next to the fields
// with what was typed. A stale revision (a colleague saved meanwhile) is refused with a message;
// nothing is lost. The route is guard → parse → use case → view model (ADR 0023); the edits live
// in app/modules/templates, the markup in app/components/templates/editor.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TemplateEditor } from "~/components/templates/editor/template-editor";
import { requirePermission } from "~/modules/auth/guards.server";
import { PARSER_BUSY_RETRY_AFTER_SECONDS } from "~/modules/parsing/parser-pool.server";
import { formValuesOf } from "~/modules/templates/draft-edits";
import { editTemplateDraft } from "~/modules/templates/edit-template-draft.server";
import { findTemplate } from "~/modules/templates/find-template.server";
import { getTemplateEditor } from "~/modules/templates/get-template-editor.server";
import { readTemplateForm } from "~/modules/templates/read-template-form.server";
import {
  postedValues,
  type TemplateEditorActionData,
} from "~/modules/templates/template-editor-form";
import { runUseCase } from "~/utils/http.server";
import { translatedTitle } from "~/utils/page-title";
import { retryAfterHeaders } from "~/utils/retry-after-headers";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  translatedTitle(matches, "templates.editorTitle", { name: data?.template.name ?? "" }),
];

export const headers = retryAfterHeaders;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "template:edit");
  const editor = await runUseCase(() =>
    getTemplateEditor(actor, { templateId: params.templateId ?? "" }),
  );
  if (!editor.draft) return redirect(`/templates/${editor.template.id}`);
  return { template: editor.template, draft: editor.draft, yaml: editor.yaml };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "template:edit");
  // Ownership first: a foreign or unknown id is 404 whatever the form says (and before it is read).
  const template = await runUseCase(() => findTemplate(actor, params.templateId ?? ""));
  const form = await readTemplateForm(request);
  const values = formValuesOf(form);
  const outcome = await runUseCase(() =>
    editTemplateDraft(actor, {
      templateId: template.id,
      revision: values.get("revision") ?? "",
      intent: values.get("intent") ?? "",
      target: values.get("target") ?? "",
      values,
    }),
  );
  if (outcome.kind === "done") return redirect(outcome.redirectTo);
  const refused: TemplateEditorActionData = {
    intent: values.get("intent") ?? "",
    target: values.get("target") ?? "",
    posted: postedValues(form),
    problem: outcome.kind === "refused" ? outcome.problem : null,
    errors: outcome.kind === "invalid" ? outcome.errors : [],
  };
  if (outcome.kind === "invalid") return data(refused, { status: 400 });
  const headers: HeadersInit =
    outcome.status === 503 ? { "Retry-After": String(PARSER_BUSY_RETRY_AFTER_SECONDS) } : {};
  return data(refused, { status: outcome.status, headers });
}

export default function TemplateEditorPage() {
  const { template, draft, yaml } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <TemplateEditor template={template} draft={draft} yaml={yaml} actionData={actionData} />;
}
