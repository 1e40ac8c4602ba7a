// The questionnaire template definition as stored (JSON) and imported: its zod schema, the parser
// that turns zod issues into readable paths, and the mapping onto the scoring library's input.
// Stored definitions are parsed again on every read (house rule 5).

import { z } from "zod";
import { displayNameSchema } from "../../utils/display-name-schema";
import { isMessageKey, translate, type MessageKey, type MessageParams } from "../../utils/i18n";
import type { IssueLike } from "../../utils/validation-messages";
import { placeholdersIn } from "./date-placeholders";
import {
  NOT_APPLICABLE_VALUE,
  QUESTION_TYPES,
  RESERVED_ANSWER_VALUES,
  RESIDENCY_CLASSES,
  UNKNOWN_VALUE,
  YES_NO_VALUES,
  parseIsoDay,
  type QuestionType,
  type ScoringQuestion,
  type ScoringTemplate,
  type ScoringThresholds,
} from "../../../scoring";

/** A schema's message: a key of the templateErrors dictionary (typed), translated where it is shown. */
const K = (key: MessageKey & `templateErrors.${string}`): MessageKey => key;

// Linear: every repetition starts with a literal "-", so matching cannot backtrack exponentially.
// eslint-disable-next-line security/detect-unsafe-regex
export const TEMPLATE_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const QUESTION_KEY_PATTERN = /^[a-z0-9_.-]+$/;
export const OPTION_VALUE_PATTERN = /^[a-z0-9_.-]+$/;
export const TAG_PATTERN = /^[a-z0-9_-]+$/;
/** A regulation-catalogue provision key: "<instrument>:<pairs>", no spaces ("eu:2016/679:art:28"). */
// Linear: every repetition starts with a literal ":" that the class after it cannot match.
// eslint-disable-next-line security/detect-unsafe-regex
export const PROVISION_KEY_PATTERN = /^[a-z0-9][A-Za-z0-9._/-]*(?::[A-Za-z0-9._/-]+)+$/;
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;
/** The condition naming one window of a provision with several: "<provision key>|<condition>". */
export const WINDOW_CONDITION_PATTERN = /^[A-Za-z0-9._-]+$/;

/**
 * Whether a knock-out's `from` is well formed: a day (YYYY-MM-DD) or a provision key, optionally
 * with the condition of the window meant. Whether the catalogue knows the provision is checked
 * on the server (knock-out-days.ts): the schema runs in the browser too.
 */
export function isKnockOutFromWellFormed(from: string): boolean {
  if (parseIsoDay(from) !== null) return true;
  const bar = from.indexOf("|");
  const key = bar === -1 ? from : from.slice(0, bar);
  return (
    PROVISION_KEY_PATTERN.test(key) &&
    (bar === -1 || WINDOW_CONDITION_PATTERN.test(from.slice(bar + 1)))
  );
}

/**
 * Question types of a template: the scoring library's types plus three the app maps onto them
 * (see toScoringQuestion): long_text (scored like text: not at all), subprocessors (a table whose
 * rows' countries are scored like a countries question and feed the residency rating) and
 * evidence (files with document type and expiry; not scored, but can be required).
 */
export const TEMPLATE_QUESTION_TYPES = [
  ...QUESTION_TYPES,
  "long_text",
  "subprocessors",
  "evidence",
] as const;
export type TemplateQuestionType = (typeof TEMPLATE_QUESTION_TYPES)[number];

/** Transfer mechanisms a sub-processor row can name (GDPR Chapter V). */
export const TRANSFER_MECHANISMS = [
  "not_needed",
  "adequacy",
  "dpf",
  "scc",
  "bcr",
  "derogation",
  "none",
  "unknown",
] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

/** Document types an evidence question may ask for. */
export const EVIDENCE_DOCUMENT_TYPES = [
  "iso27001_certificate",
  "iso42001_certificate",
  "soc2_report",
  "c5_attestation",
  "pentest_report",
  "dpa",
  "sub_processor_list",
  "policy",
  "model_card",
  "dpia",
  "other",
] as const;
export type EvidenceDocumentType = (typeof EVIDENCE_DOCUMENT_TYPES)[number];

export const CHOICE_QUESTION_TYPES = [
  "single_choice",
  "multi_choice",
] as const satisfies readonly QuestionType[];
export const KNOCK_OUT_QUESTION_TYPES = [
  "yes_no",
  "single_choice",
  "multi_choice",
  "countries",
  "subprocessors",
] as const satisfies readonly TemplateQuestionType[];

