import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { TemplateDiffView } from "~/components/templates/template-diff-view";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { can } from "~/utils/permissions";
import { findTemplate } from "~/modules/templates/find-template.server";
import { getTemplate } from "~/modules/templates/get-template.server";
import { startTemplateDraft } from "~/modules/templates/start-template-draft.server";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { translate, labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { metaLocale, pageTitle } from "~/utils/page-title";
import { ScrollRegion } from "~/components/ui/scroll-region";

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
  const { t, date } = useT();
  const notice = params.get("notice");
  return (
    <div className="space-y-6">
      <Link to="/templates" className="text-sm text-brand-700 hover:underline">
        ← {t("templates.title")}
      </Link>
      <PageHeader
        title={template.name}
        actions={
          canWrite ? (
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
          ) : null
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

      <Card title={t("templates.versions")}>
        <ScrollRegion label={t("templates.versions")}>
          <table className="min-w-full text-sm">
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("templates.version")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("templates.status")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("templates.origin")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("templates.publishedAt")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("templates.createdBy")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("templates.assessmentsCount")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("templates.export")}
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">{t("templates.showChanges")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr
                  key={v.id}
                  className={`border-t border-slate-100 ${comparison?.versionId === v.id ? "bg-brand-50" : ""}`}
                >
                  <td className="py-2 pr-3">
                    {t("templates.versionLabel", { version: v.version })}
                  </td>
                  <td className="py-2 pr-3">
                    {t(labelKey("templates.status", v.status) ?? "common.unknownValue")}
                  </td>
                  <td className="py-2 pr-3">
                    {t(labelKey("templates.origin", v.origin) ?? "common.unknownValue")}
                  </td>
                  <td className="py-2 pr-3">{v.publishedAt ? date(v.publishedAt, true) : "–"}</td>
                  <td className="py-2 pr-3">{v.createdBy ?? "–"}</td>
                  <td className="py-2 pr-3 text-right">{v.assessments}</td>
                  <td className="space-x-2 py-2 pr-3">
                    <a
                      href={`/templates/${template.id}/versions/${v.id}/export?format=json`}
                      className="text-brand-700 hover:underline"
                      download
                    >
                      JSON
                    </a>
                    <a
                      href={`/templates/${template.id}/versions/${v.id}/export?format=yaml`}
                      className="text-brand-700 hover:underline"
                      download
                    >
                      YAML
                    </a>
                  </td>
                  <td className="py-2">
                    <Link to={`?version=${v.id}`} className="text-brand-700 hover:underline">
                      {t("templates.showChanges")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>

      {comparison ? (
        <Card
          title={
            comparison.previousVersion === null
              ? t("templates.versionLabel", { version: comparison.version })
              : comparison.status === "DRAFT"
                ? t("templates.draftChangesTitle", { previous: comparison.previousVersion })
                : t("templates.changesTitle", {
                    version: comparison.version,
                    previous: comparison.previousVersion,
                  })
          }
        >
          {comparison.diff ? (
            <TemplateDiffView diff={comparison.diff} />
          ) : (
            <p className="text-sm text-slate-600">
              {t("templates.firstVersion", {
                version: comparison.version,
                sections: comparison.sections,
                questions: comparison.questions,
              })}
            </p>
          )}
        </Card>
      ) : null}
    </div>
  );
}
