import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { can } from "~/utils/permissions";
import { createTemplate, createTemplateSchema } from "~/modules/templates/create-template.server";
import { listTemplates } from "~/modules/templates/list-templates.server";
import { DomainError } from "~/utils/errors";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { issueCodes } from "~/utils/validation-messages";
import { labelKey, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";
import { ScrollRegion } from "~/components/ui/scroll-region";

export const meta: MetaFunction = ({ matches }) => [translatedTitle(matches, "templates.title")];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "template:read");
  return { templates: await listTemplates(actor), canWrite: can(actor.role, "template:edit") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "template:edit");
  const form = Object.fromEntries(await readFormData(request)) as Record<string, string>;
  const parsed = createTemplateSchema.safeParse(form);
  if (!parsed.success)
    return data({ errors: issueCodes(parsed.error.issues), values: form }, { status: 400 });
  const created = await runUseCase(() =>
    createTemplate(actor, parsed.data).catch((error: unknown) => {
      if (error instanceof DomainError && error.details?.reason === "keyTaken") return null;
      throw error;
    }),
  );
  if (!created) return data({ errors: { key: "keyTaken" }, values: form }, { status: 409 });
  return redirect(`/templates/${created.id}/edit`);
}

const ERROR_KEYS: Record<string, MessageKey> = { keyTaken: "templates.keyTaken" };

export default function TemplatesPage() {
  const { templates, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useT();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const message = (field: string) =>
    errors[field]
      ? t(
          ERROR_KEYS[errors[field]!] ??
            labelKey("templates.", errors[field]) ??
            "errors.invalidInput",
        )
      : undefined;
  const values = actionData?.values ?? {};
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("templates.title")}
        actions={
          canWrite ? (
            <Link
              to="/templates/import"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            >
              {t("templates.importTemplate")}
            </Link>
          ) : null
        }
      >
        {t("templates.intro")}
      </PageHeader>
      {canWrite ? null : <Alert>{t("templates.readOnlyNotice")}</Alert>}
      {templates.length === 0 ? (
        <p className="text-slate-600">{t("templates.empty")}</p>
      ) : (
        <ScrollRegion
          label={t("templates.title")}
          className="rounded-lg border border-slate-200 bg-white"
        >
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("templates.name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("templates.key")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("templates.latestVersion")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("templates.draft")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("templates.assessmentsCount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {templates.map((template) => (
                <tr key={template.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link
                      to={`/templates/${template.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {template.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{template.key}</td>
                  <td className="px-3 py-2">
                    {template.latest
                      ? `${t("templates.versionLabel", { version: template.latest.version })} · ${date(template.latest.publishedAt)}`
                      : t("templates.noPublishedVersion")}
                  </td>
                  <td className="px-3 py-2">
                    {template.draft
                      ? t("templates.draftOpen", { version: template.draft.version })
                      : "–"}
                  </td>
                  <td
                    className="px-3 py-2 text-right"
                    title={template.versions
                      .map((v) => `v${v.version}: ${v.assessments}`)
                      .join(", ")}
                  >
                    {template.assessments}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {canWrite ? (
        <Card title={t("templates.newTemplate")} className="max-w-2xl">
          <p className="mb-3 text-sm text-slate-600">{t("templates.newTemplateHint")}</p>
          {actionData?.errors ? <Alert tone="error">{t("common.formErrors")}</Alert> : null}
          <Form method="post" className="mt-3 space-y-4">
            <TextField
              label={t("templates.key")}
              name="key"
              required
              maxLength={80}
              hint={t("templates.keyHint")}
              defaultValue={values.key ?? ""}
              error={message("key")}
            />
            <TextField
              label={t("templates.titleEn")}
              name="titleEn"
              required
              maxLength={200}
              defaultValue={values.titleEn ?? ""}
              error={message("titleEn")}
            />
            <TextField
              label={t("templates.titleDe")}
              name="titleDe"
              required
              maxLength={200}
              defaultValue={values.titleDe ?? ""}
              error={message("titleDe")}
            />
            <Button type="submit">{t("templates.create")}</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
