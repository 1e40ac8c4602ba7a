// Method 1.2.0's three rules (method-version.ts): dated knock-outs, options that make a question
// not applicable, and dates after the reference day for questions scored by age. And method
// 1.1.0 on templates that carry the new fields: it ignores them, exactly as before 1.2.0 existed.
import { describe, expect, it } from "vitest";
import {
  prepareTemplate,
  scoreAssessment,
  scorePrepared,
  ScoringInputError,
  type ScoringOptions,
  type ScoringQuestion,
  type ScoringTemplate,
} from "./index";
import { EU_EEA } from "./fixtures/sample-template";

const HIGH_RISK_DAY = "2027-12-02";

function options(methodVersion: string, asOf: string): ScoringOptions {
  return { methodVersion, euEeaCountries: EU_EEA, adequacyCountries: [], asOf };
}

function template(...questions: ScoringQuestion[]): ScoringTemplate {
  return {
    sections: [
      {
        key: "main",
        weight: 1,
        questions: [{ key: "base", type: "yes_no", weight: 1, required: true }, ...questions],
      },
    ],
  };
}

const conformity: ScoringQuestion = {
  key: "ai.conformity",
  type: "single_choice",
  weight: 1,
  required: true,
  options: [
    { value: "done", points: 1 },
    { value: "started", points: 0.5 },
    { value: "not_started", points: 0 },
    { value: "not_high_risk", points: 0, notApplicable: true },
  ],
  knockOut: {
    when: ["not_started"],
    label: "Conformity assessment not started",
    from: HIGH_RISK_DAY,
  },
};

const pentest: ScoringQuestion = {
  key: "security.pentest_date",
  type: "date",
  weight: 1,
  required: true,
  thresholds: { kind: "linear", min: 0, max: 730, higherIsBetter: false },
};

const score = (
  version: string,
  asOf: string,
  answers: Record<string, unknown>,
  t = template(conformity, pentest),
) => scoreAssessment({ template: t, answers, options: options(version, asOf) });

describe("method 1.2.0: knock-outs with a `from` day", () => {
  // 2 of 3 questions at full points: 66.67, "medium" by the score alone.
  const answersOn = (asOf: string) => ({
    base: "yes",
    "ai.conformity": "not_started",
    "security.pentest_date": asOf,
  });
  const answers = answersOn("2027-01-01");

  it("does not apply before its day: no knock-out, no cap, no explanation", () => {
    const result = score("1.2.0", "2027-12-01", answersOn("2027-12-01"));
    expect(result.overall).toBe(66.67);
    expect(result.riskTier).toBe("medium");
    expect(result.knockOuts).toEqual([]);
    expect(result.explanation!.knockOuts).toEqual([]);
    expect(result.explanation!.tier.cappedBy).toEqual([]);
  });

  it("applies on and after its day and says from when", () => {
    for (const asOf of [HIGH_RISK_DAY, "2028-03-01"]) {
      const result = score("1.2.0", asOf, answersOn(asOf));
      expect(result.riskTier).toBe("high");
      expect(result.knockOuts).toEqual([
        { questionKey: "ai.conformity", label: "Conformity assessment not started" },
      ]);
      const [explanation] = result.explanation!.knockOuts;
      expect(explanation!.appliesFrom).toBe(HIGH_RISK_DAY);
      expect(explanation!.reason).toContain(`applies from ${HIGH_RISK_DAY}`);
      expect(result.explanation!.tier.cappedBy).toEqual(["ai.conformity"]);
    }
  });

  it("an undated knock-out reads as in 1.1.0 (no appliesFrom)", () => {
    const undated = { ...conformity, knockOut: { when: ["not_started"], label: "Not started" } };
    const result = score("1.2.0", "2026-01-01", answers, template(undated, pentest));
    expect(result.explanation!.knockOuts[0]).not.toHaveProperty("appliesFrom");
    expect(result.explanation!.knockOuts[0]!.reason).toBe(
      `ai.conformity: answer matched 'not_started' → knock-out "Not started" (caps the tier at high)`,
    );
  });

  it("refuses a `from` that is not a day, and a `from` without asOf", () => {
    const bad = {
      ...conformity,
      knockOut: { ...conformity.knockOut!, from: "eu:2024/1689:art:6" },
    };
    expect(() => score("1.2.0", "2027-01-01", answers, template(bad))).toThrow(
      /knockOut\.from must be a date YYYY-MM-DD, got eu:2024\/1689:art:6/,
    );
    expect(() =>
      scoreAssessment({
        template: template(conformity),
        answers,
        options: { methodVersion: "1.2.0", euEeaCountries: EU_EEA, adequacyCountries: [] },
      }),
    ).toThrow(/knockOut\.from needs options\.asOf/);
  });
});

