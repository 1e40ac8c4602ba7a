import { describe, expect, it } from "vitest";
import { ScoringInputError, type ScoringTemplate } from "./types";
import { validateScoringTemplate } from "./validate-template";

function templateWith(
  question: Record<string, unknown>,
  sectionExtra: Record<string, unknown> = {},
): ScoringTemplate {
  return {
    sections: [
      {
        key: "s",
        weight: 1,
        questions: [{ key: "q", type: "yes_no", weight: 1, required: true, ...question }],
        ...sectionExtra,
      },
    ],
  } as ScoringTemplate;
}

describe("validateScoringTemplate", () => {
  it.each([
    [null, /template: sections must be a list/],
    [{ sections: {} }, /template: sections must be a list/],
    [{ sections: [null] }, /sections\[0\]: section key must be a non-empty string/],
    [
      { sections: [{ key: "", weight: 1, questions: [] }] },
      /section key must be a non-empty string/,
    ],
    [
      {
        sections: [
          { key: "s", weight: 1, questions: [] },
          { key: "s", weight: 1, questions: [] },
        ],
      },
      /duplicate section key 's'/,
    ],
    [
      { sections: [{ key: "s", weight: -1, questions: [] }] },
      /sections\[0\] \(s\): weight must be a finite number ≥ 0, got -1/,
    ],
    [{ sections: [{ key: "s", weight: 1, questions: "x" }] }, /questions must be a list/],
    [
      { sections: [{ key: "s", weight: 1, questions: [null] }] },
      /question key must be a non-empty string/,
    ],
    [templateWith({ type: "slider" }), /unknown question type slider/],
    [templateWith({ weight: "1" }), /weight must be a finite number/],
    [templateWith({ required: "yes" }), /required must be a boolean/],
    [templateWith({ options: "a,b" }), /options must be a list/],
    [
      templateWith({ type: "single_choice", options: [{ value: "", points: 1 }] }),
      /option value must be a non-empty string/,
    ],
    [
      templateWith({ type: "single_choice", options: [null] }),
      /option value must be a non-empty string/,
    ],
    [
      templateWith({
        type: "single_choice",
        options: [
          { value: "a", points: 1 },
          { value: "a", points: 0 },
        ],
      }),
      /duplicate option value 'a'/,
    ],
    [
      templateWith({ type: "single_choice", options: [{ value: "a", points: 2 }] }),
      /points must be a number between 0 and 1, got 2/,
    ],
    [templateWith({ type: "multi_choice" }), /multi_choice questions need options/],
    [templateWith({ type: "single_choice", options: [] }), /single_choice questions need options/],
    [
      templateWith({ thresholds: { kind: "linear", min: 0, max: 1, higherIsBetter: true } }),
      /thresholds only apply to number and date questions/,
    ],
    [templateWith({ type: "number", thresholds: "steep" }), /thresholds must be an object/],
    [
      templateWith({ type: "number", thresholds: { kind: "steps", steps: [] } }),
      /step thresholds need at least one step/,
    ],
    [
      templateWith({ type: "number", thresholds: { kind: "steps" } }),
      /step thresholds need at least one step/,
    ],
    [
      templateWith({
        type: "number",
        thresholds: { kind: "steps", steps: [{ min: "0", points: 1 }] },
      }),
      /min must be a finite number/,
    ],
    [
      templateWith({ type: "number", thresholds: { kind: "steps", steps: [null] } }),
      /min must be a finite number/,
    ],
    [
      templateWith({
        type: "number",
        thresholds: { kind: "steps", steps: [{ min: Number.NaN, points: 1 }] },
      }),
      /min must be a finite number/,
    ],
    [
      templateWith({
        type: "number",
        thresholds: {
          kind: "steps",
          steps: [
            { min: 1, points: 1 },
            { min: 1, points: 0 },
          ],
        },
      }),
      /duplicate min 1/,
    ],
    [
      templateWith({
        type: "number",
        thresholds: { kind: "linear", min: 5, max: 5, higherIsBetter: true },
      }),
      /linear thresholds need finite min < max/,
    ],
    [
      templateWith({
        type: "number",
        thresholds: { kind: "linear", min: "0", max: 5, higherIsBetter: true },
      }),
      /finite min < max/,
    ],
    [
      templateWith({
        type: "number",
        thresholds: { kind: "linear", min: 0, max: "5", higherIsBetter: true },
      }),
      /finite min < max/,
    ],
    [
      templateWith({
        type: "number",
        thresholds: { kind: "linear", min: 0, max: Number.POSITIVE_INFINITY, higherIsBetter: true },
      }),
      /finite min < max/,
    ],
    [
      templateWith({
        type: "number",
        thresholds: { kind: "linear", min: Number.NaN, max: 5, higherIsBetter: true },
      }),
      /finite min < max/,
    ],
    [
      templateWith({ type: "number", thresholds: { kind: "linear", min: 0, max: 5 } }),
      /linear thresholds need higherIsBetter/,
    ],
    [
      templateWith({ type: "number", thresholds: { kind: "log" } }),
      /thresholds kind must be 'steps' or 'linear'/,
    ],
    [
      templateWith({
        type: "date",
        thresholds: { kind: "linear", min: 0, max: 5, higherIsBetter: false },
      }),
      /date thresholds need options\.asOf/,
    ],
    [
      templateWith({ knockOut: { when: "no", label: "x" } }),
      /knockOut needs a list of answer values 'when' and a 'label'/,
    ],
    [templateWith({ knockOut: { when: [1], label: "x" } }), /knockOut needs/],
    [templateWith({ knockOut: { when: ["no"] } }), /knockOut needs/],
    [templateWith({ knockOut: null }), /knockOut needs/],
  ])("rejects %j", (template, message) => {
    expect(() => validateScoringTemplate(template as ScoringTemplate, false)).toThrow(
      ScoringInputError,
    );
    expect(() => validateScoringTemplate(template as ScoringTemplate, false)).toThrow(message);
  });

  it("rejects a duplicate question key across sections", () => {
    const template = {
      sections: [
        {
          key: "a",
          weight: 1,
          questions: [{ key: "q", type: "yes_no", weight: 1, required: true }],
        },
        {
          key: "b",
          weight: 1,
          questions: [{ key: "q", type: "yes_no", weight: 1, required: true }],
        },
      ],
    } as ScoringTemplate;
    expect(() => validateScoringTemplate(template, false)).toThrow(/duplicate question key 'q'/);
  });

  it("accepts valid templates, with date thresholds when a reference date is given", () => {
    expect(() => validateScoringTemplate(templateWith({}), false)).not.toThrow();
    expect(() =>
      validateScoringTemplate(
        templateWith({
          type: "date",
          thresholds: { kind: "steps", steps: [{ min: 0, points: 1 }] },
        }),
        true,
      ),
    ).not.toThrow();
  });
});