/** Question types whose answers a show-if condition can test. */
export const CONDITION_SOURCE_TYPES = [
  "yes_no",
  "single_choice",
  "multi_choice",
  "countries",
] as const satisfies readonly TemplateQuestionType[];

const TEXT_MAX = 2000;

const nonEmptyText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: K("templateErrors.empty") })
    .max(max, { message: K("templateErrors.tooLong") });

export const localizedTextSchema = z.strictObject({
  en: nonEmptyText(TEXT_MAX),
  de: nonEmptyText(TEXT_MAX),
});

/** Titles (of the template and its sections) are names: cleaned like every user-supplied name. */
const localizedTitle = (max: number) =>
  displayNameSchema({
    max,
    required: K("templateErrors.empty"),
    tooLong: K("templateErrors.tooLong"),
  });
type LocalizedTextOutput = z.output<typeof localizedTextSchema>;

export const localizedTitleSchema = z.strictObject({
  en: localizedTitle(TEXT_MAX),
  de: localizedTitle(TEXT_MAX),
});

const weightSchema = z
  .number({ message: K("templateErrors.weightNotANumber") })
  .min(0, { message: K("templateErrors.weightNegative") });

const pointsSchema = z
  .number({ message: K("templateErrors.pointsNotANumber") })
  .min(0, { message: K("templateErrors.pointsRange") })
  .max(1, { message: K("templateErrors.pointsRange") });

export const templateOptionSchema = z.strictObject({
  value: z
    .string()
    .regex(OPTION_VALUE_PATTERN, {
      message: K("templateErrors.optionValuePattern"),
    })
    .refine((value) => !(RESERVED_ANSWER_VALUES as readonly string[]).includes(value), {
      message: K("templateErrors.optionValueReserved"),
      params: { unknown: UNKNOWN_VALUE, notApplicable: NOT_APPLICABLE_VALUE },
    }),
  label: localizedTextSchema,
  points: pointsSchema,
  /** multi_choice only: cannot be combined with other options (e.g. "none"). */
  exclusive: z.boolean().optional(),
  /** For the transfer-safeguard question of the residency rating: what this option means. */
  safeguard: z.enum(["scc", "bcr", "none", "not_needed"]).optional(),
  /** Scoring method 1.2.0: choosing this option makes the question not applicable (like "na"). */
  notApplicable: z.boolean().optional(),
});

/** The kinds of data flow the residency rating looks at (scoring/ rates each one). */
export const RESIDENCY_FLOW_KINDS = [
  "storage",
  "processing",
  "support",
  "inference",
  "backup",
  "subprocessor",
] as const;

/**
 * How a question feeds the residency rating: a countries question declares one data flow; one
 * single_choice question names the transfer safeguard (its options carry `safeguard`); one
 * yes_no question says whether the vendor is certified under the EU-US Data Privacy Framework.
 */
export const residencyRoleSchema = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("flow"), flow: z.enum(RESIDENCY_FLOW_KINDS) }),
  z.strictObject({ role: z.literal("safeguard") }),
  z.strictObject({ role: z.literal("dpf_certified") }),
]);

/** A binary transparency indicator (FMTI-style): the point is earned when the answer is in `awardWhen`. */
export const indicatorSchema = z.strictObject({
  domain: nonEmptyText(80),
  subdomain: nonEmptyText(80),
  awardWhen: z.array(z.string().min(1)).min(1),
  rule: localizedTextSchema,
});

const stepThresholdsSchema = z
  .strictObject({
    kind: z.literal("steps"),
    steps: z
      .array(z.strictObject({ min: z.number(), points: pointsSchema }))
      .min(1, { message: K("templateErrors.stepsMissing") }),
  })
  .superRefine((thresholds, ctx) => {
    thresholds.steps.forEach((step, index) => {
      const previous = thresholds.steps[index - 1];
      if (previous && !(step.min > previous.min)) {
        ctx.addIssue({
          code: "custom",
          message: K("templateErrors.stepsOrder"),
          path: ["steps", index, "min"],
        });
      }
    });
  });

const linearThresholdsSchema = z
  .strictObject({
    kind: z.literal("linear"),
    min: z.number(),
    max: z.number(),
    higherIsBetter: z.boolean(),
  })
  .refine((thresholds) => thresholds.max > thresholds.min, {
    message: K("templateErrors.maxNotAboveMin"),
    path: ["max"],
  });

