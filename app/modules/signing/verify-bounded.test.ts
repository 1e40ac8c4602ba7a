import { randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signPdf } from "./pades-sign";
import { createTestCertificateAuthority, parsePkcs12 } from "./pkcs12";
import {
  makeUnsignedPdf,
  signatureObjects,
  toolWorkspace,
  withIncrementalUpdate,
  type ToolWorkspace,
} from "./testing/test-pdf";
import { VERIFY_LIMITS } from "./verify-limits";
import { verifyPdfSignature } from "./verify-pdf-signature";

/**
 * Hostile files (issue 11): verification does bounded work. It checks the signatures the form
 * references (not every "/ByteRange" in the text), at most VERIFY_LIMITS.maxSignatures of them,
 * decides "unsigned or not a PDF" from the structure without loading the document, and stops at
 * its limits with an "unchecked" verdict. Counts of work are asserted, never time.
 */
let signed: Uint8Array;
let tools: ToolWorkspace;

beforeAll(async () => {
  const ca = createTestCertificateAuthority("Prüfstelle Müller GmbH");
  signed = await signPdf(await makeUnsignedPdf(), parsePkcs12(ca.p12, ca.passphrase), {
    signingTime: new Date("2025-03-01T10:00:00Z"),
  });
  tools = toolWorkspace();
});
afterAll(() => tools.cleanup());

const latin1 = (text: string) => Buffer.from(text, "latin1");
const join = (...parts: (Uint8Array | string)[]) =>
  new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === "string" ? latin1(p) : Buffer.from(p)))),
  );

/** `count` signature dictionaries after the file's end, each naming the genuine signature's byte range. */
function byteRangeCopies(pdf: Uint8Array, count: number): string {
  const { byteRange } = signatureObjects(pdf);
  return Array.from(
    { length: count },
    (_, i) => `\n${1000 + i} 0 obj\n<< /Type /Sig ${byteRange} >>\nendobj`,
  ).join("");
}

describe("signatures are found through the form, and there are few of them", () => {
  it("checks the one signature the form references, not 200 textual copies of its /ByteRange", async () => {
    const result = await verifyPdfSignature(join(signed, byteRangeCopies(signed, 200)));
    expect(result.kind).toBe("modified");
    expect(result.signaturesChecked).toBe(1);
    expect(result.reasons.join(" ")).toContain("added after signing");
  });

  it("checks a signature dictionary shared by 200 form fields once", async () => {
    const { signature, form } = signatureObjects(signed);
    const fields: Record<number, string> = {};
    for (let i = 0; i < 200; i++)
      fields[2000 + i] = `<< /FT /Sig /T (copy${i}) /V ${signature} 0 R >>`;
    const refs = Object.keys(fields)
      .map((n) => `${n} 0 R`)
      .join(" ");
    const updated = withIncrementalUpdate(signed, {
      ...fields,
      [form]: `<< /Fields [ ${refs} ] /SigFlags 3 >>`,
    });
    const result = await verifyPdfSignature(updated);
    expect(result.signaturesChecked).toBe(1);
    expect(result.kind).toBe("modified");
  });

  it(`refuses to check more than ${VERIFY_LIMITS.maxSignatures} distinct signatures: "unchecked", nothing hashed`, async () => {
    const { byteRange, form } = signatureObjects(signed);
    const objects: Record<number, string> = {};
    const fieldRefs: string[] = [];
    for (let i = 0; i < 200; i++) {
      objects[3000 + i] = `<< /Type /Sig ${byteRange} >>`;
      objects[4000 + i] = `<< /FT /Sig /T (s${i}) /V ${3000 + i} 0 R >>`;
      fieldRefs.push(`${4000 + i} 0 R`);
    }
    const updated = withIncrementalUpdate(signed, {
      ...objects,
      [form]: `<< /Fields [ ${fieldRefs.join(" ")} ] >>`,
    });
    const result = await verifyPdfSignature(updated);
    expect(result).toMatchObject({ kind: "unchecked", limit: "signatures", signaturesChecked: 0 });
  });

  it("a file without a readable cross-reference structure falls back to a scan that stops at the same limit", async () => {
    // No "startxref" anywhere: the structure cannot be read, the text is scanned.
    const text = Buffer.from(signed).toString("latin1").replaceAll("startxref", "startxreX");
    const broken = join(latin1(text), byteRangeCopies(signed, 200));
    const result = await verifyPdfSignature(broken);
    expect(result).toMatchObject({ kind: "unchecked", limit: "signatures", signaturesChecked: 0 });
    // A damaged report with its one signature still gets a verdict (the edit is inside the signed range).
    const alone = await verifyPdfSignature(latin1(text));
    expect(alone).toMatchObject({ kind: "modified", signaturesChecked: 1 });
  });
});

