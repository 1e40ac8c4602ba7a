import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { FrameworkImportPreview } from "~/components/regulations/framework-import-preview";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import {
  runFrameworkUpload,
  type FrameworkUploadAnswer,
} from "~/modules/regulations/run-framework-upload.server";
import { translatedTitle } from "~/utils/page-title";
import { retryAfterHeaders } from "~/utils/retry-after-headers";
import { useT } from "~/utils/use-t";

// Upload → preview → commit, without JavaScript (issue 14 item 3): the preview answer carries
// the file's text in a hidden field, and the commit parses and plans it again.

export const meta: MetaFunction = ({ matches }) => [
  translatedTitle(matches, "frameworkImport.pageTitle"),
];

export const headers = retryAfterHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "framework:import");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "framework:import");
  const result = await runFrameworkUpload(actor, request);
  return data<FrameworkUploadAnswer>(result.body, {
    status: result.status,
    headers: result.headers,
  });
}

export default function ImportFrameworkPage() {
  const answer = useActionData<typeof action>();
  const { t, tm } = useT();
  const previewed = answer?.preview && !answer.committed && answer.content !== "";
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("frameworkImport.pageTitle")}>
        {t("frameworkImport.pageIntro")}
      </PageHeader>
      {answer?.problem ? (
        <Alert tone="error">
          <p className="font-medium">{tm(answer.problem)}</p>
          {answer.errors.length > 0 ? (
            <ul
              className="mt-2 list-disc space-y-1 pl-5 font-mono text-xs"
              data-testid="import-errors"
            >
              {answer.errors.map((error, index) => (
                <li key={index}>
                  {error.path === "(file)" ? "" : `${error.path}: `}
                  {tm(error.message)}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {answer?.preview && answer.committed ? (
        <Card title={t("frameworkImport.pageImportedTitle")}>
          <FrameworkImportPreview preview={answer.preview} />
        </Card>
      ) : null}
      {previewed && answer.preview ? (
        <Card title={t("frameworkImport.pagePreviewTitle")}>
          <FrameworkImportPreview preview={answer.preview} />
          {answer.preview.outcome === "unchanged" ? null : (
            <Form method="post" encType="multipart/form-data" className="mt-4">
              <input type="hidden" name="intent" value="commit" />
              <input type="hidden" name="fileName" value={answer.fileName} />
              <textarea name="content" defaultValue={answer.content} hidden readOnly />
              <Button type="submit">{t("frameworkImport.pageCommitSubmit")}</Button>
            </Form>
          )}
        </Card>
      ) : null}
      <Card>
        <Form method="post" encType="multipart/form-data" className="space-y-4">
          <input type="hidden" name="intent" value="preview" />
          <div className="space-y-1">
            <label htmlFor="framework-file" className="block text-sm font-medium text-slate-800">
              {t("frameworkImport.pageFile")}
            </label>
            <input
              id="framework-file"
              type="file"
              name="file"
              required
              accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
              className="block text-sm"
            />
          </div>
          <Button type="submit">{t("frameworkImport.pagePreviewSubmit")}</Button>
        </Form>
      </Card>
    </div>
  );
}