/**
 * Number questions: applied to the answered number. Date questions: applied to the age of the
 * answered date in days at scoring time. "steps": the step with the greatest min ≤ value applies.
 * "linear": 0..1 between min and max (clamped), reversed when higherIsBetter is false.
 */
export const thresholdsSchema = z.discriminatedUnion("kind", [
  stepThresholdsSchema,
  linearThresholdsSchema,
]);

/** Answer values a knock-out may name for a question of this type with these options. */
export function validKnockOutValues(
  type: TemplateQuestionType,
  optionValues: readonly string[],
): ((value: string) => boolean) | null {
  const reserved = (value: string) => (RESERVED_ANSWER_VALUES as readonly string[]).includes(value);
  switch (type) {
    case "yes_no":
      return (value) => (YES_NO_VALUES as readonly string[]).includes(value);
    case "single_choice":
    case "multi_choice":
      return (value) => optionValues.includes(value) || reserved(value);
    case "countries":
    case "subprocessors":
      return (value) =>
        COUNTRY_CODE_PATTERN.test(value) ||
        (RESIDENCY_CLASSES as readonly string[]).includes(value) ||
        reserved(value);
    case "number":
    case "date":
    case "text":
    case "long_text":
    case "evidence":
      return null;
  }
}

/** One test of a show-if rule: the answer to `question` (an earlier question) is one of `in`. */
export const conditionLeafSchema = z.strictObject({
  question: z
    .string()
    .regex(QUESTION_KEY_PATTERN, { message: K("templateErrors.conditionQuestionKey") }),
  in: z.array(z.string().min(1)).min(1, { message: K("templateErrors.conditionNoValues") }),
});

/** Show the question when the leaf holds, when all leaves hold, or when any leaf holds. */
export const showIfSchema = z.union([
  conditionLeafSchema,
  z.strictObject({
    all: z.array(conditionLeafSchema).min(1, { message: K("templateErrors.conditionAllEmpty") }),
  }),
  z.strictObject({
    any: z.array(conditionLeafSchema).min(1, { message: K("templateErrors.conditionAnyEmpty") }),
  }),
]);

/** What an evidence question asks for. */
export const evidenceRequirementSchema = z.strictObject({
  documentTypes: z
    .array(z.enum(EVIDENCE_DOCUMENT_TYPES, { message: K("templateErrors.documentTypeInvalid") }))
    .min(1, { message: K("templateErrors.documentTypesMissing") }),
  /** The vendor must give the date until which the document is valid (certificates). */
  expiryRequired: z.boolean().default(false),
});

function duplicates(values: readonly string[]): Array<{ value: string; index: number }> {
  const seen = new Set<string>();
  const found: Array<{ value: string; index: number }> = [];
  values.forEach((value, index) => {
    if (seen.has(value)) found.push({ value, index });
    seen.add(value);
  });
  return found;
}

