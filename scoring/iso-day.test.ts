import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoDay, parseIsoDay } from "./iso-day";

describe("formatIsoDay", () => {
  it.each([
    [0, "1970-01-01"],
    [-1, "1969-12-31"],
    [19782, "2024-02-29"],
    [11016, "2000-02-29"],
  ])("day %d is %s", (day, iso) => {
    expect(formatIsoDay(day)).toBe(iso);
    expect(parseIsoDay(iso)).toBe(day);
  });

  it("is the inverse of parseIsoDay over years 0000–9999", () => {
    const min = parseIsoDay("0000-01-01")!;
    const max = parseIsoDay("9999-12-31")!;
    fc.assert(
      fc.property(fc.integer({ min, max }), (day) => {
        expect(parseIsoDay(formatIsoDay(day))).toBe(day);
      }),
      { numRuns: 5_000 },
    );
  });

  it("clamps days outside 0000–9999 and truncates fractions", () => {
    expect(formatIsoDay(-1e9)).toBe("0000-01-01");
    expect(formatIsoDay(1e9)).toBe("9999-12-31");
    expect(formatIsoDay(0.9)).toBe("1970-01-01");
  });
});
