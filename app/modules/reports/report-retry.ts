/**
 * How often and how soon a report that could not be signed is tried again (ADR 0020): 30 s after
 * the first failure, doubling up to an hour, twelve attempts in all (about five hours,
 * enough for a timestamp authority's outage); then the report is marked as failed and the
 * decision page says so.
 */
export const MAX_REPORT_ATTEMPTS = 12;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** The wait after failed attempt number `attempt` (1 for the first). */
export function reportRetryDelayMs(attempt: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
}
