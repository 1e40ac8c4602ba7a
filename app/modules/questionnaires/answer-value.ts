// Answer values per question type: zod schemas, a parser for stored/submitted values and the
// reader for form fields named `q.<questionKey>`. A null value means "no answer".
// The shapes match what the scoring library accepts (scoring/score-question.ts).

import { z } from "zod";
import {
  NOT_APPLICABLE_VALUE,
  RESERVED_ANSWER_VALUES,
  UNKNOWN_VALUE,
  YES_NO_VALUES,
  parseIsoDay,
} from "../../../scoring";
import type { QuestionType } from "../../../scoring";
import { COUNTRY_CODE_PATTERN, type TemplateQuestion } from "./template-definition";

/** A stored answer: a string (yes/no value, option, date, text, "unknown"/"na"), a number or a list. */
export type AnswerValue = string | number | string[];

export type ParseAnswerResult =
  { ok: true; value: AnswerValue | null } | { ok: false; message: string };

export const TEXT_ANSWER_MAX = 10_000;
const MULTI_VALUE_MAX = 300;

/** The question fields answers depend on. */
export type AnswerQuestion = Pick<TemplateQuestion, "key" | "type" | "options" | "min" | "max">;

/** Name of the form field(s) carrying the answer to a question. */
export function answerFieldName(question: Pick<TemplateQuestion, "key">): string {
  return `q.${question.key}`;
}

const reservedSchema = z.enum(RESERVED_ANSWER_VALUES);

const isoDateSchema = z
  .string()
  .refine((value) => parseIsoDay(value) !== null, { message: "enter a valid date (YYYY-MM-DD)" });

