import { isAssessmentStatus, VENDOR_EDITABLE, type AssessmentStatus } from "./assessment-status";

/**
 * The work filters of the assessment list (/assessments?…), shared by the list and the home page,
 * so a count on the home page and the list it links to are the same set. Pure: the page imports
 * it in the browser too.
 *
 *   status=<status>            one status of the life cycle
 *   overdue=1                  past the due date while the vendor still owes answers
 *   clarifications=answered    a clarification the vendor answered waits for the assessor
 *   conditions=due             a condition of the current decision is due within the window
 *
 * A value that is none of these is left out of the filter and named in `ignored`, so the page can
 * say so (a stale or mistyped link shows the whole list with a notice, never an error).
 */
export interface AssessmentListFilters {
  status: AssessmentStatus | null;
  overdue: boolean;
  clarificationsAnswered: boolean;
  conditionsDue: boolean;
}

export type AssessmentFilterParam = "status" | "overdue" | "clarifications" | "conditions";

/** Statuses in which a passed due date means the vendor is late (not a draft, not yet submitted). */
export const OVERDUE_STATUSES: readonly AssessmentStatus[] = VENDOR_EDITABLE;

/** Conditions due within this many days (or already past) count as "due". */
export const CONDITION_DUE_WITHIN_DAYS = 30;

const MAX_PARAM_CHARS = 64;

export function parseAssessmentListFilters(params: URLSearchParams): {
  filters: AssessmentListFilters;
  ignored: AssessmentFilterParam[];
} {
  const ignored: AssessmentFilterParam[] = [];
  const read = (name: AssessmentFilterParam) =>
    (params.get(name) ?? "").trim().slice(0, MAX_PARAM_CHARS);
  const flag = (name: AssessmentFilterParam, on: string): boolean => {
    const value = read(name);
    if (value === "") return false;
    if (value === on) return true;
    ignored.push(name);
    return false;
  };
  const statusText = read("status");
  const status = isAssessmentStatus(statusText) ? statusText : null;
  if (statusText !== "" && !status) ignored.push("status");
  return {
    filters: {
      status,
      overdue: flag("overdue", "1"),
      clarificationsAnswered: flag("clarifications", "answered"),
      conditionsDue: flag("conditions", "due"),
    },
    ignored,
  };
}

/** The filters as query parameters (defaults left out): for page links and the home page. */
export function assessmentListParams(filters: Partial<AssessmentListFilters>): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.overdue) params.set("overdue", "1");
  if (filters.clarificationsAnswered) params.set("clarifications", "answered");
  if (filters.conditionsDue) params.set("conditions", "due");
  return params;
}

export function assessmentListHref(filters: Partial<AssessmentListFilters>): string {
  const query = assessmentListParams(filters).toString();
  return query ? `/assessments?${query}` : "/assessments";
}
