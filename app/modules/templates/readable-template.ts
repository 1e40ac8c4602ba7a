// A template version as a reader sees it (issue 15 item 8): every question with its help text,
// its options and how each one scores, the scoring rule of numbers and dates in words, the
// show-if rule naming the question it depends on by its label, the knock-out, the evidence asked
// for and the references as citations — all in ONE language, so a German reader who switches to
// the English questionnaire reads a wholly English page (the container carries lang="en").
// Pure: the caller passes the definition (date placeholders already resolved), the citation
// catalogue and the days dated knock-outs apply from. Option keys never reach the reader.

import { countryName } from "../../reference-data/countries";
import { formatDate, formatNumber, labelKey, translate, type Locale } from "../../utils/i18n";
import type { MessageKey, MessageParams } from "../../utils/i18n";
import { questionCitations } from "../regulations/citations/question-citations";
import type { CitationCatalogue } from "../regulations/citations/cite-provision";
import type {
  KnockOutDays,
  ShowIf,
  TemplateDefinition,
  TemplateQuestion,
  TemplateThresholds,
} from "../questionnaires/template-definition";

export interface ReadableOption {
  label: string;
  /** "full points", "60 % of the points", … plus notes ("cannot be combined …"). */
  scoring: string;
}

export interface ReadableCondition {
  /** Follows "Shown only if": one test, or an intro ("all of these hold:") before `tests`. */
  lead: string;
  tests: string[];
}

export interface ReadableQuestion {
  /** The element id of the question on the page ("q-2-5"): positions, never the key. */
  anchor: string;
  number: string;
  label: string;
  help: string | null;
  required: boolean;
  answerType: string;
  /** Unit and allowed range of a number. */
  answerFacts: string[];
  options: ReadableOption[];
  /** Weight, residency role and the scoring rule in words. */
  scoring: string[];
  condition: ReadableCondition | null;
  knockOut: { rule: string; from: string | null } | null;
  evidence: string[];
  indicator: { title: string; rule: string } | null;
  references: string[];
}

export interface ReadableSection {
  anchor: string;
  number: string;
  title: string;
  description: string | null;
  questions: ReadableQuestion[];
}

export interface ReadableTemplate {
  locale: Locale;
  title: string;
  description: string | null;
  questionCount: number;
  sections: ReadableSection[];
}

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Up to two decimals, as the reader's language writes them (0,5 in German). */
function readableNumber(locale: Locale, value: number): string {
  const digits = Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2;
  return formatNumber(locale, value, digits);
}

/** A unit in the reader's language when it is a common one ("days" → "Tage"), else as written. */
function unitInWords(unit: string, t: Translate): string {
  const key = labelKey("templateReader.unit_", unit.trim().toLowerCase());
  return key ? t(key) : unit;
}

function pointsInWords(t: Translate, points: number): string {
  if (points >= 1) return t("templateReader.fullPoints");
  if (points <= 0) return t("templateReader.noPoints");
  return t("templateReader.somePoints", { percent: Math.round(points * 100) });
}

const RESIDENCY_CLASS_KEYS: Record<string, MessageKey> = {
  eu_eea: "assessments.class_eu_eea",
  adequacy: "assessments.class_adequacy",
  third_country: "templateReader.thirdCountry",
};

/** The words for one answer value of `question` (an option's label, "No", a country's name). */
export function answerValueInWords(
  question: Pick<TemplateQuestion, "type" | "options">,
  value: string,
  locale: Locale,
  t: Translate,
): string {
  if (value === "unknown") return t("portal.unknown");
  if (value === "na") return t("portal.na");
  if (question.type === "yes_no") {
    const key = labelKey("portal.", value);
    if (key) return t(key);
  }
  const option = question.options?.find((o) => o.value === value);
  if (option) return option.label[locale];
  if (question.type === "countries" || question.type === "subprocessors") {
    const residencyClass = RESIDENCY_CLASS_KEYS[value];
    if (residencyClass) return t(residencyClass);
    return countryName(value, locale);
  }
  // A value the template does not know (it validates against this): shown, never hidden.
  return value;
}

