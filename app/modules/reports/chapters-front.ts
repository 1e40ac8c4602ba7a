import { drawBarChart } from "./charts";
import type { ChapterContext } from "./chapter-context";
import { COLORS, MARGIN_X, PAGE_HEIGHT } from "./layout";
import { drawTable } from "./table";
import { wrapText } from "./text-wrap";
import { formatScore } from "../../utils/score-format";

/** Cover, summary and scores: the first things a reader (or a supervisory authority) sees. */
export function drawCover({ layout, input, t }: ChapterContext): void {
  layout.chapters.push({ title: t("chapterCover"), page: layout.page, top: PAGE_HEIGHT });
  layout.text(input.organizationName, { size: 11, color: COLORS.muted, after: 18 });
  layout.text(t("coverHeading"), { size: 22, bold: true, color: COLORS.heading, after: 8 });
  layout.text(`${input.vendorName} – ${input.productName}`, { size: 15, bold: true, after: 4 });
  layout.text(input.assessment.title, { size: 11, color: COLORS.muted, after: 24 });

  const a = input.assessment;
  drawTable(
    layout,
    [
      { header: "", width: 0.3, bold: true },
      { header: "", width: 0.7 },
    ],
    [
      [t("organization"), input.organizationName],
      [t("vendor"), input.vendorName],
      [t("product"), input.productName],
      [t("assessmentId"), a.id],
      [t("assessmentTitle"), a.title],
      [t("template"), t("templateVersion", { name: a.templateName, version: a.templateVersion })],
      [t("scoringMethod"), a.scoringMethodVersion],
      [t("submittedAt"), a.submittedAt],
      [t("decision"), input.decision.outcome],
      [t("decidedBy"), input.decision.decidedBy],
      [t("signer"), input.signerName],
      [t("date"), input.decision.decidedAt],
    ],
    { header: false, size: 10 },
  );

  // The decision, boxed and labelled in words; the coloured edge is only a second cue.
  const edge =
    input.decision.outcomeCode === "REJECTED"
      ? COLORS.bad
      : input.decision.outcomeCode === "APPROVED"
        ? COLORS.good
        : COLORS.medium;
  const lines = wrapText(layout.fonts.bold, input.decision.outcome, 16, layout.contentWidth - 30);
  const height = 24 + lines.length * 20 + 14;
  layout.ensure(height + 10);
  layout.space(10);
  layout.page.drawRectangle({
    x: MARGIN_X,
    y: layout.y - height,
    width: layout.contentWidth,
    height,
    color: COLORS.fill,
  });
  layout.page.drawRectangle({ x: MARGIN_X, y: layout.y - height, width: 5, height, color: edge });
  layout.drawLine(t("decision"), MARGIN_X + 16, layout.y - 10, 9, false, COLORS.muted);
  lines.forEach((line, index) =>
    layout.drawLine(line, MARGIN_X + 16, layout.y - 26 - index * 20, 16, true),
  );
  layout.space(height + 10);
}

export function drawSummary({ layout, input, t, number }: ChapterContext): void {
  const { summary, decision } = input;
  layout.chapter(t("chapterSummary"), { newPage: true });
  drawBarChart(
    layout,
    [
      {
        label: t("overallScore"),
        value: summary.overallScore,
        valueText:
          summary.overallScore === null
            ? t("notScored")
            : `${formatScore(input.language, summary.overallScore)} / 100`,
      },
      {
        label: t("completeness"),
        value: summary.completeness,
        valueText: `${number(summary.completeness)} %`,
      },
    ],
    { size: 10, barHeight: 13, labelShare: 0.3 },
  );
  drawTable(
    layout,
    [
      { header: "", width: 0.3, bold: true },
      { header: "", width: 0.7 },
    ],
    [
      [t("riskTier"), summary.riskTier],
      [t("decision"), decision.outcome],
      [t("recommendation"), decision.recommendation ?? t("noRecommendation")],
      [t("decidedBy"), decision.decidedBy],
      [t("decidedAt"), decision.decidedAt],
    ],
    { header: false, size: 9.5 },
  );
  if (decision.againstRecommendation) {
    layout.text(t("againstRecommendation"), { bold: true, after: 2 });
    layout.text(decision.overrideReason ?? "–", { indent: 12, after: 8 });
  } else if (decision.recommendation) {
    layout.text(t("withRecommendation"), { after: 8 });
  }
  layout.subheading(t("rationale"));
  layout.text(decision.rationale, { after: 8 });
}

export function drawScores({ layout, input, t, number }: ChapterContext): void {
  layout.chapter(t("chapterScores"));
  layout.text(t("sectionChart"), { size: 8.5, color: COLORS.muted, after: 6 });
  drawBarChart(
    layout,
    input.sections.map((section) => ({
      label: t("sectionWithWeight", {
        title: section.title,
        weight: number(section.weight, Number.isInteger(section.weight) ? 0 : 1),
      }),
      value: section.score,
      valueText:
        section.score === null
          ? t("notScored")
          : `${formatScore(input.language, section.score)} / 100`,
    })),
    { scale: true },
  );
}
