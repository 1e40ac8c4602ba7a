import { describe, expect, it } from "vitest";
import { detectFileType, type DetectResult } from "./detect-file-type";
import { evidenceFlashUrl, readEvidenceFlash } from "./evidence-outcome";
import { attachmentDisposition, cleanFileName } from "./file-name";
import {
  jpegHeader,
  tinyDocx,
  tinyPdf,
  tinyPng,
  tinyPptx,
  tinyXlsx,
  zipArchive,
} from "./test-fixtures";

const text = (s: string) => new TextEncoder().encode(s);

function kindOf(result: DetectResult): string {
  return result.ok ? result.type.kind : `refused:${result.rejection.code}`;
}

function rejection(result: DetectResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${result.type.kind}`);
  return result.rejection;
}

describe("detectFileType accepts the six types by content", () => {
  it.each([
    ["PDF", tinyPdf(), "certificate.pdf", "pdf", "application/pdf"],
    ["PNG", tinyPng(), "diagram.png", "png", "image/png"],
    ["JPEG", jpegHeader(), "photo.jpeg", "jpeg", "image/jpeg"],
    ["JPEG (.jpg)", jpegHeader(), "photo.JPG", "jpeg", "image/jpeg"],
    [
      "DOCX",
      tinyDocx(),
      "policy.docx",
      "docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    [
      "XLSX",
      tinyXlsx(),
      "controls.xlsx",
      "xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    [
      "TXT",
      text("Sub-processors:\r\n\tAcme GmbH – Berlin ✓\n"),
      "list.txt",
      "txt",
      "text/plain; charset=utf-8",
    ],
    [
      "CSV as text",
      text("name;country\nAcme;DE\n"),
      "list.csv",
      "txt",
      "text/plain; charset=utf-8",
    ],
  ])("%s", (_label, bytes, name, kind, contentType) => {
    const result = detectFileType(bytes, name);
    expect(result.ok && result.type).toEqual({
      kind,
      contentType,
      extension: result.ok ? result.type.extension : "",
    });
    expect(kindOf(result)).toBe(kind);
  });

  it("ignores the name when it has no extension, and then offers the canonical one", () => {
    const result = detectFileType(tinyPdf(), "scan");
    expect(result.ok && result.type.extension).toBe("pdf");
  });
});

describe("detectFileType refuses with a reason", () => {
  it("a PNG named .pdf is 'a file named .pdf that is not a PDF'", () => {
    const refused = rejection(detectFileType(tinyPng(), "iso27001.pdf"));
    expect(refused.code).toBe("name_mismatch");
    expect(refused.message).toMatch(/^a file named \.pdf that is not a PDF/);
    expect(refused.params).toEqual({ extension: "pdf", expected: "pdf", actual: "png" });
  });

  it("unknown binary content named .pdf is not a PDF either", () => {
    const refused = rejection(
      detectFileType(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]), "report.pdf"),
    );
    expect(refused.code).toBe("name_mismatch");
    expect(refused.params).toEqual({ extension: "pdf", expected: "pdf" });
  });

  it("a PDF named .docx, and a DOCX named .xlsx, are mismatches", () => {
    expect(rejection(detectFileType(tinyPdf(), "policy.docx")).params).toMatchObject({
      expected: "docx",
      actual: "pdf",
    });
    expect(rejection(detectFileType(tinyDocx(), "sheet.xlsx")).params).toMatchObject({
      expected: "xlsx",
      actual: "docx",
    });
  });

  it.each([
    ["Windows executable", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64, 0x90)]), "setup.pdf"],
    ["ELF binary", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), "report.txt"],
    ["Mach-O binary", Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), "tool"],
    ["shell script", text("#!/bin/sh\nrm -rf /\n"), "notes.txt"],
    ["text named .exe", text("hello"), "hello.exe"],
  ])("executables are not accepted: %s", (_label, bytes, name) => {
    const refused = rejection(detectFileType(bytes, name));
    expect(refused.code).toBe("executable");
    expect(refused.message).toBe("executables and scripts are not accepted");
  });

  it("a plain ZIP archive is refused", () => {
    const refused = rejection(
      detectFileType(zipArchive({ "a.txt": "a", "b.txt": "b" }), "evidence.zip"),
    );
    expect(refused.code).toBe("zip_archive");
  });

  it("a plain ZIP named .docx is not a Word document", () => {
    const refused = rejection(
      detectFileType(zipArchive({ "word/document.xml": "<x/>" }), "policy.docx"),
    );
    expect(refused.code).toBe("name_mismatch");
    expect(refused.params).toMatchObject({ expected: "docx" });
  });

  it("other Office Open XML formats (PPTX) are refused", () => {
    expect(rejection(detectFileType(tinyPptx(), "deck.pptx")).code).toBe("other_office_format");
  });

  it("macro-enabled documents are refused", () => {
    expect(
      rejection(detectFileType(tinyDocx({ "word/vbaProject.bin": "macro" }), "policy.docx")).code,
    ).toBe("macros");
  });

  it("a ZIP without its central directory is damaged", () => {
    const archive = tinyDocx();
    expect(
      rejection(detectFileType(archive.subarray(0, archive.length - 30), "policy.docx")).code,
    ).toBe("damaged");
  });

  it("text with NUL or other control characters, or invalid UTF-8, is not text", () => {
    for (const bytes of [
      text("abc\u0000def"),
      text("colour \u001b[31mred"),
      Buffer.from([0x61, 0xc3, 0x28, 0x62]),
      Buffer.from([0xff, 0xfe, 0x61, 0x00]),
    ]) {
      expect(kindOf(detectFileType(bytes, "notes"))).toBe("refused:unsupported");
      expect(rejection(detectFileType(bytes, "notes.txt")).params).toEqual({
        extension: "txt",
        expected: "txt",
      });
    }
  });

  it("text under a name that is not accepted (.html, .svg) is refused", () => {
    const refused = rejection(
      detectFileType(text("<html><script>alert(1)</script></html>"), "page.html"),
    );
    expect(refused.code).toBe("extension_not_accepted");
    expect(refused.params).toEqual({ extension: "html" });
    expect(
      rejection(detectFileType(text("<svg xmlns='http://www.w3.org/2000/svg'/>"), "logo.svg")).code,
    ).toBe("extension_not_accepted");
  });

  it("an empty file and other formats (GIF) are refused", () => {
    expect(rejection(detectFileType(new Uint8Array(0), "empty.pdf")).code).toBe("empty");
    expect(
      rejection(
        detectFileType(Buffer.from("GIF89a\x01\x00\x01\x00\x80\x00\x00", "latin1"), "anim.gif"),
      ).code,
    ).toBe("unsupported");
  });
});

describe("file names", () => {
  it("keeps the last path segment, strips control and special characters, adds the detected extension", () => {
    expect(cleanFileName("../../etc/passwd", "txt")).toBe("passwd.txt");
    expect(cleanFileName("C:\\Users\\me\\ISO 27001.pdf", "pdf")).toBe("ISO 27001.pdf");
    // Controls go; a line break is whitespace (one space), like in every other name.
    expect(cleanFileName('a\u0000b\r\n"c";.pdf', "pdf")).toBe("ab _c__.pdf");
    expect(cleanFileName("...", "pdf")).toBe("evidence.pdf");
    expect(cleanFileName(`${"x".repeat(300)}.pdf`, "pdf")).toBe(`${"x".repeat(176)}.pdf`);
  });

  it("a download never offers a name with a right-to-left override (also for rows stored before cleaning)", () => {
    expect(attachmentDisposition("\u202Egnp.exe.txt")).toBe(
      `attachment; filename="gnp.exe.txt"; filename*=UTF-8''gnp.exe.txt`,
    );
  });

  it("a right-to-left override or invisible character cannot disguise the name or its extension", () => {
    expect(cleanFileName("\u202Egnp.exe.txt", "txt")).toBe("gnp.exe.txt");
    expect(cleanFileName("invoice\u202Efdp.exe", "pdf")).toBe("invoicefdp.exe");
    expect(cleanFileName("re\u200Bport.pd\u200Df", "pdf")).toBe("report.pdf");
    expect(cleanFileName("..\u2066/..\u2069/x.pdf", "pdf")).toBe("x.pdf");
    expect(cleanFileName("\u202E\u200B", "pdf")).toBe("evidence.pdf");
  });

  it("offers downloads as attachments with an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition("Prüfbericht 2025 (final).pdf")).toBe(
      `attachment; filename="Pr_fbericht 2025 (final).pdf"; filename*=UTF-8''Pr%C3%BCfbericht%202025%20%28final%29.pdf`,
    );
  });
});

describe("the no-JavaScript outcome in the URL", () => {
  it("round-trips a refusal with its parameters, anchored at the question", () => {
    const url = evidenceFlashUrl({
      questionKey: "security.iso27001",
      outcome: "name_mismatch",
      params: { extension: "pdf", expected: "pdf", actual: "png" },
    });
    expect(url).toMatch(/^\/portal\?evidence=name_mismatch&.*#q-security\.iso27001$/);
    expect(readEvidenceFlash(url)).toEqual({
      questionKey: "security.iso27001",
      outcome: "name_mismatch",
      params: { extension: "pdf", expected: "pdf", actual: "png" },
    });
  });

  it("ignores unknown outcomes and malformed parameters (a crafted link cannot choose the text)", () => {
    expect(readEvidenceFlash("/portal?evidence=<b>hi</b>")).toBeNull();
    expect(readEvidenceFlash("/portal")).toBeNull();
    expect(
      readEvidenceFlash(
        "/portal?evidence=name_mismatch&evidence_extension=<script>&evidence_expected=exe&evidenceQuestion=a b",
      ),
    ).toEqual({
      questionKey: "",
      outcome: "name_mismatch",
      params: {},
    });
  });
});
