/**
 * Folds text for case- and accent-insensitive matching: "Über AI GmbH", "über ai", "UBER AI"
 * and "uber ai" all fold to "uber ai gmbh". Done in JavaScript because neither database folds
 * non-ASCII letters portably: SQLite's lower()/LIKE only fold A–Z, and PostgreSQL's depend on
 * the cluster's locale (ILIKE does not exist in SQLite; Prisma's `mode: "insensitive"` is
 * PostgreSQL-only).
 */
export function foldForSearch(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether `haystack` contains every whitespace-separated word of `query` (folded). */
export function matchesSearch(haystack: string, query: string): boolean {
  const text = foldForSearch(haystack);
  return foldForSearch(query)
    .split(" ")
    .filter(Boolean)
    .every((word) => text.includes(word));
}
