import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { Locale } from "../../utils/i18n";
import { translate } from "../../utils/i18n";
import type { VendorActor } from "../auth/actor";
import { toCsv } from "../exports/spreadsheet";
import { formatAnswer } from "../questionnaires/format-answer";
import { embedReportFonts } from "../reports/fonts";
import { cleanText, wrapText } from "../reports/text-wrap";
import { getVendorQuestionnaire } from "./vendor-questionnaire.server";

/** One answered (or unanswered) visible question of the copy. */
export interface AnswerCopyRow {
  section: string;
  question: string;
  answer: string;
  files: string[];
}

export interface AnswersCopy {
  title: string;
  organization: string;
  vendor: string;
  rows: AnswerCopyRow[];
}

/**
 * The vendor's own copy of their answers, in their language: every question they can see (a
 * delegated colleague: their sections), hidden ones left out, answers as readable text (option
 * labels, country names) and the names of attached files. Read from what is stored, so the copy
 * is what the organisation receives.
 */
export async function getAnswersCopy(actor: VendorActor, locale: Locale): Promise<AnswersCopy> {
  const questionnaire = await getVendorQuestionnaire(actor);
  const hidden = new Set(questionnaire.hidden);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const rows = questionnaire.sections.flatMap((section) =>
    section.questions
      .filter((question) => !hidden.has(question.key))
      .map((question) => ({
        section: section.title[locale],
        question: question.label[locale],
        answer: formatAnswer(question, questionnaire.answers[question.key]?.value, locale, t),
        files: questionnaire.files
          .filter((file) => file.questionKey === question.key)
          .map((file) => file.fileName),
      })),
  );
  return {
    title: questionnaire.assessment.title,
    organization: questionnaire.assessment.organizationName,
    vendor: questionnaire.assessment.vendorName,
    rows,
  };
}

/** The copy as CSV; every text cell is neutralised against formula injection (toCsv). */
export function answersCopyCsv(copy: AnswersCopy, locale: Locale): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return toCsv(
    [
      t("portalFinish.csvSection"),
      t("portalFinish.csvQuestion"),
      t("portalFinish.csvAnswer"),
      t("portalFinish.csvFiles"),
    ],
    copy.rows.map((row) => [row.section, row.question, row.answer, row.files.join("; ")]),
  );
}

/** An answer longer than this is cut in the PDF (the CSV has it whole). */
export const PDF_ANSWER_MAX_CHARS = 3000;
/** The PDF stops after this many pages (a bounded size whatever was answered); the CSV has the rest. */
export const PDF_MAX_PAGES = 80;

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const SIZE = { title: 16, heading: 12, text: 10 };
const LINE = 1.35;

/**
 * The copy as a plain PDF (pdf-lib with the reports' DejaVu fonts, so umlauts and „“ print):
 * title, who and when, then per section each question in bold with its answer and files.
 * Bounded: answers cut at PDF_ANSWER_MAX_CHARS, at most PDF_MAX_PAGES pages.
 */
export async function answersCopyPdf(
  copy: AnswersCopy,
  locale: Locale,
  now = new Date(),
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${translate(locale, "portalFinish.copyPdfTitle")}: ${cleanText(copy.title)}`);
  doc.setCreator("Vetted");
  doc.setProducer("Vetted");
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const fonts = await embedReportFonts(doc);
  const maxWidth = PAGE.width - 2 * PAGE.margin;
  let page: PDFPage = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  let full = false;

  /** Draws wrapped lines; false once the page budget is spent. */
  function draw(text: string, font: PDFFont, size: number, gapAfter = 0): boolean {
    for (const line of wrapText(font, text, size, maxWidth)) {
      if (y - size * LINE < PAGE.margin) {
        if (doc.getPageCount() >= PDF_MAX_PAGES) return false;
        page = doc.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - PAGE.margin;
      }
      y -= size * LINE;
      page.drawText(line, { x: PAGE.margin, y, size, font, color: rgb(0.1, 0.1, 0.12) });
    }
    y -= gapAfter;
    return true;
  }

  draw(translate(locale, "portalFinish.copyPdfTitle"), fonts.bold, SIZE.title, 4);
  draw(copy.title, fonts.bold, SIZE.heading, 2);
  draw(
    translate(locale, "portalFinish.copyPdfMeta", {
      organization: copy.organization,
      vendor: copy.vendor,
      date: now.toISOString().slice(0, 10),
    }),
    fonts.regular,
    SIZE.text,
    10,
  );
  let section: string | null = null;
  for (const row of copy.rows) {
    if (row.section !== section) {
      section = row.section;
      if (!draw(section, fonts.bold, SIZE.heading, 4)) {
        full = true;
        break;
      }
    }
    const answer =
      row.answer.length > PDF_ANSWER_MAX_CHARS
        ? `${row.answer.slice(0, PDF_ANSWER_MAX_CHARS)} ${translate(locale, "portalFinish.copyShortened")}`
        : row.answer;
    const files =
      row.files.length > 0
        ? `${translate(locale, "portalFinish.csvFiles")}: ${row.files.join(", ")}`
        : null;
    if (
      !draw(row.question, fonts.bold, SIZE.text, 1) ||
      !draw(answer, fonts.regular, SIZE.text, files ? 1 : 8) ||
      (files !== null && !draw(files, fonts.regular, SIZE.text, 8))
    ) {
      full = true;
      break;
    }
  }
  if (full) {
    // In the bottom margin of the last page: the budget allows no further page.
    page.drawText(translate(locale, "portalFinish.copyMorePages"), {
      x: PAGE.margin,
      y: PAGE.margin - SIZE.text,
      size: SIZE.text,
      font: fonts.bold,
    });
  }
  return doc.save();
}
