// The best answer a question can get (method 1.1.0): the answer value and its description, used
// to explain "what would raise this score most". The points come from scoring that very answer,
// so they always agree with the scorer. Pure.

import { formatIsoDay } from "./iso-day";
import type { PreparedResidencyReference } from "./residency";
import type { AnswerRules } from "./score-question";
import type { ScoringOption, ScoringQuestion, ScoringThresholds } from "./types";

export interface BestAnswerCandidate {
  answer: string | number | string[];
  text: string;
}

/** The value with the smallest magnitude among the measured values that earn the most points. */
function bestMeasure(thresholds: ScoringThresholds): number {
  if (thresholds.kind === "linear") {
    return thresholds.higherIsBetter ? Math.max(thresholds.max, 0) : Math.min(thresholds.min, 0);
  }
  const steps = [...thresholds.steps].sort((a, b) => a.min - b.min);
  const top = Math.max(...steps.map((step) => step.points));
  // Each top step's value closest to 0 (0 itself when the step's range holds it); then the closest.
  const candidates = steps.flatMap((step, index) => {
    if (step.points !== top) return [];
    const next = steps[index + 1]?.min ?? Number.POSITIVE_INFINITY;
    return [step.min <= 0 && 0 < next ? 0 : step.min];
  });
  return candidates.reduce((best, candidate) =>
    Math.abs(candidate) < Math.abs(best) ? candidate : best,
  );
}

/**
 * The options a best answer may name: all of them, except under method 1.2.0 those that make the
 * question not applicable (choosing one is no improvement, it only leaves the score).
 */
function proposableOptions(
  question: ScoringQuestion,
  rules: AnswerRules | undefined,
): ScoringOption[] {
  const options = question.options!;
  return rules?.notApplicableOptions === true
    ? options.filter((option) => option.notApplicable !== true)
    : options;
}

/** Choice questions are validated to have options; `options` is not empty. */
function multiChoiceBest(options: ScoringOption[]): string[] {
  const combinable = options
    .map((option, index) => ({ option, index }))
    .filter(({ option }) => option.exclusive !== true && option.points > 0)
    .sort((a, b) => b.option.points - a.option.points || a.index - b.index);
  const picked = new Set<number>();
  let sum = 0;
  for (const { option, index } of combinable) {
    if (sum >= 1) break;
    picked.add(index);
    sum += option.points;
  }
  const exclusive = options
    .filter((option) => option.exclusive === true)
    .reduce<{ value: string; points: number } | null>(
      (best, option) => (best === null || option.points > best.points ? option : best),
      null,
    );
  if (exclusive && exclusive.points > Math.min(1, sum)) return [exclusive.value];
  if (picked.size === 0) return [options[0]!.value];
  return options.filter((_, index) => picked.has(index)).map((option) => option.value);
}

/**
 * A best answer for a scoreable question, or null for questions that cannot score or where no
 * answer can earn points (countries without EU/EEA and whole-country adequacy references).
 */
export function bestAnswerCandidate(
  question: ScoringQuestion,
  asOfDay: number | null,
  residency: PreparedResidencyReference,
  rules?: AnswerRules,
): BestAnswerCandidate | null {
  switch (question.type) {
    case "yes_no":
      return { answer: "yes", text: "answer 'yes'" };
    case "single_choice": {
      const options = proposableOptions(question, rules);
      if (options.length === 0) return null;
      const best = options.reduce((top, option) => (option.points > top.points ? option : top));
      return { answer: best.value, text: `option '${best.value}'` };
    }
    case "multi_choice": {
      const options = proposableOptions(question, rules);
      if (options.length === 0) return null;
      const values = multiChoiceBest(options);
      const label = values.length === 1 ? "option" : "options";
      return { answer: values, text: `${label} ${values.map((value) => `'${value}'`).join(", ")}` };
    }
    case "number": {
      if (!question.thresholds) return null;
      const value = bestMeasure(question.thresholds);
      return { answer: value, text: `value ${value}` };
    }
    case "date": {
      if (!question.thresholds || asOfDay === null) return null;
      const measure = bestMeasure(question.thresholds);
      // Method 1.2.0 refuses dates after the reference day: the best date is at most today.
      const age = rules?.futureDatesInvalid === true ? Math.max(measure, 0) : measure;
      const date = formatIsoDay(asOfDay - age);
      return { answer: date, text: `date ${date}` };
    }
    case "countries": {
      const euEea = [...residency.euEea].sort();
      if (euEea.length > 0) {
        return { answer: [euEea[0]!], text: `only EU/EEA countries (e.g. ${euEea[0]})` };
      }
      const adequate = [...residency.inForce.entries()]
        .filter(([, decisions]) => decisions.some((decision) => decision.scope === "whole"))
        .map(([code]) => code)
        .sort();
      if (adequate.length > 0) {
        return {
          answer: [adequate[0]!],
          text: `only countries with an adequacy decision (e.g. ${adequate[0]})`,
        };
      }
      return null;
    }
    case "text":
      return null;
  }
}
