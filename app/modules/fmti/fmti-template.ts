// The questionnaire template an FMTI edition becomes (pure): one section per domain, one yes/no
// question per indicator, carrying the indicator's domain and subdomain so the transparency index
// can be counted the FMTI way. Attribution (CC BY 4.0) is part of the description.
//
// Language: FMTI publishes English only. German titles and definitions repeat the English text;
// German question labels are the English indicator name prefixed "FMTI: ", so a German reader
// sees at once that the text is the untranslated original.
//
// Weights: every question weighs 1 and every section weighs its number of indicators, so the
// overall score is exactly the share of indicators satisfied (total / indicators × 100).

import {
  parseTemplateDefinition,
  type TemplateDefinition,
  type TemplateDefinitionError,
} from "../questionnaires/template-definition";
import type { FmtiEdition } from "./read-fmti-edition";

export const FMTI_TEMPLATE_KEY = "fmti-transparency";
export const FMTI_ATTRIBUTION = "Foundation Model Transparency Index, Stanford CRFM";
export const FMTI_SOURCE_URL = "https://github.com/stanford-crfm/fmti";
export const FMTI_LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)";
export const FMTI_TAG = "transparency";
const TEXT_MAX = 2000;

export class FmtiTemplateError extends Error {
  constructor(readonly errors: TemplateDefinitionError[]) {
    super(
      `the FMTI template is not a valid questionnaire template: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
    );
    this.name = "FmtiTemplateError";
  }
}

/** Lower-case ASCII letters and digits joined by "-" (accents dropped); "domain" when nothing is left. */
export function slugify(value: string): string {
  const slug = value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "domain" : slug;
}

function clip(text: string): string {
  return text.length <= TEXT_MAX ? text : `${text.slice(0, TEXT_MAX - 1)}…`;
}

export interface FmtiTemplate {
  definition: TemplateDefinition;
  /** questionKeys[i] is the question of edition.indicators[i]. */
  questionKeys: string[];
}

/** Builds and validates the template for an edition; `editionLabel` is e.g. the folder name "May2024". */
export function buildFmtiTemplate(edition: FmtiEdition, editionLabel: string): FmtiTemplate {
  const sections: Array<{ domain: string; key: string; questions: unknown[] }> = [];
  const byDomain = new Map<string, (typeof sections)[number]>();
  const usedKeys = new Set<string>();
  const questionKeys = edition.indicators.map((indicator) => {
    let section = byDomain.get(indicator.domain);
    if (!section) {
      let key = slugify(indicator.domain);
      for (let n = 2; usedKeys.has(key); n++) key = `${slugify(indicator.domain)}-${n}`;
      usedKeys.add(key);
      section = { domain: indicator.domain, key, questions: [] };
      byDomain.set(indicator.domain, section);
      sections.push(section);
    }
    const questionKey = `fmti.${section.key}.${section.questions.length + 1}`;
    section.questions.push({
      key: questionKey,
      type: "yes_no",
      label: { en: clip(indicator.name), de: clip(`FMTI: ${indicator.name}`) },
      ...(indicator.definition
        ? { help: { en: clip(indicator.definition), de: clip(indicator.definition) } }
        : {}),
      required: true,
      weight: 1,
      tags: [FMTI_TAG],
      indicator: {
        domain: indicator.domain,
        subdomain: indicator.subdomain,
        awardWhen: ["yes"],
        rule: {
          en: `One point when the developer discloses this (answer "yes"), as scored in the FMTI ${editionLabel} edition.`,
          de: `Ein Punkt, wenn der Anbieter dies offenlegt (Antwort „Ja“), wie im FMTI, Ausgabe ${editionLabel}, bewertet.`,
        },
      },
    });
    return questionKey;
  });

  const count = edition.indicators.length;
  const raw = {
    key: FMTI_TEMPLATE_KEY,
    title: {
      en: "Foundation Model Transparency Index (FMTI)",
      de: "Foundation Model Transparency Index (FMTI)",
    },
    description: {
      en:
        `Published transparency record of foundation-model developers: the ${editionLabel} edition of the ` +
        `Foundation Model Transparency Index, ${count} indicators in ${sections.length} domains, one point per indicator ` +
        `(answers "yes"/"no" as published). Source: ${FMTI_ATTRIBUTION} (${FMTI_SOURCE_URL}), licensed under ${FMTI_LICENCE}. ` +
        `Changes: indicator names follow the edition's indicator list; texts are the English originals.`,
      de:
        `Veröffentlichte Transparenzbewertung von Foundation-Model-Anbietern: Ausgabe ${editionLabel} des ` +
        `Foundation Model Transparency Index, ${count} Indikatoren in ${sections.length} Bereichen, ein Punkt je Indikator ` +
        `(Antworten „Ja“/„Nein“ wie veröffentlicht). Quelle: ${FMTI_ATTRIBUTION} (${FMTI_SOURCE_URL}), Lizenz ${FMTI_LICENCE}. ` +
        `Änderungen: Indikatornamen folgen der Indikatorliste der Ausgabe; Texte im englischen Original.`,
    },
    sections: sections.map((section) => ({
      key: section.key,
      title: { en: section.domain, de: section.domain },
      weight: section.questions.length,
      questions: section.questions,
    })),
  };
  const parsed = parseTemplateDefinition(raw);
  if (!parsed.ok) throw new FmtiTemplateError(parsed.errors);
  return { definition: parsed.definition, questionKeys };
}

/** The answers of one developer: "yes" where the indicator is satisfied, else "no". */
export function fmtiAnswers(
  edition: FmtiEdition,
  questionKeys: readonly string[],
  developer: number,
): Record<string, "yes" | "no"> {
  return Object.fromEntries(
    questionKeys.map(
      (key, index) => [key, edition.scores[index]![developer] === 1 ? "yes" : "no"] as const,
    ),
  );
}
