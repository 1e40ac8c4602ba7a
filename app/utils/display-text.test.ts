import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanDisplayText, stripDeceptiveCharacters } from "./display-text";

const BIDI_CONTROLS = [
  "\u061C",
  "\u200E",
  "\u200F",
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
];
const INVISIBLE = [
  "\u200B",
  "\u200C",
  "\u200D",
  "\u2060",
  "\u2061",
  "\u2062",
  "\u2063",
  "\u2064",
  "\uFEFF",
  "\u180E",
  "\u00AD",
  "\u034F",
  "\u3164",
  "\u{E0041}",
];
const CONTROLS = ["\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u009B"];

describe("cleanDisplayText", () => {
  it("a right-to-left override cannot make a name display as another one", () => {
    expect(cleanDisplayText("\u202Egnp.exe.txt")).toBe("gnp.exe.txt");
    expect(cleanDisplayText("Acme\u202E IA emcA")).toBe("Acme IA emcA");
  });

  it.each(BIDI_CONTROLS.map((c) => [c.codePointAt(0)!.toString(16), c]))(
    "removes the bidi control U+%s",
    (_, char) => {
      expect(cleanDisplayText(`Ac${char}me`)).toBe("Acme");
    },
  );

  it.each(INVISIBLE.map((c) => [c.codePointAt(0)!.toString(16), c]))(
    "removes the invisible character U+%s",
    (_, char) => {
      expect(cleanDisplayText(`Ac${char}me`)).toBe("Acme");
    },
  );

  it.each(CONTROLS.map((c) => [c.codePointAt(0)!.toString(16), c]))(
    "removes the control character U+%s",
    (_, char) => {
      expect(cleanDisplayText(`Ac${char}me`)).toBe("Acme");
    },
  );

  it("collapses every kind of whitespace, line breaks included, and trims", () => {
    expect(cleanDisplayText("  Acme\t\tAI\r\n GmbH\u00A0\u2003&\u2028Co\u3000 ")).toBe(
      "Acme AI GmbH & Co",
    );
  });

  it("normalises to NFC, also where removing a joiner leaves a composable pair", () => {
    expect(cleanDisplayText("Mu\u0308ller")).toBe("Müller");
    expect(cleanDisplayText("Mu\u200B\u0308ller")).toBe("Müller");
  });

  it("keeps letters of every script, emoji, and visible punctuation", () => {
    for (const name of [
      "Müller & Söhne GmbH",
      "株式会社テスト",
      "شركة الذكاء",
      "Ωmega-AI (v2.1)",
      "Zoë’s 🤖 Lab",
      "a=b;c",
    ]) {
      expect(cleanDisplayText(name)).toBe(name);
    }
  });

  it("replaces unpaired surrogates (PostgreSQL cannot store them)", () => {
    expect(cleanDisplayText("a\uD800b")).toBe("a\uFFFDb");
    expect(cleanDisplayText("😀")).toBe("😀");
  });

  it("a name of only invisible characters becomes empty (the schemas refuse it)", () => {
    expect(cleanDisplayText("\u202E\u200B \u2060\uFEFF\t")).toBe("");
  });

  it("is idempotent and its output never contains a format, control or lone surrogate character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (raw) => {
        const once = cleanDisplayText(raw);
        expect(cleanDisplayText(once)).toBe(once);
        expect(once).not.toMatch(/[\p{Cf}\p{Cc}]/u);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s{2}/u);
        expect(once).not.toMatch(/[\uD800-\uDFFF]/u);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("stripDeceptiveCharacters", () => {
  it("keeps line breaks and tabs of multi-line text but removes bidi, invisible and control characters", () => {
    expect(stripDeceptiveCharacters("Line\u202E one\r\n\tLine\u200B two\u0007")).toBe(
      "Line one\r\n\tLine two",
    );
  });
});
