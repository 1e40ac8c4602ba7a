// The closed sets of the regulation catalogue (stored as strings: no native enums, ADR 0030).
// Checked when rows are written, so a typo in the snapshot or an import fails loudly.

export const INSTRUMENT_KINDS = [
  "eu_regulation",
  "eu_directive",
  "eu_decision",
  "national_act",
  "standard",
  "court_ruling",
  "guidance",
  "framework",
] as const;

export const LEGAL_STATUSES = [
  "proposal",
  "provisional_agreement",
  "adopted",
  "published",
  "in_force",
  "repealed",
  "annulled",
] as const;

export const PROVISION_KINDS = [
  "article",
  "paragraph",
  "point",
  "annex",
  "requirement",
  "group",
  "control",
] as const;

export const CHANGE_TYPES = [
  "new_instrument",
  "amendment",
  "application_date_shift",
  "adequacy_granted",
  "adequacy_renewed",
  "adequacy_expiring",
  "adequacy_annulled",
  "court_ruling",
  "guidance",
  "standard_revision",
  "editorial",
] as const;

// "schedule": raised by the daily regulation job (an adequacy window that ended, ADR 0034).
export const CHANGE_SOURCES = ["bundle", "import", "sync", "manual", "schedule"] as const;

/** The scope column of a global row (organizationId null). */
export const GLOBAL_SCOPE = "global";

/** The unique-key scope of a row: "global" or the organisation's id. */
export function scopeKeyOf(organizationId: string | null): string {
  return organizationId ?? GLOBAL_SCOPE;
}

export function assertOneOf<T extends string>(
  allowed: readonly T[],
  value: string,
  what: string,
): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${what}: "${value}" is not one of ${allowed.join(", ")}`);
  return value as T;
}
