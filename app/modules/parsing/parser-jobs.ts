import { inspectEvidenceFile } from "../evidence/inspect-evidence-file";
import { inspectReportFile } from "../signing/inspect-report-file";
import { parseFrameworkBytes } from "../regulations/import/parse-framework-bytes";
import { parseTemplateFile, type TemplateFileFormat } from "../templates/template-file";

/**
 * What a parser worker can do (ADR 0014). Each job gets plain, cloneable input and returns a
 * plain, cloneable value (the buffers of its Uint8Array properties are moved back, not copied);
 * the pool (worker-pool.ts) enforces time and memory around it.
 * Runs inside the worker only: the main thread imports the types, never this module's code.
 */
export const parserJobs = {
  /** A signed report uploaded to /verify or given to `vetted verify`. */
  "inspect-report-file": (input: { bytes: Uint8Array; timeBudgetMs: number }) =>
    inspectReportFile(input.bytes, { deadline: Date.now() + input.timeBudgetMs }),

  /** An evidence upload: its type from the content, its SHA-256; the bytes come back without a copy. */
  "inspect-evidence-file": (input: { bytes: Uint8Array; fileName: string }) =>
    inspectEvidenceFile(input.bytes, input.fileName),

  /** A template file (import, the YAML editor, `vetted template import`). */
  "parse-template-file": (input: { text: string; format?: TemplateFileFormat }) =>
    parseTemplateFile(input.text, input.format),

  /** A framework file (CISO Assistant library YAML, OSCAL catalog JSON): `vetted regulations import`, the upload page. */
  "parse-framework-file": (input: { bytes: Uint8Array; fileName: string }) =>
    parseFrameworkBytes(input.bytes, input.fileName),

  /**
   * Occupies the worker until `signal[0]` becomes non-zero (or `maxMs` pass): lets tests and the
   * benchmark hold workers deterministically, without relying on slow input.
   */
  hold: (input: { signal: SharedArrayBuffer; maxMs: number }) =>
    Atomics.wait(new Int32Array(input.signal), 0, 0, input.maxMs) === "timed-out"
      ? "timed-out"
      : "released",
} satisfies Record<string, (input: never) => unknown>;

export type ParserJobs = typeof parserJobs;
export type ParserJobKind = keyof ParserJobs;
export type ParserJobInput<K extends ParserJobKind> = Parameters<ParserJobs[K]>[0];
export type ParserJobOutput<K extends ParserJobKind> = Awaited<ReturnType<ParserJobs[K]>>;
