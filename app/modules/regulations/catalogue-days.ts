import { DomainError } from "../../utils/errors";

// Catalogue dates are days (YYYY-MM-DD), stored as DateTime at UTC midnight: a window's
// appliesFrom and appliesUntil are both inclusive days, so comparisons are on days, never times.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function dayToDate(day: string): Date {
  if (!DAY.test(day)) throw new Error(`not a day YYYY-MM-DD: ${day}`);
  const date = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day)
    throw new Error(`not a calendar day: ${day}`);
  return date;
}

export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function optionalDay(date: Date | null): string | null {
  return date === null ? null : dateToDay(date);
}

/** A day a caller asks about: a malformed one is the caller's mistake (400), not a crash. */
export function requireQueryDay(day: string): string {
  try {
    dayToDate(day);
  } catch {
    throw new DomainError("VALIDATION", "answers.invalidDate", { day });
  }
  return day;
}
