import type { EvidenceDownload } from "./read-evidence.server";
import { attachmentDisposition } from "./file-name";

/**
 * Evidence goes back only as a download: an attachment under its (cleaned) name, with the type
 * detected at upload and `nosniff`, inside a CSP sandbox (should a browser render it anyway, it
 * runs without our origin, scripts or forms), never cached (it may be confidential).
 */
export function evidenceDownloadResponse(file: EvidenceDownload): Response {
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
      "Cache-Control": "no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
      "X-Robots-Tag": "noindex",
    },
  });
}
