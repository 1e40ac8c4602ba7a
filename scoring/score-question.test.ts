import { describe, it, expect } from "vitest";
import {
  evaluateQuestion,
  isScoreable,
  parseIsoDay,
  roundTo,
  type QuestionContext,
} from "./score-question";
import type { ScoringQuestion } from "./types";

const context: QuestionContext = {
  euEeaCountries: new Set(["DE", "FR", "AT", "NO"]),
  adequacyCountries: new Set(["CH", "JP", "GB"]),
  asOfDay: parseIsoDay("2025-06-30"),
};

function question(
  overrides: Partial<ScoringQuestion> & Pick<ScoringQuestion, "type">,
): ScoringQuestion {
  return { key: "q", weight: 1, required: true, ...overrides };
}

describe("roundTo", () => {
  it("rounds half away from zero without binary artefacts", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(66.666666, 2)).toBe(66.67);
    expect(roundTo(1 / 3, 4)).toBe(0.3333);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
  });

  it("never returns -0", () => {
    expect(Object.is(roundTo(-0, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });
});

describe("parseIsoDay", () => {
  it("parses strict calendar dates", () => {
    expect(parseIsoDay("1970-01-01")).toBe(0);
    expect(parseIsoDay("2024-02-29")).toBe(19782);
    expect(parseIsoDay("2000-03-01")! - parseIsoDay("2000-02-28")!).toBe(2);
  });

  it("rejects impossible or malformed dates", () => {
    expect(parseIsoDay("2023-02-29")).toBeNull();
    expect(parseIsoDay("2025-13-01")).toBeNull();
    expect(parseIsoDay("2025-1-01")).toBeNull();
    expect(parseIsoDay("01.02.2025")).toBeNull();
  });
});

describe("yes_no", () => {
  const q = question({ type: "yes_no" });

  it.each([
    ["yes", 1],
    ["partial", 0.5],
    ["no", 0],
  ])("answer %s scores %d", (answer, points) => {
    const result = evaluateQuestion(q, answer, context);
    expect(result.status).toBe("scored");
    expect(result.points).toBe(points);
    expect(result.countsInScore).toBe(true);
  });

  it("explains the points", () => {
    expect(evaluateQuestion(q, "partial", context).reason).toBe("answer 'partial' → 0.5");
  });

  it("counts unknown as 0 but apart from no", () => {
    const unknown = evaluateQuestion(q, "unknown", context);
    const no = evaluateQuestion(q, "no", context);
    expect(unknown.status).toBe("unknown");
    expect(unknown.points).toBe(0);
    expect(unknown.countsInScore).toBe(true);
    expect(no.status).toBe("scored");
    expect(no.points).toBe(0);
  });

  it("takes na out of the denominator", () => {
    const result = evaluateQuestion(q, "na", context);
    expect(result).toMatchObject({ status: "not_applicable", points: null, countsInScore: false });
  });

  it("counts a missing answer as 0 in the denominator", () => {
    for (const raw of [undefined, null, "", "   "]) {
      const result = evaluateQuestion(q, raw, context);
      expect(result).toMatchObject({ status: "unanswered", points: null, countsInScore: true });
    }
  });

  it("treats malformed values as unanswered with a reason", () => {
    for (const raw of ["maybe", 1, true, ["yes"], { yes: true }, Number.NaN]) {
      const result = evaluateQuestion(q, raw, context);
      expect(result.status).toBe("unanswered");
      expect(result.reason.startsWith("invalid answer")).toBe(true);
    }
  });
});

describe("single_choice", () => {
  const q = question({
    type: "single_choice",
    options: [
      { value: "certified", points: 1 },
      { value: "in_progress", points: 0.4 },
      { value: "none", points: 0 },
    ],
  });

  it("takes points from the chosen option", () => {
    const result = evaluateQuestion(q, "in_progress", context);
    expect(result).toMatchObject({
      status: "scored",
      points: 0.4,
      reason: "option 'in_progress' → 0.4",
    });
    expect(result.tokens).toEqual(["in_progress"]);
  });

  it("allows unknown and na", () => {
    expect(evaluateQuestion(q, "unknown", context).status).toBe("unknown");
    expect(evaluateQuestion(q, "na", context).status).toBe("not_applicable");
  });

  it("rejects values that are not options", () => {
    const result = evaluateQuestion(q, "gold", context);
    expect(result.status).toBe("unanswered");
    expect(result.reason).toContain("invalid answer");
    expect(result.reason).toContain("'gold' is not an option");
  });
});

describe("multi_choice", () => {
  const q = question({
    type: "multi_choice",
    options: [
      { value: "soc2", points: 0.5 },
      { value: "c5", points: 0.4 },
      { value: "iso27701", points: 0.3 },
      { value: "none", points: 0, exclusive: true },
    ],
  });

  it("sums option points", () => {
    expect(evaluateQuestion(q, ["c5", "soc2"], context)).toMatchObject({
      status: "scored",
      points: 0.9,
      reason: "options 'soc2', 'c5' → 0.9",
    });
  });

  it("caps the sum at 1", () => {
    const result = evaluateQuestion(q, ["soc2", "c5", "iso27701"], context);
    expect(result.points).toBe(1);
    expect(result.reason).toContain("capped at 1");
  });

  it("ignores the order and duplicates of selected values", () => {
    const a = evaluateQuestion(q, ["soc2", "c5"], context);
    const b = evaluateQuestion(q, ["c5", "soc2", "c5"], context);
    expect(b).toEqual(a);
  });

  it("scores an exclusive option alone and rejects it combined", () => {
    expect(evaluateQuestion(q, ["none"], context)).toMatchObject({ status: "scored", points: 0 });
    const combined = evaluateQuestion(q, ["none", "soc2"], context);
    expect(combined.status).toBe("unanswered");
    expect(combined.reason).toContain("cannot be combined");
  });

  it("accepts unknown and na alone, as a value or a one-item list", () => {
    expect(evaluateQuestion(q, "unknown", context).status).toBe("unknown");
    expect(evaluateQuestion(q, ["unknown"], context).status).toBe("unknown");
    expect(evaluateQuestion(q, "na", context).status).toBe("not_applicable");
    expect(evaluateQuestion(q, ["unknown", "soc2"], context).status).toBe("unanswered");
  });

  it("treats an empty list as unanswered and junk as invalid", () => {
    expect(evaluateQuestion(q, [], context).status).toBe("unanswered");
    for (const raw of ["soc2", [1], ["gold"], [null]]) {
      const result = evaluateQuestion(q, raw, context);
      expect(result.status).toBe("unanswered");
      expect(result.reason).toContain("invalid answer");
    }
  });
});

describe("number", () => {
  const lowerIsBetter = question({
    type: "number",
    thresholds: {
      kind: "steps",
      // deliberately unordered: scoring sorts the steps itself
      steps: [
        { min: 73, points: 0 },
        { min: 0, points: 1 },
        { min: 25, points: 0.5 },
      ],
    },
  });

  it("applies the step whose min is the greatest one ≤ the value", () => {
    expect(evaluateQuestion(lowerIsBetter, 24, context).points).toBe(1);
    expect(evaluateQuestion(lowerIsBetter, 25, context).points).toBe(0.5);
    expect(evaluateQuestion(lowerIsBetter, 72.5, context).points).toBe(0.5);
    expect(evaluateQuestion(lowerIsBetter, 96, context)).toMatchObject({
      points: 0,
      reason: "value 96 (≥ 73) → 0",
    });
  });

  it("gives 0 below the lowest step", () => {
    const result = evaluateQuestion(lowerIsBetter, -5, context);
    expect(result.points).toBe(0);
    expect(result.reason).toContain("below the lowest threshold");
  });

  it("scores linear ranges in both directions, clamped", () => {
    const higher = question({
      type: "number",
      thresholds: { kind: "linear", min: 0, max: 30, higherIsBetter: true },
    });
    const lower = question({
      type: "number",
      thresholds: { kind: "linear", min: 0, max: 30, higherIsBetter: false },
    });
    expect(evaluateQuestion(higher, 15, context).points).toBe(0.5);
    expect(evaluateQuestion(higher, 10, context).points).toBe(0.3333);
    expect(evaluateQuestion(higher, 99, context).points).toBe(1);
    expect(evaluateQuestion(lower, 10, context).points).toBe(0.6667);
    expect(evaluateQuestion(lower, -3, context).points).toBe(1);
  });

  it("is unscored without thresholds but still answered", () => {
    const q = question({ type: "number" });
    expect(isScoreable(q)).toBe(false);
    expect(evaluateQuestion(q, 12, context)).toMatchObject({
      status: "unscored",
      points: null,
      countsInScore: false,
    });
    expect(evaluateQuestion(q, undefined, context)).toMatchObject({
      status: "unanswered",
      countsInScore: false,
    });
  });

  it("rejects strings and non-finite numbers", () => {
    for (const raw of ["12", Number.POSITIVE_INFINITY, Number.NaN, [12]]) {
      expect(evaluateQuestion(lowerIsBetter, raw, context).reason).toContain("invalid answer");
    }
  });
});

describe("date", () => {
  it("is not scored without thresholds", () => {
    const q = question({ type: "date" });
    expect(evaluateQuestion(q, "2025-01-15", context)).toMatchObject({
      status: "unscored",
      points: null,
    });
  });

  it("scores the age in days against the reference date when thresholds are given", () => {
    const q = question({
      type: "date",
      thresholds: {
        kind: "steps",
        steps: [
          { min: Number.MIN_SAFE_INTEGER, points: 1 },
          { min: 366, points: 0.5 },
          { min: 731, points: 0 },
        ],
      },
    });
    expect(evaluateQuestion(q, "2025-01-15", context).points).toBe(1);
    expect(evaluateQuestion(q, "2024-01-15", context).points).toBe(0.5);
    expect(evaluateQuestion(q, "2020-01-15", context).points).toBe(0);
  });

  it("rejects malformed dates", () => {
    const q = question({ type: "date" });
    for (const raw of ["2025-02-30", "15.01.2025", 20250115]) {
      expect(evaluateQuestion(q, raw, context).reason).toContain("invalid answer");
    }
  });
});

describe("text", () => {
  const q = question({ type: "text" });

  it("is never scored but counts as answered", () => {
    expect(evaluateQuestion(q, "ISO 27001 since 2019", context)).toMatchObject({
      status: "unscored",
      points: null,
      countsInScore: false,
    });
  });

  it("is unanswered when empty and does not enter the denominator", () => {
    expect(evaluateQuestion(q, "  ", context)).toMatchObject({
      status: "unanswered",
      countsInScore: false,
    });
    expect(evaluateQuestion(q, 42, context).reason).toContain("invalid answer");
  });
});

describe("countries", () => {
  const q = question({ type: "countries" });

  it("gives 1 when all countries are in the EU/EEA", () => {
    expect(evaluateQuestion(q, ["FR", "DE", "NO"], context)).toMatchObject({
      status: "scored",
      points: 1,
      reason: "all in EU/EEA (DE, FR, NO) → 1",
    });
  });

  it("gives 0.75 when the worst country has an adequacy decision", () => {
    expect(evaluateQuestion(q, ["DE", "CH"], context)).toMatchObject({ points: 0.75 });
  });

  it("gives 0.25 when any country is a third country", () => {
    const result = evaluateQuestion(q, ["de", "ch", "us"], context);
    expect(result.points).toBe(0.25);
    expect(result.reason).toBe("third country (US) → 0.25");
    expect(result.tokens).toEqual(["CH", "DE", "US", "adequacy", "eu_eea", "third_country"]);
  });

  it("counts an empty list or unknown as unknown with 0 points", () => {
    expect(evaluateQuestion(q, [], context)).toMatchObject({
      status: "unknown",
      points: 0,
      countsInScore: true,
    });
    expect(evaluateQuestion(q, "unknown", context)).toMatchObject({ status: "unknown", points: 0 });
  });

  it("rejects malformed codes", () => {
    for (const raw of [["Germany"], "DE", [1], ["D"]]) {
      expect(evaluateQuestion(q, raw, context).reason).toContain("invalid answer");
    }
  });
});

describe("edge cases of direct calls", () => {
  it("explains an unanswered question that cannot score without '→ 0'", () => {
    expect(evaluateQuestion(question({ type: "text" }), undefined, context).reason).toBe(
      "no answer",
    );
  });

  it("treats every value of a choice question without options as invalid", () => {
    expect(evaluateQuestion(question({ type: "multi_choice" }), ["a"], context).reason).toContain(
      "'a' is not an option",
    );
    expect(evaluateQuestion(question({ type: "single_choice" }), "a", context).reason).toContain(
      "'a' is not an option",
    );
  });

  it("scores a dated answer as age 0 when no reference date is known", () => {
    const q = question({
      type: "date",
      thresholds: { kind: "linear", min: 0, max: 10, higherIsBetter: false },
    });
    expect(evaluateQuestion(q, "2020-01-01", { ...context, asOfDay: null }).points).toBe(1);
  });
});
