import { deepFreeze } from "../../utils/deep-freeze";
import { parseStoredScore, type StoredScore } from "./stored-score";

/**
 * Parsed stored scores, kept per assessment for the pages that read the same scores again and
 * again (the comparison: a stored score is about 50 KB, and reading and parsing five of them was
 * the largest part of a fresh comparison, issue 12).
 *
 * An entry is keyed by the assessment and a fingerprint of its row: the row's version and its
 * updatedAt, which Prisma sets on every write through the query builder, and every write of a
 * score goes through it (submitAssessment, the FMTI import). A re-scored assessment therefore has
 * a new fingerprint and is read and parsed anew; nothing needs invalidating, and a page that
 * finds every fingerprint known does not read the large texts at all. Entries are frozen
 * (requests share them); the least recently used go first beyond MAX_ENTRIES.
 */
const MAX_ENTRIES = 256;
const parsed = new Map<string, { fingerprint: string; score: StoredScore | null }>();

export interface StoredScoreRow {
  id: string;
  version: number | bigint;
  updatedAt: Date;
}

function fingerprintOf(row: StoredScoreRow): string {
  return `${Number(row.version)}@${row.updatedAt.getTime()}`;
}

function remember(id: string, fingerprint: string, score: StoredScore | null): void {
  parsed.delete(id); // re-inserted at the end: the least recently used stay first
  parsed.set(id, { fingerprint, score });
  if (parsed.size > MAX_ENTRIES) parsed.delete(parsed.keys().next().value!);
}

/**
 * The parsed stored scores of these assessments, by id (null: none, or unreadable). `readTexts`
 * is asked only for the assessments whose current row was not parsed before.
 */
export async function readStoredScores(
  rows: StoredScoreRow[],
  readTexts: (ids: string[]) => Promise<Map<string, string | null>>,
): Promise<Map<string, StoredScore | null>> {
  const scores = new Map<string, StoredScore | null>();
  const unknown: StoredScoreRow[] = [];
  for (const row of rows) {
    const known = parsed.get(row.id);
    if (known && known.fingerprint === fingerprintOf(row)) {
      remember(row.id, known.fingerprint, known.score);
      scores.set(row.id, known.score);
    } else unknown.push(row);
  }
  if (unknown.length > 0) {
    const texts = await readTexts(unknown.map((row) => row.id));
    for (const row of unknown) {
      const score = deepFreeze(parseStoredScore(texts.get(row.id) ?? null));
      remember(row.id, fingerprintOf(row), score);
      scores.set(row.id, score);
    }
  }
  return scores;
}
