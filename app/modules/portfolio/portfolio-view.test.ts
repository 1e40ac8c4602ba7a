import { describe, expect, it } from "vitest";
import type { PortfolioRow } from "./list-portfolio.server";
import { portfolioRowView } from "./portfolio-view";

const row: PortfolioRow = {
  id: "v1",
  name: "Acme AI",
  criticality: "HIGH",
  tags: ["llm", "eu"],
  product: "Assist",
  latestAssessmentId: "a1",
  status: "APPROVED_WITH_CONDITIONS",
  overall: 87.25,
  tier: "medium",
  transparency: 62.5,
  residencyClass: "eu_eea",
  dueDate: "2026-07-25",
  certificateExpiry: null,
  openFindings: 1234,
  overdue: true,
};

describe("portfolioRowView", () => {
  it("gives every cell as the page shows it, in German", () => {
    expect(portfolioRowView(row, "de")).toEqual({
      id: "v1",
      name: "Acme AI",
      tags: "#llm #eu",
      product: "Assist",
      score: "87,3",
      scoreHref: "/assessments/a1",
      tier: { key: "medium", label: "Mittel" },
      transparency: "62,5 %",
      residency: "EU/EWR",
      status: { key: "APPROVED_WITH_CONDITIONS", label: "Unter Auflagen freigegeben" },
      due: "25.07.2026",
      overdue: true,
      expiry: "–",
      findings: "1.234",
    });
  });

  it("in English, and with dashes where there is nothing to show", () => {
    const view = portfolioRowView(
      {
        ...row,
        tags: [],
        product: null,
        latestAssessmentId: null,
        overall: null,
        tier: null,
        transparency: null,
        residencyClass: null,
        status: null,
        dueDate: null,
        overdue: false,
        openFindings: 0,
      },
      "en",
    );
    expect(view).toMatchObject({
      tags: "",
      product: "–",
      score: "–",
      scoreHref: null,
      tier: null,
      transparency: "–",
      residency: "–",
      status: null,
      due: "–",
      findings: "0",
    });
    expect(portfolioRowView(row, "en")).toMatchObject({
      score: "87.3",
      findings: "1,234",
      due: "25 Jul 2026",
      tier: { label: "Medium" },
    });
  });
});