describe("incremental updates after signing", () => {
  it("a classic update and a cross-reference stream update are 'modified' (pdfsig: valid, but not the whole document)", async () => {
    const { signature } = signatureObjects(signed);
    for (const xrefStream of [false, true]) {
      const updated = withIncrementalUpdate(
        signed,
        { 3: "<< /Producer (someone else) >>" },
        { xrefStream },
      );
      const result = await verifyPdfSignature(updated);
      expect(result.kind).toBe("modified");
      expect(result.signaturesChecked).toBe(1);
      expect(result.reasons.join(" ")).toContain("added after signing");
      expect(result.byteRange?.[0]).toBe(0);
      const out = tools.pdfsig(tools.write(`update-${xrefStream}.pdf`, updated));
      expect(out).toContain("Signature Validation: Signature is Valid.");
      expect(out).not.toContain("Total document signed");
      expect(signature).toBeGreaterThan(0);
    }
  });
});

describe("unsigned or not a PDF, decided without loading the document", () => {
  it("garbage behind a PDF header is refused without a full parse", async () => {
    const load = vi.spyOn(PDFDocument, "load");
    const garbage = join("%PDF-1.7\n", randomBytes(2 * 1024 * 1024));
    const result = await verifyPdfSignature(garbage);
    expect(result).toMatchObject({ kind: "not_pdf", signaturesChecked: 0, objectsRead: 0 });
    expect(load).not.toHaveBeenCalled();
  });

  it("an unsigned PDF with object streams and a cross-reference stream is 'unsigned'", async () => {
    const doc = await PDFDocument.load(await makeUnsignedPdf());
    const compact = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(compact).includes("/ObjStm")).toBe(true);
    const result = await verifyPdfSignature(compact);
    expect(result.kind).toBe("unsigned");
    expect(result.objectsRead).toBeGreaterThan(0);
  });

  it("a trailer around junk, without pages, is not a PDF", async () => {
    const junk =
      "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n45\n%%EOF\n";
    const result = await verifyPdfSignature(latin1(junk));
    expect(result.kind).toBe("not_pdf");
    expect(result.reasons.join(" ")).toContain("no pages");
  });
});

describe("limits end a check with a verdict", () => {
  it("nesting deeper than the limit in the catalog", async () => {
    const deep = `<< /Type /Catalog /Pages 1 0 R /X ${"[".repeat(100_000)}${"]".repeat(100_000)} >>`;
    const result = await verifyPdfSignature(withIncrementalUpdate(signed, { 2: deep }));
    expect(result).toMatchObject({ kind: "unchecked", limit: "structure", signaturesChecked: 0 });
  });

  it("a cross-reference stream that inflates beyond the budget", async () => {
    const bomb = deflateSync(Buffer.alloc(VERIFY_LIMITS.maxDecodedBytes + 1024));
    const at = "%PDF-1.7\n".length;
    const file = join(
      "%PDF-1.7\n",
      `1 0 obj\n<< /Type /XRef /Size 2 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`,
      bomb,
      `\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`,
    );
    expect(await verifyPdfSignature(file)).toMatchObject({ kind: "unchecked", limit: "structure" });
  });

  it("a signature value nested 100,000 levels deep is invalid, read without recursion", async () => {
    const text = Buffer.from(signed).toString("latin1");
    const [, , holeEnd] = signatureObjects(signed).byteRange.match(/\d+/g)!.map(Number);
    const holeStart = text.indexOf("/Contents <") + "/Contents ".length;
    const hexLength = holeEnd! - holeStart - 2;
    const nested = "3080".repeat(Math.ceil(hexLength / 4)).slice(0, hexLength);
    const forged = latin1(text.slice(0, holeStart + 1) + nested + text.slice(holeEnd! - 1));
    const result = await verifyPdfSignature(forged);
    expect(result.kind).toBe("invalid");
    expect(result.reasons.join(" ")).toContain("cannot be read");
  });

  it("the time budget", async () => {
    const result = await verifyPdfSignature(signed, { deadline: Date.now() - 1 });
    expect(result).toMatchObject({ kind: "unchecked", limit: "time", signaturesChecked: 0 });
  });
});
