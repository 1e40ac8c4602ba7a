import { describe, expect, it } from "vitest";
import { rankByOverall, rankDifferingQuestions } from "./differ-most";

describe("rankDifferingQuestions", () => {
  it("ranks by the spread of points, leaves out identical answers and breaks ties by template order", () => {
    const ranked = rankDifferingQuestions([
      { key: "same", order: 0, answers: ["yes", "yes", "yes"], points: [1, 1, 1] },
      { key: "small", order: 1, answers: ["yes", "partial", "yes"], points: [1, 0.5, 1] },
      { key: "large", order: 2, answers: ["yes", "no", "partial"], points: [1, 0, 0.5] },
      { key: "text", order: 3, answers: ["a", "b", "c"], points: [null, null, null] },
      { key: "unknown", order: 4, answers: ["yes", "unknown", "yes"], points: [1, null, 1] },
      { key: "small-too", order: 5, answers: ["partial", "yes", "yes"], points: [0.5, 1, 1] },
    ]);
    expect(ranked.map((q) => q.key)).toEqual(["large", "small", "small-too", "unknown", "text"]);
    expect(ranked[0]).toEqual({ key: "large", spread: 1, partlyUnknown: false });
    expect(ranked.find((q) => q.key === "unknown")).toEqual({
      key: "unknown",
      spread: 0,
      partlyUnknown: true,
    });
  });

  it("treats equal structured answers in any key order as the same, and honours the limit", () => {
    const ranked = rankDifferingQuestions(
      [
        {
          key: "obj",
          order: 0,
          answers: [
            { a: 1, b: 2 },
            { b: 2, a: 1 },
          ],
          points: [1, 1],
        },
        { key: "q1", order: 1, answers: ["yes", "no"], points: [1, 0] },
        { key: "q2", order: 2, answers: ["yes", "partial"], points: [1, 0.5] },
      ],
      1,
    );
    expect(ranked.map((q) => q.key)).toEqual(["q1"]);
  });
});

describe("rankByOverall", () => {
  it("ranks the best score first, unscored last and ties by name", () => {
    const a = { vendorName: "Beta", overall: 70 };
    const b = { vendorName: "Alpha", overall: 70 };
    const c = { vendorName: "Gamma", overall: null };
    const d = { vendorName: "Delta", overall: 90 };
    const ranks = rankByOverall([a, b, c, d]);
    expect([ranks.get(d), ranks.get(b), ranks.get(a), ranks.get(c)]).toEqual([1, 2, 3, 4]);
  });
});
