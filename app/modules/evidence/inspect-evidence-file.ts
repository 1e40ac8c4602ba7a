import { createHash } from "node:crypto";
import { detectFileType, type DetectResult } from "./detect-file-type";

/**
 * The work on an evidence upload's bytes that grows with its size (20 MB of text is checked byte
 * by byte): the type from the content and the SHA-256. Runs in a parser worker (ADR 0014); the
 * bytes are handed back for storing.
 */
export interface EvidenceFileInspection {
  detected: DetectResult;
  sha256: string;
  bytes: Uint8Array;
}

export function inspectEvidenceFile(bytes: Uint8Array, fileName: string): EvidenceFileInspection {
  return {
    detected: detectFileType(bytes, fileName),
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes,
  };
}
