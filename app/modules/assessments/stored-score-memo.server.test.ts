import { describe, expect, it } from "vitest";
import { readStoredScores, type StoredScoreRow } from "./stored-score-memo.server";

/** The smallest stored score the schema of stored-score.ts accepts. */
function storedText(overall: number): string {
  return JSON.stringify({
    methodVersion: "test",
    overall,
    riskTier: "low",
    sections: [
      {
        key: "s",
        score: overall,
        weight: 1,
        answeredCount: 1,
        applicableCount: 1,
        unknownCount: 0,
        questionCount: 1,
      },
    ],
    questions: [
      {
        key: "s.q",
        sectionKey: "s",
        points: 1,
        status: "answered",
        reason: "",
        weight: 1,
        contributionToOverall: overall,
        maxContributionToOverall: 100,
      },
    ],
    knockOuts: [],
    completeness: { required: 1, answeredRequired: 1, ratio: 1, missingRequired: [] },
  });
}

/** A store of texts that records which ids it was asked for. */
function texts(entries: Record<string, string | null>) {
  const asked: string[][] = [];
  const read = async (ids: string[]) => {
    asked.push(ids);
    return new Map(ids.map((id) => [id, entries[id] ?? null]));
  };
  return { asked, read };
}

const row = (id: string, version: number, at: string): StoredScoreRow => ({
  id,
  version,
  updatedAt: new Date(at),
});

describe("readStoredScores", () => {
  it("reads and parses a stored version once, then shares the frozen result without reading the text", async () => {
    const store = texts({ "memo-a": storedText(70) });
    const first = await readStoredScores([row("memo-a", 2, "2026-07-01T10:00:00Z")], store.read);
    expect(first.get("memo-a")?.overall).toBe(70);
    const again = await readStoredScores([row("memo-a", 2, "2026-07-01T10:00:00Z")], store.read);
    expect(again.get("memo-a")).toBe(first.get("memo-a"));
    expect(store.asked).toEqual([["memo-a"]]);
    expect(Object.isFrozen(first.get("memo-a"))).toBe(true);
    expect(Object.isFrozen(first.get("memo-a")!.sections[0])).toBe(true);
  });

  it("reads anew when the row was written again (new version or new updatedAt), and only those", async () => {
    const store = texts({ "memo-b": storedText(40), "memo-c": storedText(30) });
    await readStoredScores(
      [row("memo-b", 1, "2026-07-01T10:00:00Z"), row("memo-c", 1, "2026-07-01T10:00:00Z")],
      store.read,
    );
    store.asked.length = 0;
    const rescored = texts({ "memo-b": storedText(55), "memo-c": storedText(31) });
    const byVersion = await readStoredScores(
      [row("memo-b", 2, "2026-07-01T10:00:00Z"), row("memo-c", 1, "2026-07-01T10:00:00Z")],
      rescored.read,
    );
    expect(byVersion.get("memo-b")?.overall).toBe(55);
    expect(byVersion.get("memo-c")?.overall).toBe(30);
    expect(rescored.asked).toEqual([["memo-b"]]);
    const byTime = await readStoredScores(
      [row("memo-c", 1, "2026-07-01T10:00:00.001Z")],
      rescored.read,
    );
    expect(byTime.get("memo-c")?.overall).toBe(31);
  });

  it("treats an absent or unreadable text as no score", async () => {
    const store = texts({ "memo-d": "{not json", "memo-e": JSON.stringify({ overall: "high" }) });
    const scores = await readStoredScores(
      [
        row("memo-d", 1, "2026-07-01T10:00:00Z"),
        row("memo-e", 1, "2026-07-01T10:00:00Z"),
        row("memo-f", 1, "2026-07-01T10:00:00Z"),
      ],
      store.read,
    );
    expect([...scores.values()]).toEqual([null, null, null]);
  });
});
