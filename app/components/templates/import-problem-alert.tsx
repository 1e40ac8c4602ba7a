import { Alert } from "~/components/ui/layout";
import type { TemplateFileError } from "~/modules/templates/template-file";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { templateFileErrorText } from "./template-file-error-text";

/** Why an import was refused, with the file's errors (line, path, problem) when it had any. */
export function ImportProblemAlert({
  problem,
  errors,
}: {
  problem: MessageKey;
  errors: TemplateFileError[];
}) {
  const { t } = useT();
  return (
    <Alert tone="error">
      <p className="font-medium">{t(problem)}</p>
      {errors.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 font-mono text-xs" data-testid="import-errors">
          {errors.map((error, index) => (
            <li key={index}>{templateFileErrorText(t, error)}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
