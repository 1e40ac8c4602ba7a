import { pipeline } from "node:stream/promises";
import { db } from "../../../utils/db.server";
import type { EvidenceStore } from "./evidence-store";
import { hashStream, HashingLimit } from "./hashing-limit";

export interface EvidenceMigrationResult {
  /** Evidence rows looked at (also those marked deleted: their bytes are kept). */
  rows: number;
  copied: number;
  /** Already in the target with the right SHA-256 (an earlier, interrupted run). */
  skipped: number;
  /** Neither store has the object. */
  missing: string[];
  /** The source's bytes do not match the row's SHA-256, or the copy did not read back right. */
  failed: string[];
}

const PAGE = 200;

/**
 * Copies every evidence row's object from one store to the other under the same key (the
 * database does not change), verifying the SHA-256 the row recorded at upload on the way out
 * and again by reading the copy back. Resumable: an object already in the target with the right
 * SHA-256 is skipped, so re-running after an interruption (or after switching EVIDENCE_STORAGE,
 * for the uploads in between) copies only what is left. The source is never changed: the
 * operator removes it once the installation runs on the target.
 */
export async function migrateEvidenceStore(
  source: EvidenceStore,
  target: EvidenceStore,
  onProgress: (done: number) => void = () => {},
): Promise<EvidenceMigrationResult> {
  const result: EvidenceMigrationResult = {
    rows: 0,
    copied: 0,
    skipped: 0,
    missing: [],
    failed: [],
  };
  let after: string | undefined;
  for (;;) {
    const rows = await db().evidenceFile.findMany({
      where: after ? { storageKey: { gt: after } } : {},
      orderBy: { storageKey: "asc" },
      take: PAGE,
      select: { storageKey: true, sha256: true, size: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      result.rows += 1;
      await migrateOne(row, source, target, result);
    }
    after = rows.at(-1)!.storageKey;
    onProgress(result.rows);
  }
  return result;
}

async function migrateOne(
  row: { storageKey: string; sha256: string; size: number },
  source: EvidenceStore,
  target: EvidenceStore,
  result: EvidenceMigrationResult,
): Promise<void> {
  const key = row.storageKey;
  const existing = await target.get(key);
  if (existing) {
    if ((await hashStream(existing)).sha256 === row.sha256) {
      result.skipped += 1;
      return;
    }
    // Not what the row recorded (a copy cut off by hand, say): copied again from the source below.
    await target.delete(key);
  }
  const from = await source.get(key);
  if (!from) {
    result.missing.push(key);
    return;
  }
  const hashing = new HashingLimit(Number.MAX_SAFE_INTEGER, row.size);
  // pipeline() carries a failing source's error to the copy (pipe() would not).
  const piped = pipeline(from, hashing);
  piped.catch(() => {});
  try {
    await target.putAt(key, hashing, { size: row.size });
    await piped;
  } catch (error) {
    await target.delete(key);
    result.failed.push(`${key}: ${(error as Error).message}`);
    return;
  }
  const copied = await target.get(key);
  const check = copied ? await hashStream(copied) : null;
  if (hashing.result().sha256 !== row.sha256 || check?.sha256 !== row.sha256) {
    await target.delete(key);
    result.failed.push(
      `${key}: ${hashing.result().sha256 !== row.sha256 ? "the source does not match its SHA-256" : "the copy did not read back with its SHA-256"}`,
    );
    return;
  }
  result.copied += 1;
}
