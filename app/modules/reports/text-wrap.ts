import { stripDeceptiveCharacters } from "../../utils/display-text";
import type { PDFFont } from "pdf-lib";

/**
 * Text measurement and wrapping. pdf-lib measures custom-font text by running fontkit's layout
 * engine on every call, which dominates rendering time for long reports; we draw without kerning
 * or ligatures, so a line's width is simply the sum of its glyph advances: cached per character
 * and font (the cache lives for the process and is the same for every document).
 */
const advanceCache = new Map<string, Map<string, number>>();

function advances(font: PDFFont): Map<string, number> {
  // font.name is the font's PostScript name ("DejaVuSans", "DejaVuSans-Bold"), equal across documents.
  let cache = advanceCache.get(font.name);
  if (!cache) {
    cache = new Map();
    advanceCache.set(font.name, cache);
  }
  return cache;
}

/** Width of a single-line text in points. */
export function textWidth(font: PDFFont, text: string, size: number): number {
  const cache = advances(font);
  let width = 0;
  for (const char of text) {
    let advance = cache.get(char);
    if (advance === undefined) {
      advance = font.widthOfTextAtSize(char, 1000);
      cache.set(char, advance);
    }
    width += advance;
  }
  return (width * size) / 1000;
}

/**
 * Makes user text printable: unifies line ends, turns tabs into spaces and drops control
 * characters (they have no glyph and would break the content stream's text operators), bidi
 * controls and invisible characters (stripDeceptiveCharacters: a signed report must show names as
 * they are, also names stored before they were cleaned at the edge).
 */
export function cleanText(text: string): string {
  return stripDeceptiveCharacters(text.replace(/\r\n?/g, "\n").replace(/\t/g, " "));
}

/** Breaks a word that is wider than the line (hashes, URLs) into pieces that fit. */
function breakLongWord(font: PDFFont, word: string, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const char of word) {
    if (current && textWidth(font, current + char, size) > maxWidth) {
      pieces.push(current);
      current = char;
    } else current += char;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Greedy word wrap; explicit newlines start new lines, empty paragraphs stay as empty lines. */
export function wrapText(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  const spaceWidth = textWidth(font, " ", size);
  for (const paragraph of cleanText(text).split("\n")) {
    const words = paragraph.split(/ +/).filter((word) => word.length > 0);
    if (words.length === 0) {
      lines.push("");
      continue;
    }
    let line = "";
    let lineWidth = 0;
    for (const word of words) {
      const wordWidth = textWidth(font, word, size);
      if (line && lineWidth + spaceWidth + wordWidth <= maxWidth) {
        line += ` ${word}`;
        lineWidth += spaceWidth + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      if (wordWidth <= maxWidth) {
        line = word;
        lineWidth = wordWidth;
      } else {
        const pieces = breakLongWord(font, word, size, maxWidth);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? "";
        lineWidth = textWidth(font, line, size);
      }
    }
    lines.push(line);
  }
  return lines;
}
