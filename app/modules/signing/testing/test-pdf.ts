import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";

/**
 * Test helpers for signed PDFs: a small unsigned document (pdf-lib; the real report renderer is
 * tested elsewhere), and the Debian tools as independent judges (pdfsig, qpdf).
 */
export async function makeUnsignedPdf(text = "Vetted test report", pages = 2): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage([595, 842]).drawText(`${text} - page ${i}`, { x: 50, y: 780, size: 14, font });
  }
  // Fixed dates: the same call gives the same bytes.
  doc.setCreationDate(new Date("2025-01-01T00:00:00Z"));
  doc.setModificationDate(new Date("2025-01-01T00:00:00Z"));
  return new Uint8Array(await doc.save());
}

/** A one-byte change inside the first signed range: the binary comment on line 2 (harmless to parsers). */
export function flipByteInSignedRange(pdf: Uint8Array): Uint8Array {
  const copy = new Uint8Array(pdf);
  const at = Buffer.from(copy).indexOf("\n%") + 2;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

export function withAppendedBytes(pdf: Uint8Array, extra = "\n% appended after signing\n"): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(extra, "latin1")]));
}

export interface ToolWorkspace {
  dir: string;
  write(name: string, bytes: Uint8Array | string): string;
  /** pdfsig's report (stdout + stderr); it exits 0 even when a digest does not match. */
  pdfsig(file: string, nssDir?: string): string;
  /** A fresh NSS database trusting `caPem` as a CA (`CT,C,C`); returns `sql:<dir>`. */
  nssTrusting(caPem: string): string;
  cleanup(): void;
}

export function toolWorkspace(): ToolWorkspace {
  const dir = mkdtempSync(path.join(tmpdir(), "vetted-sign-"));
  const write = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, name);
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- a test's own temporary directory
    writeFileSync(file, bytes);
    return file;
  };
  return {
    dir,
    write,
    pdfsig(file, nssDir) {
      const args = nssDir ? ["-nssdir", nssDir, file] : [file];
      try {
        return execFileSync("pdfsig", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        return `${e.stdout ?? ""}${e.stderr ?? ""}`;
      }
    },
    nssTrusting(caPem) {
      const nss = path.join(dir, `nss-${randomBytes(4).toString("hex")}`);
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- a test's own temporary directory
      mkdirSync(nss, { recursive: true });
      execFileSync("certutil", ["-N", "-d", `sql:${nss}`, "--empty-password"]);
      execFileSync("certutil", ["-A", "-d", `sql:${nss}`, "-n", "vetted-test-ca", "-t", "CT,C,C", "-i", write("ca.pem", caPem)]);
      return `sql:${nss}`;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
