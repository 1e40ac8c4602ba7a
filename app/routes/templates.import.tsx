import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { ImportProblemAlert } from "~/components/templates/import-problem-alert";
import { ImportTemplateForm } from "~/components/templates/import-template-form";
import { PageHeader } from "~/components/ui/layout";
import { requirePermission } from "~/modules/auth/guards.server";
import {
  ParserBusyError,
  PARSER_BUSY_RETRY_AFTER_SECONDS,
} from "~/modules/parsing/parser-pool.server";
import { importTemplate } from "~/modules/templates/import-template.server";
import { readTemplateForm } from "~/modules/templates/read-template-form.server";
import {
  formatOfFileName,
  TEMPLATE_FILE_MAX_BYTES,
  type TemplateFileError,
} from "~/modules/templates/template-file";
import { DomainError } from "~/utils/errors";
import { runUseCase } from "~/utils/http.server";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { translatedTitle } from "~/utils/page-title";
import { cleanDisplayText } from "~/utils/display-text";

export const meta: MetaFunction = ({ matches }) => [
  translatedTitle(matches, "templates.importTitle"),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "template:edit");
  return null;
}

type ImportFailure = {
  problem: MessageKey | null;
  errors: TemplateFileError[];
  mode: string;
  text: string;
};

const REASONS: Record<string, MessageKey> = {
  keyTaken: "templates.keyTaken",
  noTemplate: "templates.importNoTemplate",
  draftOpen: "templates.importDraftOpen",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, "template:edit");
  const form = await readTemplateForm(request);
  const mode = form.get("mode") === "draft" ? "draft" : "new";
  const file = form.get("file");
  const pasted = typeof form.get("text") === "string" ? String(form.get("text")) : "";
  const fail = (
    failure: Partial<ImportFailure>,
    status: number,
    headers?: Record<string, string>,
  ) =>
    data<ImportFailure>(
      { problem: null, errors: [], mode, text: pasted.length <= 200_000 ? pasted : "", ...failure },
      { status, headers },
    );

  let text = pasted;
  let fileName: string | undefined;
  if (file instanceof File && file.size > 0) {
    if (file.size > TEMPLATE_FILE_MAX_BYTES)
      return fail({ problem: "templates.importTooLarge" }, 413);
    text = await file.text();
    // Shown and recorded like every name: without bidi controls or invisible characters.
    fileName = cleanDisplayText(file.name).slice(0, 255);
  } else if (Buffer.byteLength(pasted, "utf8") > TEMPLATE_FILE_MAX_BYTES) {
    return fail({ problem: "templates.importTooLarge" }, 413);
  }
  if (text.trim() === "") return fail({ problem: "templates.importNothing" }, 400);

  const result = await runUseCase(() =>
    importTemplate(actor, {
      text,
      format: fileName ? (formatOfFileName(fileName) ?? undefined) : undefined,
      mode,
      fileName,
    }).catch((error: unknown) => {
      const reason = error instanceof DomainError ? String(error.details?.reason ?? "") : "";
      if (REASONS[reason]) return { ok: "refused" as const, reason };
      // Every parser worker busy (ADR 0014): nothing was written, the user may simply retry.
      if (error instanceof ParserBusyError) return { ok: "busy" as const };
      throw error;
    }),
  );
  if (result.ok === "busy")
    return fail({ problem: "templates.parserBusy" }, 503, {
      "Retry-After": String(PARSER_BUSY_RETRY_AFTER_SECONDS),
    });
  if (result.ok === "refused") return fail({ problem: REASONS[result.reason]! }, 409);
  if (!result.ok)
    return fail({ problem: "templates.importErrorsTitle", errors: result.errors }, 400);
  return redirect(`/templates/${result.templateId}/edit?notice=imported`);
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
