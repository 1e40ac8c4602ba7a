import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../app/utils/migrate.server";

/**
 * globalSetup of the `sqlite` project: migrates ONE template database for the whole run. Each
 * integration test file then gets a copy of it (tests/setup/test-env.ts): copying the file takes
 * well under a millisecond, applying every migration again took about 150 ms per file.
 */
declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplateFile: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fileURLToPath(new URL("../../.tmp/test-db/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  // Unique per run: two runs in one checkout must not copy each other's half-written template.
  const file = `${dir}template-${process.pid}-${randomBytes(4).toString("hex")}.db`;
  await migrateDatabase(`file:${file}`);
  // migrateDatabase closed its connection, so the WAL is checkpointed into the file and a plain
  // file copy is a complete database (journal_mode=WAL is stored in the file header).
  project.provide("sqliteTemplateFile", file);
  return () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  };
}
