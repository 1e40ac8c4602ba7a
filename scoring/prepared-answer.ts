// A prepared answer: one question's evaluated answer together with everything that follows from
// the answer alone (status flags, knock-out match, indicator award), computed once per distinct
// answer and remembered by the question's evaluation cache. Its knock-out entries are frozen
// because every result with this answer shares them. Internal to the library: prepared answers
// never appear in a result.

import { explainKnockOut } from "./explain-knock-out";
import type { QuestionEvaluation } from "./score-question";
import type { KnockOutExplanation, KnockOutResult } from "./types";

/** A question's knock-out as preparing an answer needs it. */
export interface AnswerKnockOut {
  when: ReadonlySet<string>;
  label: string;
  questionKey: string;
  sectionKey: string;
  /** Method 1.2.0: the day a dated knock-out applies from (it is only prepared once it applies). */
  appliesFrom: string | null;
}

export interface PreparedAnswer extends QuestionEvaluation {
  /** Not answered "na". */
  applicable: boolean;
  /** Has a valid answer (including "unknown" and "na"). */
  answered: boolean;
  isUnknown: boolean;
  /** Set when the answer fires the question's knock-out (frozen, shared by results). */
  knockOut: { result: KnockOutResult; explanation: KnockOutExplanation } | null;
  /** Whether the question's transparency indicator is awarded (false without an indicator). */
  indicatorSatisfied: boolean;
}

/** The prepared answer of an evaluation for a question's knock-out and indicator. */
export function prepareAnswer(
  evaluation: QuestionEvaluation,
  knockOut: AnswerKnockOut | null,
  awardWhen: ReadonlySet<string> | null,
): PreparedAnswer {
  const tokens = evaluation.tokens;
  let matched: string[] | null = null;
  let indicatorSatisfied = false;
  for (const token of tokens) {
    if (knockOut !== null && knockOut.when.has(token)) (matched ??= []).push(token);
    if (awardWhen !== null && awardWhen.has(token)) indicatorSatisfied = true;
  }
  return {
    status: evaluation.status,
    points: evaluation.points,
    reason: evaluation.reason,
    countsInScore: evaluation.countsInScore,
    tokens,
    applicable: evaluation.status !== "not_applicable",
    answered: evaluation.status !== "unanswered",
    isUnknown: evaluation.status === "unknown",
    knockOut:
      knockOut === null || matched === null
        ? null
        : {
            result: Object.freeze({ questionKey: knockOut.questionKey, label: knockOut.label }),
            explanation: Object.freeze(
              explainKnockOut(
                knockOut.questionKey,
                knockOut.sectionKey,
                knockOut.label,
                Object.freeze(matched) as string[],
                evaluation.reason,
                knockOut.appliesFrom,
              ),
            ),
          },
    indicatorSatisfied,
  };
}
