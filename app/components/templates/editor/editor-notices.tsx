import type { TemplateFileError } from "~/modules/templates/template-file";
import type { EditorProblem } from "~/modules/templates/template-editor-form";
import { Alert } from "~/components/ui/layout";
import { templateFileErrorText } from "~/components/templates/template-file-error-text";
import { useT } from "~/utils/use-t";

/** Why the last post changed nothing: a problem that blocks the page, or the definition's errors. */
export function EditorNotices({
  problem,
  errors,
}: {
  problem: EditorProblem | null | undefined;
  errors: TemplateFileError[];
}) {
  const { t } = useT();
  return (
    <>
      {problem ? (
        <Alert tone="error">
          {problem.key === "conflict"
            ? t("templates.conflict", { revision: problem.revision ?? "" })
            : problem.key === "identical"
              ? t("templates.identical", { version: problem.version ?? "" })
              : problem.key === "busy"
                ? t("templates.parserBusy")
                : t("templates.conflictGone")}
        </Alert>
      ) : null}
      {errors.length > 0 ? (
        <Alert tone="error">
          <p className="font-medium">{t("templates.errorsTitle")}</p>
          <ul
            className="mt-2 list-disc space-y-1 pl-5 font-mono text-xs"
            data-testid="editor-errors"
          >
            {errors.map((error, index) => (
              <li key={index}>{templateFileErrorText(t, error)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </>
  );
}
