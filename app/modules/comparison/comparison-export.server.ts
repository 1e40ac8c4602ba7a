import { PDFDocument } from "pdf-lib";
import { formatAnswer } from "../questionnaires/format-answer";
import { formatDate, translate, type Locale, type MessageKey, labelKey } from "../../utils/i18n";
import type { Cell, Sheet } from "../exports/spreadsheet";
import { drawBarChart } from "../reports/charts";
import { embedReportFonts } from "../reports/fonts";
import { ReportLayout } from "../reports/layout";
import { drawTable } from "../reports/table";
import type { Comparison } from "./compare-vendors.server";
import { formatScore } from "../../utils/score-format";

/**
 * A comparison as export tables (CSV/XLSX/JSON) and as a PDF one-pager, in the user's language.
 * The figures are the ones the page shows: the what-if score when a profile is chosen, else the
 * stored one. Formula injection is neutralised by the exports helpers, not here.
 */
function translator(locale: Locale) {
  return (key: MessageKey, params?: Record<string, string | number>) =>
    translate(locale, key, params);
}

const shown = (c: Comparison["candidates"][number]) => c.whatIf ?? c.stored;

export function comparisonSheets(comparison: Comparison, locale: Locale): Sheet[] {
  const t = translator(locale);
  const whatIf = Boolean(comparison.profile);
  const overviewHeaders = [
    t("compare.vendor"),
    t("compare.assessment"),
    t("compare.submitted"),
    t("compare.overallStored"),
    ...(whatIf
      ? [t("compare.overallWhatIf"), t("compare.rankStored"), t("compare.rankWhatIf")]
      : [t("compare.rankStored")]),
    t("compare.tier"),
    t("compare.transparency"),
    t("compare.residency"),
    t("compare.knockOuts"),
    t("compare.unknownAnswers"),
    ...comparison.sections.map((s) => s.title[locale]),
  ];
  const overviewRows: Cell[][] = comparison.candidates.map((c) => {
    const figures = shown(c);
    return [
      c.vendorName,
      c.assessmentTitle,
      new Date(c.submittedAt).toISOString().slice(0, 10),
      c.stored.overall,
      ...(whatIf ? [c.whatIf?.overall ?? null, c.storedRank, c.whatIfRank] : [c.storedRank]),
      figures.riskTier
        ? t(labelKey("assessments.tier", figures.riskTier) ?? "common.unknownValue")
        : null,
      figures.transparency
        ? t("compare.transparencyValue", {
            satisfied: figures.transparency.satisfied,
            total: figures.transparency.total,
          })
        : null,
      figures.residency
        ? t(labelKey("assessments.class_", figures.residency) ?? "common.unknownValue")
        : null,
      figures.knockOuts.map((k) => k.label).join("; "),
      figures.unknownCount,
      ...comparison.sections.map((s) => figures.sections[s.key] ?? null),
    ];
  });
  const differencesHeaders = [
    t("compare.question"),
    t("compare.spread"),
    ...comparison.candidates.map((c) => c.vendorName),
  ];
  const differencesRows: Cell[][] = comparison.differing.map((d) => [
    d.label[locale],
    Math.round(d.spread * 100),
    ...d.answers.map((a) => formatAnswer({ type: d.type, options: d.options }, a, locale, t)),
  ]);
  return [
    { name: t("compare.ranking"), headers: overviewHeaders, rows: overviewRows },
    { name: t("compare.differing"), headers: differencesHeaders, rows: differencesRows },
  ];
}

export function comparisonMeta(comparison: Comparison, locale: Locale) {
  const t = translator(locale);
  return {
    [t("compare.template")]: comparison.templateName,
    [t("compare.profile")]: comparison.profile?.name ?? t("compare.profileStored"),
  };
}

/**
 * A one-page PDF: ranking table, overall bars, section table and as many of the top differences
 * (at most 5) as still fit on the page.
 */
export async function renderComparisonPdf(
  comparison: Comparison,
  locale: Locale,
  generatedAt: Date,
): Promise<Uint8Array> {
  for (let differences = Math.min(5, comparison.differing.length); differences > 0; differences--) {
    const attempt = await renderOnePager(comparison, locale, generatedAt, differences);
    if (attempt.pages === 1) return attempt.bytes;
  }
  return (await renderOnePager(comparison, locale, generatedAt, 0)).bytes;
}

