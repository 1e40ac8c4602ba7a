import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { ImportProblemAlert } from "~/components/templates/import-problem-alert";
import { ImportTemplateForm } from "~/components/templates/import-template-form";
import { PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import { readTemplateForm } from "~/modules/templates/read-template-form.server";
import {
  runTemplateImport,
  type ImportFailure,
} from "~/modules/templates/run-template-import.server";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";
import { retryAfterHeaders } from "~/utils/retry-after-headers";

export const meta: MetaFunction = ({ matches }) => [
  translatedTitle(matches, "templates.importTitle"),
];

export const headers = retryAfterHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "template:edit");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "template:edit");
  const result = await runTemplateImport(actor, await readTemplateForm(request));
  if (result.kind === "imported")
    return redirect(`/templates/${result.templateId}/edit?notice=imported`);
  return data<ImportFailure>(result.body, { status: result.status, headers: result.headers });
}

export default function ImportTemplatePage() {
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="max-w-3xl space-y-4">
      <Link to="/templates" className="text-sm text-brand-700 hover:underline">
        ← {t("templates.title")}
      </Link>
      <PageHeader title={t("templates.importTitle")}>{t("templates.importIntro")}</PageHeader>
      {actionData?.problem ? (
        <ImportProblemAlert problem={actionData.problem} errors={actionData.errors} />
      ) : null}
      <ImportTemplateForm text={actionData?.text ?? ""} mode={actionData?.mode} />
    </div>
  );
}
