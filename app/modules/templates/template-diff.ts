// The differences between two template versions, for the version page ("what changed since the
// previous version") and the draft editor. Pure and deterministic. Sections and questions are
// matched by key; an item counts as moved when it changed section, or when it is not part of the
// longest run of common items that kept their relative order (so swapping two neighbours reports
// one move, not a reshuffle of everything after them); questions are compared within their section.

import { canonicalJson } from "../../utils/canonical-json";
import type {
  TemplateDefinition,
  TemplateOption,
  TemplateQuestion,
} from "../questionnaires/template-definition";

/** One changed field: `field` is a dotted path inside the question/section (e.g. `label.de`). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ItemRef {
  key: string;
  label: { en: string; de: string };
  sectionKey?: string;
}

export interface MovedItem extends ItemRef {
  fromSection?: string;
  toSection?: string;
  fromIndex: number;
  toIndex: number;
}

export interface ChangedItem extends ItemRef {
  changes: FieldChange[];
}

export interface TemplateDiff {
  identical: boolean;
  /** Title and description of the template itself. */
  template: FieldChange[];
  sections: { added: ItemRef[]; removed: ItemRef[]; moved: MovedItem[]; changed: ChangedItem[] };
  questions: { added: ItemRef[]; removed: ItemRef[]; moved: MovedItem[]; changed: ChangedItem[] };
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function change(changes: FieldChange[], field: string, before: unknown, after: unknown) {
  if (!same(before, after)) changes.push({ field, before: before ?? null, after: after ?? null });
}

function localized(
  changes: FieldChange[],
  field: string,
  before?: { en: string; de: string },
  after?: { en: string; de: string },
) {
  change(changes, `${field}.en`, before?.en, after?.en);
  change(changes, `${field}.de`, before?.de, after?.de);
}

