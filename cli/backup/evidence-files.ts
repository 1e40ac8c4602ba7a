import { randomBytes } from "node:crypto";
import { chmod, copyFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { describeFile, ensureParentFolder, exists, FILE_MODE, hashFile } from "./backup-folder";
import type { EvidenceRow } from "./database-facts";
import { EVIDENCE_FOLDER, type BackupFileEntry } from "./manifest";

/**
 * Evidence bytes live in EVIDENCE_DIR as <2 hex>/<64 hex> (app/modules/evidence/evidence-storage):
 * the backup keeps that layout below evidence/. Only files the database references are copied, and
 * the rows are read from the same snapshot as the database copy: a file uploaded after the
 * snapshot belongs to no row in it. A row whose file is missing or differs is a warning, never
 * silence: the backup says what a restore will lack.
 */
const STORAGE_KEY = /^[0-9a-f]{64}$/;

export function evidenceRelativePath(storageKey: string): string {
  return `${storageKey.slice(0, 2)}/${storageKey}`;
}

/** Copies the referenced files into the backup; returns their manifest entries and the warnings. */
export async function copyEvidenceToBackup(
  rows: EvidenceRow[],
  evidenceDir: string,
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
    const source = path.join(evidenceDir, ...relative.split("/"));
    if (!(await exists(source))) {
      warnings.push(`evidence file ${relative} is missing in EVIDENCE_DIR (${evidenceDir})`);
      continue;
    }
    const inBackup = `${EVIDENCE_FOLDER}/${relative}`;
    await ensureParentFolder(backupDir, inBackup);
    const target = path.join(backupDir, ...inBackup.split("/"));

    await copyFile(source, target);

    await chmod(target, FILE_MODE);
    const entry = await describeFile(backupDir, inBackup);
    if (entry.sha256 !== row.sha256)
      warnings.push(
        `evidence file ${relative} in EVIDENCE_DIR does not match the SHA-256 the database recorded for it`,
      );
    files.push(entry);
  }
  return { files, warnings };
}

/** The evidence entries of a manifest, with where each goes in EVIDENCE_DIR. */
export function evidenceEntries(files: BackupFileEntry[], evidenceDir: string) {
  return files
    .filter((file) => file.path.startsWith(`${EVIDENCE_FOLDER}/`))
    .map((file) => {
      const relative = file.path.slice(EVIDENCE_FOLDER.length + 1);
      const [shard, key, ...rest] = relative.split("/");
      if (!key || rest.length > 0 || !STORAGE_KEY.test(key) || shard !== key.slice(0, 2))
        throw new Error(`${file.path}: not an evidence storage path`);
      return { ...file, relative, target: path.join(evidenceDir, shard, key) };
    });
}

/**
 * Before anything is written: files already in EVIDENCE_DIR must be the same bytes (then they are
 * kept); a different file under the same name is refused, never overwritten.
 */
export async function evidenceConflicts(
  entries: ReturnType<typeof evidenceEntries>,
): Promise<string[]> {
  const conflicts: string[] = [];
  for (const entry of entries) {
    if (!(await exists(entry.target))) continue;
    if ((await hashFile(entry.target)).sha256 !== entry.sha256)
      conflicts.push(`${entry.target} exists with other content`);
  }
  return conflicts;
}

export async function restoreEvidence(
  entries: ReturnType<typeof evidenceEntries>,
  backupDir: string,
  evidenceDir: string,
): Promise<number> {
  let copied = 0;
  for (const entry of entries) {
    if (await exists(entry.target)) continue;
    await ensureParentFolder(evidenceDir, entry.relative);
    const temporary = `${entry.target}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await copyFile(path.join(backupDir, ...entry.path.split("/")), temporary);

      await chmod(temporary, FILE_MODE);

      await rename(temporary, entry.target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    copied++;
  }
  return copied;
}

/** After the restore: every evidence row of the database has its file, with its SHA-256. */
export async function evidenceProblems(rows: EvidenceRow[], evidenceDir: string) {
  const problems: string[] = [];
  for (const row of rows) {
    if (!STORAGE_KEY.test(row.storageKey)) {
      problems.push(`evidence row with an invalid storage key ${JSON.stringify(row.storageKey)}`);
      continue;
    }
    const file = path.join(evidenceDir, ...evidenceRelativePath(row.storageKey).split("/"));
    if (!(await exists(file))) problems.push(`evidence file ${file} is missing`);
    else if ((await hashFile(file)).sha256 !== row.sha256)
      problems.push(`evidence file ${file} does not match its SHA-256 in the database`);
  }
  return problems;
}
