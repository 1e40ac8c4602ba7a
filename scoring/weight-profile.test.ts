import { describe, expect, it } from "vitest";
import { sampleTemplate } from "./fixtures/sample-template";
import { ScoringInputError, type WeightProfile } from "./types";
import {
  applyWeightProfile,
  validateWeightProfile,
  weightProfileChecksum,
  weightProfileRef,
} from "./weight-profile";

const health: WeightProfile = {
  id: "health",
  name: "Health data",
  sectionWeights: { residency: 6, security: 3 },
  questionWeights: { "residency.storage": 4 },
};

describe("validateWeightProfile", () => {
  it("accepts a valid profile", () => {
    expect(validateWeightProfile(health, sampleTemplate())).toEqual([]);
    expect(validateWeightProfile({ id: "empty", name: "No overrides" }, sampleTemplate())).toEqual(
      [],
    );
  });

  it.each([
    [{ ...health, id: "" }, [{ path: "id", message: "id must be a non-empty string" }]],
    [{ ...health, name: 3 }, [{ path: "name", message: "name must be a non-empty string" }]],
    [
      { ...health, sectionWeights: { residency: -1 } },
      [{ path: "sectionWeights.residency", message: "weight must be a finite number ≥ 0, got -1" }],
    ],
    [
      { ...health, sectionWeights: { residency: Number.NaN } },
      [
        {
          path: "sectionWeights.residency",
          message: "weight must be a finite number ≥ 0, got NaN",
        },
      ],
    ],
    [
      { ...health, questionWeights: { "residency.storage": Number.POSITIVE_INFINITY } },
      [
        {
          path: "questionWeights.residency.storage",
          message: "weight must be a finite number ≥ 0, got Infinity",
        },
      ],
    ],
    [
      { ...health, questionWeights: { "residency.storage": "2" } },
      [
        {
          path: "questionWeights.residency.storage",
          message: "weight must be a finite number ≥ 0, got 2",
        },
      ],
    ],
    [
      { ...health, sectionWeights: [] },
      [{ path: "sectionWeights", message: "sectionWeights must be an object of key → weight" }],
    ],
    [
      { ...health, sectionWeights: { finance: 2 } },
      [{ path: "sectionWeights.finance", message: "unknown section key 'finance'" }],
    ],
    [
      { ...health, questionWeights: { "security.typo": 2 } },
      [{ path: "questionWeights.security.typo", message: "unknown question key 'security.typo'" }],
    ],
    [
      { ...health, sectionWeights: { security: 0, residency: 0, data_use: 0, access: 0 } },
      [
        {
          path: "sectionWeights",
          message: "with this profile every section weight is 0, so nothing can score",
        },
      ],
    ],
    [
      { ...health, questionWeights: { "data_use.training": 0, "data_use.retention_days": 0 } },
      [
        {
          path: "questionWeights",
          message: "with this profile every question weight of section 'data_use' is 0",
        },
      ],
    ],
  ])("reports problems with paths (%#)", (profile, errors) => {
    expect(validateWeightProfile(profile as WeightProfile, sampleTemplate())).toEqual(errors);
  });

  it("accepts zero weights that leave something to score", () => {
    expect(
      validateWeightProfile(
        {
          id: "x",
          name: "x",
          sectionWeights: { access: 0 },
          questionWeights: { "data_use.retention_days": 0 },
        },
        sampleTemplate(),
      ),
    ).toEqual([]);
  });

  it("reports every problem at once, and rejects non-objects", () => {
    const errors = validateWeightProfile(
      { id: "", name: "", sectionWeights: { x: -1 }, questionWeights: { y: 1 } } as WeightProfile,
      sampleTemplate(),
    );
    expect(errors.map((error) => error.path)).toEqual([
      "id",
      "name",
      "sectionWeights.x",
      "questionWeights.y",
    ]);
    expect(validateWeightProfile(null as unknown as WeightProfile, sampleTemplate())).toEqual([
      { path: "", message: "a weight profile must be an object" },
    ]);
  });
});

describe("applyWeightProfile", () => {
  it("overrides the listed weights and keeps the others", () => {
    const template = sampleTemplate();
    const weighted = applyWeightProfile(template, health);
    expect(weighted.sections.map((section) => [section.key, section.weight])).toEqual([
      ["security", 3],
      ["residency", 6],
      ["data_use", 2],
      ["access", 1],
    ]);
    expect(weighted.sections[1]!.questions.map((question) => question.weight)).toEqual([4, 1, 1]);
    // The input is not changed.
    expect(template.sections[1]!.weight).toBe(2);
    expect(template.sections[1]!.questions[0]!.weight).toBe(2);
  });

  it("applies question weights alone", () => {
    const weighted = applyWeightProfile(sampleTemplate(), {
      id: "q",
      name: "Q",
      questionWeights: { "access.admin_mfa": 5 },
    });
    expect(weighted.sections.map((section) => section.weight)).toEqual([3, 2, 2, 1]);
    expect(weighted.sections[3]!.questions[0]!.weight).toBe(5);
  });

  it("throws a ScoringInputError listing every problem", () => {
    expect(() =>
      applyWeightProfile(sampleTemplate(), { ...health, sectionWeights: { finance: -1 } }),
    ).toThrow(ScoringInputError);
    expect(() =>
      applyWeightProfile(sampleTemplate(), { ...health, sectionWeights: { finance: -1 } }),
    ).toThrow(
      "weight profile 'health': sectionWeights.finance: weight must be a finite number ≥ 0, got -1",
    );
    expect(() => applyWeightProfile(sampleTemplate(), 5 as unknown as WeightProfile)).toThrow(
      /weight profile '\?'/,
    );
  });
});

describe("weightProfileChecksum", () => {
  it("is a SHA-256 of the canonical profile: stable and independent of key order", () => {
    const checksum = weightProfileChecksum(health);
    expect(checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    const reordered: WeightProfile = {
      questionWeights: { "residency.storage": 4 },
      sectionWeights: { security: 3, residency: 6 },
      name: "Health data",
      id: "health",
    };
    expect(weightProfileChecksum(reordered)).toBe(checksum);
    expect(
      weightProfileChecksum({ ...health, sectionWeights: { residency: 6, security: 3.5 } }),
    ).not.toBe(checksum);
    expect(weightProfileChecksum({ id: "a", name: "A" })).toBe(
      weightProfileChecksum({ id: "a", name: "A", sectionWeights: {}, questionWeights: {} }),
    );
    expect(weightProfileRef(health)).toEqual({ id: "health", checksum });
  });

  it("pins the checksum format (stored with results)", () => {
    // sha256 of {"id":"a","name":"A","questionWeights":{},"sectionWeights":{"s":2}}
    expect(weightProfileChecksum({ id: "a", name: "A", sectionWeights: { s: 2 } })).toBe(
      "sha256:3b1dd8f0ebfbab8e4f2d4798c8f8182ccf3bb99347d5be5d05b99cae809aa4d9",
    );
  });
});
