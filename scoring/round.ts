// Decimal rounding for scores: half away from zero, without binary artefacts (1.005 → 1.01,
// 100.49999999999999 → 100.5 first), never -0. Every number in a result goes through here. Pure.

const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 1e5, 1e6, 1e7, 1e8];

/**
 * Whole units of 10^-decimals in `value`, rounded half away from zero after stripping the
 * floating-point noise beyond 12 significant digits; never -0. Requires a finite value.
 */
function roundedUnits(value: number, factor: number): number {
  const magnitude = (value < 0 ? -value : value) * factor;
  // Fast path, same result as the exact path below: stripping the noise to 12 significant digits
  // moves the magnitude by at most magnitude·5e-12, which only matters within that distance of a
  // tie (x.5).
  let units: number;
  const floor = Math.floor(magnitude);
  const fromTie = magnitude - floor - 0.5;
  const tolerance = magnitude * 1e-11;
  if (magnitude < 1e15 && (fromTie > tolerance || fromTie < -tolerance)) {
    units = fromTie > 0 ? floor + 1 : floor;
  } else {
    units = Math.round(Number(magnitude.toPrecision(12)));
  }
  if (units === 0) return 0;
  return value < 0 ? -units : units;
}

/** Rounds half away from zero to `decimals` places; non-finite input is returned unchanged. */
export function roundTo(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = POWERS_OF_TEN[decimals] ?? 10 ** decimals;
  return roundedUnits(value, factor) / factor;
}

/** Whole hundredths of a finite value, so that roundTo(value, 2) === hundredths(value) / 100. */
export function hundredths(value: number): number {
  return roundedUnits(value, 100);
}
