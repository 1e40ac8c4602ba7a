// Method 1.1.0 answer evaluation for a prepared template: scores an answer (countries questions
// through the residency rating), prepares it (flags, knock-out, indicator) and remembers it per
// question, separately for each set of country-flow defaults. Pure in effect.

import { scoreCountriesByResidency } from "./countries-question";
import { EvaluationCache } from "./evaluation-cache";
import { prepareAnswer, type AnswerKnockOut, type PreparedAnswer } from "./prepared-answer";
import type { PreparedResidencyReference } from "./residency";
import { evaluateQuestion, type QuestionContext, type QuestionEvaluation } from "./score-question";
import type { CountryFlowDefaults, ScoringQuestion } from "./types";

/** What evaluating an answer needs from the prepared template. */
export interface EvaluationContext {
  questionContext: QuestionContext;
  residency: PreparedResidencyReference;
}

export interface QuestionEvaluator {
  cache: EvaluationCache<PreparedAnswer>;
  evaluate: (raw: unknown) => PreparedAnswer;
}

/** Scores one answer with method 1.1.0 rules (countries through the residency rating). */
export function evaluateAnswer(
  context: EvaluationContext,
  question: ScoringQuestion,
  raw: unknown,
  defaults: CountryFlowDefaults,
): QuestionEvaluation {
  return question.type === "countries"
    ? scoreCountriesByResidency(question, raw, context.residency, defaults)
    : evaluateQuestion(question, raw, context.questionContext);
}

/** An evaluator (memo + evaluation) of one question for one set of country-flow defaults. */
export function makeEvaluator(
  context: EvaluationContext,
  question: ScoringQuestion,
  knockOut: AnswerKnockOut | null,
  awardWhen: ReadonlySet<string> | null,
  defaults: CountryFlowDefaults,
): QuestionEvaluator {
  return {
    cache: new EvaluationCache<PreparedAnswer>(
      question.type !== "date" && question.type !== "text" && question.type !== "number",
    ),
    evaluate: (raw) =>
      prepareAnswer(evaluateAnswer(context, question, raw, defaults), knockOut, awardWhen),
  };
}

/** "" for no defaults, else a key that tells different defaults apart. */
export function countryFlowDefaultsKey(defaults: CountryFlowDefaults): string {
  const { safeguard, recipient } = defaults;
  if (safeguard === undefined && recipient === undefined) return "";
  return `${safeguard ?? "-"}|${String(recipient?.dpfCertified)}|${String(recipient?.commercial)}`;
}