function uniqueList(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

/** Question-independent schemas, one per type (options, bounds and exclusivity are checked by `answerValueSchemaFor`). */
export const answerValueSchemas = {
  yes_no: z.enum(YES_NO_VALUES, { message: "choose yes, partial, no, unknown or not applicable" }),
  single_choice: z.string().min(1, { message: "choose an option" }),
  multi_choice: z.union([
    reservedSchema,
    z
      .array(z.string().min(1))
      .min(1, { message: "choose at least one option" })
      .max(MULTI_VALUE_MAX)
      .refine(uniqueList, { message: "an option was chosen twice" }),
  ]),
  number: z.union([reservedSchema, z.number({ message: "enter a number" }).finite()]),
  date: z.union([reservedSchema, isoDateSchema]),
  text: z
    .string()
    .trim()
    .min(1, { message: "enter some text" })
    .max(TEXT_ANSWER_MAX, { message: `at most ${TEXT_ANSWER_MAX} characters` }),
  countries: z.union([
    reservedSchema,
    z
      .array(
        z
          .string()
          .regex(COUNTRY_CODE_PATTERN, { message: "use two-letter ISO country codes such as DE" }),
      )
      .min(1, { message: "choose at least one country" })
      .max(MULTI_VALUE_MAX)
      .refine(uniqueList, { message: "a country was chosen twice" }),
  ]),
} satisfies Record<QuestionType, z.ZodType<AnswerValue>>;

/** The schema of a (non-null) answer to this particular question. */
export function answerValueSchemaFor(question: AnswerQuestion): z.ZodType<AnswerValue> {
  const options = question.options ?? [];
  const optionValues = options.map((option) => option.value);
  switch (question.type) {
    case "yes_no":
      return answerValueSchemas.yes_no;
    case "single_choice":
      return answerValueSchemas.single_choice.refine(
        (value) =>
          optionValues.includes(value) ||
          (RESERVED_ANSWER_VALUES as readonly string[]).includes(value),
        { message: "choose one of the offered options" },
      );
    case "multi_choice":
      return answerValueSchemas.multi_choice.superRefine((value, ctx) => {
        if (typeof value === "string") return;
        const unknownValue = value.find((item) => !optionValues.includes(item));
        if (unknownValue !== undefined) {
          ctx.addIssue({
            code: "custom",
            message: `'${unknownValue}' is not one of the offered options`,
          });
          return;
        }
        const exclusive = options.find(
          (option) => option.exclusive && value.includes(option.value),
        );
        if (exclusive && value.length > 1) {
          ctx.addIssue({
            code: "custom",
            message: `'${exclusive.label.en}' cannot be combined with other options`,
          });
        }
      });
    case "number": {
      const { min, max } = question;
      return answerValueSchemas.number.superRefine((value, ctx) => {
        if (typeof value !== "number") return;
        if (min !== undefined && value < min)
          ctx.addIssue({ code: "custom", message: `must be at least ${min}` });
        if (max !== undefined && value > max)
          ctx.addIssue({ code: "custom", message: `must be at most ${max}` });
      });
    }
    case "date":
      return answerValueSchemas.date;
    case "text":
      return answerValueSchemas.text;
    case "countries":
      return answerValueSchemas.countries;
  }
}

function isNoAnswer(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

/** Validates a stored or submitted answer value for a question; null/undefined/"" mean no answer. Never throws. */
export function parseAnswerValue(question: AnswerQuestion, raw: unknown): ParseAnswerResult {
  if (isNoAnswer(raw)) return { ok: true, value: null };
  const result = answerValueSchemaFor(question).safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const messages = [...new Set(result.error.issues.map((issue) => issue.message))];
  return { ok: false, message: messages.join("; ") };
}

// Linear: each group is anchored by a mandatory separator, so there is no catastrophic backtracking.
// eslint-disable-next-line security/detect-unsafe-regex
const NUMBER_INPUT = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;

function parseNumberInput(text: string): number | string {
  const compact = text.replace(/\s+/g, "");
  if (!NUMBER_INPUT.test(compact)) return text;
  // A decimal comma (German input) counts as a decimal point.
  return Number(compact.replace(",", "."));
}

/**
 * Reads the answer to a question from form data (fields named `q.<questionKey>`). Multi-choice and
 * country answers come as repeated fields or one comma-separated value. An empty field means no
 * answer (null). Returns a validation message instead of throwing on malformed input.
 */
export function answerFromFormData(
  question: AnswerQuestion,
  formData: FormData,
): ParseAnswerResult {
  const entries = formData.getAll(answerFieldName(question));
  const texts: string[] = [];
  for (const entry of entries) {
    if (typeof entry !== "string")
      return { ok: false, message: "unexpected file in an answer field" };
    texts.push(entry);
  }

  if (question.type === "multi_choice" || question.type === "countries") {
    const items = texts
      .flatMap((text) => text.split(","))
      .map((item) => item.trim())
      .filter((item) => item !== "")
      .map((item) =>
        question.type === "countries" && item !== UNKNOWN_VALUE && item !== NOT_APPLICABLE_VALUE
          ? item.toUpperCase()
          : item,
      );
    if (items.length === 0) return { ok: true, value: null };
    const [only] = items;
    if (items.length === 1 && (only === UNKNOWN_VALUE || only === NOT_APPLICABLE_VALUE)) {
      return parseAnswerValue(question, only);
    }
    return parseAnswerValue(question, [...new Set(items)]);
  }

  const filled = texts.filter((text) => text.trim() !== "");
  if (filled.length === 0) return { ok: true, value: null };
  if (filled.length > 1) return { ok: false, message: "expected a single value" };
  const [value = ""] = filled;

  switch (question.type) {
    case "number": {
      const trimmed = value.trim();
      if (trimmed === UNKNOWN_VALUE || trimmed === NOT_APPLICABLE_VALUE)
        return parseAnswerValue(question, trimmed);
      const parsed = parseNumberInput(trimmed);
      if (typeof parsed !== "number") return { ok: false, message: "enter a number" };
      return parseAnswerValue(question, parsed);
    }
    case "text":
      return parseAnswerValue(question, value.replace(/\r\n?/g, "\n").trim());
    case "yes_no":
    case "single_choice":
    case "date":
      return parseAnswerValue(question, value.trim());
  }
}

/**
 * The comparable form of an answer: lists (multi choice, countries) are sets, so the order in
 * which checkboxes were posted or a list was stored never counts as a change.
 */
export function comparableAnswer(value: unknown): string {
  return JSON.stringify(Array.isArray(value) ? [...value].map(String).sort() : (value ?? null));
}
