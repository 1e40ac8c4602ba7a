// What the scoring library sees of an assessment's answers: hidden questions count as "not
// applicable" (their stored answers are kept but ignored), and the app-only question types are
// reduced to the shapes of the scoring types they map onto (template-definition.ts, scoringTypeOf).

import { NOT_APPLICABLE_VALUE } from "../../../scoring";
import { hiddenQuestionKeys } from "./conditions";
import type { TemplateDefinition, TemplateQuestion } from "./template-definition";

function scoringAnswerOf(question: TemplateQuestion, answer: unknown): unknown {
  if (
    answer === null ||
    answer === undefined ||
    typeof answer === "string" ||
    typeof answer === "number"
  )
    return answer;
  switch (question.type) {
    case "subprocessors":
      // Scored like a countries question: the countries the sub-processors work from.
      return Array.isArray(answer)
        ? [
            ...new Set(
              answer.flatMap((row: unknown) =>
                row &&
                typeof row === "object" &&
                typeof (row as { country?: unknown }).country === "string"
                  ? [(row as { country: string }).country]
                  : [],
              ),
            ),
          ]
        : answer;
    case "evidence": {
      // Scored like a text question (not at all); it counts as answered once a file is attached.
      const files = (answer as { files?: unknown }).files;
      return Array.isArray(files) && files.length > 0
        ? String((answer as { documentType?: unknown }).documentType ?? "evidence")
        : null;
    }
    default:
      return answer;
  }
}

/** The answers to score, and the keys of the questions hidden by their show-if rules. */
export function answersForScoring(
  definition: TemplateDefinition,
  answers: Readonly<Record<string, unknown>>,
): { answers: Record<string, unknown>; hidden: Set<string> } {
  const hidden = hiddenQuestionKeys(definition.sections, answers);
  const scoring: Record<string, unknown> = {};
  // Sections and questions directly, not questionsOf(): copying every question cost more than
  // scoring the answers (issue 12).
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (hidden.has(question.key)) scoring[question.key] = NOT_APPLICABLE_VALUE;
      else if (question.key in answers)
        scoring[question.key] = scoringAnswerOf(question, answers[question.key]);
    }
  }
  return { answers: scoring, hidden };
}
