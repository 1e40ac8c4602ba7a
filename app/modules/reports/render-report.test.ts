import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
} from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitedScopeNotes } from "../../reference-data/adequacy-scope-notes";
import { translate } from "../../utils/i18n";
import { formatScore } from "../../utils/score-format";
import { signPdf } from "../signing/pades-sign";
import { createTestCertificateAuthority, parsePkcs12 } from "../signing/pkcs12";
import { toolWorkspace } from "../signing/testing/test-pdf";
import { renderReportPdf } from "./render-report";
import { sampleReportInput, type ReportInput } from "./report-input";

/**
 * The report judged by real tools: poppler's pdftotext reads what a person (and a search index)
 * would read, qpdf checks the file structure, pdf-lib reads the outline, /Lang and document info.
 */
let dir: string;
let counter = 0;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "vetted-report-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(pdf: Uint8Array): string {
  const file = path.join(dir, `report-${++counter}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** pdftotext of the whole file or one page range, whitespace collapsed (wrapped lines join). */
function pdfText(pdf: Uint8Array, pages?: { first: number; last: number }): string {
  const range = pages ? ["-f", String(pages.first), "-l", String(pages.last)] : [];
  return execFileSync("pdftotext", [...range, "-enc", "UTF-8", write(pdf), "-"], {
    encoding: "utf8",
  }).replace(/\s+/g, " ");
}

/** The non-empty lines of one page as pdftotext -layout places them (table rows stay rows). */
function pdfLayoutLines(pdf: Uint8Array, page: number): string[] {
  const out = execFileSync(
    "pdftotext",
    ["-layout", "-f", String(page), "-l", String(page), "-enc", "UTF-8", write(pdf), "-"],
    { encoding: "utf8" },
  );
  return out
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function qpdfCheck(pdf: Uint8Array): string {
  // qpdf exits 2 on errors and 3 on warnings: execFileSync throws for both.
  return execFileSync("qpdf", ["--check", write(pdf)], { encoding: "utf8" });
}

function text(value: unknown): string | undefined {
  if (value instanceof PDFHexString || value instanceof PDFString) return value.decodeText();
  return undefined;
}

/** Walks /Outlines → /First → /Next and returns each item's title and destination page index. */
function readOutline(doc: PDFDocument): Array<{ title: string; page: number }> {
  const outlines = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict);
  const pageRefs = doc.getPages().map((page) => page.ref.toString());
  const items: Array<{ title: string; page: number }> = [];
  let ref = outlines.get(PDFName.of("First"));
  let previous: PDFRef | undefined;
  while (ref instanceof PDFRef) {
    const item = doc.context.lookup(ref, PDFDict);
    expect(doc.context.lookup(item.get(PDFName.of("Parent")))).toBe(outlines);
    if (previous) expect(item.get(PDFName.of("Prev"))?.toString()).toBe(previous.toString());
    const dest = item.lookup(PDFName.of("Dest"), PDFArray);
    expect(dest.get(1)).toBe(PDFName.of("XYZ"));
    const target = dest.get(0);
    items.push({
      title: text(item.get(PDFName.of("Title"))) ?? "",
      page: pageRefs.indexOf(String(target)),
    });
    previous = ref;
    ref = item.get(PDFName.of("Next"));
  }
  expect(outlines.get(PDFName.of("Last"))?.toString()).toBe(previous?.toString());
  expect((outlines.get(PDFName.of("Count")) as PDFNumber).asNumber()).toBe(items.length);
  return items;
}

const CHAPTER_KEYS = [
  "chapterCover",
  "chapterSummary",
  "chapterScores",
  "chapterKnockOuts",
  "chapterTransparency",
  "chapterResidency",
  "chapterFindings",
  "chapterAnswers",
  "chapterReferences",
  "chapterAi",
  "chapterAudit",
  "chapterVerification",
] as const;

describe("renderReportPdf", () => {
  it("renders the same bytes for the same input, and different bytes for a different input", async () => {
    const input = sampleReportInput({ language: "de", questionCount: 30, findingCount: 4 });
    const first = await renderReportPdf(input);
    const second = await renderReportPdf(
      sampleReportInput({ language: "de", questionCount: 30, findingCount: 4 }),
    );
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    const otherVendor = await renderReportPdf({ ...input, vendorName: "Südwind KI AG" });
    expect(Buffer.from(otherVendor).equals(Buffer.from(first))).toBe(false);
    const otherTime = await renderReportPdf({
      ...input,
      generatedAt: new Date("2026-09-16T08:00:00Z"),
    });
    expect(Buffer.from(otherTime).equals(Buffer.from(first))).toBe(false);
  });

  it.each(["de", "en"] as const)(
    "prints umlauts, ß, €, „quotes“, the vendor, the scores and the findings (%s)",
    async (language) => {
      const input = sampleReportInput({ language, questionCount: 40, findingCount: 6 });
      const content = pdfText(await renderReportPdf(input));
      for (const expected of [
        "Müller & Söhne",
        "Größere Änderungen",
        "Düsseldorf",
        "25.000 €",
        "„Enterprise“",
        "Dr. Anna Groß",
      ]) {
        expect(content).toContain(expected);
      }
      expect(content).toContain(input.vendorName);
      // Scores with the page's rounding (one decimal, the language's separator).
      expect(content).toContain(`${formatScore(language, 72)} / 100`);
      for (const section of input.sections) {
        if (section.score !== null)
          expect(content).toContain(`${formatScore(language, section.score)} / 100`);
        expect(content).toContain(section.title);
      }
      expect(content).toContain(translate(language, "reports.notScored"));
      for (const finding of input.findings) expect(content).toContain(finding.title);
      for (const condition of input.decision.conditions) expect(content).toContain(condition.text);
      expect(content).toContain(input.auditHead.hash);
      expect(content).toContain(input.verifyUrl);
      expect(content).toContain(translate(language, "reports.aiNone"));
      const evidence = input.answers
        .flatMap((section) => section.answers)
        .flatMap((answer) => answer.evidence)[0]!;
      expect(content).toContain(evidence.fileName);
    },
  );

  it("passes qpdf --check", async () => {
    const out = qpdfCheck(
      await renderReportPdf(
        sampleReportInput({ language: "de", questionCount: 60, findingCount: 8 }),
      ),
    );
    expect(out).toContain("No syntax or stream encoding errors found");
    expect(out).not.toMatch(/WARNING|error:/i);
  });

  it.each([
    ["de", "de-DE", "Seite {page} von {total}"],
    ["en", "en-GB", "Page {page} of {total}"],
  ] as const)(
    "has one bookmark per chapter, page numbers, /Lang and document info (%s)",
    async (language, lang, pageOf) => {
      const input = sampleReportInput({ language, questionCount: 60, findingCount: 5 });
      const pdf = await renderReportPdf(input);
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      const total = doc.getPageCount();

      const outline = readOutline(doc);
      expect(outline.map((item) => item.title)).toEqual(
        CHAPTER_KEYS.map((key) => translate(language, `reports.${key}`)),
      );
      expect(outline[0]!.page).toBe(0);
      // Every bookmark points at a page of this document, in reading order.
      for (let index = 1; index < outline.length; index++) {
        expect(outline[index]!.page).toBeGreaterThanOrEqual(outline[index - 1]!.page);
      }
      expect(outline[outline.length - 1]!.page).toBeLessThan(total);
      expect(doc.catalog.lookup(PDFName.of("PageMode"))).toBe(PDFName.of("UseOutlines"));

      expect(text(doc.catalog.lookup(PDFName.of("Lang")))).toBe(lang);
      for (let page = 1; page <= total; page++) {
        expect(pdfText(pdf, { first: page, last: page })).toContain(
          pageOf.replace("{page}", String(page)).replace("{total}", String(total)),
        );
      }

      expect(doc.getAuthor()).toBe(input.organizationName);
      expect(doc.getTitle()).toContain(input.vendorName);
      expect(doc.getSubject()).toContain(input.assessment.id);
      expect(doc.getKeywords()).toContain(input.assessment.id);
      expect(doc.getCreator()).toBe("Vetted");
      expect(doc.getProducer()).toBe("Vetted");
      expect(doc.getCreationDate()?.toISOString()).toBe(input.generatedAt.toISOString());
      expect(doc.getModificationDate()?.toISOString()).toBe(input.generatedAt.toISOString());
    },
  );

  it("spreads a 150-question report over many pages and repeats the table header on each answers page", async () => {
    const input = sampleReportInput({ language: "en", questionCount: 150, findingCount: 20 });
    const pdf = await renderReportPdf(input);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const outline = readOutline(doc);
    const answersPage = outline.find((item) => item.title === "Answers")!.page;
    const referencesPage = outline.find((item) => item.title === "Regulation references")!.page;
    expect(doc.getPageCount()).toBeGreaterThan(15);
    expect(referencesPage - answersPage).toBeGreaterThan(5);
    for (let page = answersPage + 1; page < referencesPage; page++) {
      // The (repeated) header row opens the page, at most below a section's sub-heading.
      const lines = pdfLayoutLines(pdf, page + 1);
      const header = lines.findIndex((line) =>
        /^Question\s+Answer\s+Points\s+References$/.test(line),
      );
      expect(header, `page ${page + 1}: ${lines.slice(0, 3).join(" | ")}`).toBeGreaterThanOrEqual(
        0,
      );
      expect(header).toBeLessThanOrEqual(1);
    }
    const content = pdfText(pdf);
    for (const n of [1, 75, 150]) expect(content).toContain(`Q${n}. Does the vendor document`);
    expect(content).toContain("Finding 20:");

    const small = await PDFDocument.load(
      await renderReportPdf(sampleReportInput({ questionCount: 5, findingCount: 1 })),
    );
    expect(small.getPageCount()).toBeLessThan(doc.getPageCount());
  });

  it("names the scope of the adequacy decisions that limit a flow's country below the residency table (issue 21)", async () => {
    const base = sampleReportInput({ language: "de", questionCount: 3, findingCount: 0 });
    const note = limitedScopeNotes(["JP"], "de")[0]!.note;
    const input: ReportInput = {
      ...base,
      residency: { ...base.residency!, scopeNotes: [{ country: "Japan", note }] },
    };
    const content = pdfText(await renderReportPdf(input)).replace(/\s+/g, " ");
    expect(content).toContain(translate("de", "reports.residencyScopeNotes"));
    expect(content).toContain("nur Unternehmen der Privatwirtschaft");
    // Without notes (reports prepared before issue 21) the chapter is as it was.
    expect(pdfText(await renderReportPdf(base))).not.toContain(
      translate("de", "reports.residencyScopeNotes"),
    );
  });

  it("renders empty parts with their sentences and survives hostile text", async () => {
    const base = sampleReportInput({ language: "en", questionCount: 0, findingCount: 0 });
    const longWord = "x".repeat(400);
    const input: ReportInput = {
      ...base,
      vendorName: "Tab\tand bell\u0007 vendor 🙂 名前",
      knockOuts: [],
      transparency: null,
      residency: null,
      references: [],
      decision: {
        ...base.decision,
        outcomeCode: "APPROVED",
        outcome: "Approved",
        conditions: [],
        againstRecommendation: false,
        overrideReason: null,
        recommendation: "Approve",
      },
      aiAssistance: [
        "Drafted the rationale with a local model; a person checked every sentence.",
        longWord,
      ],
      answers: [
        { title: "Empty section", answers: [] },
        {
          title: "Long answer",
          answers: [
            {
              question: "Tell us everything",
              answer: "word ".repeat(3000),
              points: "–",
              references: [],
              evidence: [],
            },
          ],
        },
      ],
    };
    const pdf = await renderReportPdf(input);
    expect(qpdfCheck(pdf)).toContain("No syntax or stream encoding errors found");
    const content = pdfText(pdf);
    for (const key of [
      "noKnockOuts",
      "noTransparency",
      "noResidency",
      "noFindings",
      "noConditions",
      "noReferences",
      "noAnswers",
      "aiIntro",
      "withRecommendation",
    ] as const) {
      expect(content).toContain(translate("en", `reports.${key}`));
    }
    expect(content).not.toContain(translate("en", "reports.aiNone"));
    expect(content).toContain("Drafted the rationale with a local model");
    // Control characters vanish; characters DejaVu Sans lacks print as "�", not as invisible boxes.
    expect(content).toContain("Tab and bell vendor � ��");
    // The 400-character word is broken over lines instead of running off the page.
    expect(content.replace(/ /g, "")).toContain(longWord);
    // The 3000-word answer is split across pages rather than cut off.
    expect(content.match(/word/g)?.length).toBeGreaterThanOrEqual(3000);
  });

  it("renders the same bytes in a fresh process as after other reports in this one", async () => {
    // The font cache lives for the process: a report must not depend on what was rendered before.
    const options = {
      language: "de",
      questionCount: 20,
      findingCount: 3,
      vendorName: "Ölwerk Süd GmbH ✓",
    } as const;
    const file = path.join(dir, "fresh-process.pdf");
    const script = [
      `import { writeFileSync } from "node:fs";`,
      `import { renderReportPdf } from ${JSON.stringify(new URL("./render-report.ts", import.meta.url).pathname)};`,
      `import { sampleReportInput } from ${JSON.stringify(new URL("./report-input.ts", import.meta.url).pathname)};`,
      `writeFileSync(${JSON.stringify(file)}, await renderReportPdf(sampleReportInput(${JSON.stringify(options)})));`,
    ].join("\n");
    execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      stdio: "pipe",
    });
    const here = await renderReportPdf(sampleReportInput(options));
    expect(Buffer.from(here).equals(readFileSync(file))).toBe(true);
  });

  it("can be signed afterwards: pdfsig accepts the signature over the whole rendered report", async () => {
    const ca = createTestCertificateAuthority("Müller & Söhne Versicherung AG");
    const identity = parsePkcs12(ca.p12, ca.passphrase);
    const input = sampleReportInput({ language: "de", questionCount: 30, findingCount: 3 });
    const signed = await signPdf(await renderReportPdf(input), identity, {
      signingTime: input.generatedAt,
    });
    const tools = toolWorkspace();
    try {
      const out = tools.pdfsig(tools.write("signed-report.pdf", signed));
      expect(out).toContain("Signature Validation: Signature is Valid.");
      expect(out).toContain("Total document signed");
    } finally {
      tools.cleanup();
    }
    expect(qpdfCheck(signed)).toContain("No syntax or stream encoding errors found");
  });
});