export const templateQuestionSchema = z
  .strictObject({
    key: z.string().regex(QUESTION_KEY_PATTERN, {
      message: K("templateErrors.questionKeyPattern"),
    }),
    type: z.enum(TEMPLATE_QUESTION_TYPES, { message: K("templateErrors.questionTypeInvalid") }),
    label: localizedTextSchema,
    help: localizedTextSchema.optional(),
    required: z.boolean(),
    weight: weightSchema.default(1),
    options: z.array(templateOptionSchema).optional(),
    knockOut: z
      .strictObject({
        when: z.array(z.string().min(1)).min(1, { message: K("templateErrors.knockOutNoValues") }),
        label: localizedTextSchema,
        /**
         * Scoring method 1.2.0: the knock-out applies only from this day on — a YYYY-MM-DD day or
         * a catalogue provision key (the day that provision applies from).
         */
        from: z.string().min(1).max(200).optional(),
      })
      .optional(),
    thresholds: thresholdsSchema.optional(),
    unit: nonEmptyText(40).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** Free-text references, shown as written (custom templates, and bundled versions before issue 21). */
    regulationRefs: z.array(nonEmptyText(200)).default([]),
    /**
     * References as data: keys of regulation-catalogue provisions ("eu:2016/679:art:28:par:1"),
     * rendered in the reader's language and citation style (issue 21).
     */
    references: z
      .array(
        z
          .string()
          .max(200)
          .regex(PROVISION_KEY_PATTERN, {
            message: K("templateErrors.referenceKeyPattern"),
          }),
      )
      .default([]),
    tags: z
      .array(z.string().regex(TAG_PATTERN, { message: K("templateErrors.tagPattern") }))
      .default([]),
    indicator: indicatorSchema.optional(),
    residency: residencyRoleSchema.optional(),
    showIf: showIfSchema.optional(),
    evidence: evidenceRequirementSchema.optional(),
  })
  .superRefine((question, ctx) => {
    const residency = question.residency;
    if (
      residency?.role === "flow" &&
      question.type !== "countries" &&
      question.type !== "subprocessors"
    ) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.residencyFlowType"),
        path: ["residency"],
      });
    }
    if (question.type === "evidence" && !question.evidence) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.evidenceMissing"),
        path: ["evidence"],
      });
    }
    if (question.type !== "evidence" && question.evidence) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.evidenceNotApplicable"),
        path: ["evidence"],
      });
    }
    if (
      question.indicator &&
      (question.type === "evidence" ||
        question.type === "subprocessors" ||
        question.type === "long_text")
    ) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.indicatorNotAllowed"),
        params: { type: question.type },
        path: ["indicator"],
      });
    }
    if (
      residency?.role === "safeguard" &&
      (question.type !== "single_choice" || !question.options?.every((o) => o.safeguard))
    ) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.safeguardQuestion"),
        path: ["residency"],
      });
    }
    if (residency?.role === "dpf_certified" && question.type !== "yes_no") {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.dpfQuestion"),
        path: ["residency"],
      });
    }
    const isChoice = (CHOICE_QUESTION_TYPES as readonly string[]).includes(question.type);
    const options = question.options ?? [];
    if (isChoice) {
      const needed = question.type === "single_choice" ? 2 : 1;
      if (options.length < needed) {
        ctx.addIssue({
          code: "custom",
          message:
            needed === 1 ? K("templateErrors.needsAnOption") : K("templateErrors.tooFewOptions"),
          params: { type: question.type, count: needed },
          path: ["options"],
        });
      }
    } else if (question.options !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.noOptionsAllowed"),
        params: { type: question.type },
        path: ["options"],
      });
    }
    for (const { value, index } of duplicates(options.map((option) => option.value))) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.duplicateOption"),
        params: { value },
        path: ["options", index, "value"],
      });
    }
    options.forEach((option, index) => {
      if (option.exclusive !== undefined && question.type !== "multi_choice") {
        ctx.addIssue({
          code: "custom",
          message: K("templateErrors.exclusiveOnlyMulti"),
          path: ["options", index, "exclusive"],
        });
      }
    });
    if (
      question.thresholds !== undefined &&
      question.type !== "number" &&
      question.type !== "date"
    ) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.thresholdsOnlyNumberDate"),
        path: ["thresholds"],
      });
    }
    for (const field of ["unit", "min", "max"] as const) {
      if (question[field] !== undefined && question.type !== "number") {
        ctx.addIssue({
          code: "custom",
          message: K("templateErrors.numberOnlyField"),
          params: { field },
          path: [field],
        });
      }
    }
    if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
      ctx.addIssue({ code: "custom", message: K("templateErrors.minAboveMax"), path: ["max"] });
    }
    if (
      question.knockOut?.from !== undefined &&
      !isKnockOutFromWellFormed(question.knockOut.from)
    ) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.knockOutFrom"),
        params: { value: question.knockOut.from },
        path: ["knockOut", "from"],
      });
    }
    if (question.knockOut) {
      const isValid = validKnockOutValues(
        question.type,
        options.map((option) => option.value),
      );
      if (!isValid) {
        ctx.addIssue({
          code: "custom",
          message: K("templateErrors.knockOutType"),
          params: { types: KNOCK_OUT_QUESTION_TYPES.join(", ") },
          path: ["knockOut"],
        });
      } else {
        question.knockOut.when.forEach((value, index) => {
          if (!isValid(value)) {
            ctx.addIssue({
              code: "custom",
              message: K("templateErrors.knockOutValue"),
              params: { value, type: question.type },
              path: ["knockOut", "when", index],
            });
          }
        });
      }
    }
    // Date placeholders (issue 21 item 6): their syntax here; their keys against the catalogue
    // where a template is saved or imported (date-placeholder-errors.ts).
    const texts: Array<[PropertyKey[], LocalizedTextOutput | undefined]> = [
      [["label"], question.label],
      [["help"], question.help],
      [["knockOut", "label"], question.knockOut?.label],
      ...options.map((option, index): [PropertyKey[], LocalizedTextOutput] => [
        ["options", index, "label"],
        option.label,
      ]),
    ];
    for (const [path, text] of texts) {
      for (const locale of ["en", "de"] as const) {
        if (text && placeholdersIn(text[locale]).malformed)
          ctx.addIssue({
            code: "custom",
            message: K("templateErrors.placeholderMalformed"),
            path: [...path, locale],
          });
      }
    }
    for (const { value, index } of duplicates(question.tags)) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.duplicateTag"),
        params: { value },
        path: ["tags", index],
      });
    }
    for (const { value, index } of duplicates(question.references)) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.duplicateRegulation"),
        params: { value },
        path: ["references", index],
      });
    }
    for (const { value, index } of duplicates(question.regulationRefs)) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.duplicateRegulation"),
        params: { value },
        path: ["regulationRefs", index],
      });
    }
  });

