import { describe, expect, it } from "vitest";
import { parseMemberMfaFilter } from "~/modules/admin/member-filters";
import {
  assessmentListHref,
  parseAssessmentListFilters,
} from "~/modules/assessments/assessment-list-filters";
import { parsePortfolioParams, portfolioParams } from "~/modules/portfolio/portfolio-query";
import { parseChangeFeedFilters } from "~/modules/regulations/change-feed-filters";

// The query parameters the home page's counts link to (issue 15 item 1): a known value filters,
// an unknown one is named and ignored (or reported as the page's field error), never a crash.

describe("the assessment list's work filters", () => {
  it("reads status, overdue, clarifications and conditions", () => {
    const { filters, ignored } = parseAssessmentListFilters(
      new URLSearchParams(
        "status=AWAITING_DECISION&overdue=1&clarifications=answered&conditions=due",
      ),
    );
    expect(filters).toEqual({
      status: "AWAITING_DECISION",
      overdue: true,
      clarificationsAnswered: true,
      conditionsDue: true,
    });
    expect(ignored).toEqual([]);
  });

  it("names unknown values and leaves them out", () => {
    const { filters, ignored } = parseAssessmentListFilters(
      new URLSearchParams(
        `status=NOPE&overdue=yes&clarifications=${"x".repeat(5000)}&conditions=&page=2`,
      ),
    );
    expect(filters).toEqual({
      status: null,
      overdue: false,
      clarificationsAnswered: false,
      conditionsDue: false,
    });
    expect(ignored).toEqual(["status", "overdue", "clarifications"]);
  });

  it("writes the links the home page uses and reads them back", () => {
    for (const filters of [
      { status: "SUBMITTED" as const },
      { overdue: true },
      { clarificationsAnswered: true },
      { conditionsDue: true },
    ]) {
      const href = assessmentListHref(filters);
      const parsed = parseAssessmentListFilters(new URL(href, "http://x").searchParams);
      expect(parsed.ignored).toEqual([]);
      expect(parsed.filters).toMatchObject(filters);
    }
    expect(assessmentListHref({})).toBe("/assessments");
  });
});

describe("the other lists' filters", () => {
  it("/admin/users?mfa=missing, and anything else is ignored with a notice", () => {
    expect(parseMemberMfaFilter("missing")).toEqual({ mfa: "missing", ignored: false });
    expect(parseMemberMfaFilter(null)).toEqual({ mfa: null, ignored: false });
    expect(parseMemberMfaFilter("all")).toEqual({ mfa: null, ignored: true });
  });

  it("/regulations/changes?triage=open, an unknown status is a field error", () => {
    expect(parseChangeFeedFilters(new URLSearchParams("triage=open")).filters).toEqual({
      triage: "open",
    });
    const bad = parseChangeFeedFilters(new URLSearchParams("triage=maybe"));
    expect(bad.filters).toEqual({});
    expect(bad.errors).toEqual({ triage: "regulationChanges.badTriage" });
    expect(bad.values.triage).toBe("maybe");
  });

  it("/portfolio?expiry=soon (the home's certificate count), anything else is ignored", () => {
    expect(parsePortfolioParams(new URLSearchParams("expiry=soon")).expiry).toBe("soon");
    expect(parsePortfolioParams(new URLSearchParams("expiry=45")).expiry).toBeNull();
    const query = parsePortfolioParams(new URLSearchParams("expiry=soon"));
    expect(portfolioParams(query).toString()).toBe("expiry=soon");
  });
});
