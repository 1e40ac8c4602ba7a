import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hundredths, roundTo } from "./round";

/** roundTo as method 1.0.0 shipped it: the reference the fast path must match bit for bit. */
function referenceRoundTo(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded;
}

describe("roundTo", () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [0.125, 2, 0.13],
    [-1.005, 2, -1.01],
    [100.49999999999999, 0, 101],
    [66.666666, 2, 66.67],
    [1 / 3, 4, 0.3333],
    [12.345, 1, 12.3],
    [1.23456789e-7, 9, 1.23e-7],
  ])("rounds %d to %d places → %d", (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  it("takes the exact path for huge magnitudes, like 1.0.0", () => {
    for (const value of [5e20, -5e20, 1e15, 123456789012345.67]) {
      expect(roundTo(value, 2)).toBe(referenceRoundTo(value, 2));
    }
  });

  it("never returns -0 and passes non-finite values through", () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 2), 0)).toBe(true);
    expect(roundTo(Number.NaN)).toBeNaN();
    expect(roundTo(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(roundTo(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });

  it("is bit-identical to the 1.0.0 implementation", () => {
    const nearTies = fc
      .tuple(
        fc.integer({ min: -1e7, max: 1e7 }),
        fc.constantFrom(0, 1, 2, 4),
        fc.double({ min: -1e-12, max: 1e-12, noNaN: true }),
      )
      .map(
        ([units, decimals, noise]) => [(units + 0.5) / 10 ** decimals + noise, decimals] as const,
      );
    const anyValue = fc.tuple(fc.double({ noNaN: false }), fc.constantFrom(0, 1, 2, 3, 4, 6));
    fc.assert(
      fc.property(fc.oneof(nearTies, anyValue), ([value, decimals]) => {
        expect(Object.is(roundTo(value, decimals), referenceRoundTo(value, decimals))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees with hundredths: roundTo(v, 2) === hundredths(v) / 100", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        expect(roundTo(value, 2)).toBe(hundredths(value) / 100);
      }),
      { numRuns: 5_000 },
    );
    expect(hundredths(8.335)).toBe(834);
    expect(Object.is(hundredths(-0.001), 0)).toBe(true);
  });
});
