// The template editor's edits as pure functions on a draft definition. Each returns a new
// candidate (plain JSON, not yet validated); the save use case validates the whole definition,
// so an edit that breaks a rule (an empty section, a show-if pointing at a deleted question)
// is refused with the path of the problem and nothing is stored. Fields the per-question form
// does not show (indicator, residency role, thresholds, option safeguards and not-applicable
// marks, a knock-out's start) are kept as they are;
// the advanced (YAML) editor can change them.

import type {
  TemplateDefinition,
  TemplateQuestion,
  TemplateSection,
} from "../questionnaires/template-definition";

/** What the routes read from a form: `get` for one value, `getAll` for repeated fields. */
export interface FormValues {
  get(name: string): string | null;
  getAll(name: string): string[];
}

export function formValuesOf(form: FormData): FormValues {
  return {
    get: (name) => {
      const value = form.get(name);
      return typeof value === "string" ? value : null;
    },
    getAll: (name) => form.getAll(name).filter((v): v is string => typeof v === "string"),
  };
}

type Definition = TemplateDefinition;
const clone = <T>(value: T): T => structuredClone(value);

/** How many empty option rows the question form offers for new options. */
export const NEW_OPTION_ROWS = 2;

function uniqueKey(taken: ReadonlySet<string>, base: string): string {
  for (let n = 1; ; n++) {
    const key = `${base}${n}`;
    if (!taken.has(key)) return key;
  }
}

const questionKeys = (definition: Definition) =>
  new Set(definition.sections.flatMap((s) => s.questions.map((q) => q.key)));

function newQuestion(key: string): TemplateQuestion {
  return {
    key,
    type: "yes_no",
    label: { en: "New question", de: "Neue Frage" },
    required: false,
    weight: 1,
    regulationRefs: [],
    references: [],
    tags: [],
  };
}

/** The definition a new, empty template starts with: one section with one question. */
export function starterDefinition(key: string, title: { en: string; de: string }): Definition {
  return {
    key,
    title,
    sections: [
      {
        key: "general",
        title: { en: "General", de: "Allgemein" },
        weight: 1,
        questions: [newQuestion("general.q1")],
      },
    ],
  };
}

function sectionIndex(definition: Definition, sectionKey: string): number {
  const index = definition.sections.findIndex((s) => s.key === sectionKey);
  if (index < 0) throw new EditTargetMissing(`section '${sectionKey}'`);
  return index;
}

function questionPosition(definition: Definition, questionKey: string): { s: number; q: number } {
  for (const [s, section] of definition.sections.entries()) {
    const q = section.questions.findIndex((question) => question.key === questionKey);
    if (q >= 0) return { s, q };
  }
  throw new EditTargetMissing(`question '${questionKey}'`);
}

/** The form named a section or question the draft does not have (stale page): a conflict, really. */
export class EditTargetMissing extends Error {
  constructor(what: string) {
    super(`${what} is not part of the draft any more`);
    this.name = "EditTargetMissing";
  }
}

const text = (values: FormValues, name: string) => (values.get(name) ?? "").trim();

function optionalLocalized(
  values: FormValues,
  prefix: string,
): { en: string; de: string } | undefined {
  const en = text(values, `${prefix}En`);
  const de = text(values, `${prefix}De`);
  return en === "" && de === "" ? undefined : { en, de };
}

/** A number field: empty → undefined; anything unreadable is kept as text so the schema names it. */
function numberField(values: FormValues, name: string): number | string | undefined {
  const raw = text(values, name).replace(",", ".");
  if (raw === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : raw;
}

const list = (raw: string, separator: RegExp) =>
  raw
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== "");

export function updateTemplateMeta(definition: Definition, values: FormValues): unknown {
  const next = clone(definition) as Record<string, unknown>;
  next.title = { en: text(values, "titleEn"), de: text(values, "titleDe") };
  const description = optionalLocalized(values, "description");
  if (description) next.description = description;
  else delete next.description;
  return next;
}

export function addSection(definition: Definition): { candidate: unknown; sectionKey: string } {
  const next = clone(definition);
  const sectionKey = uniqueKey(new Set(next.sections.map((s) => s.key)), "section-");
  next.sections.push({
    key: sectionKey,
    title: { en: "New section", de: "Neuer Abschnitt" },
    weight: 1,
    questions: [newQuestion(uniqueKey(questionKeys(next), `${sectionKey}.q`))],
  });
  return { candidate: next, sectionKey };
}

export function updateSection(
  definition: Definition,
  sectionKey: string,
  values: FormValues,
): unknown {
  const next = clone(definition);
  const section = next.sections[sectionIndex(next, sectionKey)]! as TemplateSection &
    Record<string, unknown>;
  section.key = text(values, "key");
  section.title = { en: text(values, "titleEn"), de: text(values, "titleDe") };
  const description = optionalLocalized(values, "description");
  if (description) section.description = description;
  else delete section.description;
  (section as Record<string, unknown>).weight = numberField(values, "weight") ?? 1;
  return next;
}

function move<T>(items: T[], from: number, to: number) {
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item!);
}

export function moveSection(
  definition: Definition,
  sectionKey: string,
  direction: "up" | "down",
): unknown {
  const next = clone(definition);
  const from = sectionIndex(next, sectionKey);
  const to = direction === "up" ? from - 1 : from + 1;
  if (to >= 0 && to < next.sections.length) move(next.sections, from, to);
  return next;
}

export function deleteSection(definition: Definition, sectionKey: string): unknown {
  const next = clone(definition);
  next.sections.splice(sectionIndex(next, sectionKey), 1);
  return next;
}

