// The closed set of triage states of a change event for an organisation (ImpactTriage.status).
// Pure: the page's form and the use case share it.

export const TRIAGE_STATUSES = [
  "open",
  "applicable",
  "not_applicable",
  "deferred",
  "in_progress",
  "closed",
] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

/** A DPO who says "does not apply" or "later" must say why: the audit trail keeps the reason. */
export const TRIAGE_STATUSES_NEEDING_REASON: readonly TriageStatus[] = [
  "not_applicable",
  "deferred",
];

export const TRIAGE_REASON_MAX_LENGTH = 2000;

export function isTriageStatus(value: unknown): value is TriageStatus {
  return typeof value === "string" && (TRIAGE_STATUSES as readonly string[]).includes(value);
}