function quotedList(locale: Locale, values: string[], type: "disjunction" | "conjunction") {
  const quoted = values.map((v) => (locale === "de" ? `„${v}“` : `“${v}”`));
  return new Intl.ListFormat(locale, { style: "long", type }).format(quoted);
}

function thresholdRule(
  thresholds: TemplateThresholds,
  unit: string,
  locale: Locale,
  t: Translate,
): string[] {
  const n = (value: number) => readableNumber(locale, value);
  if (thresholds.kind === "linear") {
    const key = thresholds.higherIsBetter
      ? "templateReader.linearRising"
      : "templateReader.linearFalling";
    return [t(key, { min: n(thresholds.min), max: n(thresholds.max), unit })];
  }
  const steps = [...thresholds.steps].sort((a, b) => a.min - b.min);
  const parts: string[] = [];
  if (steps[0] && steps[0].min > 0)
    parts.push(t("templateReader.stepBelow", { to: n(steps[0].min), unit }));
  steps.forEach((step, index) => {
    const next = steps[index + 1];
    const points = pointsInWords(t, step.points);
    parts.push(
      next
        ? t("templateReader.stepRange", { from: n(step.min), to: n(next.min), unit, points })
        : t("templateReader.stepFrom", { from: n(step.min), unit, points }),
    );
  });
  return [parts.join("; ") + "."];
}

function scoringRule(question: TemplateQuestion, locale: Locale, t: Translate): string[] {
  if (question.weight === 0) return [t("templateReader.notScoredWeightZero")];
  switch (question.type) {
    case "yes_no":
      return [t("templateReader.yesNoRule"), t("templateReader.unknownAndNa")];
    case "single_choice":
      return [t("templateReader.unknownAndNa")];
    case "multi_choice":
      return [t("templateReader.multiChoiceRule"), t("templateReader.unknownAndNa")];
    case "countries":
    case "subprocessors":
      return [t("templateReader.countriesRule")];
    case "number":
    case "date": {
      if (!question.thresholds) return [t("templateReader.notScored")];
      const unit =
        question.type === "date"
          ? t("templateReader.dateUnit")
          : question.unit
            ? ` ${unitInWords(question.unit, t)}`
            : "";
      return thresholdRule(question.thresholds, unit, locale, t);
    }
    case "text":
    case "long_text":
    case "evidence":
      return [t("templateReader.notScored")];
  }
}

/** What the answer may be: its unit and range (numbers). */
function answerFacts(question: TemplateQuestion, locale: Locale, t: Translate): string[] {
  const list: string[] = [];
  const n = (value: number) => readableNumber(locale, value);
  if (question.unit)
    list.push(t("templateReader.unitFact", { unit: unitInWords(question.unit, t) }));
  if (question.min !== undefined && question.max !== undefined)
    list.push(t("templateReader.rangeFact", { min: n(question.min), max: n(question.max) }));
  else if (question.min !== undefined)
    list.push(t("templateReader.minFact", { min: n(question.min) }));
  else if (question.max !== undefined)
    list.push(t("templateReader.maxFact", { max: n(question.max) }));
  return list;
}

/** What the question feeds besides its points: its weight and its role in the residency rating. */
function scoringFacts(question: TemplateQuestion, locale: Locale, t: Translate): string[] {
  const list: string[] = [];
  if (question.weight !== 0)
    list.push(t("templateReader.weight", { weight: readableNumber(locale, question.weight) }));
  const residency = question.residency;
  if (residency?.role === "flow")
    list.push(
      t("templateReader.residencyFlow", {
        flow: t(labelKey("assessments.flow_", residency.flow) ?? "common.unknownValue"),
      }),
    );
  if (residency?.role === "safeguard") list.push(t("templateReader.residencySafeguard"));
  if (residency?.role === "dpf_certified") list.push(t("templateReader.residencyDpf"));
  return list;
}

