import { describe, expect, it } from "vitest";
import { diffAssessments, type DiffSide } from "./assessment-diff";

const side = (overrides: Partial<DiffSide>): DiffSide => ({
  questions: [],
  sections: [],
  answers: {},
  overall: null,
  riskTier: null,
  sectionScores: {},
  ...overrides,
});

describe("diffAssessments", () => {
  it("lists changed answers, score changes per section, and the tier", () => {
    const questions = [
      { key: "a.one", sectionKey: "a" },
      { key: "a.two", sectionKey: "a" },
      { key: "b.one", sectionKey: "b" },
    ];
    const sections = [{ key: "a" }, { key: "b" }];
    const diff = diffAssessments(
      side({
        questions,
        sections,
        answers: { "a.one": "yes", "a.two": ["DE", "FR"], "b.one": "" },
        overall: 60.5,
        riskTier: "medium",
        sectionScores: { a: 50, b: 71 },
      }),
      side({
        questions,
        sections,
        answers: { "a.one": "no", "a.two": ["DE", "FR"] },
        overall: 72.25,
        riskTier: "low",
        sectionScores: { a: 80, b: null },
      }),
    );
    expect(diff.changed).toEqual([{ key: "a.one", sectionKey: "a", before: "yes", after: "no" }]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.overall).toEqual({ key: "overall", before: 60.5, after: 72.25, delta: 11.75 });
    expect(diff.riskTier).toEqual({ before: "medium", after: "low" });
    expect(diff.sections).toEqual([
      { key: "a", before: 50, after: 80, delta: 30 },
      { key: "b", before: 71, after: null, delta: null },
    ]);
  });

  it("matches questions by key across template versions and lists added and removed ones", () => {
    const diff = diffAssessments(
      side({
        questions: [
          { key: "keep", sectionKey: "s" },
          { key: "gone", sectionKey: "old" },
        ],
        sections: [{ key: "s" }, { key: "old" }],
        answers: { keep: 3, gone: "x" },
        sectionScores: { s: 10, old: 20 },
      }),
      side({
        questions: [
          { key: "new", sectionKey: "s" },
          { key: "keep", sectionKey: "s" },
        ],
        sections: [{ key: "s" }],
        answers: { keep: 4, new: "y" },
        sectionScores: { s: 30 },
      }),
    );
    expect(diff.changed).toEqual([{ key: "keep", sectionKey: "s", before: 3, after: 4 }]);
    expect(diff.added).toEqual([{ key: "new", sectionKey: "s", after: "y" }]);
    expect(diff.removed).toEqual([{ key: "gone", sectionKey: "old", before: "x" }]);
    expect(diff.sections.map((s) => s.key)).toEqual(["s", "old"]);
    expect(diff.sections[1]).toEqual({ key: "old", before: 20, after: null, delta: null });
  });
});
