import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeScore } from "../assessments/compute-score";
import { questionsOf } from "../questionnaires/template-definition";
import { computeFmtiTotals } from "./fmti-totals";
import {
  buildFmtiTemplate,
  FMTI_ATTRIBUTION,
  fmtiAnswers,
  FmtiTemplateError,
  slugify,
} from "./fmti-template";
import { readFmtiEdition, type FmtiEdition } from "./read-fmti-edition";

const MAY_2024 = path.resolve(import.meta.dirname, "../../../../shared/data/fmti/May2024");

function tinyEdition(domains: string[]): FmtiEdition {
  return {
    developers: ["A", "B"],
    indicators: domains.map((domain, i) => ({
      domain,
      subdomain: "Sub",
      name: `Indicator ${i + 1}`,
    })),
    scores: domains.map((_, i) => [i % 2, 1]),
    notices: [],
    files: { matrix: "m.csv", indicators: null },
  };
}

describe("buildFmtiTemplate", () => {
  it("turns the May 2024 edition into one yes/no question per indicator, sections by domain", async () => {
    const edition = await readFmtiEdition(MAY_2024);
    const { definition, questionKeys } = buildFmtiTemplate(edition, "May2024");
    expect(definition.key).toBe("fmti-transparency");
    expect(
      definition.sections.map((s) => [s.key, s.title.en, s.weight, s.questions.length]),
    ).toEqual([
      ["upstream", "Upstream", 32, 32],
      ["model", "Model", 33, 33],
      ["downstream", "Downstream", 35, 35],
    ]);
    const questions = questionsOf(definition);
    expect(questions).toHaveLength(100);
    expect(questionKeys).toEqual(questions.map((q) => q.key));
    expect(questionKeys.slice(0, 2)).toEqual(["fmti.upstream.1", "fmti.upstream.2"]);
    expect(questionKeys[32]).toBe("fmti.model.1");
    expect(questionKeys[99]).toBe("fmti.downstream.35");

    const first = questions[0]!;
    expect(first).toMatchObject({
      type: "yes_no",
      required: true,
      weight: 1,
      tags: ["transparency"],
      label: { en: "Data size", de: "FMTI: Data size" },
      help: {
        en: "For the data used in building the model, is the data size disclosed?",
        de: "For the data used in building the model, is the data size disclosed?",
      },
      indicator: { domain: "Upstream", subdomain: "Data", awardWhen: ["yes"] },
    });
    // Names follow the indicator list where the two files differ ("Copyrighted data" vs "Data copyright status").
    expect(questions[7]!.label.en).toBe("Copyrighted data");
    for (const locale of ["en", "de"] as const) {
      expect(definition.description?.[locale]).toContain(FMTI_ATTRIBUTION);
      expect(definition.description?.[locale]).toContain("CC BY 4.0");
      expect(definition.description?.[locale]).toContain("May2024");
    }
  });

  it("gives assessments whose overall score is the share of indicators satisfied and whose yes answers are the FMTI total", async () => {
    const edition = await readFmtiEdition(MAY_2024);
    const { definition, questionKeys } = buildFmtiTemplate(edition, "May2024");
    computeFmtiTotals(edition).forEach((entry, column) => {
      const score = computeScore(
        definition,
        fmtiAnswers(edition, questionKeys, column),
        "2026-01-01",
      );
      expect(score.overall, entry.developer).toBe(entry.total);
      expect(score.questions.filter((q) => q.points === 1)).toHaveLength(entry.total);
      // Scoring methods that count transparency indicators report the same FMTI total.
      if (score.transparency)
        expect(score.transparency.satisfied, entry.developer).toBe(entry.total);
      expect(score.completeness.missingRequired).toEqual([]);
      expect(score.knockOuts).toEqual([]);
    });
  });

  it("keeps section keys unique and valid for any domain name", () => {
    const { definition } = buildFmtiTemplate(
      tinyEdition(["Model", "model", "Über Daten", "???"]),
      "Test",
    );
    expect(definition.sections.map((s) => s.key)).toEqual([
      "model",
      "model-2",
      "uber-daten",
      "domain",
    ]);
    expect(questionsOf(definition).map((q) => q.key)).toEqual([
      "fmti.model.1",
      "fmti.model-2.1",
      "fmti.uber-daten.1",
      "fmti.domain.1",
    ]);
    expect(slugify("Data Mitigations")).toBe("data-mitigations");
  });

  it("reports an edition the template schema cannot hold", () => {
    expect(() => buildFmtiTemplate(tinyEdition(["D".repeat(81)]), "Test")).toThrow(
      FmtiTemplateError,
    );
    expect(() => buildFmtiTemplate(tinyEdition(["D".repeat(81)]), "Test")).toThrow(
      /sections\[0\]\.questions\[0\]\.indicator\.domain/,
    );
  });
});
