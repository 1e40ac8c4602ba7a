import { describe, it, expect } from "vitest";
import {
  SUPPORTED_METHOD_VERSIONS,
  ScoringInputError,
  scoreAssessment,
  type ScoringAnswers,
  type ScoringOptions,
  type ScoringTemplate,
} from "./index";

// The rules these tests pin hold in every method version.
function optionsFor(methodVersion: string): ScoringOptions {
  return {
    methodVersion,
    euEeaCountries: ["AT", "DE", "FR", "IE", "NL", "NO"],
    adequacyCountries: ["CH", "GB", "JP"],
  };
}

function template(): ScoringTemplate {
  return {
    sections: [
      {
        key: "security",
        weight: 2,
        questions: [
          { key: "security.iso", type: "yes_no", weight: 2, required: true },
          { key: "security.pentest", type: "yes_no", weight: 1, required: true },
          { key: "security.notes", type: "text", weight: 1, required: false },
        ],
      },
      {
        key: "residency",
        weight: 1,
        questions: [
          { key: "residency.storage", type: "countries", weight: 1, required: true },
          {
            key: "residency.safeguards",
            type: "single_choice",
            weight: 1,
            required: true,
            options: [
              { value: "none_needed", points: 1 },
              { value: "scc", points: 0.7 },
              { value: "none", points: 0 },
            ],
            knockOut: { when: ["none"], label: "Third-country transfer without safeguards" },
          },
        ],
      },
      {
        key: "monitoring",
        weight: 1,
        questions: [
          {
            key: "monitoring.notify_hours",
            type: "number",
            weight: 1,
            required: false,
            thresholds: {
              kind: "steps",
              steps: [
                { min: 0, points: 1 },
                { min: 25, points: 0.5 },
                { min: 73, points: 0 },
              ],
            },
          },
          {
            key: "monitoring.features",
            type: "multi_choice",
            weight: 1,
            required: false,
            options: [
              { value: "siem", points: 0.6 },
              { value: "soc", points: 0.6 },
              { value: "none", points: 0, exclusive: true },
            ],
          },
        ],
      },
    ],
  };
}

const goodAnswers: ScoringAnswers = {
  "security.iso": "yes",
  "security.pentest": "partial",
  "security.notes": "annual pentest by an external firm",
  "residency.storage": ["DE", "FR"],
  "residency.safeguards": "none_needed",
  "monitoring.notify_hours": 24,
  "monitoring.features": ["siem", "soc"],
};