export const templateSectionSchema = z.strictObject({
  key: z.string().regex(QUESTION_KEY_PATTERN, {
    message: K("templateErrors.sectionKeyPattern"),
  }),
  title: localizedTitleSchema,
  description: localizedTextSchema.optional(),
  weight: weightSchema,
  questions: z
    .array(templateQuestionSchema)
    .min(1, { message: K("templateErrors.sectionNoQuestions") }),
});

export const templateDefinitionSchema = z
  .strictObject({
    key: z
      .string()
      .regex(TEMPLATE_KEY_PATTERN, { message: K("templateErrors.templateKeyPattern") }),
    title: localizedTitleSchema,
    description: localizedTextSchema.optional(),
    sections: z
      .array(templateSectionSchema)
      .min(1, { message: K("templateErrors.templateNoSections") }),
  })
  .superRefine((definition, ctx) => {
    for (const { value, index } of duplicates(definition.sections.map((section) => section.key))) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.duplicateSection"),
        params: { value },
        path: ["sections", index, "key"],
      });
    }
    const seen = new Map<string, TemplateQuestionBeforeRefine>();
    definition.sections.forEach((section, sectionIndex) => {
      section.questions.forEach((question, questionIndex) => {
        const path = ["sections", sectionIndex, "questions", questionIndex];
        if (seen.has(question.key)) {
          ctx.addIssue({
            code: "custom",
            message: K("templateErrors.duplicateQuestion"),
            params: { value: question.key },
            path: [...path, "key"],
          });
        }
        if (question.showIf) checkShowIf(question.showIf, seen, [...path, "showIf"], ctx);
        seen.set(question.key, question);
      });
    });
  });

type TemplateQuestionBeforeRefine = z.output<typeof templateQuestionSchema>;

/** Show-if conditions may only test earlier questions of a testable type, with values they can have. */
function checkShowIf(
  showIf: z.output<typeof showIfSchema>,
  earlier: ReadonlyMap<string, TemplateQuestionBeforeRefine>,
  path: PropertyKey[],
  ctx: z.RefinementCtx,
) {
  const leaves =
    "all" in showIf
      ? showIf.all.map((leaf, i) => ({ leaf, at: [...path, "all", i] }))
      : "any" in showIf
        ? showIf.any.map((leaf, i) => ({ leaf, at: [...path, "any", i] }))
        : [{ leaf: showIf, at: path }];
  for (const { leaf, at } of leaves) {
    const source = earlier.get(leaf.question);
    if (!source) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.conditionNotEarlier"),
        params: { question: leaf.question },
        path: [...at, "question"],
      });
      continue;
    }
    if (!(CONDITION_SOURCE_TYPES as readonly string[]).includes(source.type)) {
      ctx.addIssue({
        code: "custom",
        message: K("templateErrors.conditionSourceType"),
        params: { types: CONDITION_SOURCE_TYPES.join(", ") },
        path: [...at, "question"],
      });
      continue;
    }
    const isValid = validKnockOutValues(
      source.type,
      (source.options ?? []).map((o) => o.value),
    );
    leaf.in.forEach((value, index) => {
      if (isValid && !isValid(value)) {
        ctx.addIssue({
          code: "custom",
          message: K("templateErrors.conditionValue"),
          params: { value, question: leaf.question },
          path: [...at, "in", index],
        });
      }
    });
  }
}

