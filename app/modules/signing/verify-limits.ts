/** Largest upload /verify accepts (shared by the page's hint and the action); far above any report we sign. */
export const VERIFY_MAX_BYTES = 25 * 1024 * 1024;

/**
 * Bounds of one verification of an untrusted PDF (verify-pdf-signature.ts). A report we sign has
 * one signature, about 15 objects to read and a 20–40 KiB signature value: every limit is far
 * above that and far below what a hostile file would need to keep a worker busy for long.
 */
export const VERIFY_LIMITS = {
  /** Distinct signature dictionaries referenced by the form; more: "unchecked". */
  maxSignatures: 10,
  /** Indirect objects parsed (catalog, pages root, form fields, signatures, xref/object streams). */
  maxObjects: 5_000,
  /** Tokens read in all those objects. */
  maxTokens: 2_000_000,
  /** Nesting of arrays/dictionaries inside one object. */
  maxDepth: 32,
  /** Bytes inflated from compressed cross-reference and object streams. */
  maxDecodedBytes: 32 * 1024 * 1024,
  /** A signature value (the /Contents hole) in hex digits: 1 MiB of DER. */
  maxSignatureHexChars: 2 * 1024 * 1024,
  /** Nesting of the CMS structure (ours: about 12). */
  maxBerDepth: 64,
  /** Time one verification may take before it gives up on its own (the worker pool also enforces one). */
  timeBudgetMs: 10_000,
} as const;
