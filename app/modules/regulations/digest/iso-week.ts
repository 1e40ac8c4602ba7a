const DAY_MS = 86_400_000;

/**
 * The ISO 8601 week of an instant in UTC, e.g. "2026-W53": weeks start on Monday, week 1 holds
 * the year's first Thursday (so 29 Dec 2025 is in 2026-W01). The digest's idempotency key.
 */
export function isoWeekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  const thursday = new Date(day.getTime() + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
