import type { LocalizedMessage } from "../../utils/i18n";
import {
  answerFromFormData,
  comparableAnswer,
  type AnswerValue,
} from "../questionnaires/answer-value";
import type { TemplateQuestion } from "../questionnaires/template-definition";
import { jsonNestsDeeperThan } from "../../utils/json-nesting";

/** Answers nest at most three levels (a table of rows of fields); anything deeper was not rendered by us. */
const SHOWN_MAX_DEPTH = 8;

/**
 * Reads the answers a form actually changed. Each question carries `v.<key>` (the version the
 * form was rendered with) and `o.<key>` (the value it showed, as JSON): a field equal to what
 * was shown is no change, so a stale form never raises conflicts for untouched questions.
 */
export function changesFromForm(
  questions: Pick<TemplateQuestion, "key" | "type" | "options" | "min" | "max">[],
  form: FormData,
) {
  const changes: { questionKey: string; value: AnswerValue | null; baseVersion: number }[] = [];
  const invalid: { questionKey: string; message: LocalizedMessage }[] = [];
  for (const question of questions) {
    if (!form.has(`v.${question.key}`)) continue;
    const parsed = answerFromFormData(question, form);
    if (!parsed.ok) {
      invalid.push({ questionKey: question.key, message: parsed.error });
      continue;
    }
    if (
      comparableAnswer(parsed.value) === comparableAnswer(parseShown(form.get(`o.${question.key}`)))
    )
      continue;
    const baseVersion = Number(form.get(`v.${question.key}`));
    changes.push({
      questionKey: question.key,
      value: parsed.value,
      baseVersion: Number.isInteger(baseVersion) && baseVersion >= 0 ? baseVersion : 0,
    });
  }
  return { changes, invalid };
}

/** The value the form showed, as it posted it back (untrusted: checked before it is parsed and compared). */
function parseShown(raw: FormDataEntryValue | null): unknown {
  if (typeof raw !== "string" || jsonNestsDeeperThan(raw, SHOWN_MAX_DEPTH)) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
