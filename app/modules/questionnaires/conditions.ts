// Show-if rules: which questions a respondent sees, given the answers so far. One pure function,
// used by the browser (to show and hide questions as answers change), the server (what is
// required and scored) and the assessor's view, so the three can never disagree.

import type { ShowIf } from "./template-definition";

/** The parts of a question this module needs (both the stored definition and the portal's copy fit). */
export interface ConditionalQuestion {
  key: string;
  showIf?: ShowIf | undefined;
}

interface ConditionalSection {
  questions: readonly ConditionalQuestion[];
}

/** The answer as the set of values a condition can match: one value, or every item of a list. */
function answerTokens(answer: unknown): string[] {
  if (typeof answer === "string") return [answer];
  if (Array.isArray(answer))
    return answer.filter((item): item is string => typeof item === "string");
  return [];
}

/**
 * The keys of the questions hidden by their show-if rule. Rules may only test earlier questions
 * (the template schema enforces it), so one pass in template order suffices; a question whose
 * controlling question is hidden is hidden too, because a hidden answer is ignored.
 */
export function hiddenQuestionKeys(
  sections: readonly ConditionalSection[],
  answers: Readonly<Record<string, unknown>>,
): Set<string> {
  const hidden = new Set<string>();
  const holds = (leaf: { question: string; in: readonly string[] }) =>
    !hidden.has(leaf.question) &&
    answerTokens(answers[leaf.question]).some((token) => leaf.in.includes(token));
  for (const section of sections) {
    for (const question of section.questions) {
      const rule = question.showIf;
      if (!rule) continue;
      const visible =
        "all" in rule ? rule.all.every(holds) : "any" in rule ? rule.any.some(holds) : holds(rule);
      if (!visible) hidden.add(question.key);
    }
  }
  return hidden;
}

/** The answers with those of hidden questions left out: kept in storage, ignored everywhere else. */
export function visibleAnswers<T>(
  answers: Readonly<Record<string, T>>,
  hidden: ReadonlySet<string>,
): Record<string, T> {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !hidden.has(key)));
}
