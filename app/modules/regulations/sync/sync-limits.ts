/** Bounds of an online sync (issue 14 item 6): a feed is someone else's server, so nothing is unbounded. */
export const SYNC_LIMITS = {
  /** The whole exchange, redirects included. */
  timeoutMs: 15_000,
  /** Bytes read before parsing; a larger answer is refused, not truncated. */
  maxBytes: 2 * 1024 * 1024,
  /** Entries recorded from one feed; EUR-Lex's feeds carry a few dozen. */
  maxEntries: 500,
  /** Redirects followed, each to an http(s) URL. */
  maxRedirects: 5,
  /** Characters kept of an entry's title and summary. */
  maxTitleChars: 500,
  maxSummaryChars: 4000,
} as const;

export type SyncLimits = { -readonly [K in keyof typeof SYNC_LIMITS]: number };

/** What went wrong, as a sentence for the operator (the CLI prints it). */
export class SyncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncError";
  }
}
