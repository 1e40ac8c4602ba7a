import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import type { ReportFonts } from "./fonts";
import { TextLayer } from "./text-layer";
import { textWidth, wrapText } from "./text-wrap";

/**
 * A flowing page layout on A4: a cursor moves down the page, and anything that does not fit
 * starts a new page. Chapters record where they start (for the outline). Page numbers are drawn
 * at the end (render-report), when the page count is known.
 */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN_X = 50;
export const MARGIN_TOP = 56;
/** Space kept free at the bottom for the footer (page number). */
export const MARGIN_BOTTOM = 60;

export const COLORS = {
  text: rgb(0.13, 0.14, 0.16),
  muted: rgb(0.38, 0.4, 0.44),
  heading: rgb(0.07, 0.2, 0.4),
  rule: rgb(0.78, 0.8, 0.83),
  fill: rgb(0.93, 0.95, 0.97),
  barTrack: rgb(0.9, 0.91, 0.93),
  good: rgb(0.16, 0.5, 0.3),
  medium: rgb(0.78, 0.55, 0.1),
  bad: rgb(0.72, 0.18, 0.16),
} as const;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
  /** Extra left indent in points. */
  indent?: number;
  /** Space after the block. */
  after?: number;
}

export interface ChapterMark {
  title: string;
  page: PDFPage;
  top: number;
}

export class ReportLayout {
  readonly pages: PDFPage[] = [];
  readonly chapters: ChapterMark[] = [];
  readonly textLayer: TextLayer;
  page!: PDFPage;
  y = 0;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: ReportFonts,
  ) {
    this.textLayer = new TextLayer(fonts);
    this.newPage();
  }

  get contentWidth(): number {
    return PAGE_WIDTH - 2 * MARGIN_X;
  }

  /** The lowest y that content may reach. */
  get bottom(): number {
    return MARGIN_BOTTOM;
  }

  font(bold = false): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN_TOP;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  space(height: number): void {
    this.y -= height;
  }

  /** Draws one line with its baseline `size` below the cursor's top; does not move the cursor. */
  drawLine(
    text: string,
    x: number,
    top: number,
    size: number,
    bold = false,
    color: RGB = COLORS.text,
  ): void {
    if (!text) return;
    this.textLayer.add(this.page, text, x, top - size, size, bold, color);
  }

  /** A wrapped paragraph that flows over pages line by line. */
  text(content: string, style: TextStyle = {}): void {
    const size = style.size ?? 9.5;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.4;
    const font = this.font(style.bold);
    for (const line of wrapText(font, content, size, this.contentWidth - indent)) {
      this.ensure(lineHeight);
      this.drawLine(line, MARGIN_X + indent, this.y, size, style.bold, style.color);
      this.y -= lineHeight;
    }
    this.y -= style.after ?? 4;
  }

  /** A numbered or bulleted list item with a hanging indent. */
  listItem(marker: string, content: string, size = 9.5): void {
    const markerWidth = 16;
    const lineHeight = size * 1.4;
    const lines = wrapText(this.fonts.regular, content, size, this.contentWidth - markerWidth);
    lines.forEach((line, index) => {
      this.ensure(lineHeight);
      if (index === 0) this.drawLine(marker, MARGIN_X, this.y, size);
      this.drawLine(line, MARGIN_X + markerWidth, this.y, size);
      this.y -= lineHeight;
    });
    this.y -= 3;
  }

  /**
   * A chapter heading: kept together with at least `keepWith` points of what follows, and
   * recorded for the outline (one bookmark per chapter).
   */
  chapter(title: string, options: { newPage?: boolean; keepWith?: number } = {}): void {
    if (options.newPage && this.y < PAGE_HEIGHT - MARGIN_TOP) this.newPage();
    else this.ensure(30 + (options.keepWith ?? 60));
    if (this.y < PAGE_HEIGHT - MARGIN_TOP) this.y -= 10;
    this.chapters.push({ title, page: this.page, top: Math.min(this.y + 10, PAGE_HEIGHT) });
    this.drawLine(title, MARGIN_X, this.y, 15, true, COLORS.heading);
    this.y -= 21;
    this.page.drawLine({
      start: { x: MARGIN_X, y: this.y },
      end: { x: PAGE_WIDTH - MARGIN_X, y: this.y },
      thickness: 0.8,
      color: COLORS.heading,
    });
    this.y -= 10;
  }

  /** A sub-heading inside a chapter (not in the outline). */
  subheading(title: string, keepWith = 50): void {
    const lines = wrapText(this.fonts.bold, title, 11, this.contentWidth);
    this.ensure(lines.length * 15 + keepWith);
    this.y -= 4;
    for (const line of lines) {
      this.drawLine(line, MARGIN_X, this.y, 11, true, COLORS.heading);
      this.y -= 15;
    }
    this.y -= 3;
  }

  /** Right-aligns a single line inside [x, x + width]. */
  drawRight(
    text: string,
    x: number,
    width: number,
    top: number,
    size: number,
    bold = false,
    color: RGB = COLORS.text,
  ): void {
    this.drawLine(text, x + width - textWidth(this.font(bold), text, size), top, size, bold, color);
  }
}
