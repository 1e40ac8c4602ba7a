// The prepared-template cache of computeScore (issue 12, item 4): a cached score is the very
// result of the uncached computation (explanations included), entries are told apart by
// everything a prepared template depends on, and the cache stays within its bound.

import { knockOutDaysOn } from "../questionnaires/knock-out-days";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  SCORING_METHOD_VERSION,
  scoreAssessment,
  type PreparedTemplate,
  type ScoringResult,
  type WeightProfile,
} from "../../../scoring";
import { seededRandom } from "../../../scoring/fixtures/generated-cases";
import { hiddenQuestionKeys } from "../questionnaires/conditions";
import { answersForScoring } from "../questionnaires/scoring-answers";
import {
  parseTemplateDefinition,
  questionsOf,
  type TemplateDefinition,
  toScoringTemplate,
  type TemplateQuestion,
} from "../questionnaires/template-definition";
import {
  computeScore,
  methodVersionToRecompute,
  preparedTemplateKey,
  profileForTemplate,
  residencyReferenceData,
} from "./compute-score";
import { residencyFlowDefaults, residencyFlowsFromAnswers } from "./residency-flows";
import { PreparedTemplateCache } from "./prepared-template-cache.server";

function bundled(name: string): TemplateDefinition {
  const file = fileURLToPath(
    new URL(`../../reference-data/templates/${name}.json`, import.meta.url),
  );
  const parsed = parseTemplateDefinition(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.errors[0]?.path}`);
  return parsed.definition;
}

// The due-diligence template has show-if rules, knock-outs, thresholds and residency flows.
const definition = bundled("ai-vendor-due-diligence");
const PROFILE: WeightProfile = {
  id: "p1",
  name: "Residency first",
  sectionWeights: { residency: 5 },
};
const OTHER_PROFILE: WeightProfile = {
  id: "p1",
  name: "Residency first",
  sectionWeights: { residency: 6 },
};

/** A random answer of the question's type, sometimes missing, "unknown", "na" or malformed. */
function randomAnswer(question: TemplateQuestion, random: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const roll = random();
  if (roll < 0.06) return undefined;
  if (roll < 0.09) return "na";
  if (roll < 0.12) return "unknown";
  if (roll < 0.13) return 42;
  const values = (question.options ?? []).map((option) => option.value);
  switch (question.type) {
    case "yes_no":
      return pick(["yes", "partial", "no"]);
    case "single_choice":
      return pick(values);
    case "multi_choice": {
      // An exclusive option ("none") with others is invalid; keep that rare (the 42 above is
      // the malformed case), or a template with many multi-choice questions is never complete.
      const chosen = (question.options ?? []).filter(() => random() < 0.4);
      const combined = chosen.length > 1 ? chosen.filter((option) => !option.exclusive) : chosen;
      return combined.map((option) => option.value);
    }
    case "number":
      return Math.round(random() * 4000) / 10;
    case "date":
      return `202${pick(["3", "4", "5", "6"])}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`;
    case "countries":
      return [
        pick(["DE", "FR", "US", "CH", "IN", "JP"]),
        ...(random() < 0.4 ? [pick(["US", "CA", "GB", "BR"])] : []),
      ];
    case "subprocessors":
      return [
        {
          name: "Sub",
          purpose: "Hosting",
          country: pick(["DE", "US", "GB"]),
          mechanism: pick(["scc", "dpf", "none", "not_needed"]),
        },
      ];
    case "text":
    case "long_text":
      return "Documented at https://vendor.example/trust";
    case "evidence":
      return {
        documentType: question.evidence!.documentTypes[0],
        validUntil: "2027-12-31",
        files: random() < 0.5 ? [] : ["f".repeat(24)],
      };
  }
}

function answerSets(count: number, seed: number): Array<Record<string, unknown>> {
  const random = seededRandom(seed);
  const questions = questionsOf(definition);
  return Array.from({ length: count }, (_, index) => {
    const answers: Record<string, unknown> = {};
    for (const question of questions) {
      const answer = randomAnswer(question, random);
      // Every other set answers every question ("unknown" counts as an answer): complete sets.
      if (answer !== undefined) answers[question.key] = answer;
      else if (index % 2 === 1) answers[question.key] = "unknown";
    }
    return answers;
  });
}

/**
 * The score as computeScore made it before the cache: one template per assessment, prepared with
 * its hidden questions marked not required, through the library's simple entry point.
 */
function scoreWithoutCache(
  answers: Record<string, unknown>,
  asOf: string,
  profile: WeightProfile | null,
): ScoringResult {
  const { answers: scoringAnswers, hidden } = answersForScoring(definition, answers);
  const reference = residencyReferenceData(asOf);
  return scoreAssessment({
    template: toScoringTemplate(definition, "en", hidden, knockOutDaysOn(definition, asOf)),
    answers: scoringAnswers,
    options: {
      methodVersion: SCORING_METHOD_VERSION,
      euEeaCountries: reference.euEea,
      adequacyDecisions: reference.adequacy,
      asOf,
      ...(profile ? { weightProfile: profileForTemplate(profile, definition) } : {}),
      residencyFlows: residencyFlowsFromAnswers(definition, answers, hidden),
      countryFlowDefaults: residencyFlowDefaults(definition, answers),
    },
  });
}

/** A cache that counts how often it had to prepare a template. */
function countingCache(maxEntries?: number) {
  const cache = new PreparedTemplateCache(maxEntries);
  const counter = { builds: 0 };
  return {
    cache,
    counter,
    lookup: {
      get: (key: string, build: () => PreparedTemplate) =>
        cache.get(key, () => {
          counter.builds += 1;
          return build();
        }),
    },
  };
}

describe("prepared-template cache of computeScore", () => {
  it("gives byte for byte the uncached result, explanations included, on cache hits and misses", () => {
    const { lookup, counter } = countingCache();
    const sets = answerSets(120, 0x12_4);
    const hiddenSets = new Set(
      sets.map((answers) => [...hiddenQuestionKeys(definition.sections, answers)].sort().join(",")),
    );
    // The generated answers must reach several show-if outcomes, or the key's hidden part is untested.
    expect(hiddenSets.size).toBeGreaterThan(3);
    let incomplete = 0;
    for (const [index, answers] of sets.entries()) {
      const asOf = index % 3 === 0 ? "2020-06-30" : "2026-11-26";
      const weightProfile = index % 2 === 0 ? PROFILE : null;
      const expected = JSON.stringify(scoreWithoutCache(answers, asOf, weightProfile));
      expect(JSON.stringify(computeScore(definition, answers, asOf, { weightProfile }))).toBe(
        expected,
      );
      const cached = computeScore(definition, answers, asOf, {
        weightProfile,
        preparedTemplates: { templateVersionId: "version-1", cache: lookup },
      });
      expect(JSON.stringify(cached)).toBe(expected);
      if (cached.completeness.missingRequired.length > 0) incomplete += 1;
    }
    // Completeness (where hidden questions matter) is exercised both ways.
    expect(incomplete).toBeGreaterThan(0);
    expect(incomplete).toBeLessThan(sets.length);
    // Prepared once per (profile, date): every show-if outcome shares the prepared template.
    expect(counter.builds).toBe(4);
  });

  it("keys the prepared template by version, weight profile and reference date, not by show-if outcome", () => {
    const answers = answerSets(1, 7)[0]!;
    const base = preparedTemplateKey("version-1", "2026-11-26", PROFILE);
    const variants = [
      preparedTemplateKey("version-2", "2026-11-26", PROFILE),
      preparedTemplateKey("version-1", "2026-11-27", PROFILE),
      preparedTemplateKey("version-1", "2026-11-26", OTHER_PROFILE),
      preparedTemplateKey("version-1", "2026-11-26", { ...PROFILE, id: "p2" }),
      preparedTemplateKey("version-1", "2026-11-26", { ...PROFILE, name: "Other name" }),
      preparedTemplateKey("version-1", "2026-11-26", undefined),
      // Method 1.2.0: the method and the resolved days of dated knock-outs are part of the key,
      // so a catalogue that moves a provision's day never serves a stale prepared template.
      preparedTemplateKey("version-1", "2026-11-26", PROFILE, undefined, "1.1.0"),
      preparedTemplateKey("version-1", "2026-11-26", PROFILE, undefined, undefined, {
        "ai.conformity": "2027-12-02",
      }),
      preparedTemplateKey("version-1", "2026-11-26", PROFILE, undefined, undefined, {
        "ai.conformity": "2026-08-02",
      }),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    // The same inputs give the same key, whatever the order of the profile's fields.
    const reordered = {
      sectionWeights: PROFILE.sectionWeights,
      name: PROFILE.name,
      id: PROFILE.id,
    };
    expect(preparedTemplateKey("version-1", "2026-11-26", reordered)).toBe(base);

    // Through computeScore: each of version, profile and date gets its own prepared template.
    const { lookup, counter } = countingCache();
    const score = (versionId: string, asOf: string, weightProfile: WeightProfile | null) =>
      computeScore(definition, answers, asOf, {
        weightProfile,
        preparedTemplates: { templateVersionId: versionId, cache: lookup },
      });
    score("version-1", "2026-11-26", PROFILE);
    score("version-1", "2026-11-26", PROFILE);
    expect(counter.builds).toBe(1);
    score("version-2", "2026-11-26", PROFILE);
    score("version-1", "2026-11-27", PROFILE);
    score("version-1", "2026-11-26", OTHER_PROFILE);
    score("version-1", "2026-11-26", null);
    expect(counter.builds).toBe(5);
    // A different profile really scores differently (the residency section weighs more).
    const plain = score("version-1", "2026-11-26", null);
    const weighted = score("version-1", "2026-11-26", PROFILE);
    expect(weighted.sections.find((s) => s.key === "residency")!.weight).toBe(5);
    expect(plain.sections.find((s) => s.key === "residency")!.weight).not.toBe(5);
    expect(counter.builds).toBe(5);
  });

  it("keeps at most maxEntries prepared templates and drops the least recently used first", () => {
    const { cache, lookup, counter } = countingCache(3);
    const answers = answerSets(1, 9)[0]!;
    const score = (day: number) =>
      computeScore(definition, answers, `2026-11-${String(day).padStart(2, "0")}`, {
        preparedTemplates: { templateVersionId: "version-1", cache: lookup },
      });
    for (let day = 1; day <= 10; day++) {
      score(day);
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    expect(counter.builds).toBe(10);
    expect(cache.size).toBe(3);
    // Days 8, 9 and 10 are kept; reading 8 makes 9 the least recently used, so 11 drops 9.
    score(8);
    expect(counter.builds).toBe(10);
    score(11);
    score(8);
    score(10);
    expect(counter.builds).toBe(11);
    score(9);
    expect(counter.builds).toBe(12);
    expect(() => new PreparedTemplateCache(0)).toThrow(RangeError);
  });

  it("recomputes a stored score with its own method, never with a cached template of another", () => {
    const answers = answerSets(1, 11)[0]!;
    const { lookup, counter } = countingCache();
    const score = (methodVersion: string) =>
      computeScore(definition, answers, "2026-11-26", {
        methodVersion,
        preparedTemplates: { templateVersionId: "version-1", cache: lookup },
      });
    const current = score(SCORING_METHOD_VERSION);
    const stored = JSON.stringify(
      computeScore(definition, answers, "2026-11-26", { methodVersion: "1.1.0" }),
    );
    const recomputed = score(
      methodVersionToRecompute(JSON.parse(stored) as { methodVersion: string }),
    );
    expect(current.methodVersion).toBe("1.2.0");
    expect(JSON.stringify(recomputed)).toBe(stored);
    expect(counter.builds).toBe(2);
    // 1.0.0 results cannot be prepared: they are recomputed with the current method.
    expect(methodVersionToRecompute({ methodVersion: "1.0.0" })).toBe(SCORING_METHOD_VERSION);
    expect(methodVersionToRecompute({ methodVersion: "1.2.0" })).toBe("1.2.0");
  });

  it("does not keep a template that fails to prepare", () => {
    const cache = new PreparedTemplateCache(2);
    expect(() =>
      cache.get("broken", () => {
        throw new Error("invalid template");
      }),
    ).toThrow("invalid template");
    expect(cache.size).toBe(0);
  });
});
