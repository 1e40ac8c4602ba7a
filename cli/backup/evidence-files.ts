import { createReadStream, createWriteStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { type EvidenceStore } from "../../app/modules/evidence/storage/evidence-store";
import { hashStream, HashingLimit } from "../../app/modules/evidence/storage/hashing-limit";
import { ensureParentFolder, FILE_MODE } from "./backup-folder";
import type { EvidenceRow } from "./database-facts";
import { EVIDENCE_FOLDER, type BackupFileEntry } from "./manifest";

/**
 * Evidence in a backup: each object the database references, copied out of the evidence store
 * (the local folder or the S3 bucket, ADR 0036) to evidence/<2 hex>/<64 hex>; the manifest lists
 * each such path (which names the storage key) with its SHA-256 and size. Only objects the
 * database references are copied, and the rows are read from the same snapshot as the database
 * copy: an object uploaded after the snapshot belongs to no row in it. A row whose object is
 * missing or differs is a warning, never silence: the backup says what a restore will lack.
 */
const STORAGE_KEY = /^[0-9a-f]{64}$/;

export function evidenceRelativePath(storageKey: string): string {
  return `${storageKey.slice(0, 2)}/${storageKey}`;
}

/** Copies the referenced objects into the backup; returns their manifest entries and the warnings. */
export async function copyEvidenceToBackup(
  rows: EvidenceRow[],
  store: EvidenceStore,
  storeName: string,
  backupDir: string,
): Promise<{ files: BackupFileEntry[]; warnings: string[] }> {
  const files: BackupFileEntry[] = [];
  const warnings: string[] = [];
  for (const row of rows) {
    if (!STORAGE_KEY.test(row.storageKey)) {
      warnings.push(`evidence row with an invalid storage key ${JSON.stringify(row.storageKey)}`);
      continue;
    }
    const relative = evidenceRelativePath(row.storageKey);
    const source = await store.get(row.storageKey);
    if (!source) {
      warnings.push(`evidence file ${relative} is missing in ${storeName}`);
      continue;
    }
    const inBackup = `${EVIDENCE_FOLDER}/${relative}`;
    await ensureParentFolder(backupDir, inBackup);
    const target = path.join(backupDir, ...inBackup.split("/"));
    // Hashed while it is copied: the manifest's SHA-256 is of the bytes written to the backup.
    const hashing = new HashingLimit(Number.MAX_SAFE_INTEGER);
    await pipeline(source, hashing, createWriteStream(target, { mode: FILE_MODE, flags: "wx" }));
    const entry = { path: inBackup, ...hashing.result() };
    if (entry.sha256 !== row.sha256)
      warnings.push(
        `evidence file ${relative} in ${storeName} does not match the SHA-256 the database recorded for it`,
      );
    files.push(entry);
  }
  return { files, warnings };
}

/** The evidence entries of a manifest, with the storage key each goes back to. */
export function evidenceEntries(files: BackupFileEntry[]) {
  return files
    .filter((file) => file.path.startsWith(`${EVIDENCE_FOLDER}/`))
    .map((file) => {
      const relative = file.path.slice(EVIDENCE_FOLDER.length + 1);
      const [shard, key, ...rest] = relative.split("/");
      if (!key || rest.length > 0 || !STORAGE_KEY.test(key) || shard !== key.slice(0, 2))
        throw new Error(`${file.path}: not an evidence storage path`);
      return { ...file, relative, key };
    });
}

/**
 * Before anything is written: objects already in the store must be the same bytes (then they
 * are kept); a different object under the same key is refused, never overwritten.
 */
export async function evidenceConflicts(
  entries: ReturnType<typeof evidenceEntries>,
  store: EvidenceStore,
): Promise<string[]> {
  const conflicts: string[] = [];
  for (const entry of entries) {
    const existing = await store.get(entry.key);
    if (!existing) continue;
    if ((await hashStream(existing)).sha256 !== entry.sha256)
      conflicts.push(`${entry.relative} exists with other content`);
  }
  return conflicts;
}

/** Puts every object of the backup that the store lacks back under its key; returns how many. */
export async function restoreEvidence(
  entries: ReturnType<typeof evidenceEntries>,
  backupDir: string,
  store: EvidenceStore,
): Promise<number> {
  let copied = 0;
  for (const entry of entries) {
    if (await store.exists(entry.key)) continue;
    const file = path.join(backupDir, ...entry.path.split("/"));
    await store.putAt(entry.key, createReadStream(file), { size: entry.size });
    copied++;
  }
  return copied;
}

/** After the restore: every evidence row of the database has its object, with its SHA-256. */
export async function evidenceProblems(rows: EvidenceRow[], store: EvidenceStore) {
  const problems: string[] = [];
  for (const row of rows) {
    if (!STORAGE_KEY.test(row.storageKey)) {
      problems.push(`evidence row with an invalid storage key ${JSON.stringify(row.storageKey)}`);
      continue;
    }
    const relative = evidenceRelativePath(row.storageKey);
    const stored = await store.get(row.storageKey);
    if (!stored) problems.push(`evidence file ${relative} is missing`);
    else if ((await hashStream(stored)).sha256 !== row.sha256)
      problems.push(`evidence file ${relative} does not match its SHA-256 in the database`);
  }
  return problems;
}
