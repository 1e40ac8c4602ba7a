// A bounded memo of question evaluations. Scoring one answer is a pure function of the question,
// the answer and the (prepared) context, and most answers repeat across assessments ("yes", an
// option value, the same country list), so a prepared template remembers the evaluations it has
// computed. Keys are exact: a string, a number, or a list of strings encoded without ambiguity;
// any other answer is evaluated without the memo. Evaluations are frozen because results share them.

import type { QuestionEvaluation } from "./score-question";

const MAX_ENTRIES = 1024;
const MAX_LIST_LENGTH = 32;

/** Unambiguous key of a short list of strings (length-prefixed items), or null when not cacheable. */
function listKey(raw: readonly unknown[]): string | null {
  if (raw.length > MAX_LIST_LENGTH) return null;
  let key = "";
  for (const item of raw) {
    if (typeof item !== "string") return null;
    key += `${item.length}:${item}`;
  }
  return key;
}

export class EvaluationCache {
  private readonly strings = new Map<string, QuestionEvaluation>();
  private readonly numbers = new Map<number, QuestionEvaluation>();
  private readonly lists = new Map<string, QuestionEvaluation>();
  private missing: QuestionEvaluation | null = null;
  private size = 0;

  /** The evaluation of `raw`, computed by `evaluate` on the first request. */
  get(raw: unknown, evaluate: (raw: unknown) => QuestionEvaluation): QuestionEvaluation {
    if (typeof raw === "string") return this.remember(this.strings, raw, raw, evaluate);
    if (raw === undefined) {
      this.missing ??= Object.freeze(evaluate(raw));
      return this.missing;
    }
    if (typeof raw === "number") return this.remember(this.numbers, raw, raw, evaluate);
    if (Array.isArray(raw)) {
      const key = listKey(raw);
      if (key !== null) return this.remember(this.lists, key, raw, evaluate);
    }
    return evaluate(raw);
  }

  private remember<K>(
    map: Map<K, QuestionEvaluation>,
    key: K,
    raw: unknown,
    evaluate: (raw: unknown) => QuestionEvaluation,
  ): QuestionEvaluation {
    const known = map.get(key);
    if (known !== undefined) return known;
    const evaluation = evaluate(raw);
    if (this.size < MAX_ENTRIES) {
      Object.freeze(evaluation.tokens);
      map.set(key, Object.freeze(evaluation));
      this.size += 1;
    }
    return evaluation;
  }
}