describe.each(SUPPORTED_METHOD_VERSIONS)("scoreAssessment, method %s", (methodVersion) => {
  const options = optionsFor(methodVersion);

  it("computes section and overall scores as weighted means", () => {
    const result = scoreAssessment({ template: template(), answers: goodAnswers, options });
    // security: (2·1 + 1·0.5) / 3 = 83.33; residency 100; monitoring 100
    expect(result.sections.map((section) => [section.key, section.score])).toEqual([
      ["security", 83.33],
      ["residency", 100],
      ["monitoring", 100],
    ]);
    // overall: (2·83.333 + 100 + 100) / 4 = 91.67
    expect(result.overall).toBe(91.67);
    expect(result.riskTier).toBe("low");
    expect(result.methodVersion).toBe(methodVersion);
    expect(result.knockOuts).toEqual([]);
  });

  it("explains each question and its contribution to the overall score", () => {
    const result = scoreAssessment({ template: template(), answers: goodAnswers, options });
    const pentest = result.questions.find((question) => question.key === "security.pentest");
    expect(pentest).toEqual({
      key: "security.pentest",
      sectionKey: "security",
      points: 0.5,
      status: "scored",
      reason: "answer 'partial' → 0.5",
      weight: 1,
      // section share 50 points, question share 1/3 of it, half earned
      contributionToOverall: 8.33,
      maxContributionToOverall: 16.67,
    });
    const notes = result.questions.find((question) => question.key === "security.notes");
    expect(notes).toMatchObject({ status: "unscored", points: null, contributionToOverall: 0 });
    const total = result.questions.reduce(
      (sum, question) => sum + question.contributionToOverall,
      0,
    );
    expect(Math.abs(total - (result.overall ?? 0))).toBeLessThan(0.05);
  });

  it("does not let unanswered questions inflate the score", () => {
    const answers = { ...goodAnswers };
    delete answers["security.pentest"];
    const result = scoreAssessment({ template: template(), answers, options });
    // security: 2·1 / 3 = 66.67 — the missing answer counts as 0
    expect(result.sections[0]?.score).toBe(66.67);
    expect(result.questions.find((question) => question.key === "security.pentest")).toMatchObject({
      status: "unanswered",
      points: null,
      reason: "no answer → 0",
    });
  });

  it("takes n/a questions out of the denominator", () => {
    const result = scoreAssessment({
      template: template(),
      answers: { ...goodAnswers, "security.pentest": "na" },
      options,
    });
    expect(result.sections[0]).toMatchObject({
      key: "security",
      score: 100,
      applicableCount: 2,
      answeredCount: 2,
    });
  });

  it("gives a null section score when everything in it is n/a, and leaves it out of the overall", () => {
    const result = scoreAssessment({
      template: template(),
      answers: { ...goodAnswers, "security.iso": "na", "security.pentest": "na" },
      options,
    });
    expect(result.sections[0]?.score).toBeNull();
    expect(result.overall).toBe(100);
  });

  it("counts unknown as 0 like no, but reports it separately", () => {
    const unknown = scoreAssessment({
      template: template(),
      answers: { ...goodAnswers, "security.iso": "unknown" },
      options,
    });
    const no = scoreAssessment({
      template: template(),
      answers: { ...goodAnswers, "security.iso": "no" },
      options,
    });
    expect(unknown.sections[0]?.score).toBe(no.sections[0]?.score);
    expect(unknown.sections[0]?.unknownCount).toBe(1);
    expect(no.sections[0]?.unknownCount).toBe(0);
    expect(unknown.questions[0]?.status).toBe("unknown");
    expect(no.questions[0]?.status).toBe("scored");
    expect(unknown.sections[0]?.answeredCount).toBe(3);
  });

  it("reports unanswered required questions in completeness", () => {
    const result = scoreAssessment({
      template: template(),
      answers: { "security.iso": "yes", "residency.storage": ["DE"], "monitoring.notify_hours": 4 },
      options,
    });
    expect(result.completeness).toEqual({
      required: 4,
      answeredRequired: 2,
      ratio: 0.5,
      missingRequired: ["security.pentest", "residency.safeguards"],
    });
  });

  it("counts unknown and n/a as answered for completeness", () => {
    const result = scoreAssessment({
      template: template(),
      answers: { ...goodAnswers, "security.iso": "unknown", "security.pentest": "na" },
      options,
    });
    expect(result.completeness).toMatchObject({
      required: 4,
      answeredRequired: 4,
      ratio: 1,
      missingRequired: [],
    });
  });

  it("caps the tier at high when a knock-out fires, whatever the average", () => {
    const result = scoreAssessment({
      template: template(),
      answers: { ...goodAnswers, "security.pentest": "yes", "residency.safeguards": "none" },
      options,
    });
    expect(result.overall).toBe(87.5);
    expect(result.riskTier).toBe("high");
    expect(result.knockOuts).toEqual([
      { questionKey: "residency.safeguards", label: "Third-country transfer without safeguards" },
    ]);
  });

  it("keeps a critical tier critical with a knock-out", () => {
    const result = scoreAssessment({
      template: template(),
      answers: { "residency.safeguards": "none" },
      options,
    });
    expect(result.riskTier).toBe("critical");
    expect(result.knockOuts).toHaveLength(1);
  });

  it("applies custom tier thresholds", () => {
    const result = scoreAssessment({
      template: template(),
      answers: goodAnswers,
      options: { ...options, tierThresholds: { low: 95, medium: 90, high: 50 } },
    });
    expect(result.riskTier).toBe("medium");
  });

  it("does not change any score when all weights are rescaled by a constant", () => {
    const answerSets: ScoringAnswers[] = [
      goodAnswers,
      {
        ...goodAnswers,
        "security.iso": "partial",
        "residency.storage": ["US"],
        "monitoring.notify_hours": 30,
      },
      { "security.iso": "no", "residency.safeguards": "scc", "monitoring.features": ["siem"] },
    ];
    for (const factor of [0.001, 0.3, 3, 7, 1000]) {
      const scaled = template();
      for (const section of scaled.sections) {
        section.weight *= factor;
        for (const question of section.questions) question.weight *= factor;
      }
      for (const answers of answerSets) {
        const base = scoreAssessment({ template: template(), answers, options });
        const other = scoreAssessment({ template: scaled, answers, options });
        expect(other.overall).toBe(base.overall);
        expect(other.riskTier).toBe(base.riskTier);
        expect(other.sections.map((section) => section.score)).toEqual(
          base.sections.map((section) => section.score),
        );
        expect(
          other.questions.map((question) => [question.points, question.contributionToOverall]),
        ).toEqual(
          base.questions.map((question) => [question.points, question.contributionToOverall]),
        );
      }
    }
  });

  it("gives a null section score when all its weights are 0", () => {
    const zero = template();
    for (const question of zero.sections[0]?.questions ?? []) question.weight = 0;
    const result = scoreAssessment({ template: zero, answers: goodAnswers, options });
    expect(result.sections[0]?.score).toBeNull();
    expect(result.overall).toBe(100);
  });

  it("gives a null overall and tier when no section scores", () => {
    const result = scoreAssessment({ template: { sections: [] }, answers: {}, options });
    expect(result).toMatchObject({
      overall: null,
      riskTier: null,
      sections: [],
      questions: [],
      knockOuts: [],
    });
    expect(result.completeness).toEqual({
      required: 0,
      answeredRequired: 0,
      ratio: 1,
      missingRequired: [],
    });
  });

  it("is deterministic: the same input gives byte-identical JSON", () => {
    const input = { template: template(), answers: goodAnswers, options };
    const first = JSON.stringify(scoreAssessment(input));
    const second = JSON.stringify(scoreAssessment(input));
    expect(second).toBe(first);
    const reordered = JSON.stringify(
      scoreAssessment({
        template: template(),
        answers: Object.fromEntries(Object.entries(goodAnswers).reverse()),
        options: { ...options, euEeaCountries: [...options.euEeaCountries].reverse() },
      }),
    );
    expect(reordered).toBe(first);
  });

  it("never throws on malformed answers and counts them as unanswered", () => {
    const malformed: unknown[] = [
      {
        "security.iso": 42,
        "residency.storage": "DE",
        "monitoring.features": [{}],
        "monitoring.notify_hours": "24",
      },
      { "security.iso": { nested: true }, "residency.safeguards": ["scc"], "security.notes": 5 },
      { "residency.storage": [null, "XX"], "monitoring.notify_hours": Number.NaN },
      null,
      "not an object",
      [],
      { __proto__: { "security.iso": "yes" } },
    ];
    for (const answers of malformed) {
      const result = scoreAssessment({
        template: template(),
        answers: answers as ScoringAnswers,
        options,
      });
      expect(
        result.questions.every(
          (question) => question.status !== "scored" || question.points !== null,
        ),
      ).toBe(true);
    }
    const result = scoreAssessment({
      template: template(),
      answers: malformed[0] as ScoringAnswers,
      options,
    });
    const iso = result.questions.find((question) => question.key === "security.iso");
    expect(iso?.status).toBe("unanswered");
    expect(iso?.reason).toMatch(/^invalid answer/);
    const inherited = scoreAssessment({
      template: template(),
      answers: malformed[6] as ScoringAnswers,
      options,
    });
    expect(inherited.questions[0]?.status).toBe("unanswered");
  });

  it("rejects negative or NaN weights with a ScoringInputError", () => {
    const negative = template();
    negative.sections[1]!.weight = -1;
    expect(() => scoreAssessment({ template: negative, answers: {}, options })).toThrow(
      ScoringInputError,
    );
    const nan = template();
    nan.sections[0]!.questions[0]!.weight = Number.NaN;
    expect(() => scoreAssessment({ template: nan, answers: {}, options })).toThrow(
      /weight must be a finite number/,
    );
  });

  it("rejects broken templates and options with a ScoringInputError", () => {
    const duplicate = template();
    duplicate.sections[1]!.questions.push({
      key: "security.iso",
      type: "yes_no",
      weight: 1,
      required: false,
    });
    expect(() => scoreAssessment({ template: duplicate, answers: {}, options })).toThrow(
      /duplicate question key/,
    );

    const badPoints = template();
    badPoints.sections[1]!.questions[1]!.options![0]!.points = 1.5;
    expect(() => scoreAssessment({ template: badPoints, answers: {}, options })).toThrow(
      ScoringInputError,
    );

    const dateWithoutAsOf = template();
    dateWithoutAsOf.sections[0]!.questions.push({
      key: "security.last_test",
      type: "date",
      weight: 1,
      required: false,
      thresholds: { kind: "linear", min: 0, max: 365, higherIsBetter: false },
    });
    expect(() => scoreAssessment({ template: dateWithoutAsOf, answers: {}, options })).toThrow(
      /asOf/,
    );
    expect(() =>
      scoreAssessment({
        template: dateWithoutAsOf,
        answers: {},
        options: { ...options, asOf: "2025-06-30" },
      }),
    ).not.toThrow();

    expect(() =>
      scoreAssessment({
        template: template(),
        answers: {},
        options: { ...options, methodVersion: "0.9.0" },
      }),
    ).toThrow(/unsupported scoring method version/);
  });
});

describe("method 1.0.0 options", () => {
  const base: ScoringOptions = {
    methodVersion: "1.0.0",
    euEeaCountries: ["DE"],
    adequacyCountries: ["CH"],
  };

  it.each([
    [{ asOf: "2025-02-30" }, /options\.asOf must be a date YYYY-MM-DD, got 2025-02-30/],
    [{ asOf: 20250101 }, /options\.asOf must be a date/],
    [{ euEeaCountries: "DE" }, /options\.euEeaCountries must be a list of ISO country codes/],
    [{ adequacyCountries: [1] }, /options\.adequacyCountries must be a list/],
    [{ adequacyCountries: undefined }, /options\.adequacyCountries must be a list/],
  ])("rejects %j", (override, message) => {
    expect(() =>
      scoreAssessment({
        template: template(),
        answers: {},
        options: { ...base, ...override } as ScoringOptions,
      }),
    ).toThrow(message);
  });
});