export type LocalizedText = z.output<typeof localizedTextSchema>;
export type TemplateDefinition = z.output<typeof templateDefinitionSchema>;
/** The JSON shape accepted on import (weights, tags and regulationRefs may be omitted). */
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;
export type TemplateSection = TemplateDefinition["sections"][number];
export type TemplateQuestion = TemplateSection["questions"][number];
export type TemplateOption = NonNullable<TemplateQuestion["options"]>[number];
export type TemplateThresholds = z.output<typeof thresholdsSchema>;
export type ShowIf = z.output<typeof showIfSchema>;
export type EvidenceRequirement = z.output<typeof evidenceRequirementSchema>;
export type Locale = keyof LocalizedText;

export interface TemplateDefinitionError {
  /** e.g. "sections[2].questions[5].options"; "(root)" for the definition itself. */
  path: string;
  /** What the reader sees, translated in their language (after the path). */
  key: MessageKey;
  params?: MessageParams;
  /** The same in English: what the command line prints and logs record. */
  message: string;
}

export type ParseTemplateDefinitionResult =
  { ok: true; definition: TemplateDefinition } | { ok: false; errors: TemplateDefinitionError[] };

/** Formats a zod issue path as `sections[2].questions[5].options`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "(root)" : out;
}

/** An error with its key and parameters, and the English text for the CLI and logs. */
export function templateError(
  path: string,
  key: MessageKey,
  params?: MessageParams,
): TemplateDefinitionError {
  return params
    ? { path, key, params, message: translate("en", key, params) }
    : { path, key, message: translate("en", key) };
}

/** Parameters that are constant per key (the lists an enum accepts). */
const LIST_PARAMS: Partial<Record<MessageKey, MessageParams>> = {
  "templateErrors.documentTypeInvalid": { types: EVIDENCE_DOCUMENT_TYPES.join(", ") },
  "templateErrors.questionTypeInvalid": { types: TEMPLATE_QUESTION_TYPES.join(", ") },
};

type TemplateIssue = IssueLike & { keys?: readonly string[]; values?: readonly unknown[] };

function numeric(value: number | bigint | Date | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date
    ? value.toISOString().slice(0, 10)
    : typeof value === "bigint"
      ? value.toString()
      : value;
}

/** The key of an issue that has no message of our own (zod's structural checks), by its code. */
function structuralKey(issue: TemplateIssue): { key: MessageKey; params?: MessageParams } {
  const min = numeric(issue.minimum);
  const max = numeric(issue.maximum);
  switch (issue.code) {
    case "unrecognized_keys":
      return {
        key: "templateErrors.unknownFields",
        params: { keys: (issue.keys ?? []).join(", ") },
      };
    case "invalid_type":
      if (issue.input === undefined) return { key: "templateErrors.missing" };
      return { key: "templateErrors.wrongType", params: { expected: issue.expected ?? "?" } };
    case "invalid_value":
      return {
        key: "templateErrors.invalidValue",
        params: { options: (issue.values ?? []).map((v) => String(v)).join(", ") },
      };
    case "invalid_union":
      return issue.path.at(-1) === "showIf"
        ? { key: "templateErrors.invalidCondition" }
        : { key: "templateErrors.invalid" };
    case "too_small":
      if (issue.origin === "string") return { key: "templateErrors.empty" };
      if (issue.origin === "array")
        return { key: "templateErrors.tooFewItems", params: { min: min ?? 1 } };
      return { key: "templateErrors.numberTooSmall", params: { min: min ?? 0 } };
    case "too_big":
      if (issue.origin === "string")
        return { key: "templateErrors.tooLong", params: { max: max ?? 0 } };
      if (issue.origin === "array")
        return { key: "templateErrors.tooManyItems", params: { max: max ?? 0 } };
      return { key: "templateErrors.numberTooLarge", params: { max: max ?? 0 } };
    default:
      return { key: "templateErrors.invalid" };
  }
}

