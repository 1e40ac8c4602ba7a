/**
 * Everything the PDF report shows, already resolved to display text in the assessment's language.
 * The renderer does no database access and no translation of data: whoever builds a ReportInput
 * (the signing use case) formats dates, labels and country names; the renderer only adds its own
 * headings and captions (locale namespace `reports`). Numbers that are drawn as charts stay numbers.
 */
export type ReportLanguage = "en" | "de";

/** Stable decision codes (Decision.outcome); the visible wording is `decision.outcome`. */
export type ReportOutcomeCode = "APPROVED" | "APPROVED_WITH_CONDITIONS" | "REJECTED";

export interface ReportCondition {
  text: string;
  /** Display text, e.g. "30 Sept 2026" / "30.09.2026". */
  dueDate: string;
}

export interface ReportDecision {
  outcomeCode: ReportOutcomeCode;
  /** Display text of the outcome, e.g. "Approved with conditions". */
  outcome: string;
  rationale: string;
  conditions: ReportCondition[];
  decidedBy: string;
  decidedAt: string;
  /** The score's recommendation as display text ("Approve"/"Reject"), null without a score. */
  recommendation: string | null;
  /** True when the human decision differs from the recommendation. */
  againstRecommendation: boolean;
  /** The written reason for deciding against the recommendation. */
  overrideReason: string | null;
}

export interface ReportSummary {
  /** Overall score 0–100, null when nothing could be scored. */
  overallScore: number | null;
  /** Display text of the risk tier, e.g. "Medium". */
  riskTier: string;
  /** Share of required questions answered, 0–100. */
  completeness: number;
}

export interface ReportSectionScore {
  title: string;
  score: number | null;
  weight: number;
}

export interface ReportKnockOut {
  question: string;
  label: string;
}

export interface ReportTransparencyDomain {
  domain: string;
  earned: number;
  total: number;
}

export interface ReportDataFlow {
  kind: string;
  label: string;
  country: string;
  /** Display text of the residency class of this flow. */
  residencyClass: string;
  /** Legal basis or safeguard (adequacy decision, SCC, …), "–" when none applies. */
  legalBasis: string;
}

export interface ReportResidency {
  overallClass: string;
  flows: ReportDataFlow[];
  /**
   * Whom the adequacy decisions of the flows' countries cover, where a scope limits one (issue
   * 21): country name and note. Absent in reports prepared before.
   */
  scopeNotes?: { country: string; note: string }[];
}

export interface ReportFinding {
  title: string;
  severity: string;
  status: string;
  owner: string;
  dueDate: string;
  description: string;
  remediation: string;
  /** Labels of the questions the finding is about. */
  questions: string[];
}

export interface ReportEvidence {
  fileName: string;
  sha256: string;
}

/** A provision a question links to, as in force on the assessment date (issue 14 item 9). */
export interface ReportLinkedProvision {
  /** "Art. 50 — Transparency obligations". */
  provision: string;
  /** The instrument's title in the report's language. */
  instrument: string;
  /** "in force", "applies from 2 Dec 2027", … */
  status: string;
}

/** The regulation catalogue the report judged by. */
export interface ReportCatalogue {
  version: string;
  sha256: string;
  /** The assessment date (display text) on which the provisions were read. */
  onDate: string;
}

export interface ReportAnswer {
  question: string;
  answer: string;
  /** Points as display text ("0.70 / 1", "0,70 / 1") or "–" for unscored questions. */
  points: string;
  /** Why the answer earned its points, in words; absent in reports recorded before issue 15. */
  reason?: string;
  references: string[];
  evidence: ReportEvidence[];
  /** Absent in reports recorded before issue 14 (their stored input renders as it did). */
  provisions?: ReportLinkedProvision[];
}

export interface ReportAnswerSection {
  title: string;
  answers: ReportAnswer[];
}

export interface ReportReference {
  reference: string;
  questionCount: number;
}

export interface ReportInput {
  language: ReportLanguage;
  organizationName: string;
  vendorName: string;
  productName: string;
  assessment: {
    id: string;
    title: string;
    templateName: string;
    templateVersion: string;
    scoringMethodVersion: string;
    submittedAt: string;
  };
  decision: ReportDecision;
  signerName: string;
  summary: ReportSummary;
  sections: ReportSectionScore[];
  knockOuts: ReportKnockOut[];
  /** Null when the template has no transparency indicators. */
  transparency: ReportTransparencyDomain[] | null;
  /** Null when no residency rating was made. */
  residency: ReportResidency | null;
  findings: ReportFinding[];
  answers: ReportAnswerSection[];
  references: ReportReference[];
  /** Absent or null in reports recorded before issue 14. */
  catalogue?: ReportCatalogue | null;
  /** Null: "no AI assistance was used"; otherwise one statement per use. */
  aiAssistance: string[] | null;
  /** The organisation's audit chain head when the report was signed. */
  auditHead: { seq: number; hash: string };
  /** Absolute URL of the public verification page, e.g. https://vetted.example/verify. */
  verifyUrl: string;
  /** Decision time: also the PDF's CreationDate/ModDate, so equal inputs give equal bytes. */
  generatedAt: Date;
}

export { sampleReportInput, type SampleReportOptions } from "./sample-report-input";
