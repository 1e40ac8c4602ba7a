import { cleanDisplayText } from "../../utils/display-text";
import { PDFDocument } from "pdf-lib";
import { chapterContext, type ChapterContext } from "./chapter-context";
import { drawAnswers, drawLinkedProvisions, drawReferences } from "./chapters-answers";
import { drawAiAssistance, drawAuditHead, drawVerification } from "./chapters-closing";
import { drawFindings } from "./chapters-findings";
import { drawCover, drawScores, drawSummary } from "./chapters-front";
import { drawKnockOuts, drawResidency, drawTransparency } from "./chapters-ratings";
import { embedAuditHead } from "./embedded-audit-head";
import { embedReportFonts } from "./fonts";
import { COLORS, MARGIN_X, PAGE_WIDTH, ReportLayout } from "./layout";
import { addOutline } from "./outline";
import type { ReportInput } from "./report-input";
import { textWidth } from "./text-wrap";

/**
 * Renders the assessment report as an unsigned PDF. Pure: no database, no clock, no randomness
 * (pdf-lib's name suffixes come from a PRNG seeded per document), so the same input renders the
 * same bytes; the signing step appends its signature as an incremental update later, which is
 * why the file is written without object streams.
 */
const CHAPTERS: Array<(context: ChapterContext) => void> = [
  drawCover,
  drawSummary,
  drawScores,
  drawKnockOuts,
  drawTransparency,
  drawResidency,
  drawFindings,
  drawAnswers,
  drawReferences,
  drawLinkedProvisions,
  drawAiAssistance,
  drawAuditHead,
  drawVerification,
];

export async function renderReportPdf(input: ReportInput): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps its own producer and the current time.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedReportFonts(doc);
  const layout = new ReportLayout(doc, fonts);
  const context = chapterContext(layout, input);
  for (const draw of CHAPTERS) draw(context);
  drawFooters(context);
  layout.textLayer.finish(doc);
  addOutline(doc, layout.chapters);
  setDocumentInfo(doc, context);
  return doc.save({ useObjectStreams: false });
}

/** "Page x of y" / "Seite x von y" and the assessment id on every page, once the count is known. */
function drawFooters({ layout, input, t }: ChapterContext): void {
  const total = layout.pages.length;
  const size = 7.5;
  const left = `${input.organizationName} · ${input.vendorName} · ${input.assessment.id}`;
  layout.pages.forEach((page, index) => {
    layout.page = page;
    const label = t("pageOf", { page: index + 1, total });
    const labelWidth = textWidth(layout.fonts.regular, label, size);
    page.drawLine({
      start: { x: MARGIN_X, y: 44 },
      end: { x: PAGE_WIDTH - MARGIN_X, y: 44 },
      thickness: 0.4,
      color: COLORS.rule,
    });
    // The left text gives way to the page number when both would not fit.
    let leftText = left;
    while (
      leftText.length > 1 &&
      textWidth(layout.fonts.regular, leftText, size) > layout.contentWidth - labelWidth - 20
    )
      leftText = `${leftText.slice(0, -2)}…`;
    layout.drawLine(leftText, MARGIN_X, 38, size, false, COLORS.muted);
    layout.drawLine(label, PAGE_WIDTH - MARGIN_X - labelWidth, 38, size, false, COLORS.muted);
  });
}

function setDocumentInfo(doc: PDFDocument, { input, t }: ChapterContext): void {
  // The document properties show names too (viewers' title bars): cleaned like the page text.
  const name = cleanDisplayText;
  doc.setTitle(name(t("documentTitle", { vendor: input.vendorName, product: input.productName })), {
    showInWindowTitleBar: true,
  });
  doc.setAuthor(name(input.organizationName));
  doc.setSubject(
    name(
      t("documentSubject", {
        id: input.assessment.id,
        title: input.assessment.title,
        outcome: input.decision.outcome,
      }),
    ),
  );
  doc.setKeywords(
    [
      t("keywordAssessment"),
      input.vendorName,
      input.productName,
      input.assessment.id,
      input.assessment.templateName,
    ].map(name),
  );
  doc.setCreator("Vetted");
  doc.setProducer("Vetted");
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);
  doc.setLanguage(input.language === "de" ? "de-DE" : "en-GB");
  embedAuditHead(doc, input.auditHead);
}