function conditionInWords(
  showIf: ShowIf,
  byKey: ReadonlyMap<string, TemplateQuestion>,
  locale: Locale,
  t: Translate,
): ReadableCondition {
  const leaf = (test: { question: string; in: string[] }) => {
    const source = byKey.get(test.question);
    const values = source
      ? test.in.map((value) => answerValueInWords(source, value, locale, t))
      : test.in;
    return t("templateReader.conditionLeaf", {
      question: source ? source.label[locale] : t("templateReader.unknownQuestion"),
      values: quotedList(locale, values, "disjunction"),
    });
  };
  if ("all" in showIf)
    return {
      lead: t("templateReader.conditionAll"),
      tests: showIf.all.map(leaf),
    };
  if ("any" in showIf)
    return {
      lead: t("templateReader.conditionAny"),
      tests: showIf.any.map(leaf),
    };
  return { lead: `${leaf(showIf)}.`, tests: [] };
}

function optionScoring(
  question: TemplateQuestion,
  option: NonNullable<TemplateQuestion["options"]>[number],
  t: Translate,
): string {
  const notes: string[] = [];
  if (question.weight !== 0 && !option.notApplicable) notes.push(pointsInWords(t, option.points));
  if (option.notApplicable) notes.push(t("templateReader.optionNotApplicable"));
  if (option.exclusive) notes.push(t("templateReader.optionExclusive"));
  return notes.join("; ");
}

export function readableTemplate(
  definition: TemplateDefinition,
  locale: Locale,
  context: { citations: CitationCatalogue; knockOutDays: KnockOutDays | null },
): ReadableTemplate {
  const t: Translate = (key, params) => translate(locale, key, params);
  const byKey = new Map(
    definition.sections.flatMap((s) => s.questions.map((q) => [q.key, q] as const)),
  );
  const sections = definition.sections.map((section, sectionIndex): ReadableSection => {
    const sectionNumber = String(sectionIndex + 1);
    return {
      anchor: `section-${sectionNumber}`,
      number: sectionNumber,
      title: section.title[locale],
      description: section.description?.[locale] ?? null,
      questions: section.questions.map((question, questionIndex): ReadableQuestion => {
        const number = `${sectionNumber}.${questionIndex + 1}`;
        const knockOut = question.knockOut;
        const knockOutDay = knockOut?.from ? (context.knockOutDays?.[question.key] ?? null) : null;
        return {
          anchor: `q-${sectionNumber}-${questionIndex + 1}`,
          number,
          label: question.label[locale],
          help: question.help?.[locale] ?? null,
          required: question.required,
          answerType: t(labelKey("templateReader.type_", question.type) ?? "common.unknownValue"),
          answerFacts: answerFacts(question, locale, t),
          options: (question.options ?? []).map((option) => ({
            label: option.label[locale],
            scoring: optionScoring(question, option, t),
          })),
          scoring: [...scoringFacts(question, locale, t), ...scoringRule(question, locale, t)],
          condition: question.showIf ? conditionInWords(question.showIf, byKey, locale, t) : null,
          knockOut: knockOut
            ? {
                rule: t("templateReader.knockOutWhen", {
                  values: quotedList(
                    locale,
                    knockOut.when.map((value) => answerValueInWords(question, value, locale, t)),
                    "disjunction",
                  ),
                  reason: knockOut.label[locale],
                }),
                from: knockOutDay
                  ? t("templateReader.knockOutFrom", {
                      date: formatDate(locale, `${knockOutDay}T12:00:00Z`),
                    })
                  : null,
              }
            : null,
          evidence: question.evidence
            ? [
                t("templateReader.evidence", {
                  types: new Intl.ListFormat(locale, { type: "conjunction" }).format(
                    question.evidence.documentTypes.map((type) =>
                      t(labelKey("portal.doc_", type) ?? "common.unknownValue"),
                    ),
                  ),
                }),
                ...(question.evidence.expiryRequired ? [t("templateReader.evidenceExpiry")] : []),
              ]
            : [],
          indicator: question.indicator
            ? {
                title: t("templateReader.indicator", {
                  domain: question.indicator.domain,
                  subdomain: question.indicator.subdomain,
                }),
                rule: question.indicator.rule[locale],
              }
            : null,
          references: questionCitations(question, locale, context.citations),
        };
      }),
    };
  });
  return {
    locale,
    title: definition.title[locale],
    description: definition.description?.[locale] ?? null,
    questionCount: sections.reduce((n, s) => n + s.questions.length, 0),
    sections,
  };
}
