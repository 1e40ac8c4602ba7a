import { cleanDisplayText } from "../../utils/display-text";

/**
 * Vendor tags ("strategic", "llm", …): free labels the portfolio filters on (`/portfolio?tag=`).
 * Stored on the vendor as a JSON array of strings (`Vendor.tags`). Free of zod and server code,
 * so pages can import it; the validating schema lives in vendor-schemas.ts.
 */

/** Longest tag, in UTF-16 code units (what `maxLength` and the portfolio's `?tag=` cut count). */
export const TAG_MAX = 50;
/** Most tags one vendor may have. */
export const TAGS_MAX_COUNT = 20;

/**
 * Comma-separated text (or a list, each item possibly comma-separated) → tags: each cleaned like
 * every name (cleanDisplayText: NFC, no controls, bidi or invisible characters, whitespace
 * collapsed to one space, trimmed), empties dropped, duplicates
 * that differ only in case dropped (the first spelling wins), order kept. No length, count or
 * character checks: the schema reports those as field errors. Idempotent.
 */
export function splitTags(input: string | readonly string[]): string[] {
  const parts = (typeof input === "string" ? [input] : input).flatMap((item) => item.split(","));
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of parts) {
    const tag = cleanDisplayText(part);
    if (!tag) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** Tags → the text of the form field ("strategic, llm"). */
export function formatTags(tags: readonly string[]): string {
  return tags.join(", ");
}

/** The stored JSON (`Vendor.tags`) → tags; anything that is not a JSON array of strings gives []. */
export function parseStoredTags(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value)
      ? value.filter((tag): tag is string => typeof tag === "string")
      : [];
  } catch {
    return [];
  }
}

/** The portfolio view of one tag (`/portfolio?tag=…`, the value URL-encoded). */
export function portfolioTagHref(tag: string): string {
  return `/portfolio?tag=${encodeURIComponent(tag)}`;
}