describe("method 1.2.0: options marked notApplicable", () => {
  it("single_choice: the question is not applicable and leaves the denominator, like 'na'", () => {
    const chosen = score("1.2.0", "2027-01-01", { base: "yes", "ai.conformity": "not_high_risk" });
    const na = score("1.2.0", "2027-01-01", { base: "yes", "ai.conformity": "na" });
    const question = chosen.questions.find((q) => q.key === "ai.conformity")!;
    expect(question).toMatchObject({
      status: "not_applicable",
      points: null,
      maxContributionToOverall: 0,
    });
    expect(question.reason).toBe("option 'not_high_risk' → not applicable");
    expect(chosen.overall).toBe(na.overall);
    expect(chosen.sections[0]!.applicableCount).toBe(na.sections[0]!.applicableCount);
    expect(chosen.completeness).toEqual(na.completeness);
  });

  const multi: ScoringQuestion = {
    key: "ai.roles",
    type: "multi_choice",
    weight: 1,
    required: true,
    options: [
      { value: "provider", points: 0.6 },
      { value: "documented", points: 0.4 },
      { value: "no_ai", points: 1, notApplicable: true },
    ],
  };

  it("multi_choice: not applicable when it is the only selection, invalid combined", () => {
    const alone = score(
      "1.2.0",
      "2027-01-01",
      { base: "yes", "ai.roles": ["no_ai"] },
      template(multi),
    );
    expect(alone.questions[1]).toMatchObject({ status: "not_applicable", points: null });
    const combined = score(
      "1.2.0",
      "2027-01-01",
      { base: "yes", "ai.roles": ["provider", "no_ai"] },
      template(multi),
    );
    expect(combined.questions[1]).toMatchObject({ status: "unanswered", points: null });
    expect(combined.questions[1]!.reason).toContain("'no_ai' (not applicable) cannot be combined");
  });

  it("is never proposed as the best answer, even when it carries the most points", () => {
    const result = score(
      "1.2.0",
      "2027-01-01",
      { base: "yes", "ai.roles": ["provider"] },
      template(multi),
    );
    const improvement = result.explanation!.overall.improvements.find(
      (i) => i.questionKey === "ai.roles",
    )!;
    expect(improvement.bestAnswer).toEqual(["provider", "documented"]);
    const single = score(
      "1.2.0",
      "2027-01-01",
      { base: "yes" },
      template({
        ...conformity,
        options: [
          { value: "done", points: 0.8 },
          { value: "not_high_risk", points: 1, notApplicable: true },
        ],
        knockOut: undefined,
      }),
    );
    expect(
      single.explanation!.overall.improvements.find((i) => i.questionKey === "ai.conformity")!
        .bestAnswer,
    ).toBe("done");
  });

  it("is refused on other question types and when not a boolean", () => {
    const onNumber: ScoringQuestion = {
      key: "n",
      type: "number",
      weight: 1,
      required: false,
      options: [{ value: "x", points: 1, notApplicable: true }],
    };
    expect(() => score("1.2.0", "2027-01-01", {}, template(onNumber))).toThrow(
      /notApplicable only applies to options of single_choice and multi_choice questions/,
    );
    const notBoolean = {
      ...conformity,
      options: [{ value: "done", points: 1, notApplicable: "yes" as unknown as boolean }],
    };
    expect(() => score("1.2.0", "2027-01-01", {}, template(notBoolean))).toThrow(ScoringInputError);
  });
});