function errorOfIssue(issue: TemplateIssue): TemplateDefinitionError {
  const path = formatIssuePath(issue.path);
  if (!isMessageKey(issue.message)) {
    const { key, params } = structuralKey(issue);
    return templateError(path, key, params);
  }
  const params: MessageParams = { ...LIST_PARAMS[issue.message] };
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    if (typeof value === "string" || typeof value === "number") params[name] = value;
  }
  const max = numeric(issue.maximum);
  const min = numeric(issue.minimum);
  if (max !== undefined) params.max = max;
  if (min !== undefined) params.min = min;
  return templateError(path, issue.message, Object.keys(params).length > 0 ? params : undefined);
}

/** Parses stored or imported JSON into a template definition; never throws. */
export function parseTemplateDefinition(json: unknown): ParseTemplateDefinitionResult {
  const result = templateDefinitionSchema.safeParse(json);
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => errorOfIssue(issue as TemplateIssue)),
  };
}

function toScoringThresholds(thresholds: TemplateThresholds): ScoringThresholds {
  if (thresholds.kind === "steps") {
    return {
      kind: "steps",
      steps: thresholds.steps.map((step) => ({ min: step.min, points: step.points })),
    };
  }
  return {
    kind: "linear",
    min: thresholds.min,
    max: thresholds.max,
    higherIsBetter: thresholds.higherIsBetter,
  };
}

/** The scoring library's type for a template question type. */
export function scoringTypeOf(type: TemplateQuestionType): QuestionType {
  switch (type) {
    case "long_text":
    case "evidence":
      return "text";
    case "subprocessors":
      return "countries";
    default:
      return type;
  }
}

function toScoringQuestion(
  question: TemplateQuestion,
  locale: Locale,
  hidden: boolean,
  knockOutDays: KnockOutDays | null,
): ScoringQuestion {
  const scoring: ScoringQuestion = {
    key: question.key,
    type: scoringTypeOf(question.type),
    weight: question.weight,
    // A question hidden by its show-if rule is never required.
    required: question.required && !hidden,
  };
  if (question.options) {
    scoring.options = question.options.map((option) => ({
      value: option.value,
      points: option.points,
      ...(option.exclusive ? { exclusive: true } : {}),
      // Method 1.2.0 (1.1.0 ignores it).
      ...(option.notApplicable ? { notApplicable: true } : {}),
    }));
  }
  if (question.knockOut) {
    const day = question.knockOut.from === undefined ? undefined : knockOutDays?.[question.key];
    if (question.knockOut.from !== undefined && knockOutDays !== null && day === undefined) {
      throw new Error(`no day resolved for the knock-out of ${question.key}`);
    }
    scoring.knockOut = {
      when: [...question.knockOut.when],
      label: question.knockOut.label[locale],
      ...(day !== undefined ? { from: day } : {}),
    };
  }
  if (question.thresholds) scoring.thresholds = toScoringThresholds(question.thresholds);
  if (question.indicator) {
    scoring.indicator = {
      domain: question.indicator.domain,
      subdomain: question.indicator.subdomain,
      awardWhen: [...question.indicator.awardWhen],
      rule: question.indicator.rule[locale],
    };
  }
  if (question.residency?.role === "flow") scoring.residencyFlowKind = question.residency.flow;
  return scoring;
}

/** Question key → the day (YYYY-MM-DD) its knock-out applies from (knock-out-days.ts resolves them). */
export type KnockOutDays = Readonly<Record<string, string>>;

/**
 * Maps a parsed definition onto the scoring library's input. Knock-out labels use `locale`.
 * Questions in `hidden` (hidden by their show-if rule) are not required. `knockOutDays` (method
 * 1.2.0): the resolved day of every knock-out with a `from`; without them (method 1.1.0, which
 * ignores dates) knock-outs carry no day.
 */
export function toScoringTemplate(
  definition: TemplateDefinition,
  locale: Locale = "en",
  hidden: ReadonlySet<string> = new Set(),
  knockOutDays: KnockOutDays | null = null,
): ScoringTemplate {
  return {
    sections: definition.sections.map((section) => ({
      key: section.key,
      weight: section.weight,
      questions: section.questions.map((question) =>
        toScoringQuestion(question, locale, hidden.has(question.key), knockOutDays),
      ),
    })),
  };
}

export type TemplateQuestionWithSection = TemplateQuestion & { sectionKey: string };

/** All questions in template order, each with the key of its section. */
export function questionsOf(definition: TemplateDefinition): TemplateQuestionWithSection[] {
  return definition.sections.flatMap((section) =>
    section.questions.map((question) => ({ ...question, sectionKey: section.key })),
  );
}
