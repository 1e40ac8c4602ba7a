import type { TemplateFileError } from "~/modules/templates/template-file";
import type { MessageKey } from "~/utils/i18n";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const LIMIT_MESSAGES: Record<NonNullable<TemplateFileError["limit"]>["code"], MessageKey> = {
  depth: "templates.limitDepth",
  entries: "templates.limitEntries",
  aliases: "templates.limitAliases",
  keyLength: "templates.limitKeyLength",
  time: "templates.limitTime",
  resources: "templates.limitResources",
};

/**
 * One template file error as the user reads it: a limit of the import in the user's language
 * (with its line), anything else as the path inside the file and the parser's message.
 */
export function templateFileErrorText(t: Translate, error: TemplateFileError): string {
  if (error.limit) return t(LIMIT_MESSAGES[error.limit.code], { max: error.limit.max ?? "", line: error.line ?? "" });
  return error.path === "(file)" ? error.message : `${error.path}: ${error.message}`;
}
