import type { TemplateDefinitionError } from "~/modules/questionnaires/template-definition";
import type { TemplateFileError } from "~/modules/templates/template-file";
import type { MessageKey, MessageParams } from "~/utils/i18n";

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * One template file error as the user reads it: the path inside the file (none for the file as a
 * whole) and the message in the user's language, e.g. `sections[2].questions[5].options: …`.
 */
export function templateFileErrorText(
  t: Translate,
  error: TemplateFileError | TemplateDefinitionError,
): string {
  const text = t(error.key, error.params);
  return error.path === "(file)" ? text : `${error.path}: ${text}`;
}

/**
 * The errors with `message` in the user's language: the editor's fields show `message` next to
 * the path they belong to (editor-errors.ts), so translating once here covers every field.
 */
export function inReadersLanguage<E extends TemplateDefinitionError>(
  t: Translate,
  errors: readonly E[],
): E[] {
  return errors.map((error) => ({ ...error, message: t(error.key, error.params) }));
}
