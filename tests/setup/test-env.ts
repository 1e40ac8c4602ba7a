import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, inject, vi, type MockInstance } from "vitest";
import { disconnectDb } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { migrateDatabase } from "~/utils/migrate.server";

/**
 * Runs in the worker before every test file: test configuration, a fresh migrated database for
 * this file (SQLite file or PostgreSQL database, per TEST_DB), and "console.error fails the test"
 * (ARCHITECTURE rule 9). Tests read the database URL via tests/support/test-db.ts.
 */
process.env.NODE_ENV ??= "test";
// Fixed test-only secrets: never used outside tests.
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.SESSION_SECRET ??= "vetted-test-session-secret-0123456789abc";
process.env.APP_URL ??= "http://127.0.0.1:3999";
// Tests that check mail start tests/support/smtp-catcher.ts and set MAIL_URL to it.
process.env.MAIL_URL ??= "file:.tmp/test-outbox";

const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? String(process.pid);
const suffix = randomBytes(4).toString("hex");
const kind = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";

let databaseUrl: string;
let cleanup: () => Promise<void>;

if (kind === "postgres") {
  const adminUrl = inject("postgresAdminUrl");
  if (!adminUrl) throw new Error("TEST_DB=postgres needs the postgres project's globalSetup");
  const name = `vetted_w${worker}_${suffix}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  // FORCE: drop even if a test left a connection open (PostgreSQL ≥ 13).
  cleanup = () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
} else {
  const dir = fileURLToPath(new URL("../../.tmp/test-db/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}sqlite-${worker}-${suffix}.db`;
  const removeFiles = async () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  };
  await removeFiles();
  databaseUrl = `file:${file}`;
  cleanup = removeFiles;
}

process.env.DATABASE_URL = databaseUrl;
resetEnvForTests();

beforeAll(async () => {
  await migrateDatabase(databaseUrl);
});

afterAll(async () => {
  await disconnectDb();
  await cleanup();
});

/**
 * Every console.error call fails the test that made it. The messages are still printed. A test
 * that expects an error logs it deliberately, asserts on `vi.mocked(console.error)` and then calls
 * `vi.mocked(console.error).mockClear()`.
 */
let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  const original = console.error;
  consoleError = vi
    .spyOn(console, "error")
    .mockImplementation((...args: unknown[]) => original(...args));
});

afterEach(() => {
  const calls = consoleError.mock.calls;
  if (calls.length === 0) return;
  const messages = calls.map((args) =>
    args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" "),
  );
  consoleError.mockClear();
  throw new Error(
    `console.error was called ${calls.length} time(s) during the test:\n- ${messages.join("\n- ")}`,
  );
});

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
