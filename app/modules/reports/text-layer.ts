import { deflateSync } from "node:zlib";
import { PDFName, type PDFDocument, type PDFFont, type PDFPage, type RGB } from "pdf-lib";

/**
 * All text of the report, written as one text object per page. pdf-lib's drawText builds about a
 * dozen operator objects per call (graphics state, font, colour, matrix) and formats every number
 * through a slow path; a 150-question report draws ~5,000 lines, and that was three quarters of
 * the rendering time. Here each line costs one Tm and one Tj, font and colour are only set when
 * they change, and the stream is appended after the page's graphics (table fills, bars): text
 * always lies on top, which is all the report needs.
 */
interface PageText {
  parts: string[];
  font: string;
  size: number;
  color: string;
}

/** Fixed resource names: no random suffixes, so the output stays deterministic. */
const FONT_KEYS = { regular: "FR", bold: "FB" } as const;

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export class TextLayer {
  private readonly pages = new Map<PDFPage, PageText>();

  constructor(private readonly fonts: { regular: PDFFont; bold: PDFFont }) {}

  /** One line of text with its baseline at (x, y). */
  add(
    page: PDFPage,
    text: string,
    x: number,
    y: number,
    size: number,
    bold: boolean,
    color: RGB,
  ): void {
    let state = this.pages.get(page);
    if (!state) {
      state = { parts: [], font: "", size: 0, color: "" };
      this.pages.set(page, state);
    }
    const font = bold ? FONT_KEYS.bold : FONT_KEYS.regular;
    if (state.font !== font || state.size !== size) {
      state.parts.push(`/${font} ${num(size)} Tf`);
      state.font = font;
      state.size = size;
    }
    const rgb = `${num(color.red)} ${num(color.green)} ${num(color.blue)} rg`;
    if (state.color !== rgb) {
      state.parts.push(rgb);
      state.color = rgb;
    }
    const encoded = (bold ? this.fonts.bold : this.fonts.regular).encodeText(text).toString();
    state.parts.push(`1 0 0 1 ${num(x)} ${num(y)} Tm ${encoded} Tj`);
  }

  /** Appends each page's text as a compressed content stream and registers the two fonts. */
  finish(doc: PDFDocument): void {
    for (const [page, state] of this.pages) {
      page.node.setFontDictionary(PDFName.of(FONT_KEYS.regular), this.fonts.regular.ref);
      page.node.setFontDictionary(PDFName.of(FONT_KEYS.bold), this.fonts.bold.ref);
      const content = `q\nBT\n${state.parts.join("\n")}\nET\nQ\n`;
      // Node's native zlib instead of pdf-lib's pure-JS deflate (5× faster here). Its output is
      // fixed for a given Node build; the signed report keeps its unsigned original, so nothing
      // relies on re-rendering identical bytes after a Node upgrade.
      const stream = doc.context.stream(deflateSync(Buffer.from(content, "latin1")), {
        Filter: "FlateDecode",
      });
      page.node.addContentStream(doc.context.register(stream));
    }
  }
}
