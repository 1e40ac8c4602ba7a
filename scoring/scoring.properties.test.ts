// Property tests (fast-check) over random templates and answers: the invariants the scoring
// method promises, for methods 1.1.0 and 1.2.0 (and the ones 1.0.0 already kept), and the
// promises of 1.2.0's own rules (dated knock-outs, notApplicable options, dates after asOf).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ADEQUACY_DECISIONS, EU_EEA } from "./fixtures/sample-template";
import {
  scoreAssessment,
  type QuestionType,
  type ScoringAnswers,
  type ScoringOptions,
  type ScoringQuestion,
  type ScoringResult,
  type ScoringTemplate,
} from "./index";

const OPTIONS: ScoringOptions = {
  methodVersion: "1.1.0",
  euEeaCountries: EU_EEA,
  adequacyDecisions: ADEQUACY_DECISIONS,
  asOf: "2025-06-30",
};
const OPTIONS_1_0: ScoringOptions = {
  methodVersion: "1.0.0",
  euEeaCountries: EU_EEA,
  adequacyCountries: ["CH", "JP", "GB"],
  asOf: "2025-06-30",
};
const OPTIONS_1_2: ScoringOptions = { ...OPTIONS, methodVersion: "1.2.0" };
const RUNS = { numRuns: 150 };

const COUNTRIES = ["DE", "FR", "NO", "CH", "JP", "GB", "US", "CA", "BR", "CN", "IN"];
// Weights are 0 or at least 0.001, so scaling them by 0.001…1000 cannot underflow to 0 (a
// subnormal weight times 0.001 is 0: a different template, not a scoring property).
const weight = fc.oneof(
  fc.constantFrom(0, 0.5, 1, 2, 3),
  fc.double({ min: 1e-3, max: 10, noNaN: true }),
);
const points = fc.oneof(
  fc.constantFrom(0, 0.25, 0.5, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

function questionArbitrary(key: string): fc.Arbitrary<ScoringQuestion> {
  const base = fc.record({ weight, required: fc.boolean() });
  const type = fc.constantFrom<QuestionType>(
    "yes_no",
    "single_choice",
    "multi_choice",
    "number",
    "date",
    "text",
    "countries",
  );
  return fc
    .tuple(type, base, fc.array(points, { minLength: 2, maxLength: 4 }), fc.boolean(), fc.boolean())
    .map(([questionType, { weight: w, required }, optionPoints, withKnockOut, withIndicator]) => {
      const question: ScoringQuestion = { key, type: questionType, weight: w, required };
      const options = optionPoints.map((p, i) => ({ value: `o${i}`, points: p }));
      switch (questionType) {
        case "single_choice":
          question.options = options;
          if (withKnockOut) question.knockOut = { when: ["o0"], label: `${key} knock-out` };
          if (withIndicator)
            question.indicator = { domain: "D", subdomain: "S", awardWhen: ["o1"] };
          break;
        case "multi_choice":
          question.options = [...options, { value: "none", points: 0, exclusive: true }];
          break;
        case "yes_no":
          if (withKnockOut)
            question.knockOut = { when: ["no", "unknown"], label: `${key} knock-out` };
          if (withIndicator)
            question.indicator = { domain: "D", subdomain: "T", awardWhen: ["yes"] };
          break;
        case "number":
          if (withKnockOut)
            question.thresholds = {
              kind: "linear",
              min: 0,
              max: 100,
              higherIsBetter: withIndicator,
            };
          else
            question.thresholds = {
              kind: "steps",
              steps: [
                { min: 0, points: 0.2 },
                { min: 10, points: 1 },
              ],
            };
          break;
        case "date":
          if (withKnockOut)
            question.thresholds = { kind: "linear", min: 0, max: 730, higherIsBetter: false };
          break;
        case "countries":
          if (withKnockOut)
            question.knockOut = { when: ["third_country"], label: `${key} knock-out` };
          break;
        case "text":
          break;
      }
      return question;
    });
}

const templateArbitrary: fc.Arbitrary<ScoringTemplate> = fc
  .array(fc.tuple(weight, fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 4 })
  .chain((sections) =>
    fc.tuple(
      ...sections.map(([sectionWeight, count], s) =>
        fc
          .tuple(...Array.from({ length: count }, (_, q) => questionArbitrary(`s${s}.q${q}`)))
          .map((questions) => ({ key: `s${s}`, weight: sectionWeight, questions })),
      ),
    ),
  )
  .map((sections) => ({ sections }));

/** A valid or invalid answer for a question (undefined = unanswered). */
function answerArbitrary(question: ScoringQuestion): fc.Arbitrary<unknown> {
  const reserved = fc.constantFrom(undefined, "na", "unknown");
  const valid: fc.Arbitrary<unknown> = (() => {
    switch (question.type) {
      case "yes_no":
        return fc.constantFrom("yes", "partial", "no");
      case "single_choice":
        return fc.constantFrom(...question.options!.map((option) => option.value));
      case "multi_choice":
        return fc.subarray(
          question.options!.filter((o) => !o.exclusive).map((o) => o.value),
          { minLength: 1 },
        );
      case "number":
        return fc.integer({ min: -5, max: 120 });
      case "date":
        return fc
          .integer({ min: 0, max: 1500 })
          .map((days) => new Date(Date.UTC(2022, 0, 1 + days)).toISOString().slice(0, 10));
      case "text":
        return fc.constant("some text");
      case "countries":
        return fc.subarray(COUNTRIES, { minLength: 1, maxLength: 3 });
    }
  })();
  return fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 2, arbitrary: reserved },
    { weight: 1, arbitrary: fc.constantFrom(42, "junk", ["XX1"]) },
  );
}

