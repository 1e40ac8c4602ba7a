import type { ChapterContext } from "./chapter-context";
import { COLORS } from "./layout";
import { drawTable } from "./table";

/**
 * Conditions of the decision and the review's findings: an overview table (continues across
 * pages with its header) followed by each finding's description, remediation and questions.
 */
export function drawFindings({ layout, input, t }: ChapterContext): void {
  layout.chapter(t("chapterFindings"));

  layout.subheading(t("conditions"));
  if (input.decision.conditions.length === 0) layout.text(t("noConditions"), { after: 8 });
  else
    drawTable(
      layout,
      [
        { header: "#", width: 0.06, align: "right" },
        { header: t("condition"), width: 0.74 },
        { header: t("dueDate"), width: 0.2 },
      ],
      input.decision.conditions.map((condition, index) => [
        String(index + 1),
        condition.text,
        condition.dueDate,
      ]),
    );

  layout.subheading(t("findings"));
  if (input.findings.length === 0) {
    layout.text(t("noFindings"), { after: 8 });
    return;
  }
  drawTable(
    layout,
    [
      // Wide enough for the German headers ("Schweregrad", "Verantwortlich") on one line.
      { header: "#", width: 0.05, align: "right" },
      { header: t("findings"), width: 0.33 },
      { header: t("severity"), width: 0.15 },
      { header: t("status"), width: 0.15 },
      { header: t("owner"), width: 0.17 },
      { header: t("dueDate"), width: 0.15 },
    ],
    input.findings.map((finding, index) => [
      String(index + 1),
      finding.title,
      finding.severity,
      finding.status,
      finding.owner,
      finding.dueDate,
    ]),
  );
  input.findings.forEach((finding, index) => {
    layout.subheading(`${index + 1}. ${finding.title}`, 40);
    layout.text(
      `${t("severity")}: ${finding.severity} · ${t("status")}: ${finding.status} · ${t("owner")}: ${finding.owner} · ${t("dueDate")}: ${finding.dueDate}`,
      {
        size: 8.5,
        color: COLORS.muted,
        after: 4,
      },
    );
    layout.text(t("description"), { bold: true, size: 9, after: 1 });
    layout.text(finding.description, { after: 4 });
    if (finding.remediation) {
      layout.text(t("remediation"), { bold: true, size: 9, after: 1 });
      layout.text(finding.remediation, { after: 4 });
    }
    if (finding.questions.length > 0) {
      layout.text(t("linkedQuestions"), { bold: true, size: 9, after: 1 });
      for (const question of finding.questions) layout.listItem("•", question, 9);
    }
    layout.space(4);
  });
}
