// Answer values per question type: zod schemas, a parser for stored/submitted values and the
// reader for form fields named `q.<questionKey>`. A null value means "no answer".
// The shapes match what the scoring library accepts (scoring/score-question.ts).

import { z } from "zod";
import type { LocalizedMessage } from "../../utils/i18n";
import { messageForIssue, messageKey } from "../../utils/validation-messages";
import {
  NOT_APPLICABLE_VALUE,
  RESERVED_ANSWER_VALUES,
  UNKNOWN_VALUE,
  YES_NO_VALUES,
  parseIsoDay,
} from "../../../scoring";
import { canonicalJson } from "../../utils/canonical-json";
import { displayNameSchema } from "../../utils/display-name-schema";
import {
  COUNTRY_CODE_PATTERN,
  EVIDENCE_DOCUMENT_TYPES,
  TRANSFER_MECHANISMS,
  type TemplateQuestion,
  type TemplateQuestionType,
} from "./template-definition";

/** One row of a sub-processor table. */
export interface SubprocessorRow {
  name: string;
  purpose: string;
  country: string;
  mechanism: (typeof TRANSFER_MECHANISMS)[number];
}

/** The answer to an evidence question: files (EvidenceFile ids) with their document type and validity. */
export interface EvidenceAnswer {
  documentType: string;
  validUntil?: string;
  files: string[];
}

/**
 * A stored answer: a string (yes/no value, option, date, text, "unknown"/"na"), a number, a list
 * (options, countries), sub-processor rows or an evidence answer.
 */
export type AnswerValue = string | number | string[] | SubprocessorRow[] | EvidenceAnswer;

export type ParseAnswerResult =
  { ok: true; value: AnswerValue | null } | { ok: false; error: LocalizedMessage };

export const TEXT_ANSWER_MAX = 10_000;
export const LONG_TEXT_ANSWER_MAX = 50_000;
const MULTI_VALUE_MAX = 300;
export const SUBPROCESSOR_ROWS_MAX = 200;
export const EVIDENCE_FILES_MAX = 10;

/** The question fields answers depend on. */
export type AnswerQuestion = Pick<TemplateQuestion, "key" | "type" | "options" | "min" | "max"> & {
  evidence?: TemplateQuestion["evidence"];
  /** Date questions: with thresholds the date is scored by its age (a past event, e.g. a pentest). */
  thresholds?: TemplateQuestion["thresholds"];
};

/** What validating a NEW answer knows beyond the question (stored answers are read without it). */
export interface AnswerInputContext {
  /**
   * Today (YYYY-MM-DD). A date question scored by age asks when something happened: a later
   * day is refused (scoring method 1.2.0 would count it as no answer). Dates without thresholds
   * (a certificate's expiry, a planned date) and evidence "valid until" days stay free.
   */
  today?: string;
}

/** Name of the form field(s) carrying the answer to a question. */
export function answerFieldName(question: Pick<TemplateQuestion, "key">): string {
  return `q.${question.key}`;
}

const reservedSchema = z.enum(RESERVED_ANSWER_VALUES);

const isoDateSchema = z
  .string()
  .refine((value) => parseIsoDay(value) !== null, { message: messageKey("answers.invalidDate") });

