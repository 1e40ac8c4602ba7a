import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, opendir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  assertStorageKey,
  STORAGE_KEY_PATTERN,
  type EvidenceStore,
  type StoredEvidence,
  type StoredObject,
} from "./evidence-store";
import { HashingLimit } from "./hashing-limit";

/**
 * Evidence in a local folder, outside the web root (server/app.js serves only build/client), as
 * <2 hex>/<64 hex>: two hex characters shard the folder so it never holds millions of entries.
 * Files are written to a temporary name and renamed, so a crash never leaves a half-written file
 * under a real key; they are readable by the app's user only (0600).
 */
export function createLocalEvidenceStore(folder: string): EvidenceStore & {
  pathOf(key: string): string;
} {
  const root = path.resolve(folder);
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key.slice(0, 2), key);
  };

  async function writeAt(key: string, source: Readable, through?: HashingLimit): Promise<void> {
    const target = pathOf(key);
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- paths come from pathOf (checked key)
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      // "wx": never overwrite; mode 0600 applies because the file is new.
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- paths come from pathOf (checked key)
      const sink = createWriteStream(temporary, { mode: 0o600, flags: "wx" });
      if (through) await pipeline(source, through, sink);
      else await pipeline(source, sink);
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- paths come from pathOf (checked key)
      await stat(target).then(
        () => {
          throw new Error("evidence storage key already taken");
        },
        (error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
        },
      );
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- paths come from pathOf (checked key)
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  return {
    kind: "local",
    pathOf,
    async put(source, { maxBytes, size }): Promise<StoredEvidence> {
      const key = randomBytes(32).toString("hex");
      const through = new HashingLimit(maxBytes, size);
      await writeAt(key, source, through);
      return { key, ...through.result() };
    },
    async putAt(key, source) {
      await writeAt(key, source);
    },
    async get(key) {
      const file = pathOf(key);
      try {
        // Opened before it is returned, so a missing file is null here and not a stream error later.
        // eslint-disable-next-line security/detect-non-literal-fs-filename -- paths come from pathOf (checked key)
        const stream = createReadStream(file);
        await new Promise<void>((resolve, reject) => {
          stream.once("open", () => resolve());
          stream.once("error", reject);
        });
        return stream;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async exists(key) {
      try {
        // eslint-disable-next-line security/detect-non-literal-fs-filename -- paths come from pathOf (checked key)
        return (await stat(pathOf(key))).isFile();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async *list(): AsyncIterable<StoredObject> {
      let shards;
      try {
        shards = await opendir(root);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      for await (const shard of shards) {
        if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
        for await (const entry of await opendir(path.join(root, shard.name))) {
          if (!entry.isFile() || !STORAGE_KEY_PATTERN.test(entry.name)) continue;
          if (!entry.name.startsWith(shard.name)) continue;
          // eslint-disable-next-line security/detect-non-literal-fs-filename -- a checked key
          const info = await stat(path.join(root, shard.name, entry.name));
          yield { key: entry.name, lastModified: info.mtime };
        }
      }
    },
  };
}
