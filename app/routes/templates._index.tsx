import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NewTemplateCard } from "~/components/templates/new-template-card";
import { TemplatesTable } from "~/components/templates/templates-table";
import { Alert, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { can } from "~/utils/permissions";
import { createTemplate, createTemplateSchema } from "~/modules/templates/create-template.server";
import { listTemplates } from "~/modules/templates/list-templates.server";
import { DomainError } from "~/utils/errors";
import { readFormData } from "~/utils/form-data.server";
import { runUseCase } from "~/utils/http.server";
import { issueCodes } from "~/utils/validation-messages";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";

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

export default function TemplatesPage() {
  const { templates, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
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
        <TemplatesTable templates={templates} />
      )}
      {canWrite ? (
        <NewTemplateCard errors={actionData?.errors} values={actionData?.values ?? {}} />
      ) : null}
    </div>
  );
}
