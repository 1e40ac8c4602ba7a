// The outcome of an evidence upload or removal as the browser sees it: JSON for the component's
// fetch, or (without JavaScript) a few search parameters on the redirect back to /portal that the
// page reads with `readEvidenceFlash`. Pure and client-safe; every value read back from a URL is
// checked against a closed list, so a crafted link cannot make the page say arbitrary things.

import { EVIDENCE_KINDS, type EvidenceKind, type RejectCode } from "./detect-file-type";

/** Why an upload or removal did not happen (detection codes plus the route's and use case's own). */
export const EVIDENCE_ERROR_CODES = [
  "empty",
  "executable",
  "name_mismatch",
  "extension_not_accepted",
  "zip_archive",
  "other_office_format",
  "macros",
  "damaged",
  "unsupported",
  "too_large",
  "no_file",
  "unreadable",
  "too_many_files",
  "read_only",
  "unknown_question",
  "not_evidence_question",
  "section_not_delegated",
  "not_reopened",
  "not_found",
  "failed",
  "busy",
  "unchecked",
] as const satisfies readonly (RejectCode | string)[];
export type EvidenceErrorCode = (typeof EVIDENCE_ERROR_CODES)[number];

export type EvidenceOutcomeCode = "uploaded" | "removed" | EvidenceErrorCode;

export interface EvidenceErrorParams {
  extension?: string;
  expected?: EvidenceKind;
  actual?: EvidenceKind;
  max?: string;
}

export interface EvidenceFlash {
  questionKey: string;
  outcome: EvidenceOutcomeCode;
  params: EvidenceErrorParams;
}

const QUESTION_KEY = /^[A-Za-z0-9_.-]{1,200}$/;
const EXTENSION = /^[a-z0-9]{1,12}$/;
const NUMBER = /^\d{1,12}$/;

export function isEvidenceErrorCode(value: unknown): value is EvidenceErrorCode {
  return typeof value === "string" && (EVIDENCE_ERROR_CODES as readonly string[]).includes(value);
}

function isKind(value: unknown): value is EvidenceKind {
  return typeof value === "string" && (EVIDENCE_KINDS as readonly string[]).includes(value);
}

/** Keeps only well-formed parameters (from a server answer or a URL). */
export function cleanErrorParams(
  raw: Record<string, unknown> | null | undefined,
): EvidenceErrorParams {
  const params: EvidenceErrorParams = {};
  if (!raw) return params;
  if (typeof raw.extension === "string" && EXTENSION.test(raw.extension))
    params.extension = raw.extension;
  if (isKind(raw.expected)) params.expected = raw.expected;
  if (isKind(raw.actual)) params.actual = raw.actual;
  if (typeof raw.max === "string" && NUMBER.test(raw.max)) params.max = raw.max;
  return params;
}

/** The URL the no-JavaScript upload form is sent back to: /portal with the outcome, at the question. */
export function evidenceFlashUrl(flash: EvidenceFlash): string {
  const search = new URLSearchParams({ evidence: flash.outcome });
  if (QUESTION_KEY.test(flash.questionKey)) search.set("evidenceQuestion", flash.questionKey);
  for (const [name, value] of Object.entries(
    cleanErrorParams(flash.params as Record<string, unknown>),
  )) {
    search.set(`evidence_${name}`, value);
  }
  const anchor = QUESTION_KEY.test(flash.questionKey) ? `#q-${flash.questionKey}` : "";
  return `/portal?${search.toString()}${anchor}`;
}

/** The outcome shown after a no-JavaScript upload, read from the page URL; null when there is none. */
export function readEvidenceFlash(url: URL | string): EvidenceFlash | null {
  const search = (typeof url === "string" ? new URL(url, "http://local.invalid") : url)
    .searchParams;
  const outcome = search.get("evidence");
  if (outcome !== "uploaded" && outcome !== "removed" && !isEvidenceErrorCode(outcome)) return null;
  const questionKey = search.get("evidenceQuestion") ?? "";
  const raw: Record<string, unknown> = {};
  for (const name of ["extension", "expected", "actual", "max"])
    raw[name] = search.get(`evidence_${name}`) ?? undefined;
  return {
    questionKey: QUESTION_KEY.test(questionKey) ? questionKey : "",
    outcome,
    params: cleanErrorParams(raw),
  };
}
