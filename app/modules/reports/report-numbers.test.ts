import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatScore } from "../../utils/score-format";
import { portfolioRowView } from "../portfolio/portfolio-view";
import type { PortfolioRow } from "../portfolio/list-portfolio.server";
import { renderReportPdf } from "./render-report";
import { sampleReportInput } from "./report-input";

// The signed report prints the overall and section scores with the rounding of the assessment
// page, the comparison and the portfolio (one function: formatScore). Read with pdftotext, as a
// person or a search index reads the file.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "vetted-report-numbers-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(pdf: Uint8Array, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(
    /\s+/g,
    " ",
  );
}

describe.each(["de", "en"] as const)("report numbers (%s)", (language) => {
  it("prints the overall and section scores as the page and the portfolio do", async () => {
    const base = sampleReportInput({ language, questionCount: 4, findingCount: 0 });
    const input = {
      ...base,
      summary: { ...base.summary, overallScore: 58.94 },
      sections: base.sections.map((section, index) => ({
        ...section,
        score: index === 0 ? 72.35 : section.score,
      })),
    };
    const text = pdfText(await renderReportPdf(input), `scores-${language}`);
    const overall = formatScore(language, 58.94);
    expect(overall).toBe(language === "de" ? "58,9" : "58.9");
    expect(text).toContain(`${overall} / 100`);
    expect(text).toContain(`${formatScore(language, 72.35)} / 100`);
    expect(text).not.toContain(language === "de" ? " 59 / 100" : " 59 / 100");
    // The portfolio's score column for the same assessment.
    const row = { latestAssessmentId: "a1", overall: 58.94 } as unknown as PortfolioRow;
    expect(portfolioRowView({ ...row, tags: [] } as PortfolioRow, language).score).toBe(overall);
  });
});
