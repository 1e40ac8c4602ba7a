// One way to print scores everywhere: the assessment page, the comparison, the portfolio and the
// signed PDF report. Before, the report rounded the overall and section scores to whole numbers
// while the pages showed one decimal, and the answers table printed points as "0.50" in German.
// Plain functions (no React), so server modules and the PDF renderer use the same code.

import { formatNumber, type Locale } from "./i18n";

/** Digits after the decimal point of a 0–100 score (overall, section, what-if). */
export const SCORE_FRACTION_DIGITS = 1;
/** Digits of one question's points (0–1) and of percentage-point changes (gains, losses). */
export const POINTS_FRACTION_DIGITS = 2;

/** A 0–100 score: "72.5" / "72,5"; "–" when there is none. */
export function formatScore(locale: Locale, value: number | null | undefined): string {
  return formatNumber(locale, value, SCORE_FRACTION_DIGITS);
}

/** One question's points on 0–1: "0.50" / "0,50"; "–" when it has none. */
export function formatPoints(locale: Locale, value: number | null | undefined): string {
  return formatNumber(locale, value, POINTS_FRACTION_DIGITS);
}

/** A change in points of the overall score (what an answer gains or lost): "1.80" / "1,80". */
export function formatPointChange(locale: Locale, value: number | null | undefined): string {
  return formatNumber(locale, value, POINTS_FRACTION_DIGITS);
}

/** A plain measured number with as many decimals as it has (up to two): "7", "7,5", "7,25". */
export function formatMeasure(locale: Locale, value: number): string {
  const digits = Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2;
  return formatNumber(locale, value, digits);
}
