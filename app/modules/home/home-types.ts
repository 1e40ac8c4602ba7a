/**
 * The home page's "my work" inbox (issue 15 item 1) as plain data: what the loader returns and
 * the page renders. Pure types: the page imports them in the browser.
 */

/** Every section the home page knows, in the order it shows them. */
export const HOME_SECTION_IDS = [
  "membersWithoutMfa",
  "pendingInvitations",
  "awaitingDecision",
  "conditionsDue",
  "impactsToTriage",
  "submitted",
  "overdue",
  "clarificationsAnswered",
  "certificatesExpiring",
  "recentDecisions",
] as const;
export type HomeSectionId = (typeof HOME_SECTION_IDS)[number];

/** What the date of an item means ("forwarded on …", "due on …"). */
export type HomeDateKind =
  | "forwarded"
  | "submitted"
  | "due"
  | "overdueSince"
  | "answered"
  | "expires"
  | "expired"
  | "raised"
  | "invitedUntil"
  | "memberSince"
  | "decided";

/** Text from a row: plain, or in both languages (catalogue entries carry both). */
export type HomeText = string | { de: string; en: string };

export interface HomeItem {
  /** Stable key for the list (an id of the organisation's row). */
  key: string;
  title: HomeText;
  /** The vendor, the instrument or the e-mail address: who or what the item is about. */
  detail: HomeText | null;
  href: string;
  date: string | null;
  dateKind: HomeDateKind;
  /** A stored assessment status (recent decisions show their outcome). */
  status?: string;
}

export interface HomeSection {
  id: HomeSectionId;
  /** All matching rows, counted by the database (the list behind `href` shows the same set). */
  count: number;
  /** The filtered list the count opens. */
  href: string;
  /** The first few rows (HOME_ITEMS_PER_SECTION), most urgent first. */
  items: HomeItem[];
}

/** The auditor's look at the audit chain (a bounded check; /audit runs the full one). */
export type HomeAuditChain =
  | { state: "empty" }
  | {
      state: "intact" | "broken";
      headSeq: number;
      lastEventAt: string;
      checkedEvents: number;
      brokenSeq: number | null;
      checkpointSeq: number | null;
    };

/** The groups of sections, each shown under its own heading. */
export type HomeGroupId = "members" | "decisions" | "assessments" | "audit";

export interface HomeGroup {
  id: HomeGroupId;
  sections: HomeSection[];
}

export interface HomePage {
  groups: HomeGroup[];
  /** Present for the auditor's overview. */
  auditChain: HomeAuditChain | null;
}

export const HOME_ITEMS_PER_SECTION = 5;

/** Decisions of the last RECENT_DECISION_DAYS days are the auditor's "recent decisions". */
export const RECENT_DECISION_DAYS = 30;