describe("method 1.2.0: dates after the reference day", () => {
  it("is an invalid answer for a date question scored by age: no points, missing for completeness", () => {
    const result = score("1.2.0", "2026-06-30", {
      base: "yes",
      "security.pentest_date": "2026-07-01",
    });
    const question = result.questions.find((q) => q.key === "security.pentest_date")!;
    expect(question).toMatchObject({
      status: "unanswered",
      points: null,
      contributionToOverall: 0,
    });
    expect(question.reason).toBe(
      "invalid answer: date 2026-07-01 is after the reference day 2026-06-30 (a past date is asked for) → 0",
    );
    expect(result.completeness.missingRequired).toContain("security.pentest_date");
  });

  it("a date on the reference day scores full points", () => {
    const result = score("1.2.0", "2026-06-30", { "security.pentest_date": "2026-06-30" });
    expect(result.questions.find((q) => q.key === "security.pentest_date")!.points).toBe(1);
  });

  it("a date question without thresholds takes any date", () => {
    const validUntil: ScoringQuestion = {
      key: "cert.valid_until",
      type: "date",
      weight: 1,
      required: true,
    };
    const result = score(
      "1.2.0",
      "2026-06-30",
      { "cert.valid_until": "2029-01-01" },
      template(validUntil),
    );
    expect(result.questions[1]).toMatchObject({ status: "unscored" });
    expect(result.completeness.missingRequired).not.toContain("cert.valid_until");
  });

  it("never proposes a future date as the best answer", () => {
    const future: ScoringQuestion = {
      ...pentest,
      thresholds: { kind: "linear", min: -30, max: 700, higherIsBetter: false },
    };
    const result = score("1.2.0", "2026-06-30", {}, template(future));
    const improvement = result.explanation!.overall.improvements.find(
      (i) => i.questionKey === "security.pentest_date",
    )!;
    expect(improvement.bestAnswer).toBe("2026-06-30");
  });
});

describe("method 1.1.0 ignores the fields of 1.2.0, as it always did", () => {
  const strip = (question: ScoringQuestion): ScoringQuestion => {
    const { knockOut, options: choices, ...rest } = question;
    return {
      ...rest,
      ...(choices ? { options: choices.map(({ notApplicable: _, ...option }) => option) } : {}),
      ...(knockOut ? { knockOut: { when: knockOut.when, label: knockOut.label } } : {}),
    };
  };

  it.each([
    [
      "a dated knock-out before its day",
      { base: "yes", "ai.conformity": "not_started" },
      "2026-01-01",
    ],
    ["a notApplicable option", { base: "no", "ai.conformity": "not_high_risk" }, "2026-01-01"],
    ["a future date", { base: "yes", "security.pentest_date": "2026-09-01" }, "2026-01-01"],
  ])("%s scores as on the template without them", (_, answers, asOf) => {
    const withFields = score("1.1.0", asOf, answers);
    const without = score("1.1.0", asOf, answers, template(strip(conformity), strip(pentest)));
    expect(JSON.stringify(withFields)).toBe(JSON.stringify(without));
    expect(withFields.methodVersion).toBe("1.1.0");
  });

  it("takes any `from` and `notApplicable` value without complaint (it never read them)", () => {
    const odd = {
      ...conformity,
      options: [{ value: "x", points: 1, notApplicable: "maybe" as unknown as boolean }],
      knockOut: { when: ["x"], label: "x", from: "not a day" },
    };
    const prepared = prepareTemplate(template(odd), options("1.1.0", "2026-01-01"));
    expect(scorePrepared(prepared, { "ai.conformity": "x" }).knockOuts).toHaveLength(1);
  });
});