function uniqueList(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

/** Question-independent schemas, one per type (options, bounds and exclusivity are checked by `answerValueSchemaFor`). */
export const answerValueSchemas = {
  yes_no: z.enum(YES_NO_VALUES, { message: messageKey("answers.chooseYesNo") }),
  single_choice: z.string().min(1, { message: messageKey("answers.chooseOption") }),
  multi_choice: z.union([
    reservedSchema,
    z
      .array(z.string().min(1))
      .min(1, { message: messageKey("answers.chooseAtLeastOne") })
      .max(MULTI_VALUE_MAX)
      .refine(uniqueList, { message: messageKey("answers.optionTwice") }),
  ]),
  number: z.union([
    reservedSchema,
    z.number({ message: messageKey("answers.enterNumber") }).finite(),
  ]),
  date: z.union([reservedSchema, isoDateSchema]),
  text: z
    .string()
    .trim()
    .min(1, { message: messageKey("answers.enterText") })
    .max(TEXT_ANSWER_MAX, { message: messageKey("answers.textTooLong") }),
  long_text: z
    .string()
    .trim()
    .min(1, { message: messageKey("answers.enterText") })
    .max(LONG_TEXT_ANSWER_MAX, { message: messageKey("answers.textTooLong") }),
  subprocessors: z.union([
    reservedSchema,
    z
      .array(
        z.strictObject({
          name: displayNameSchema({ max: 200, required: messageKey("answers.subprocessorName") }),
          purpose: z.string().trim().max(500),
          country: z
            .string()
            .regex(COUNTRY_CODE_PATTERN, { message: messageKey("answers.countryCode") }),
          mechanism: z.enum(TRANSFER_MECHANISMS, {
            message: messageKey("answers.chooseMechanism"),
          }),
        }),
      )
      .min(1, { message: messageKey("answers.addSubprocessor") })
      .max(SUBPROCESSOR_ROWS_MAX, { message: messageKey("answers.tooManySubprocessors") }),
  ]),
  evidence: z.union([
    reservedSchema,
    z.strictObject({
      documentType: z.enum(EVIDENCE_DOCUMENT_TYPES, {
        message: messageKey("answers.chooseDocumentType"),
      }),
      validUntil: isoDateSchema.optional(),
      files: z
        .array(
          z.string().regex(/^[a-z0-9]{20,40}$/, { message: messageKey("answers.unknownFile") }),
        )
        .max(EVIDENCE_FILES_MAX, { message: messageKey("answers.tooManyFiles") })
        .refine(uniqueList, { message: messageKey("answers.fileTwice") }),
    }),
  ]),
  countries: z.union([
    reservedSchema,
    z
      .array(z.string().regex(COUNTRY_CODE_PATTERN, { message: messageKey("answers.countryCode") }))
      .min(1, { message: messageKey("answers.chooseCountry") })
      .max(MULTI_VALUE_MAX)
      .refine(uniqueList, { message: messageKey("answers.countryTwice") }),
  ]),
} satisfies Record<TemplateQuestionType, z.ZodType<AnswerValue>>;

/** The schema of a (non-null) answer to this particular question. */
export function answerValueSchemaFor(
  question: AnswerQuestion,
  input: AnswerInputContext = {},
): z.ZodType<AnswerValue> {
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
        { message: messageKey("answers.chooseOffered") },
      );
    case "multi_choice":
      return answerValueSchemas.multi_choice.superRefine((value, ctx) => {
        if (typeof value === "string") return;
        const unknownValue = value.find((item) => !optionValues.includes(item));
        if (unknownValue !== undefined) {
          ctx.addIssue({
            code: "custom",
            message: messageKey("answers.notAnOption"),
            params: { value: unknownValue },
          });
          return;
        }
        const exclusive = options.find(
          (option) => option.exclusive && value.includes(option.value),
        );
        if (exclusive && value.length > 1) {
          ctx.addIssue({
            code: "custom",
            message: messageKey("answers.exclusiveOption"),
            // The option's English label: the message's parameters are one value for every language.
            params: { option: exclusive.label.en },
          });
        }
      });
    case "number": {
      const { min, max } = question;
      return answerValueSchemas.number.superRefine((value, ctx) => {
        if (typeof value !== "number") return;
        if (min !== undefined && value < min)
          ctx.addIssue({
            code: "custom",
            message: messageKey("answers.numberTooSmall"),
            params: { min },
          });
        if (max !== undefined && value > max)
          ctx.addIssue({
            code: "custom",
            message: messageKey("answers.numberTooLarge"),
            params: { max },
          });
      });
    }
    case "date": {
      const todayDay = input.today === undefined ? null : parseIsoDay(input.today);
      if (question.thresholds === undefined || todayDay === null) return answerValueSchemas.date;
      return answerValueSchemas.date.refine(
        (value) => {
          const day = parseIsoDay(value);
          return day === null || day <= todayDay;
        },
        { message: messageKey("answers.dateInFuture") },
      );
    }
    case "text":
      return answerValueSchemas.text;
    case "long_text":
      return answerValueSchemas.long_text;
    case "countries":
      return answerValueSchemas.countries;
    case "subprocessors":
      return answerValueSchemas.subprocessors;
    case "evidence": {
      const requirement = question.evidence;
      return answerValueSchemas.evidence.superRefine((value, ctx) => {
        if (typeof value === "string" || !requirement) return;
        if (!(requirement.documentTypes as readonly string[]).includes(value.documentType)) {
          ctx.addIssue({
            code: "custom",
            message: messageKey("answers.chooseRequestedDocumentType"),
          });
        }
        if (requirement.expiryRequired && value.files.length > 0 && !value.validUntil) {
          ctx.addIssue({ code: "custom", message: messageKey("answers.validUntilRequired") });
        }
      });
    }
  }
}

