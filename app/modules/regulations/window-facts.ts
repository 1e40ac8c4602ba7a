import { optionalDay, dateToDay } from "./catalogue-days";
import type { WindowFact } from "./applicability";

/** A stored ApplicabilityWindow as the day-based fact the pure rules read. */
export function toWindowFact(window: {
  appliesFrom: Date;
  appliesUntil: Date | null;
  condition: string | null;
  scope: string | null;
  sourceUrl: string;
  confirmed: boolean;
  note: string | null;
}): WindowFact {
  return {
    appliesFrom: dateToDay(window.appliesFrom),
    appliesUntil: optionalDay(window.appliesUntil),
    condition: window.condition,
    scope: window.scope,
    sourceUrl: window.sourceUrl,
    confirmed: window.confirmed,
    note: window.note,
  };
}

export const WINDOW_SELECT = {
  appliesFrom: true,
  appliesUntil: true,
  condition: true,
  scope: true,
  sourceUrl: true,
  confirmed: true,
  note: true,
} as const;
