/**
 * The shape of the bundled regulation snapshot (issue 14): plain data, written from
 * shared/research/regulations.md, that app/modules/regulations loads into the catalogue tables at
 * start. Every fact carries its source and how well it is confirmed, because the UI shows the
 * mark and a DPO must be able to tell a primary fact from a recalled one.
 */

/**
 * primary: confirmed by a primary or near-primary source (✅ in the research doc);
 * secondary: only law firms or news agree (◐); unverified: recalled, derived or disputed (⚠).
 * Only "primary" is stored as confirmed.
 */
export type Evidence = "primary" | "secondary" | "unverified";

export interface SnapshotFact {
  sourceUrl: string;
  evidence: Evidence;
  /** Why a fact is not confirmed, or which source says what. */
  note?: string;
}

/** Days are YYYY-MM-DD; `until` is the last day on which the window applies (inclusive). */
export interface SnapshotWindow extends SnapshotFact {
  from: string;
  until?: string;
  /** Whom it covers, e.g. "dpf_certified_only" or "placed_on_market_before_2026-08-02". */
  condition?: string;
  /** For adequacy: an ISO country code, or "io:<code>" for an international organisation. */
  scope?: string;
}

export interface SnapshotProvision {
  /** Stable across versions: "<instrument key>:art:50:par:2". */
  key: string;
  parentKey?: string;
  kind: "article" | "paragraph" | "point" | "annex" | "requirement" | "group" | "control";
  label: string;
  titleDe?: string;
  titleEn?: string;
  textDe?: string;
  textEn?: string;
  assessable?: boolean;
  windows?: SnapshotWindow[];
}

export interface SnapshotVersion extends SnapshotFact {
  /** Unique per instrument; never reused for a different text. */
  label: string;
  legalStatus:
    | "proposal"
    | "provisional_agreement"
    | "adopted"
    | "published"
    | "in_force"
    | "repealed"
    | "annulled";
  publishedAt?: string;
  /** The day this state of the law starts to bind; absent when the research doc gives none. */
  entryIntoForceAt?: string;
  /** Windows of the whole version (provisions without windows of their own follow these). */
  windows?: SnapshotWindow[];
  provisions: SnapshotProvision[];
}

export interface SnapshotInstrument extends SnapshotFact {
  key: string;
  kind:
    | "eu_regulation"
    | "eu_directive"
    | "eu_decision"
    | "national_act"
    | "standard"
    | "court_ruling"
    | "guidance"
    | "framework";
  celex?: string;
  eli?: string;
  citation?: string;
  titleDe: string;
  titleEn: string;
  authority: string;
  jurisdiction: string;
  /** Oldest first. */
  versions: SnapshotVersion[];
}

export type ChangeType =
  | "new_instrument"
  | "amendment"
  | "application_date_shift"
  | "adequacy_granted"
  | "adequacy_renewed"
  | "adequacy_expiring"
  | "adequacy_annulled"
  | "court_ruling"
  | "guidance"
  | "standard_revision"
  | "editorial";

export interface SnapshotChange {
  provisionKey?: string;
  field: string;
  from: string | null;
  to: string | null;
}

export interface SnapshotChangeEvent extends SnapshotFact {
  /** Stable id of the event inside the bundle. */
  key: string;
  instrumentKey: string;
  type: ChangeType;
  detectedAt: string;
  /** Absent while the change is pending (a proposal, an appeal). */
  effectiveAt?: string;
  legalStatus: SnapshotVersion["legalStatus"];
  fromVersionLabel?: string;
  toVersionLabel?: string;
  affectedProvisionKeys: string[];
  changes: SnapshotChange[];
  summaryDe: string;
  summaryEn: string;
}

export interface RegulationSnapshot {
  snapshotDate: string;
  instruments: SnapshotInstrument[];
  changeEvents: SnapshotChangeEvent[];
}

/** The EUR-Lex page of a CELEX number (the act, a proposal or a judgment). */
export function eurLexUrl(celex: string): string {
  return `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${celex}`;
}
