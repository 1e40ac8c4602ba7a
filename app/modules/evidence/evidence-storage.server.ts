import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "../../utils/env.server";

/**
 * Evidence bytes live on disk in EVIDENCE_DIR, outside the web root (server/app.js serves only
 * build/client), under a random key that says nothing about the upload: the name the vendor gave
 * is kept in the database only. Two hex characters shard the directory so it never holds
 * millions of entries. Files are written to a temporary name and renamed, so a crash never leaves
 * a half-written file under a real key; they are readable by the app's user only (0600).
 */
const KEY_PATTERN = /^[0-9a-f]{64}$/;

export function evidenceDir(): string {
  return path.resolve(getEnv().EVIDENCE_DIR);
}

function pathOf(key: string): string {
  // The key is checked before it becomes a path: nothing else can reach the file system.
  if (!KEY_PATTERN.test(key)) throw new Error("invalid evidence storage key");
  return path.join(evidenceDir(), key.slice(0, 2), key);
}

/** Stores bytes under a new random key and returns the key. */
export async function storeEvidenceBytes(bytes: Uint8Array): Promise<string> {
  const key = randomBytes(32).toString("hex");
  const target = pathOf(key);
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- paths come from pathOf (checked key)
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    // "wx": never overwrite; mode 0600 applies because the file is new.
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- paths come from pathOf (checked key)
    await writeFile(temporary, bytes, { mode: 0o600, flag: "wx" });
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- paths come from pathOf (checked key)
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return key;
}

/** The stored bytes of a key; null when there is no such file. */
export async function readEvidenceBytes(key: string): Promise<Buffer | null> {
  try {
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- paths come from pathOf (checked key)
    return await readFile(pathOf(key));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Removes stored bytes (used when the database write that should reference them failed). */
export async function deleteEvidenceBytes(key: string): Promise<void> {
  await rm(pathOf(key), { force: true });
}

/** Where a key's bytes are, for tests that check the file on disk (mode, location). */
export function evidencePathForTests(key: string): string {
  return pathOf(key);
}