async function renderOnePager(
  comparison: Comparison,
  locale: Locale,
  generatedAt: Date,
  differences: number,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const t = translator(locale);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedReportFonts(doc);
  const layout = new ReportLayout(doc, fonts);
  doc.setTitle(t("compare.exportFileTitle"), { showInWindowTitleBar: true });
  doc.setCreator("Vetted");
  doc.setProducer("Vetted");
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);
  doc.setLanguage(locale === "de" ? "de-DE" : "en-GB");

  layout.chapter(t("compare.exportFileTitle"), { keepWith: 40 });
  layout.text(
    `${t("compare.template")}: ${comparison.templateName} · ${t("compare.profile")}: ${comparison.profile?.name ?? t("compare.profileStored")} · ${t("compare.generated")}: ${formatDate(locale, generatedAt)}`,
    { size: 8.5 },
  );
  if (comparison.profile)
    layout.text(t("compare.whatIfNote", { profile: comparison.profile.name }), { size: 8 });

  const ordered = [...comparison.candidates].sort(
    (a, b) => (a.whatIfRank ?? a.storedRank) - (b.whatIfRank ?? b.storedRank),
  );
  layout.subheading(t("compare.ranking"), 60);
  drawTable(
    layout,
    [
      { header: "#", width: 0.04, align: "right" },
      { header: t("compare.vendor"), width: 0.2, bold: true },
      { header: t("compare.colOverall"), width: 0.09, align: "right" },
      { header: t("compare.colTier"), width: 0.09 },
      { header: t("compare.colTransparency"), width: 0.12 },
      { header: t("compare.residency"), width: 0.16 },
      { header: t("compare.knockOuts"), width: 0.19 },
      { header: t("compare.colUnknown"), width: 0.11, align: "right" },
    ],
    ordered.map((c) => {
      const f = shown(c);
      return [
        String(c.whatIfRank ?? c.storedRank),
        c.vendorName,
        formatScore(locale, f.overall),
        f.riskTier ? t(labelKey("assessments.tier", f.riskTier) ?? "common.unknownValue") : "–",
        f.transparency
          ? t("compare.transparencyValue", {
              satisfied: f.transparency.satisfied,
              total: f.transparency.total,
            })
          : "–",
        f.residency ? t(labelKey("assessments.class_", f.residency) ?? "common.unknownValue") : "–",
        f.knockOuts.length
          ? `⚠ ${f.knockOuts.map((k) => k.label).join("; ")}`
          : t("compare.noKnockOuts"),
        String(f.unknownCount),
      ];
    }),
    { size: 7.5 },
  );

  layout.subheading(t("compare.overallChart"), 40);
  drawBarChart(
    layout,
    ordered.map((c) => ({
      label: c.vendorName,
      value: shown(c).overall,
      valueText: formatScore(locale, shown(c).overall),
    })),
    { scale: true, size: 7.5, barHeight: 7 },
  );

  layout.subheading(t("compare.sectionScores"), 50);
  drawTable(
    layout,
    [
      { header: t("compare.section"), width: 0.3 },
      ...ordered.map((c) => ({
        header: c.vendorName,
        width: 0.7 / ordered.length,
        align: "right" as const,
      })),
    ],
    comparison.sections.map((s) => [
      s.title[locale],
      ...ordered.map((c) => formatScore(locale, shown(c).sections[s.key] ?? null)),
    ]),
    { size: 7.5 },
  );

  const top = comparison.differing.slice(0, differences);
  if (top.length > 0) {
    layout.subheading(t("compare.differing"), 50);
    const order = ordered.map((c) => comparison.candidates.indexOf(c));
    drawTable(
      layout,
      [
        { header: t("compare.question"), width: 0.3 },
        ...ordered.map((c) => ({ header: c.vendorName, width: 0.7 / ordered.length })),
      ],
      top.map((d) => [
        d.label[locale],
        ...order.map((i) =>
          formatAnswer({ type: d.type, options: d.options }, d.answers[i], locale, t),
        ),
      ]),
      { size: 7 },
    );
  }
  layout.textLayer.finish(doc);
  return { bytes: await doc.save({ useObjectStreams: false }), pages: doc.getPageCount() };
}
