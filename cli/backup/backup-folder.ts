import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { chmod, mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BackupFileEntry } from "./manifest";

/**
 * The backup folder on disk. It holds everything a reader needs to impersonate nobody but to read
 * every answer: the folder is 0700 and each file 0600, whatever the umask says.
 */
export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates the folder, or accepts an existing empty one; refuses anything else (never overwrites). */
export async function prepareEmptyFolder(dir: string): Promise<void> {
  let entries: string[] | null = null;
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR") throw new Error(`${dir} is a file, not a folder`);
    if (code !== "ENOENT") throw new Error(`cannot read ${dir} (${code ?? "error"})`);
  }
  if (entries && entries.length > 0)
    throw new Error(
      `${dir} is not empty (${entries.length} entries): back up into a new or empty folder`,
    );

  await mkdir(dir, { recursive: true, mode: FOLDER_MODE });
  // An existing folder keeps its mode on mkdir: set it.

  await chmod(dir, FOLDER_MODE);
}

/** Creates the folders of a file below `root` with mode 0700. */
export async function ensureParentFolder(root: string, relative: string): Promise<void> {
  const parts = path.posix
    .dirname(relative)
    .split("/")
    .filter((p) => p !== ".");
  let dir = root;
  for (const part of parts) {
    dir = path.join(dir, part);

    await mkdir(dir, { recursive: true, mode: FOLDER_MODE });
  }
}

/** SHA-256 (hex) and size of a file, streamed (dumps and evidence can be large). */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;

  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

/** The manifest entry of a file of the backup folder (after it has been written in full). */
export async function describeFile(root: string, relative: string): Promise<BackupFileEntry> {
  return { path: relative, ...(await hashFile(path.join(root, ...relative.split("/")))) };
}

/** Writes a small file under a temporary name and renames it: a reader never sees half of it. */
export async function writeFileAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, content, { mode: FILE_MODE, flag: "wx" });

    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Every file below a folder, as forward-slash paths relative to it. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join("/"))
    .sort();
}

/** Whether a path exists (any kind). */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
