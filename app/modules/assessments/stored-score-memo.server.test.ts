import { describe, expect, it } from "vitest";
import { parseStoredScoreOnce } from "./stored-score-memo.server";

/** The smallest stored score the schema of stored-score.ts accepts. */
function storedText(overall: number): string {
  return JSON.stringify({
    methodVersion: "test",
    overall,
    riskTier: "low",
    sections: [{ key: "s", score: overall, weight: 1, answeredCount: 1, applicableCount: 1, unknownCount: 0, questionCount: 1 }],
    questions: [{ key: "s.q", sectionKey: "s", points: 1, status: "answered", reason: "", weight: 1, contributionToOverall: overall, maxContributionToOverall: 100 }],
    knockOuts: [],
    completeness: { required: 1, answeredRequired: 1, ratio: 1, missingRequired: [] },
  });
}

describe("parseStoredScoreOnce", () => {
  it("parses a stored text once and shares the frozen result while the text is unchanged", () => {
    const first = parseStoredScoreOnce("memo-a", storedText(70));
    expect(first?.overall).toBe(70);
    // The same text read again (a new string from the database, equal in content): the same object.
    expect(parseStoredScoreOnce("memo-a", `${storedText(70)}`)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first!.sections[0])).toBe(true);
  });

  it("parses anew when the assessment was scored again, and keeps assessments apart", () => {
    const before = parseStoredScoreOnce("memo-b", storedText(40));
    const after = parseStoredScoreOnce("memo-b", storedText(55));
    expect(after).not.toBe(before);
    expect(after?.overall).toBe(55);
    expect(parseStoredScoreOnce("memo-c", storedText(40))?.overall).toBe(40);
    expect(parseStoredScoreOnce("memo-b", storedText(55))).toBe(after);
  });

  it("treats an absent or unreadable text as no score", () => {
    expect(parseStoredScoreOnce("memo-d", null)).toBeNull();
    expect(parseStoredScoreOnce("memo-d", "{not json")).toBeNull();
    expect(parseStoredScoreOnce("memo-d", JSON.stringify({ overall: "high" }))).toBeNull();
  });
});
