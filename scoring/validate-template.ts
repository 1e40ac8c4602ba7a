// Structural validation of a scoring template (shared by every method version; method 1.1.0 adds
// its own checks for indicators and residency flow kinds in prepare-template.ts). Pure.

import {
  QUESTION_TYPES,
  ScoringInputError,
  type ScoringQuestion,
  type ScoringSection,
  type ScoringTemplate,
} from "./types";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function assertWeight(weight: unknown, where: string): asserts weight is number {
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
    throw new ScoringInputError(
      `${where}: weight must be a finite number ≥ 0, got ${String(weight)}`,
    );
  }
}

export function assertPoints(points: unknown, where: string): asserts points is number {
  if (typeof points !== "number" || !Number.isFinite(points) || points < 0 || points > 1) {
    throw new ScoringInputError(
      `${where}: points must be a number between 0 and 1, got ${String(points)}`,
    );
  }
}

function validateQuestion(question: ScoringQuestion, where: string, hasAsOf: boolean): void {
  if (!isRecord(question)) throw new ScoringInputError(`${where}: question must be an object`);
  if (!(QUESTION_TYPES as readonly string[]).includes(question.type)) {
    throw new ScoringInputError(`${where}: unknown question type ${String(question.type)}`);
  }
  assertWeight(question.weight, where);
  if (typeof question.required !== "boolean") {
    throw new ScoringInputError(`${where}: required must be a boolean`);
  }
  if (question.options !== undefined) {
    if (!Array.isArray(question.options))
      throw new ScoringInputError(`${where}: options must be a list`);
    const seen = new Set<string>();
    question.options.forEach((option, index) => {
      const at = `${where}.options[${index}]`;
      if (!isRecord(option) || typeof option.value !== "string" || option.value === "") {
        throw new ScoringInputError(`${at}: option value must be a non-empty string`);
      }
      if (seen.has(option.value))
        throw new ScoringInputError(`${at}: duplicate option value '${option.value}'`);
      seen.add(option.value);
      assertPoints(option.points, at);
    });
  }
  if (
    (question.type === "single_choice" || question.type === "multi_choice") &&
    !question.options?.length
  ) {
    throw new ScoringInputError(`${where}: ${question.type} questions need options`);
  }
  const thresholds = question.thresholds;
  if (thresholds !== undefined) {
    if (question.type !== "number" && question.type !== "date") {
      throw new ScoringInputError(`${where}: thresholds only apply to number and date questions`);
    }
    if (!isRecord(thresholds))
      throw new ScoringInputError(`${where}: thresholds must be an object`);
    if (thresholds.kind === "steps") {
      if (!Array.isArray(thresholds.steps) || thresholds.steps.length === 0) {
        throw new ScoringInputError(`${where}: step thresholds need at least one step`);
      }
      const mins = new Set<number>();
      thresholds.steps.forEach((step, index) => {
        const at = `${where}.thresholds.steps[${index}]`;
        if (!isRecord(step) || typeof step.min !== "number" || !Number.isFinite(step.min)) {
          throw new ScoringInputError(`${at}: min must be a finite number`);
        }
        if (mins.has(step.min)) throw new ScoringInputError(`${at}: duplicate min ${step.min}`);
        mins.add(step.min);
        assertPoints(step.points, at);
      });
    } else if (thresholds.kind === "linear") {
      const { min, max } = thresholds;
      if (
        typeof min !== "number" ||
        typeof max !== "number" ||
        !Number.isFinite(min) ||
        !Number.isFinite(max) ||
        !(max > min)
      ) {
        throw new ScoringInputError(`${where}: linear thresholds need finite min < max`);
      }
      if (typeof thresholds.higherIsBetter !== "boolean") {
        throw new ScoringInputError(`${where}: linear thresholds need higherIsBetter`);
      }
    } else {
      throw new ScoringInputError(`${where}: thresholds kind must be 'steps' or 'linear'`);
    }
    if (question.type === "date" && !hasAsOf) {
      throw new ScoringInputError(`${where}: date thresholds need options.asOf (YYYY-MM-DD)`);
    }
  }
  if (question.knockOut !== undefined) {
    const knockOut = question.knockOut;
    if (
      !isRecord(knockOut) ||
      !Array.isArray(knockOut.when) ||
      !knockOut.when.every((token) => typeof token === "string") ||
      typeof knockOut.label !== "string"
    ) {
      throw new ScoringInputError(
        `${where}: knockOut needs a list of answer values 'when' and a 'label'`,
      );
    }
  }
}

/** Checks the template's structure and weights; throws ScoringInputError with the offending place. */
export function validateScoringTemplate(template: ScoringTemplate, hasAsOf: boolean): void {
  if (!isRecord(template) || !Array.isArray(template.sections)) {
    throw new ScoringInputError("template: sections must be a list");
  }
  const sectionKeys = new Set<string>();
  const questionKeys = new Set<string>();
  template.sections.forEach((section: ScoringSection, sectionIndex) => {
    const where = `sections[${sectionIndex}]`;
    if (!isRecord(section) || typeof section.key !== "string" || section.key === "") {
      throw new ScoringInputError(`${where}: section key must be a non-empty string`);
    }
    if (sectionKeys.has(section.key))
      throw new ScoringInputError(`${where}: duplicate section key '${section.key}'`);
    sectionKeys.add(section.key);
    assertWeight(section.weight, `${where} (${section.key})`);
    if (!Array.isArray(section.questions))
      throw new ScoringInputError(`${where}: questions must be a list`);
    section.questions.forEach((question, questionIndex) => {
      const at = `${where}.questions[${questionIndex}]`;
      if (!isRecord(question) || typeof question.key !== "string" || question.key === "") {
        throw new ScoringInputError(`${at}: question key must be a non-empty string`);
      }
      if (questionKeys.has(question.key))
        throw new ScoringInputError(`${at}: duplicate question key '${question.key}'`);
      questionKeys.add(question.key);
      validateQuestion(question, `${at} (${question.key})`, hasAsOf);
    });
  });
}
