import { describe, expect, it } from "vitest";
import { EvaluationCache } from "./evaluation-cache";

/** A cache whose evaluations record how often they were computed. */
function counting(fewStrings: boolean) {
  const calls: unknown[] = [];
  const cache = new EvaluationCache<{ raw: unknown; n: number }>(fewStrings);
  const evaluate = (raw: unknown) => {
    calls.push(raw);
    return { raw, n: calls.length };
  };
  return { cache, calls, get: (raw: unknown) => cache.get(raw, evaluate) };
}

describe("EvaluationCache", () => {
  it.each([true, false])(
    "remembers strings, numbers, missing answers and string lists (few strings: %s)",
    (few) => {
      const { get, calls } = counting(few);
      const answers: unknown[] = [
        "yes",
        "no",
        "partial",
        "unknown",
        "na",
        "other",
        3,
        3.5,
        undefined,
        ["DE", "FR"],
        ["DE"],
        [],
      ];
      const first = answers.map(get);
      const second = answers.map((raw) => get(Array.isArray(raw) ? [...raw] : raw));
      second.forEach((value, i) => expect(value).toBe(first[i]));
      expect(calls).toHaveLength(answers.length);
    },
  );

  it("keys lists exactly: order, length and item boundaries matter", () => {
    const { get } = counting(true);
    expect(get(["DE", "FR"])).not.toBe(get(["FR", "DE"]));
    expect(get(["DE"])).not.toBe(get(["DE", "FR"]));
    expect(get(["ab", "c"])).not.toBe(get(["a", "bc"]));
    expect(get("DE")).not.toBe(get(["DE"]));
    expect(get(1)).not.toBe(get("1"));
  });

  it("evaluates other answers every time", () => {
    const { get, calls } = counting(true);
    for (const raw of [
      null,
      true,
      { a: 1 },
      [1, 2],
      ["a", 1],
      Array.from({ length: 33 }, () => "x"),
    ]) {
      get(raw);
      get(raw);
    }
    expect(calls).toHaveLength(12);
  });

  it("stops remembering after 2048 distinct answers but keeps answering correctly", () => {
    const { get, calls } = counting(false);
    for (let i = 0; i < 2100; i++) get(i);
    expect(calls).toHaveLength(2100);
    get(5);
    expect(calls).toHaveLength(2100);
    expect(get(2099).raw).toBe(2099);
    expect(calls).toHaveLength(2101);
    expect(get("new").raw).toBe("new");
    expect(get(["new"]).raw).toEqual(["new"]);
    expect(calls).toHaveLength(2103);
  });

  it.each([true, false])(
    "does not remember strings or list items longer than 64 characters (few strings: %s)",
    (few) => {
      const { get, calls } = counting(few);
      const long = "x".repeat(65);
      const short = "x".repeat(64);
      for (const raw of [long, [long], ["DE", long]]) {
        expect(get(raw).raw).toEqual(raw);
        expect(get(raw).raw).toEqual(raw);
      }
      expect(calls).toHaveLength(6);
      // The limit is inclusive, and a list is remembered up to its first long item.
      for (const raw of [short, [short], ["DE"]]) expect(get(raw)).toBe(get(raw));
      expect(calls).toHaveLength(9);
    },
  );

  it("falls back from the first four strings to the map", () => {
    const { get, calls } = counting(true);
    const values = ["a", "b", "c", "d", "e", "f"];
    const first = values.map(get);
    expect(values.map(get)).toEqual(first);
    expect(calls).toHaveLength(6);
  });
});
