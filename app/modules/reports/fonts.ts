import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";
// pdf-lib ships the fontkit interfaces it calls, but does not re-export them from its root.
import type { Font, Fontkit, Glyph, GlyphRun } from "pdf-lib/cjs/types/fontkit";

/**
 * DejaVu Sans (regular + bold) from the dejavu-fonts-ttf package: a free font that carries
 * ä ö ü ß € „“ and the rest of Latin, Greek and Cyrillic. Resolved through Node's module
 * resolution, so it works from app/ in tests and from the built server bundle alike.
 *
 * Speed: pdf-lib asks fontkit to parse the font for every document and to run its full shaping
 * engine (GSUB/GPOS lookups) for every string it draws or measures; for a 150-question report
 * that was ~85 % of the rendering time. Our text is Latin/Greek/Cyrillic in NFC, drawn without
 * kerning or ligatures, so each character maps to exactly one glyph through the cmap. We parse
 * each font once per process and give pdf-lib a fontkit whose `layout` does that plain mapping.
 * The subset is still built per document by fontkit (numbering glyphs in order of first use) and
 * pdf-lib's name suffixes come from a PRNG seeded per document: equal text, equal bytes.
 */
export interface ReportFonts {
  regular: PDFFont;
  bold: PDFFont;
}

type FontName = "regular" | "bold";
const FILES: Record<FontName, string> = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" };

interface LoadedFont {
  bytes: Uint8Array;
  font: Font;
}
const loaded = new Map<FontName, LoadedFont>();
const REPLACEMENT_CHARACTER = 0xfffd;

function fontDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");
  return path.join(path.dirname(packageJson), "ttf");
}

function loadFont(name: FontName): LoadedFont {
  let entry = loaded.get(name);
  if (!entry) {
    // The path comes from module resolution and a fixed file name, never from input.
    // eslint-disable-next-line security/detect-non-literal-fs-filename
    const bytes = new Uint8Array(readFileSync(path.join(fontDirectory(), FILES[name])));
    const font = fontkit.create(bytes);
    // One glyph per code point, straight from the cmap (see above). A character the font lacks
    // (emoji, CJK) prints as U+FFFD "�" instead of an invisible .notdef box. That also keeps
    // the output independent of earlier documents: fontkit caches each glyph with the code
    // point it was first asked for (the ToUnicode map uses it), and in DejaVu Sans no two code
    // points share a glyph, so only .notdef could have carried another document's character.
    // The cmap lookup itself is cached per code point (fontkit's is slow for a hot loop).
    const byCodePoint = new Map<number, Glyph>();
    font.layout = (text: string): GlyphRun => {
      const glyphs: Glyph[] = [];
      for (const char of text) {
        const codePoint = char.codePointAt(0)!;
        let glyph = byCodePoint.get(codePoint);
        if (!glyph) {
          glyph = font.glyphForCodePoint(
            font.hasGlyphForCodePoint(codePoint) ? codePoint : REPLACEMENT_CHARACTER,
          );
          byCodePoint.set(codePoint, glyph);
        }
        glyphs.push(glyph);
      }
      return { glyphs } as unknown as GlyphRun;
    };
    entry = { bytes, font };
    loaded.set(name, entry);
  }
  return entry;
}

/** A fontkit for pdf-lib that returns the already parsed font for bytes we loaded. */
const cachedFontkit: Fontkit = {
  create(bytes: Uint8Array): Font {
    for (const entry of loaded.values()) if (entry.bytes === bytes) return entry.font;
    throw new Error("The report renderer embeds only its own fonts");
  },
};

export async function embedReportFonts(doc: PDFDocument): Promise<ReportFonts> {
  const regular = loadFont("regular");
  const bold = loadFont("bold");
  doc.registerFontkit(cachedFontkit);
  return {
    regular: await doc.embedFont(regular.bytes, { subset: true }),
    bold: await doc.embedFont(bold.bytes, { subset: true }),
  };
}
