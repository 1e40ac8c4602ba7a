import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { TemplateComparisonCard } from "~/components/templates/template-comparison-card";
import { TemplateVersionsCard } from "~/components/templates/template-versions-card";
import { Button } from "~/components/ui/button";
import { Alert, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { can } from "~/utils/permissions";
import { findTemplate } from "~/modules/templates/find-template.server";
import { getTemplate } from "~/modules/templates/get-template.server";
import { startTemplateDraft } from "~/modules/templates/start-template-draft.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { translate } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { metaLocale, pageTitle } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(data?.template.name, translate(metaLocale(matches), "templates.title")),
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "template:read");
  const versionId = new URL(request.url).searchParams.get("version");
  const page = await runUseCase(() =>
    getTemplate(actor, { templateId: params.templateId ?? "", versionId }),
  );
  return { ...page, canWrite: can(actor.role, "template:edit") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "template:edit");
  // Ownership first: a foreign id is 404 whatever the form says.
  const template = await runUseCase(() => findTemplate(actor, params.templateId ?? ""));
  const form = await readFormData(request);
  if (form.get("intent") !== "start-draft") throw new Response("Unknown action", { status: 400 });
  await runUseCase(() => startTemplateDraft(actor, { templateId: template.id }));
  return redirect(`/templates/${template.id}/edit`);
}

export default function TemplatePage() {
  const { template, versions, draft, comparison, canWrite } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useT();
  const notice = params.get("notice");
  return (
    <div className="space-y-6">
      <Link to="/templates" className="text-sm text-brand-700 hover:underline">
        ← {t("templates.title")}
      </Link>
      <PageHeader
        title={template.name}
        actions={
          <>
            <Link
              to={`/templates/${template.id}/links`}
              className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {t("provisionLinks.openEditor")}
            </Link>
            {canWrite ? (
              draft ? (
                <Link
                  to={`/templates/${template.id}/edit`}
                  className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
                >
                  {t("templates.editDraft")}
                </Link>
              ) : (
                <Form method="post">
                  <Button type="submit" name="intent" value="start-draft">
                    {t("templates.startDraft")}
                  </Button>
                </Form>
              )
            ) : null}
          </>
        }
      >
        <span className="font-mono">{template.key}</span>
      </PageHeader>
      {notice === "published" ? (
        <Alert tone="success">
          {t("templates.noticePublished", { version: params.get("v") ?? "" })}
        </Alert>
      ) : null}
      {notice === "discarded" ? (
        <Alert tone="success">{t("templates.noticeDiscarded")}</Alert>
      ) : null}

      <TemplateVersionsCard
        templateId={template.id}
        versions={versions}
        selectedVersionId={comparison?.versionId}
      />
      {comparison ? <TemplateComparisonCard comparison={comparison} /> : null}
    </div>
  );
}
