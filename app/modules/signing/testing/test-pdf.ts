import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { PDFDocument, StandardFonts } from "pdf-lib";

/**
 * Test helpers for signed PDFs: a small unsigned document (pdf-lib; the real report renderer is
 * tested elsewhere), and the Debian tools as independent judges (pdfsig, qpdf).
 */
export async function makeUnsignedPdf(
  text = "Vetted test report",
  pages = 2,
): Promise<Uint8Array<ArrayBuffer>> {
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

export function withAppendedBytes(
  pdf: Uint8Array,
  extra = "\n% appended after signing\n",
): Uint8Array {
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
        return execFileSync("pdfsig", args, {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
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
      execFileSync("certutil", [
        "-A",
        "-d",
        `sql:${nss}`,
        "-n",
        "vetted-test-ca",
        "-t",
        "CT,C,C",
        "-i",
        write("ca.pem", caPem),
      ]);
      return `sql:${nss}`;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The newest trailer's /Size and /Root and the startxref of `pdf` (a file pdf-lib wrote). */
function lastRevision(pdf: Uint8Array): { size: number; root: string; startxref: number } {
  const text = Buffer.from(pdf).toString("latin1");
  const trailer = text.slice(text.lastIndexOf("trailer"));
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  const startxref = Number(
    /startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf("startxref")))?.[1],
  );
  if (!size || !root || !startxref) throw new Error("not a file pdf-lib wrote");
  return { size, root, startxref };
}

/**
 * An incremental update (ISO 32000-1 §7.5.6) appended to `pdf`: new or replaced objects by
 * number, then a classic cross-reference section or (xrefStream) a PDF 1.5 cross-reference
 * stream, and a trailer with /Prev. What a viewer or another signing tool writes after us.
 */
export function withIncrementalUpdate(
  pdf: Uint8Array,
  objects: Record<number, string>,
  options: { xrefStream?: boolean } = {},
): Uint8Array {
  const base = lastRevision(pdf);
  const parts: Buffer[] = [Buffer.from(pdf), Buffer.from("\n", "latin1")];
  let offset = pdf.length + 1;
  const offsets = new Map<number, number>();
  for (const [num, body] of Object.entries(objects)) {
    const chunk = Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, "latin1");
    offsets.set(Number(num), offset);
    parts.push(chunk);
    offset += chunk.length;
  }
  const size = Math.max(base.size, ...[...offsets.keys()].map((n) => n + 2));
  if (options.xrefStream) {
    const streamNumber = size - 1;
    offsets.set(streamNumber, offset);
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const rows = numbers.map((n) => {
      const row = Buffer.alloc(7);
      row[0] = 1;
      row.writeUInt32BE(offsets.get(n)!, 1);
      return row;
    });
    const data = deflateSync(Buffer.concat(rows));
    const index = numbers.map((n) => `${n} 1`).join(" ");
    parts.push(
      Buffer.from(
        `${streamNumber} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] /Index [${index}] /Root ${base.root} /Prev ${base.startxref} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
        "latin1",
      ),
      data,
      Buffer.from(`\nendstream\nendobj\nstartxref\n${offset}\n%%EOF\n`, "latin1"),
    );
  } else {
    const entries = [...offsets]
      .map(([num, at]) => `${num} 1\n${String(at).padStart(10, "0")} 00000 n \n`)
      .join("");
    parts.push(
      Buffer.from(
        `xref\n0 1\n0000000000 65535 f \n${entries}trailer\n<< /Size ${size} /Root ${base.root} /Prev ${base.startxref} >>\nstartxref\n${offset}\n%%EOF\n`,
        "latin1",
      ),
    );
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** The object numbers and text of the signed file's signature dictionary and form, for crafting updates. */
export function signatureObjects(pdf: Uint8Array): {
  signature: number;
  form: number;
  field: number;
  byteRange: string;
} {
  const text = Buffer.from(pdf).toString("latin1");
  const signature = Number(/(\d+) 0 obj\s*<<\s*\/Type \/Sig/.exec(text)?.[1]);
  const form = Number(/\/AcroForm (\d+) 0 R/.exec(text)?.[1]);
  const field = Number(/\/Fields \[ (\d+) 0 R \]/.exec(text)?.[1]);
  const byteRange = /\/ByteRange \[[^\]]*\]/.exec(text)?.[0];
  if (!signature || !form || !field || !byteRange) throw new Error("not a file signPdf wrote");
  return { signature, form, field, byteRange };
}
