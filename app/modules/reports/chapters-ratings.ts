import { drawBarChart } from "./charts";
import type { ChapterContext } from "./chapter-context";
import { drawTable } from "./table";

/** Knock-outs, transparency index and data residency: the ratings beside the score. */
export function drawKnockOuts({ layout, input, t }: ChapterContext): void {
  layout.chapter(t("chapterKnockOuts"));
  if (input.knockOuts.length === 0) {
    layout.text(t("noKnockOuts"), { after: 8 });
    return;
  }
  layout.text(t("knockOutsIntro"), { after: 6 });
  drawTable(
    layout,
    [
      { header: t("question"), width: 0.6 },
      { header: t("knockOut"), width: 0.4, bold: true },
    ],
    input.knockOuts.map((knockOut) => [knockOut.question, knockOut.label]),
  );
}

export function drawTransparency({ layout, input, t, number }: ChapterContext): void {
  layout.chapter(t("chapterTransparency"));
  if (!input.transparency || input.transparency.length === 0) {
    layout.text(t("noTransparency"), { after: 8 });
    return;
  }
  const share = (earned: number, total: number) => (total > 0 ? (100 * earned) / total : 0);
  drawBarChart(
    layout,
    input.transparency.map((domain) => ({
      label: domain.domain,
      value: share(domain.earned, domain.total),
      valueText: t("earnedOfTotal", { earned: domain.earned, total: domain.total }),
    })),
    { labelShare: 0.3 },
  );
  drawTable(
    layout,
    [
      { header: t("domain"), width: 0.5 },
      { header: t("indicatorsMet"), width: 0.3, align: "right" },
      { header: t("share"), width: 0.2, align: "right" },
    ],
    input.transparency.map((domain) => [
      domain.domain,
      t("earnedOfTotal", { earned: domain.earned, total: domain.total }),
      `${number(share(domain.earned, domain.total))} %`,
    ]),
  );
}

export function drawResidency({ layout, input, t }: ChapterContext): void {
  layout.chapter(t("chapterResidency"));
  if (!input.residency) {
    layout.text(t("noResidency"), { after: 8 });
    return;
  }
  layout.text(t("overallClass", { class: input.residency.overallClass }), { bold: true, after: 6 });
  if (input.residency.flows.length === 0) {
    layout.text(t("noResidency"), { after: 8 });
    return;
  }
  drawTable(
    layout,
    [
      { header: t("flowKind"), width: 0.16 },
      { header: t("flowLabel"), width: 0.26 },
      { header: t("country"), width: 0.16 },
      { header: t("residencyClass"), width: 0.18 },
      { header: t("legalBasis"), width: 0.24 },
    ],
    input.residency.flows.map((flow) => [
      flow.kind,
      flow.label,
      flow.country,
      flow.residencyClass,
      flow.legalBasis,
    ]),
  );
  const scopeNotes = input.residency.scopeNotes ?? [];
  if (scopeNotes.length === 0) return;
  layout.text(t("residencyScopeNotes"), { bold: true, after: 4 });
  for (const { country, note } of scopeNotes) layout.text(`${country}: ${note}`, { after: 4 });
}
