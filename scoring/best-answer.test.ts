import { describe, expect, it } from "vitest";
import { bestAnswerCandidate } from "./best-answer";
import { parseIsoDay } from "./iso-day";
import { prepareResidencyReference, residencyReferenceFromCodes } from "./residency";
import type { ScoringQuestion } from "./types";

const reference = residencyReferenceFromCodes(["FR", "DE"], ["CH"]);
const asOf = parseIsoDay("2025-06-30");

function q(overrides: Partial<ScoringQuestion> & Pick<ScoringQuestion, "type">): ScoringQuestion {
  return { key: "q", weight: 1, required: false, ...overrides };
}

describe("bestAnswerCandidate", () => {
  it.each([
    [q({ type: "yes_no" }), "yes", "answer 'yes'"],
    [
      q({
        type: "single_choice",
        options: [
          { value: "a", points: 0.5 },
          { value: "b", points: 0.8 },
          { value: "c", points: 0.8 },
        ],
      }),
      "b",
      "option 'b'",
    ],
    [
      q({
        type: "multi_choice",
        options: [
          { value: "a", points: 0.3 },
          { value: "b", points: 0.6 },
          { value: "c", points: 0.6 },
          { value: "z", points: 0 },
        ],
      }),
      ["b", "c"],
      "options 'b', 'c'",
    ],
    [
      q({
        type: "multi_choice",
        options: [
          { value: "a", points: 0.2 },
          { value: "all", points: 1, exclusive: true },
        ],
      }),
      ["all"],
      "option 'all'",
    ],
    [
      q({
        type: "multi_choice",
        options: [
          { value: "none", points: 0, exclusive: true },
          { value: "x", points: 0 },
        ],
      }),
      ["none"],
      "option 'none'",
    ],
    [
      q({ type: "number", thresholds: { kind: "linear", min: 0, max: 72, higherIsBetter: false } }),
      0,
      "value 0",
    ],
    [
      q({ type: "number", thresholds: { kind: "linear", min: 5, max: 10, higherIsBetter: true } }),
      10,
      "value 10",
    ],
    [
      q({
        type: "number",
        thresholds: { kind: "linear", min: -10, max: -5, higherIsBetter: true },
      }),
      0,
      "value 0",
    ],
    [
      q({
        type: "number",
        thresholds: { kind: "linear", min: -10, max: -5, higherIsBetter: false },
      }),
      -10,
      "value -10",
    ],
    [
      q({
        type: "number",
        thresholds: {
          kind: "steps",
          steps: [
            { min: 4, points: 1 },
            { min: 0, points: 0 },
            { min: 1, points: 0.5 },
          ],
        },
      }),
      4,
      "value 4",
    ],
    [
      q({
        type: "number",
        thresholds: {
          kind: "steps",
          steps: [
            { min: -5, points: 1 },
            { min: 25, points: 0.5 },
          ],
        },
      }),
      0,
      "value 0",
    ],
    [
      q({
        type: "number",
        thresholds: {
          kind: "steps",
          steps: [
            { min: -50, points: 1 },
            { min: -20, points: 0 },
            { min: 10, points: 1 },
          ],
        },
      }),
      10,
      "value 10",
    ],
    [
      q({ type: "date", thresholds: { kind: "linear", min: 0, max: 365, higherIsBetter: false } }),
      "2025-06-30",
      "date 2025-06-30",
    ],
    [
      q({
        type: "date",
        thresholds: {
          kind: "steps",
          steps: [
            { min: 30, points: 1 },
            { min: 0, points: 0 },
          ],
        },
      }),
      "2025-05-31",
      "date 2025-05-31",
    ],
    [q({ type: "countries" }), ["DE"], "only EU/EEA countries (e.g. DE)"],
  ])("best answer of %j", (question, answer, text) => {
    expect(bestAnswerCandidate(question, asOf, reference)).toEqual({ answer, text });
  });

  it("has none for questions that cannot score", () => {
    expect(bestAnswerCandidate(q({ type: "text" }), asOf, reference)).toBeNull();
    expect(bestAnswerCandidate(q({ type: "number" }), asOf, reference)).toBeNull();
    expect(bestAnswerCandidate(q({ type: "date" }), asOf, reference)).toBeNull();
    const dated = q({
      type: "date",
      thresholds: { kind: "linear", min: 0, max: 1, higherIsBetter: false },
    });
    expect(bestAnswerCandidate(dated, null, reference)).toBeNull();
  });

  it("falls back to whole-country adequacy, then to nothing, for countries without EU/EEA references", () => {
    const adequacyOnly = prepareResidencyReference(
      {
        euEea: [],
        adequacy: [
          { code: "US", scope: "dpf_certified_only", validFrom: "2023-07-10" },
          { code: "JP", scope: "whole", validFrom: "2019-01-23" },
        ],
      },
      "2025-06-30",
    );
    expect(bestAnswerCandidate(q({ type: "countries" }), asOf, adequacyOnly)).toEqual({
      answer: ["JP"],
      text: "only countries with an adequacy decision (e.g. JP)",
    });
    expect(
      bestAnswerCandidate(q({ type: "countries" }), asOf, residencyReferenceFromCodes([], [])),
    ).toBeNull();
  });
});