function questionsOf(template: ScoringTemplate): ScoringQuestion[] {
  return template.sections.flatMap((section) => section.questions);
}

function answersArbitrary(template: ScoringTemplate): fc.Arbitrary<ScoringAnswers> {
  const questions = questionsOf(template);
  return fc.tuple(...questions.map(answerArbitrary)).map((values) => {
    const answers: ScoringAnswers = {};
    questions.forEach((question, i) => {
      if (values[i] !== undefined) answers[question.key] = values[i];
    });
    return answers;
  });
}

const scenario = templateArbitrary.chain((template) =>
  fc.tuple(fc.constant(template), answersArbitrary(template)),
);

const KNOCK_OUT_DAYS = ["2024-01-01", "2025-06-30", "2025-07-01", "2027-12-02"];

/**
 * Method 1.2.0's fields on a template: some knock-outs get a `from` day, some choice questions an
 * option marked notApplicable (appended, so the other option values stay).
 */
function with1_2Fields(template: ScoringTemplate): fc.Arbitrary<ScoringTemplate> {
  const questions = questionsOf(template);
  return fc
    .tuple(
      ...questions.map(() =>
        fc.tuple(fc.option(fc.constantFrom(...KNOCK_OUT_DAYS)), fc.boolean(), points),
      ),
    )
    .map((draws) => {
      const copy: ScoringTemplate = structuredClone(template);
      let i = 0;
      for (const section of copy.sections) {
        for (const question of section.questions) {
          const [from, withNotApplicable, naPoints] = draws[i++]!;
          if (question.knockOut && from !== null) question.knockOut.from = from;
          if (
            withNotApplicable &&
            (question.type === "single_choice" || question.type === "multi_choice")
          ) {
            question.options = [
              ...question.options!,
              { value: "n_a", points: naPoints, notApplicable: true },
            ];
          }
        }
      }
      return copy;
    });
}

const scenario1_2 = templateArbitrary
  .chain(with1_2Fields)
  .chain((template) => fc.tuple(fc.constant(template), answersArbitrary(template)));

function score(
  template: ScoringTemplate,
  answers: ScoringAnswers,
  options: ScoringOptions = OPTIONS,
): ScoringResult {
  return scoreAssessment({ template, answers, options });
}

/** The scores a property compares: section scores and overall by key. */
function scores(result: ScoringResult): Record<string, number | null> {
  return {
    overall: result.overall,
    ...Object.fromEntries(result.sections.map((section) => [section.key, section.score])),
  };
}

function scaled(template: ScoringTemplate, factor: number): ScoringTemplate {
  return {
    sections: template.sections.map((section) => ({
      ...section,
      weight: section.weight * factor,
      questions: section.questions.map((question) => ({
        ...question,
        weight: question.weight * factor,
      })),
    })),
  };
}

