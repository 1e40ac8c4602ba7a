import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { copyFile, chmod, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { SQLITE_BUSY_TIMEOUT_MS } from "../../app/utils/sqlite-adapter.server";
import { FILE_MODE, exists } from "./backup-folder";
import { readDatabaseFacts, type DatabaseFacts, type SqlReader } from "./database-facts";

/**
 * SQLite: an online, consistent snapshot of a database that the server keeps writing to. The
 * database runs in WAL mode, so the newest commits live in the -wal file until a checkpoint: a
 * plain copy of the .db file starts, passes `audit verify`, and lacks them. `VACUUM INTO` reads
 * the database (WAL included) in one read transaction, so it sees exactly the commits before it
 * began, while writers go on (WAL readers do not block writers), and writes a compact new file.
 */
function readerOf(sqlite: Database.Database): SqlReader {
  return { rows: async <T>(sql: string) => sqlite.prepare(sql).all() as T[] };
}

export async function snapshotSqlite(source: string, target: string): Promise<DatabaseFacts> {
  if (!(await exists(source))) throw new Error(`the SQLite database ${source} does not exist`);
  // VACUUM INTO fills an empty file: create it first, so it is 0600 from the start.

  await writeFile(target, "", { mode: FILE_MODE, flag: "wx" });

  const live = new Database(source, { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    live.prepare("VACUUM INTO ?").run(target);
  } finally {
    live.close();
  }
  // A rollback-journal file is one self-contained file (a WAL-mode copy would grow -wal and -shm
  // files beside it when read); the server switches it back to WAL when it opens it.

  const snapshot = new Database(target, { fileMustExist: true });
  try {
    snapshot.pragma("journal_mode = DELETE");
    // A snapshot that is not sound is no backup: say so now, not on the day of the restore.
    const check = snapshot.pragma("quick_check", { simple: true });
    if (check !== "ok")
      throw new Error(`the snapshot fails SQLite's quick_check: ${String(check)}`);
    return await readDatabaseFacts(readerOf(snapshot));
  } finally {
    snapshot.close();
  }
}

/**
 * Opens an existing file for reading only, but not `readonly`: a read-only connection cannot
 * create the -shm file a WAL database needs once the server has closed it.
 */
function openExisting(file: string): Database.Database {
  return new Database(file, { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
}

/** The tables of a SQLite database file (an empty file has none). */
export function sqliteTables(file: string): string[] {
  const sqlite = openExisting(file);
  try {
    return (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[]
    ).map((row) => row.name);
  } finally {
    sqlite.close();
  }
}

/** Tables the target already holds (restore refuses them); an absent file is empty. */
export async function sqliteTargetTables(file: string): Promise<string[]> {
  return (await exists(file)) ? sqliteTables(file) : [];
}

/**
 * Puts the snapshot in place of an empty (or absent) target file: copied under a temporary name
 * beside it and renamed, so the target is never half-written. Leftover -wal/-shm files of the empty
 * database go first: SQLite would apply them to the restored file.
 */
export async function restoreSqlite(snapshot: string, target: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(target)), { recursive: true, mode: 0o700 });
  const temporary = `${target}.restore-${randomBytes(6).toString("hex")}.tmp`;
  try {
    await copyFile(snapshot, temporary);

    await chmod(temporary, FILE_MODE);
    for (const leftover of [`${target}-wal`, `${target}-shm`, `${target}-journal`])
      await rm(leftover, { force: true });

    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Reads the facts of a restored SQLite database (for the checks after the restore). */
export async function sqliteFacts(file: string): Promise<DatabaseFacts> {
  const sqlite = openExisting(file);
  try {
    return await readDatabaseFacts(readerOf(sqlite));
  } finally {
    sqlite.close();
  }
}
