import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countIndicators,
  countPlannedIndicators,
  indicatorRule,
  planTransparency,
  validateIndicator,
} from "./transparency";
import type { ScoringQuestion } from "./types";

describe("countIndicators (FMTI counting)", () => {
  it("counts satisfied indicators in total, per domain and per subdomain, in order of appearance", () => {
    const counts = countIndicators([
      { domain: "Upstream", subdomain: "Data", satisfied: true },
      { domain: "Upstream", subdomain: "Data", satisfied: false },
      { domain: "Model", subdomain: "Risks", satisfied: true },
      { domain: "Upstream", subdomain: "Compute", satisfied: true },
      { domain: "Model", subdomain: "Risks", satisfied: false },
    ]);
    expect(counts).toEqual({
      satisfied: 3,
      total: 5,
      byDomain: [
        {
          domain: "Upstream",
          satisfied: 2,
          total: 3,
          subdomains: [
            { subdomain: "Data", satisfied: 1, total: 2 },
            { subdomain: "Compute", satisfied: 1, total: 1 },
          ],
        },
        {
          domain: "Model",
          satisfied: 1,
          total: 2,
          subdomains: [{ subdomain: "Risks", satisfied: 1, total: 2 }],
        },
      ],
    });
  });

  it("gives zeros for no indicators and counts only `true` as satisfied", () => {
    expect(countIndicators([])).toEqual({ satisfied: 0, total: 0, byDomain: [] });
    const loose = [{ domain: "D", subdomain: "S", satisfied: 1 as unknown as boolean }];
    expect(countIndicators(loose).satisfied).toBe(0);
  });

  it("counts a subdomain name under each domain separately", () => {
    const counts = countIndicators([
      { domain: "A", subdomain: "Risks", satisfied: true },
      { domain: "B", subdomain: "Risks", satisfied: true },
    ]);
    expect(counts.byDomain.map((d) => [d.domain, d.subdomains.length, d.satisfied])).toEqual([
      ["A", 1, 1],
      ["B", 1, 1],
    ]);
  });

  it("counts a planned template exactly like countIndicators", () => {
    const indicator = fc.record({
      domain: fc.constantFrom("Upstream", "Model", "Downstream"),
      subdomain: fc.constantFrom("Data", "Risks", "Usage", "Compute"),
      satisfied: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(indicator, { maxLength: 40 }), (indicators) => {
        const plan = planTransparency(
          indicators.map((item, questionIndex) => ({ ...item, questionIndex })),
        );
        expect(
          countPlannedIndicators(
            plan,
            indicators.map((item) => item.satisfied),
          ),
        ).toEqual(countIndicators(indicators));
      }),
    );
  });
});

describe("indicators on questions", () => {
  const yesNo: ScoringQuestion = { key: "q", type: "yes_no", weight: 1, required: false };
  const choice: ScoringQuestion = {
    key: "c",
    type: "multi_choice",
    weight: 1,
    required: false,
    options: [
      { value: "a", points: 1 },
      { value: "b", points: 0 },
    ],
  };

  it.each([
    [yesNo, ["yes"], "awarded when the answer is 'yes'"],
    [yesNo, ["yes", "partial"], "awarded when the answer is one of 'yes', 'partial'"],
    [choice, ["a"], "awarded when a selected option is 'a'"],
    [
      { ...yesNo, type: "countries" } as ScoringQuestion,
      ["eu_eea"],
      "awarded when a listed country or its residency class is 'eu_eea'",
    ],
  ])("generates the rule text for %j", (question, awardWhen, rule) => {
    expect(indicatorRule(question, { domain: "D", subdomain: "S", awardWhen })).toBe(rule);
  });

  it("uses the indicator's own rule text when given", () => {
    expect(
      indicatorRule(yesNo, {
        domain: "D",
        subdomain: "S",
        awardWhen: ["yes"],
        rule: "  Discloses X ",
      }),
    ).toBe("Discloses X");
  });

  it.each([
    [{ ...yesNo, indicator: "x" }, /indicator must be an object/],
    [
      { ...yesNo, indicator: { domain: "", subdomain: "S", awardWhen: ["yes"] } },
      /domain must be a non-empty string/,
    ],
    [
      { ...yesNo, indicator: { domain: "D", subdomain: 1, awardWhen: ["yes"] } },
      /subdomain must be a non-empty string/,
    ],
    [
      { ...yesNo, indicator: { domain: "D", subdomain: "S", awardWhen: [] } },
      /awardWhen must list at least one/,
    ],
    [
      { ...yesNo, indicator: { domain: "D", subdomain: "S", awardWhen: ["Yes"] } },
      /awardWhen\[0\]: "Yes" is not an answer value/,
    ],
    [
      { ...yesNo, indicator: { domain: "D", subdomain: "S", awardWhen: [7] } },
      /awardWhen\[0\]: 7 is not/,
    ],
    [
      { ...yesNo, indicator: { domain: "D", subdomain: "S", awardWhen: [undefined] } },
      /awardWhen\[0\]: undefined is not/,
    ],
    [
      {
        ...choice,
        options: undefined,
        indicator: { domain: "D", subdomain: "S", awardWhen: ["a"] },
      },
      /"a" is not an answer value/,
    ],
    [
      { ...yesNo, indicator: { domain: "D", subdomain: "S", awardWhen: ["yes"], rule: " " } },
      /rule must be a non-empty string/,
    ],
    [
      { ...choice, indicator: { domain: "D", subdomain: "S", awardWhen: ["z"] } },
      /"z" is not an answer value of this multi_choice/,
    ],
    [
      { ...yesNo, type: "text", indicator: { domain: "D", subdomain: "S", awardWhen: ["x"] } },
      /indicators need a yes_no/,
    ],
    [
      {
        ...yesNo,
        type: "countries",
        indicator: { domain: "D", subdomain: "S", awardWhen: ["europe"] },
      },
      /not an answer value/,
    ],
  ])("rejects invalid indicators (%#)", (question, message) => {
    expect(() => validateIndicator(question as ScoringQuestion, "q")).toThrow(message);
  });

  it("accepts award values the question can produce", () => {
    expect(() =>
      validateIndicator(
        {
          ...choice,
          indicator: { domain: "D", subdomain: "S", awardWhen: ["a", "unknown", "na"] },
        },
        "c",
      ),
    ).not.toThrow();
    expect(() =>
      validateIndicator(
        {
          ...yesNo,
          type: "countries",
          indicator: { domain: "D", subdomain: "S", awardWhen: ["DE", "third_country", "eu_eea"] },
        },
        "c",
      ),
    ).not.toThrow();
    expect(() => validateIndicator(yesNo, "q")).not.toThrow();
  });
});