export function addQuestion(
  definition: Definition,
  sectionKey: string,
): { candidate: unknown; questionKey: string } {
  const next = clone(definition);
  const section = next.sections[sectionIndex(next, sectionKey)]!;
  const questionKey = uniqueKey(questionKeys(next), `${section.key}.q`);
  section.questions.push(newQuestion(questionKey));
  return { candidate: next, questionKey };
}

/**
 * Up/down within the section; past its first or last question the question moves into the
 * previous or next section, so every order can be reached with the two buttons.
 */
export function moveQuestion(
  definition: Definition,
  questionKey: string,
  direction: "up" | "down",
): unknown {
  const next = clone(definition);
  const { s, q } = questionPosition(next, questionKey);
  const questions = next.sections[s]!.questions;
  if (direction === "up" && q > 0) move(questions, q, q - 1);
  else if (direction === "down" && q < questions.length - 1) move(questions, q, q + 1);
  else if (direction === "up" && s > 0)
    next.sections[s - 1]!.questions.push(...questions.splice(q, 1));
  else if (direction === "down" && s < next.sections.length - 1)
    next.sections[s + 1]!.questions.unshift(...questions.splice(q, 1));
  return next;
}

export function deleteQuestion(definition: Definition, questionKey: string): unknown {
  const next = clone(definition);
  const { s, q } = questionPosition(next, questionKey);
  next.sections[s]!.questions.splice(q, 1);
  return next;
}

const CHOICE_TYPES = new Set(["single_choice", "multi_choice"]);

/**
 * The question as the per-question form describes it. Rows of the options table with an empty
 * value are ignored (the blank rows for new options); fields that do not apply to the chosen
 * type are dropped so that changing the type does not leave stale settings behind.
 */
export function questionFromForm(
  existing: TemplateQuestion,
  values: FormValues,
): Record<string, unknown> {
  const type = text(values, "type") || existing.type;
  const question: Record<string, unknown> = {
    key: text(values, "key"),
    type,
    label: { en: text(values, "labelEn"), de: text(values, "labelDe") },
    required: values.get("required") === "on",
    weight: numberField(values, "weight") ?? 1,
    regulationRefs: list(values.get("regulationRefs") ?? "", /\r?\n/),
    // Catalogue references (issue 21): one key per line; a form without the field keeps them.
    references:
      values.get("references") === null
        ? existing.references
        : list(values.get("references") ?? "", /\s+/),
    tags: list(values.get("tags") ?? "", /[,\s]+/),
  };
  const help = optionalLocalized(values, "help");
  if (help) question.help = help;

  if (CHOICE_TYPES.has(type)) {
    const previous = new Map((existing.options ?? []).map((o) => [o.value, o]));
    const count = Number(values.get("optionCount") ?? "0");
    const options: Record<string, unknown>[] = [];
    for (let i = 0; i < Math.min(Number.isInteger(count) ? count : 0, 200); i++) {
      const value = text(values, `options[${i}].value`);
      if (value === "") continue;
      const kept = previous.get(text(values, `options[${i}].original`) || value);
      const option: Record<string, unknown> = {
        value,
        label: {
          en: text(values, `options[${i}].labelEn`),
          de: text(values, `options[${i}].labelDe`),
        },
        points: numberField(values, `options[${i}].points`) ?? 0,
      };
      if (type === "multi_choice" && values.get(`options[${i}].exclusive`) === "on")
        option.exclusive = true;
      if (kept?.safeguard) option.safeguard = kept.safeguard;
      if (kept?.notApplicable) option.notApplicable = kept.notApplicable;
      options.push(option);
    }
    question.options = options;
  }

  const knockOutWhen = list(values.get("knockOutWhen") ?? "", /[,\s]+/);
  if (knockOutWhen.length > 0) {
    question.knockOut = {
      when: knockOutWhen,
      label: { en: text(values, "knockOutLabelEn"), de: text(values, "knockOutLabelDe") },
      // The form does not show from when a knock-out applies: keep it.
      ...(existing.knockOut?.from ? { from: existing.knockOut.from } : {}),
    };
  }

  // The form edits a single condition; composite (all/any) rules stay as they are unless the
  // author replaces them here (or edits them in the advanced editor).
  const showIfQuestion = text(values, "showIfQuestion");
  if (values.get("showIfMode") === "composite" && existing.showIf)
    question.showIf = existing.showIf;
  else if (showIfQuestion !== "")
    question.showIf = {
      question: showIfQuestion,
      in: list(values.get("showIfValues") ?? "", /[,\s]+/),
    };

  if (type === "number") {
    const unit = text(values, "unit");
    if (unit !== "") question.unit = unit;
    const min = numberField(values, "min");
    const max = numberField(values, "max");
    if (min !== undefined) question.min = min;
    if (max !== undefined) question.max = max;
  }
  if ((type === "number" || type === "date") && existing.thresholds)
    question.thresholds = existing.thresholds;
  if (type === "evidence") {
    question.evidence = {
      documentTypes: values.getAll("evidenceTypes"),
      expiryRequired: values.get("expiryRequired") === "on",
    };
  }
  if (existing.indicator) question.indicator = existing.indicator;
  if (existing.residency) question.residency = existing.residency;
  return question;
}

export function updateQuestion(
  definition: Definition,
  questionKey: string,
  values: FormValues,
): unknown {
  const next = clone(definition);
  const { s, q } = questionPosition(next, questionKey);
  (next.sections[s]!.questions as unknown[])[q] = questionFromForm(
    next.sections[s]!.questions[q]!,
    values,
  );
  return next;
}

/** Where a question sits, as the prefix of schema error paths (`sections[1].questions[3]`). */
export function questionPathPrefix(definition: Definition, questionKey: string): string | null {
  try {
    const { s, q } = questionPosition(definition, questionKey);
    return `sections[${s}].questions[${q}]`;
  } catch {
    return null;
  }
}
