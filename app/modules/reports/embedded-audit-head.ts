import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";

/**
 * The audit-chain head at signing time, machine-readable in the report's document information
 * dictionary (besides the printed table). The report's signature covers these bytes, so whoever
 * can write to the database cannot change the head a report carries without the signing key;
 * `audit verify` compares it with the chain (ADR 0015).
 */
export const AUDIT_HEAD_INFO_KEY = "VettedAuditHead";

export interface AuditHead {
  seq: number;
  hash: string;
}

const FORMAT = /^(\d{1,12}) ([0-9a-f]{64})$/;

function infoDict(doc: PDFDocument): PDFDict | undefined {
  const ref = doc.context.trailerInfo.Info;
  return ref ? doc.context.lookupMaybe(ref, PDFDict) : undefined;
}

/** Call after the other document information is set (the dictionary exists then). */
export function embedAuditHead(doc: PDFDocument, head: AuditHead): void {
  const info = infoDict(doc);
  if (!info) throw new Error("the report has no document information dictionary");
  info.set(PDFName.of(AUDIT_HEAD_INFO_KEY), PDFString.of(`${head.seq} ${head.hash}`));
}

/** The embedded head, or null when the file has none (reports signed before heads were embedded). */
export async function readEmbeddedAuditHead(pdf: Uint8Array): Promise<AuditHead | null> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const value = infoDict(doc)?.lookup(PDFName.of(AUDIT_HEAD_INFO_KEY));
  if (!(value instanceof PDFString || value instanceof PDFHexString)) return null;
  const match = FORMAT.exec(value.decodeText());
  return match ? { seq: Number(match[1]), hash: match[2]! } : null;
}
