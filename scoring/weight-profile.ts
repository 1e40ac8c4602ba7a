// Weight profiles: an organisation's overrides of section and question weights (e.g. a "health
// data" profile that weighs residency heavily). Weights are relative: scoring divides every weight
// by the sum of the applicable weights on its level, so multiplying all of them by a constant never
// changes a score. Pure.

import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./sha256";
import {
  ScoringInputError,
  type ScoringTemplate,
  type WeightProfile,
  type WeightProfileError,
  type WeightProfileRef,
} from "./types";
import { isRecord } from "./validate-template";

function weightEntries(
  value: unknown,
  field: "sectionWeights" | "questionWeights",
  errors: WeightProfileError[],
): Array<[string, number]> {
  if (value === undefined) return [];
  if (!isRecord(value)) {
    errors.push({ path: field, message: `${field} must be an object of key → weight` });
    return [];
  }
  const entries: Array<[string, number]> = [];
  for (const key of Object.keys(value).sort()) {
    const weight = value[key];
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      errors.push({
        path: `${field}.${key}`,
        message: `weight must be a finite number ≥ 0, got ${String(weight)}`,
      });
      continue;
    }
    entries.push([key, weight]);
  }
  return entries;
}

/**
 * Checks a profile against a template: id and name present; weights finite and ≥ 0; keys that name
 * no section/question of the template; and that the profile does not make every section weight, or
 * every question weight of a section it touches, zero. Returns [] when the profile is valid.
 */
export function validateWeightProfile(
  profile: WeightProfile,
  template: ScoringTemplate,
): WeightProfileError[] {
  const errors: WeightProfileError[] = [];
  if (!isRecord(profile)) return [{ path: "", message: "a weight profile must be an object" }];
  if (typeof profile.id !== "string" || profile.id.trim() === "") {
    errors.push({ path: "id", message: "id must be a non-empty string" });
  }
  if (typeof profile.name !== "string" || profile.name.trim() === "") {
    errors.push({ path: "name", message: "name must be a non-empty string" });
  }
  const sectionWeights = new Map(weightEntries(profile.sectionWeights, "sectionWeights", errors));
  const questionWeights = new Map(
    weightEntries(profile.questionWeights, "questionWeights", errors),
  );

  const sectionKeys = new Set(template.sections.map((section) => section.key));
  const questionSection = new Map<string, string>();
  for (const section of template.sections) {
    for (const question of section.questions) questionSection.set(question.key, section.key);
  }
  for (const key of sectionWeights.keys()) {
    if (!sectionKeys.has(key)) {
      errors.push({ path: `sectionWeights.${key}`, message: `unknown section key '${key}'` });
    }
  }
  for (const key of questionWeights.keys()) {
    if (!questionSection.has(key)) {
      errors.push({ path: `questionWeights.${key}`, message: `unknown question key '${key}'` });
    }
  }

  if (sectionWeights.size > 0 && template.sections.length > 0) {
    const allZero = template.sections.every(
      (section) => (sectionWeights.get(section.key) ?? section.weight) === 0,
    );
    if (allZero) {
      errors.push({
        path: "sectionWeights",
        message: "with this profile every section weight is 0, so nothing can score",
      });
    }
  }
  for (const section of template.sections) {
    const touched = section.questions.some((question) => questionWeights.has(question.key));
    if (!touched) continue;
    const allZero = section.questions.every(
      (question) => (questionWeights.get(question.key) ?? question.weight) === 0,
    );
    if (allZero) {
      errors.push({
        path: "questionWeights",
        message: `with this profile every question weight of section '${section.key}' is 0`,
      });
    }
  }
  return errors;
}

/** A new template with the profile's weights in place of the template's. Throws ScoringInputError when invalid. */
export function applyWeightProfile(
  template: ScoringTemplate,
  profile: WeightProfile,
): ScoringTemplate {
  const errors = validateWeightProfile(profile, template);
  if (errors.length > 0) {
    const id = isRecord(profile) && typeof profile.id === "string" ? profile.id : "?";
    throw new ScoringInputError(
      `weight profile '${id}': ${errors.map((error) => `${error.path}: ${error.message}`).join("; ")}`,
    );
  }
  const sectionWeights = profile.sectionWeights ?? {};
  const questionWeights = profile.questionWeights ?? {};
  const has = (record: Record<string, number>, key: string) =>
    Object.prototype.hasOwnProperty.call(record, key);
  return {
    ...template,
    sections: template.sections.map((section) => ({
      ...section,
      weight: has(sectionWeights, section.key) ? sectionWeights[section.key]! : section.weight,
      questions: section.questions.map((question) =>
        has(questionWeights, question.key)
          ? { ...question, weight: questionWeights[question.key]! }
          : question,
      ),
    })),
  };
}

/** "sha256:<hex>" of the canonical JSON of the profile's id, name and weights. */
export function weightProfileChecksum(profile: WeightProfile): string {
  return `sha256:${sha256Hex(
    canonicalJson({
      id: profile.id,
      name: profile.name,
      sectionWeights: profile.sectionWeights ?? {},
      questionWeights: profile.questionWeights ?? {},
    }),
  )}`;
}

/** What a result records about the profile it was computed with. */
export function weightProfileRef(profile: WeightProfile): WeightProfileRef {
  return { id: profile.id, checksum: weightProfileChecksum(profile) };
}