/** Keys of `sequence` that are not in a longest common subsequence with `other` (both of common keys). */
function outOfOrder(before: readonly string[], after: readonly string[]): Set<string> {
  const n = before.length;
  const m = after.length;
  const lengths = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] =
        before[i] === after[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m;) {
    if (before[i] === after[j]) {
      kept.add(before[i]!);
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(after.filter((key) => !kept.has(key)));
}

function optionChanges(
  changes: FieldChange[],
  before: readonly TemplateOption[],
  after: readonly TemplateOption[],
) {
  const old = new Map(before.map((o) => [o.value, o]));
  const now = new Map(after.map((o) => [o.value, o]));
  for (const option of after) {
    const previous = old.get(option.value);
    const field = `options.${option.value}`;
    if (!previous) {
      changes.push({ field, before: null, after: { label: option.label, points: option.points } });
      continue;
    }
    localized(changes, `${field}.label`, previous.label, option.label);
    change(changes, `${field}.points`, previous.points, option.points);
    change(changes, `${field}.exclusive`, previous.exclusive, option.exclusive);
    change(changes, `${field}.safeguard`, previous.safeguard, option.safeguard);
  }
  for (const option of before) {
    if (!now.has(option.value))
      changes.push({
        field: `options.${option.value}`,
        before: { label: option.label, points: option.points },
        after: null,
      });
  }
  const common = (list: readonly TemplateOption[], other: Map<string, TemplateOption>) =>
    list.filter((o) => other.has(o.value)).map((o) => o.value);
  const order = { before: common(before, now), after: common(after, old) };
  if (!same(order.before, order.after))
    changes.push({ field: "options.order", before: order.before, after: order.after });
}

/** The fields of a question that changed, in a fixed order. */
export function questionChanges(before: TemplateQuestion, after: TemplateQuestion): FieldChange[] {
  const changes: FieldChange[] = [];
  localized(changes, "label", before.label, after.label);
  localized(changes, "help", before.help, after.help);
  change(changes, "type", before.type, after.type);
  change(changes, "required", before.required, after.required);
  change(changes, "weight", before.weight, after.weight);
  optionChanges(changes, before.options ?? [], after.options ?? []);
  change(changes, "knockOut", before.knockOut, after.knockOut);
  change(changes, "showIf", before.showIf, after.showIf);
  change(changes, "references", before.references, after.references);
  change(changes, "regulationRefs", before.regulationRefs, after.regulationRefs);
  change(changes, "tags", before.tags, after.tags);
  change(changes, "evidence", before.evidence, after.evidence);
  for (const field of ["unit", "min", "max", "thresholds", "indicator", "residency"] as const) {
    change(changes, field, before[field], after[field]);
  }
  return changes;
}

export function diffTemplateDefinitions(
  before: TemplateDefinition,
  after: TemplateDefinition,
): TemplateDiff {
  const template: FieldChange[] = [];
  localized(template, "title", before.title, after.title);
  localized(template, "description", before.description, after.description);

  const sectionsBefore = new Map(before.sections.map((s, index) => [s.key, { section: s, index }]));
  const sectionsAfter = new Map(after.sections.map((s, index) => [s.key, { section: s, index }]));
  const sections: TemplateDiff["sections"] = { added: [], removed: [], moved: [], changed: [] };
  const movedSections = outOfOrder(
    before.sections.filter((s) => sectionsAfter.has(s.key)).map((s) => s.key),
    after.sections.filter((s) => sectionsBefore.has(s.key)).map((s) => s.key),
  );
  for (const [index, section] of after.sections.entries()) {
    const previous = sectionsBefore.get(section.key);
    const ref = { key: section.key, label: section.title };
    if (!previous) {
      sections.added.push(ref);
      continue;
    }
    if (movedSections.has(section.key))
      sections.moved.push({ ...ref, fromIndex: previous.index, toIndex: index });
    const changes: FieldChange[] = [];
    localized(changes, "title", previous.section.title, section.title);
    localized(changes, "description", previous.section.description, section.description);
    change(changes, "weight", previous.section.weight, section.weight);
    if (changes.length > 0) sections.changed.push({ ...ref, changes });
  }
  for (const section of before.sections) {
    if (!sectionsAfter.has(section.key))
      sections.removed.push({ key: section.key, label: section.title });
  }

  const flatten = (definition: TemplateDefinition) =>
    definition.sections.flatMap((s) =>
      s.questions.map((question, index) => ({ question, index, sectionKey: s.key })),
    );
  const questionsBefore = new Map(flatten(before).map((entry) => [entry.question.key, entry]));
  const questionsAfter = new Map(flatten(after).map((entry) => [entry.question.key, entry]));
  const questions: TemplateDiff["questions"] = { added: [], removed: [], moved: [], changed: [] };
  // Within each section: the questions that stayed in it, in their old and new order. A section
  // that moved as a whole does not make its questions "moved".
  const reordered = new Set<string>();
  for (const section of after.sections) {
    const stayed = (definition: TemplateDefinition, other: Map<string, { sectionKey: string }>) =>
      (definition.sections.find((s) => s.key === section.key)?.questions ?? [])
        .map((q) => q.key)
        .filter((key) => other.get(key)?.sectionKey === section.key);
    for (const key of outOfOrder(stayed(before, questionsAfter), stayed(after, questionsBefore)))
      reordered.add(key);
  }
  for (const entry of questionsAfter.values()) {
    const { question, sectionKey } = entry;
    const previous = questionsBefore.get(question.key);
    const ref = { key: question.key, label: question.label, sectionKey };
    if (!previous) {
      questions.added.push(ref);
      continue;
    }
    if (previous.sectionKey !== sectionKey || reordered.has(question.key)) {
      questions.moved.push({
        ...ref,
        fromSection: previous.sectionKey,
        toSection: sectionKey,
        fromIndex: previous.index,
        toIndex: entry.index,
      });
    }
    const changes = questionChanges(previous.question, question);
    if (changes.length > 0) questions.changed.push({ ...ref, changes });
  }
  for (const { question, sectionKey } of questionsBefore.values()) {
    if (!questionsAfter.has(question.key))
      questions.removed.push({ key: question.key, label: question.label, sectionKey });
  }

  const identical =
    template.length === 0 &&
    [sections, questions].every(
      (part) =>
        part.added.length + part.removed.length + part.moved.length + part.changed.length === 0,
    );
  return { identical, template, sections, questions };
}