function isNoAnswer(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

/**
 * Validates a stored or submitted answer value for a question; null/undefined/"" mean no answer.
 * A submitted one is checked with `input.today` too. Never throws.
 */
export function parseAnswerValue(
  question: AnswerQuestion,
  raw: unknown,
  input: AnswerInputContext = {},
): ParseAnswerResult {
  if (isNoAnswer(raw)) return { ok: true, value: null };
  const result = answerValueSchemaFor(question, input).safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  // The first readable issue: one message the page translates (its bound, e.g. {max}, included).
  const first = result.error.issues.flatMap(readableIssues)[0];
  return { ok: false, error: first ? messageForIssue(first) : { key: "errors.invalidInput" } };
}

/**
 * A value that fits no branch of a union (e.g. "unknown" | rows) would only say "Invalid input":
 * report the branch the value got furthest in (the deepest issue path; later branches win ties).
 */
function readableIssues(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const depth = (branch: z.core.$ZodIssue[]) =>
    Math.max(0, ...branch.map((i) => i.path.length + (i.code === "invalid_union" ? 1 : 0)));
  let best = issue.errors[0]!;
  for (const branch of issue.errors) if (depth(branch) >= depth(best)) best = branch;
  return best.flatMap(readableIssues);
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
  const texts = textEntries(formData, answerFieldName(question));
  if (!texts) return { ok: false, error: { key: "answers.unexpectedFile" } };
  if (question.type === "subprocessors") return subprocessorsFromForm(question, formData, texts);
  if (question.type === "evidence") return evidenceFromForm(question, formData, texts);

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
  if (filled.length > 1) return { ok: false, error: { key: "answers.singleValue" } };
  const [value = ""] = filled;

  switch (question.type) {
    case "number": {
      const trimmed = value.trim();
      if (trimmed === UNKNOWN_VALUE || trimmed === NOT_APPLICABLE_VALUE)
        return parseAnswerValue(question, trimmed);
      const parsed = parseNumberInput(trimmed);
      if (typeof parsed !== "number") return { ok: false, error: { key: "answers.enterNumber" } };
      return parseAnswerValue(question, parsed);
    }
    case "text":
    case "long_text":
      return parseAnswerValue(question, value.replace(/\r\n?/g, "\n").trim());
    case "yes_no":
    case "single_choice":
    case "date":
      return parseAnswerValue(question, value.trim());
  }
}

/** All values of a form field as strings; null when one of them is a file. */
function textEntries(formData: FormData, name: string): string[] | null {
  const texts: string[] = [];
  for (const entry of formData.getAll(name)) {
    if (typeof entry !== "string") return null;
    texts.push(entry);
  }
  return texts;
}

const reservedIn = (texts: readonly string[]) =>
  texts
    .map((text) => text.trim())
    .find((text) => text === UNKNOWN_VALUE || text === NOT_APPLICABLE_VALUE);

/**
 * A sub-processor table posts one field per column and row (`q.<key>.name`, `.purpose`,
 * `.country`, `.mechanism`, repeated in row order); empty rows are dropped. `q.<key>` = "na"
 * says there are no sub-processors, "unknown" that the respondent does not know.
 */
function subprocessorsFromForm(
  question: AnswerQuestion,
  formData: FormData,
  texts: string[],
): ParseAnswerResult {
  const base = answerFieldName(question);
  const columns = ["name", "purpose", "country", "mechanism"] as const;
  const values = columns.map((column) => textEntries(formData, `${base}.${column}`));
  if (values.some((column) => column === null))
    return { ok: false, error: { key: "answers.unexpectedFile" } };
  const [names = [], purposes = [], countries = [], mechanisms = []] = values as string[][];
  const rowCount = Math.max(names.length, purposes.length, countries.length, mechanisms.length);
  if (rowCount > SUBPROCESSOR_ROWS_MAX)
    return {
      ok: false,
      error: { key: "answers.tooManySubprocessors", params: { max: SUBPROCESSOR_ROWS_MAX } },
    };
  const rows: Record<string, string>[] = [];
  for (let i = 0; i < rowCount; i++) {
    const row = {
      name: (names[i] ?? "").trim(),
      purpose: (purposes[i] ?? "").trim(),
      country: (countries[i] ?? "").trim().toUpperCase(),
      mechanism: (mechanisms[i] ?? "").trim(),
    };
    // A row with only the default mechanism chosen is an empty row of the form.
    if (row.name === "" && row.purpose === "" && row.country === "") continue;
    rows.push(row);
  }
  const reserved = reservedIn(texts);
  if (reserved && rows.length > 0) {
    return { ok: false, error: { key: "answers.subprocessorsConflict" } };
  }
  if (reserved) return parseAnswerValue(question, reserved);
  if (rows.length === 0) return { ok: true, value: null };
  return parseAnswerValue(question, rows);
}

/** An evidence answer posts `q.<key>.documentType`, `q.<key>.validUntil` and one `q.<key>.file` per attached file id. */
function evidenceFromForm(
  question: AnswerQuestion,
  formData: FormData,
  texts: string[],
): ParseAnswerResult {
  const base = answerFieldName(question);
  const documentType = textEntries(formData, `${base}.documentType`);
  const validUntil = textEntries(formData, `${base}.validUntil`);
  const files = textEntries(formData, `${base}.file`);
  if (!documentType || !validUntil || !files)
    return { ok: false, error: { key: "answers.unexpectedFile" } };
  const reserved = reservedIn(texts);
  if (reserved) return parseAnswerValue(question, reserved);
  const fileIds = [...new Set(files.map((f) => f.trim()).filter((f) => f !== ""))];
  const type = documentType.map((d) => d.trim()).find((d) => d !== "") ?? "";
  const until = validUntil.map((d) => d.trim()).find((d) => d !== "") ?? "";
  if (fileIds.length === 0 && until === "") return { ok: true, value: null };
  const defaultType = question.evidence?.documentTypes[0] ?? "";
  return parseAnswerValue(question, {
    documentType: type || defaultType,
    ...(until ? { validUntil: until } : {}),
    files: fileIds,
  });
}

/**
 * The comparable form of an answer: lists of values (multi choice, countries) are sets, so the
 * order in which checkboxes were posted or a list was stored never counts as a change; objects
 * compare by content whatever their key order.
 */
export function comparableAnswer(value: unknown): string {
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return JSON.stringify([...(value as string[])].sort());
  }
  try {
    return canonicalJson(value ?? null);
  } catch {
    return String(value);
  }
}