describe.each([
  ["1.2.0", OPTIONS_1_2, scenario1_2],
  ["1.1.0", OPTIONS, scenario],
  ["1.0.0", OPTIONS_1_0, scenario],
])("scoring properties, method %s", (_version, options, scenario) => {
  it("keeps every score and contribution within [0, 100]", () => {
    fc.assert(
      fc.property(scenario, ([template, answers]) => {
        const result = score(template, answers, options);
        for (const value of Object.values(scores(result))) {
          if (value !== null) expect(value >= 0 && value <= 100).toBe(true);
        }
        for (const question of result.questions) {
          expect(question.contributionToOverall).toBeGreaterThanOrEqual(0);
          expect(question.contributionToOverall).toBeLessThanOrEqual(
            question.maxContributionToOverall,
          );
          expect(question.maxContributionToOverall).toBeLessThanOrEqual(100);
          if (question.points !== null)
            expect(question.points >= 0 && question.points <= 1).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("treats n/a as neutral: adding a question answered 'na' changes no score", () => {
    fc.assert(
      fc.property(
        scenario,
        fc.nat(),
        questionArbitrary("extra.na"),
        ([template, answers], at, extra) => {
          const withExtra: ScoringTemplate = structuredClone(template);
          withExtra.sections[at % withExtra.sections.length]!.questions.push(extra);
          const before = score(template, answers, options);
          const after = score(withExtra, { ...answers, "extra.na": "na" }, options);
          expect(scores(after)).toEqual(scores(before));
          expect(after.riskTier).toBe(before.riskTier);
        },
      ),
      RUNS,
    );
  });

  it("caps the tier whenever a knock-out fires", () => {
    fc.assert(
      fc.property(scenario, ([template, answers]) => {
        const result = score(template, answers, options);
        if (result.knockOuts.length > 0)
          expect(["high", "critical", null]).toContain(result.riskTier);
      }),
      RUNS,
    );
  });

  it("does not change any score when all weights are multiplied by a constant", () => {
    fc.assert(
      fc.property(
        scenario,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        ([template, answers], factor) => {
          const base = score(template, answers, options);
          const other = score(scaled(template, factor), answers, options);
          expect(scores(other)).toEqual(scores(base));
          expect(other.riskTier).toBe(base.riskTier);
          expect(other.questions.map((q) => q.contributionToOverall)).toEqual(
            base.questions.map((q) => q.contributionToOverall),
          );
        },
      ),
      RUNS,
    );
  });
});

describe.each([
  ["1.2.0", OPTIONS_1_2, scenario1_2],
  ["1.1.0", OPTIONS, scenario],
])("scoring properties, method %s (since 1.1.0)", (_version, OPTIONS, scenario) => {
  it("never lowers any score when one answer gets better", () => {
    fc.assert(
      fc.property(
        scenario.chain(([template, answers]) => {
          const questions = questionsOf(template);
          if (questions.length === 0) return fc.constant(null);
          return fc
            .nat({ max: questions.length - 1 })
            .chain((index) =>
              fc.tuple(
                fc.constant(template),
                fc.constant(answers),
                fc.constant(questions[index]!),
                answerArbitrary(questions[index]!),
                answerArbitrary(questions[index]!),
              ),
            );
        }),
        (input) => {
          if (input === null) return;
          const [template, answers, question, first, second] = input;
          const a = score(template, { ...answers, [question.key]: first }, OPTIONS);
          const b = score(template, { ...answers, [question.key]: second }, OPTIONS);
          const qa = a.questions.find((q) => q.key === question.key)!;
          const qb = b.questions.find((q) => q.key === question.key)!;
          const counts = (status: string) =>
            status === "scored" || status === "unknown" || status === "unanswered";
          // Comparable only while the question stays in the denominator (n/a and unscored leave it).
          if (!counts(qa.status) || !counts(qb.status) || qa.weight === 0) return;
          if (
            qa.status === "unanswered" &&
            qa.maxContributionToOverall === 0 &&
            qb.status === "unanswered"
          )
            return;
          const [worse, better] = (qa.points ?? 0) <= (qb.points ?? 0) ? [a, b] : [b, a];
          const low = scores(worse);
          const high = scores(better);
          for (const key of Object.keys(low)) {
            if (low[key] !== null && high[key] !== null)
              expect(high[key]!).toBeGreaterThanOrEqual(low[key]!);
          }
        },
      ),
      RUNS,
    );
  });

  it("does not depend on the order of questions or sections, not even in the explanations", () => {
    fc.assert(
      fc.property(scenario, fc.infiniteStream(fc.nat()), ([template, answers], randomness) => {
        const shuffle = <T>(items: T[]): T[] => {
          const copy = [...items];
          for (let i = copy.length - 1; i > 0; i--) {
            const j = randomness.next().value % (i + 1);
            [copy[i], copy[j]] = [copy[j]!, copy[i]!];
          }
          return copy;
        };
        const shuffled: ScoringTemplate = {
          sections: shuffle(template.sections).map((section) => ({
            ...section,
            questions: shuffle(section.questions),
          })),
        };
        const a = score(template, answers, OPTIONS);
        const b = score(shuffled, answers, OPTIONS);
        expect(scores(b)).toEqual(scores(a));
        expect(b.riskTier).toBe(a.riskTier);
        const byKey = (result: ScoringResult) =>
          Object.fromEntries(
            result.questions.map((q) => [
              q.key,
              [q.points, q.status, q.contributionToOverall, q.maxContributionToOverall],
            ]),
          );
        expect(byKey(b)).toEqual(byKey(a));
        expect(new Set(b.knockOuts.map((k) => k.questionKey))).toEqual(
          new Set(a.knockOuts.map((k) => k.questionKey)),
        );
        expect(b.transparency?.satisfied).toBe(a.transparency?.satisfied);
        expect(JSON.stringify(b.explanation?.overall)).toBe(JSON.stringify(a.explanation?.overall));
      }),
      RUNS,
    );
  });

  it("does not change any score when a weight profile scales every weight", () => {
    fc.assert(
      fc.property(
        scenario,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        ([template, answers], factor) => {
          const sectionWeights = Object.fromEntries(
            template.sections.map((s) => [s.key, s.weight * factor]),
          );
          const questionWeights = Object.fromEntries(
            questionsOf(template).map((q) => [q.key, q.weight * factor]),
          );
          const allZero = Object.values(sectionWeights).every((w) => w === 0);
          fc.pre(
            !allZero &&
              template.sections.every(
                (s) => s.questions.length === 0 || s.questions.some((q) => q.weight > 0),
              ),
          );
          const base = score(template, answers, OPTIONS);
          const profiled = score(template, answers, {
            ...OPTIONS,
            weightProfile: { id: "x", name: "x", sectionWeights, questionWeights },
          });
          expect(scores(profiled)).toEqual(scores(base));
          expect(profiled.riskTier).toBe(base.riskTier);
        },
      ),
      RUNS,
    );
  });

  it("produces byte-identical JSON for the same input", () => {
    fc.assert(
      fc.property(scenario, ([template, answers]) => {
        expect(
          JSON.stringify(score(structuredClone(template), structuredClone(answers), OPTIONS)),
        ).toBe(JSON.stringify(score(template, answers, OPTIONS)));
      }),
      { numRuns: 50 },
    );
  });
});

describe("scoring properties of method 1.2.0's rules", () => {
  const asOfDay = fc.constantFrom(
    "2024-06-01",
    "2025-06-30",
    "2025-07-01",
    "2027-12-01",
    "2028-01-01",
  );

  it("a knock-out with `from` never applies before its day, and from it on as if undated", () => {
    fc.assert(
      fc.property(scenario1_2, asOfDay, ([template, answers], asOf) => {
        const result = score(template, answers, { ...OPTIONS_1_2, asOf });
        const undated: ScoringTemplate = structuredClone(template);
        for (const question of questionsOf(undated)) delete question.knockOut?.from;
        const reference = score(undated, answers, { ...OPTIONS_1_2, asOf });
        const fired = new Set(result.knockOuts.map((k) => k.questionKey));
        for (const question of questionsOf(template)) {
          const from = question.knockOut?.from;
          const firesUndated = reference.knockOuts.some((k) => k.questionKey === question.key);
          if (from !== undefined && asOf < from) {
            expect(fired.has(question.key)).toBe(false);
            expect(result.explanation!.tier.cappedBy).not.toContain(question.key);
          } else {
            expect(fired.has(question.key)).toBe(firesUndated);
          }
        }
        // Knock-outs change the tier only: every score is the same.
        expect(scores(result)).toEqual(scores(reference));
      }),
      RUNS,
    );
  });

  it("choosing a notApplicable option scores exactly like 'na', never below leaving it unanswered", () => {
    const withChoice = scenario1_2.chain(([template, answers]) => {
      const candidates = questionsOf(template).filter((q) =>
        q.options?.some((o) => o.notApplicable === true),
      );
      if (candidates.length === 0) return fc.constant(null);
      return fc
        .constantFrom(...candidates)
        .map((question) => [template, answers, question] as const);
    });
    fc.assert(
      fc.property(withChoice, (input) => {
        if (input === null) return;
        const [template, answers, question] = input;
        const choice = question.type === "multi_choice" ? ["n_a"] : "n_a";
        const chosen = score(template, { ...answers, [question.key]: choice }, OPTIONS_1_2);
        const na = score(template, { ...answers, [question.key]: "na" }, OPTIONS_1_2);
        const { [question.key]: _, ...withoutAnswer } = answers;
        const unanswered = score(template, withoutAnswer, OPTIONS_1_2);
        expect(chosen.questions.find((q) => q.key === question.key)!.status).toBe("not_applicable");
        // It removes the question from the denominator: the score of the other questions alone,
        // which can be lower than a good answer's but never lower than no answer (0 points).
        expect(scores(chosen)).toEqual(scores(na));
        const low = scores(unanswered);
        const high = scores(chosen);
        for (const key of Object.keys(low)) {
          if (low[key] !== null && high[key] !== null)
            expect(high[key]!).toBeGreaterThanOrEqual(low[key]!);
        }
        // And no best answer ever proposes it.
        for (const entry of chosen.explanation!.overall.improvements) {
          expect([entry.bestAnswer].flat()).not.toContain("n_a");
        }
      }),
      RUNS,
    );
  });

  /** A date question of a past test: the younger the date, the better (never higher-is-better). */
  const pastTestQuestion: fc.Arbitrary<ScoringQuestion> = fc
    .oneof(
      fc.record({
        kind: fc.constant("linear" as const),
        min: fc.integer({ min: -60, max: 100 }),
        max: fc.integer({ min: 101, max: 1000 }),
        higherIsBetter: fc.constant(false),
      }),
      fc
        .uniqueArray(fc.integer({ min: -30, max: 1000 }), { minLength: 1, maxLength: 4 })
        .chain((mins) =>
          fc.array(points, { minLength: mins.length, maxLength: mins.length }).map((stepPoints) => {
            // The first step starts at age 0 at the latest: below it a step scale gives 0 points,
            // which would make a fresh date worse than an old one.
            const sortedMins = [...mins].sort((a, b) => a - b);
            sortedMins[0] = Math.min(sortedMins[0]!, 0);
            // Older (larger age) never earns more: points fall as the age grows.
            const falling = [...stepPoints].sort((a, b) => b - a);
            return {
              kind: "steps" as const,
              steps: sortedMins.map((min, i) => ({ min, points: falling[i]! })),
            };
          }),
        ),
    )
    .map((thresholds) => ({
      key: "security.last_pentest",
      type: "date" as const,
      weight: 1,
      required: true,
      thresholds,
    }));
  const day = fc
    .integer({ min: 0, max: 2000 })
    .map((days) => new Date(Date.UTC(2022, 0, 1 + days)).toISOString().slice(0, 10));

  it("an older date of a past test never scores higher than a newer one, and a future date never scores", () => {
    fc.assert(
      fc.property(
        scenario1_2,
        pastTestQuestion,
        day,
        day,
        ([template, answers], question, first, second) => {
          const withDate: ScoringTemplate = {
            sections: [...template.sections, { key: "zz.dates", weight: 1, questions: [question] }],
          };
          const pointsOf = (date: string) => {
            const result = score(withDate, { ...answers, [question.key]: date }, OPTIONS_1_2);
            return result.questions.find((q) => q.key === question.key)!;
          };
          const [older, newer] = first <= second ? [first, second] : [second, first];
          const a = pointsOf(older);
          const b = pointsOf(newer);
          for (const [date, result] of [
            [older, a],
            [newer, b],
          ] as const) {
            if (date > OPTIONS_1_2.asOf!) {
              expect(result.status).toBe("unanswered");
              expect(result.points).toBeNull();
              expect(result.contributionToOverall).toBe(0);
              expect(result.reason).toContain("is after the reference day");
            }
          }
          if (newer <= OPTIONS_1_2.asOf!) expect(a.points!).toBeLessThanOrEqual(b.points!);
        },
      ),
      RUNS,
    );
  });
});
