import { deepFreeze } from "../../utils/deep-freeze";
import { parseStoredScore, type StoredScore } from "./stored-score";

/**
 * Parsed stored scores, kept per assessment for the pages that read the same scores again and
 * again (the comparison: a stored score is tens of kilobytes, and parsing and validating five of
 * them was the largest part of a fresh comparison, issue 12).
 *
 * An entry is used only while the stored text is the same as when it was parsed: a re-scored
 * assessment has a new text and is parsed anew, so nothing needs invalidating. Comparing two
 * strings of equal length is a memory comparison, far cheaper than JSON.parse plus zod. Entries
 * are frozen (requests share them) and the oldest go first beyond MAX_ENTRIES.
 */
const MAX_ENTRIES = 256;
const parsed = new Map<string, { text: string; score: StoredScore | null }>();

export function parseStoredScoreOnce(assessmentId: string, text: string | null): StoredScore | null {
  if (!text) return null;
  const known = parsed.get(assessmentId);
  if (known && known.text === text) {
    parsed.delete(assessmentId); // least recently used first out: re-insert at the end
    parsed.set(assessmentId, known);
    return known.score;
  }
  const score = deepFreeze(parseStoredScore(text));
  parsed.delete(assessmentId);
  parsed.set(assessmentId, { text, score });
  if (parsed.size > MAX_ENTRIES) parsed.delete(parsed.keys().next().value!);
  return score;
}
