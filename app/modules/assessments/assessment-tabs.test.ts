import { describe, expect, it } from "vitest";
import {
  ASSESSMENT_TABS,
  assessmentTabHref,
  formActionFor,
  parseAssessmentTab,
  tabOfUrl,
} from "./assessment-tabs";

describe("assessment page tabs", () => {
  it("an unknown, missing or malformed tab is the overview", () => {
    for (const value of [undefined, null, "", "Answers", "nope", "../admin", 3])
      expect(parseAssessmentTab(value)).toBe("overview");
    for (const tab of ASSESSMENT_TABS) expect(parseAssessmentTab(tab)).toBe(tab);
  });

  it("reads the tab of a URL and builds links and form actions that carry it", () => {
    expect(tabOfUrl("http://x/assessments/a1?tab=findings&review=ok")).toBe("findings");
    expect(tabOfUrl("/assessments/a1?tab=%3Cscript%3E")).toBe("overview");
    expect(assessmentTabHref("a1", "overview")).toBe("/assessments/a1");
    expect(assessmentTabHref("a1", "answers", "answer-q.1")).toBe(
      "/assessments/a1?tab=answers#answer-q.1",
    );
    expect(assessmentTabHref("a1", "decision", undefined, "decide")).toBe(
      "/assessments/a1?tab=decision&open=decide#decide",
    );
    expect(formActionFor("a1", "findings", "review")).toBe("/assessments/a1/review?tab=findings");
    expect(formActionFor("a1", "vendor-access")).toBe("/assessments/a1?tab=vendor-access");
  });
});
