import { CHANGE_TYPES, LEGAL_STATUSES } from "./catalogue-values";
import type { MessageKey } from "../../utils/i18n";
import { TRIAGE_STATUSES, type TriageStatus } from "./triage-values";

/** "upcoming": effective after today; "past": effective today or before; "pending": no date yet. */
export const CHANGE_TIMINGS = ["upcoming", "past", "pending"] as const;
export type ChangeTiming = (typeof CHANGE_TIMINGS)[number];

export interface ChangeFeedFilters {
  instrument?: string;
  type?: (typeof CHANGE_TYPES)[number];
  legalStatus?: (typeof LEGAL_STATUSES)[number];
  /** Inclusive UTC days of the effective date. */
  effectiveFrom?: Date;
  effectiveTo?: Date;
  timing?: ChangeTiming;
  /**
   * The reader's organisation has triaged the change with this status (the daily job raises a
   * change as "open"; the home page's "to triage" count opens ?triage=open). Needs a reader.
   */
  triage?: TriageStatus;
  /** Detected on or after this instant (CLI --since). */
  since?: Date;
  /**
   * The weekly digest's window: detected in [from, now], effective in [from, to], or pending
   * (no effective date) with a record changed in [from, now].
   */
  activeBetween?: { from: Date; now: Date; to: Date };
}

export type FilterField =
  "instrument" | "type" | "legalStatus" | "effectiveFrom" | "effectiveTo" | "timing" | "triage";

export interface ParsedChangeFeedFilters {
  filters: ChangeFeedFilters;
  /** What the reader typed, to show it again. */
  values: Record<FilterField, string>;
  errors: Partial<Record<FilterField, MessageKey>>;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTRUMENT_KEY_MAX_CHARS = 200;

/** A YYYY-MM-DD day as UTC midnight, or null for anything else (including 2026-02-31). */
export function parseDay(text: string): Date | null {
  const match = DAY.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? date : null;
}

function oneOf<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * The filters of the change feed page from its query string. A bad value is reported by field
 * (a message key) and left out of the filters; the page answers 400 and shows what was typed.
 */
export function parseChangeFeedFilters(params: URLSearchParams): ParsedChangeFeedFilters {
  const read = (name: FilterField) => (params.get(name) ?? "").trim();
  const values = {
    instrument: read("instrument"),
    type: read("type"),
    legalStatus: read("legalStatus"),
    effectiveFrom: read("effectiveFrom"),
    effectiveTo: read("effectiveTo"),
    timing: read("timing"),
    triage: read("triage"),
  };
  const filters: ChangeFeedFilters = {};
  const errors: ParsedChangeFeedFilters["errors"] = {};
  if (values.instrument) {
    if (values.instrument.length > INSTRUMENT_KEY_MAX_CHARS)
      errors.instrument = "regulationChanges.badInstrument";
    else filters.instrument = values.instrument;
  }
  if (values.type) {
    filters.type = oneOf(CHANGE_TYPES, values.type);
    if (!filters.type) errors.type = "regulationChanges.badType";
  }
  if (values.legalStatus) {
    filters.legalStatus = oneOf(LEGAL_STATUSES, values.legalStatus);
    if (!filters.legalStatus) errors.legalStatus = "regulationChanges.badLegalStatus";
  }
  for (const field of ["effectiveFrom", "effectiveTo"] as const) {
    if (!values[field]) continue;
    const day = parseDay(values[field]);
    if (day) filters[field] = day;
    else errors[field] = "regulationChanges.badDate";
  }
  if (filters.effectiveFrom && filters.effectiveTo && filters.effectiveFrom > filters.effectiveTo)
    errors.effectiveTo = "regulationChanges.badDateRange";
  if (values.timing) {
    filters.timing = oneOf(CHANGE_TIMINGS, values.timing);
    if (!filters.timing) errors.timing = "regulationChanges.badTiming";
  }
  if (values.triage) {
    filters.triage = oneOf(TRIAGE_STATUSES, values.triage);
    if (!filters.triage) errors.triage = "regulationChanges.badTriage";
  }
  return { filters, values, errors };
}
