import { randomBytes } from "node:crypto";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, expect, inject, vi, type MockInstance } from "vitest";
import { adminQuery } from "../support/postgres-cluster";

/**
 * Runs in the worker before every test file: test configuration, the file's own database and
 * "console.error fails the test" (ARCHITECTURE rule 9). Tests read the database URL via
 * tests/support/test-db.ts.
 *
 * Only integration tests (`*.integration.test.ts`) get a database: a copy of the template the
 * project's globalSetup migrated once for the run (SQLite: a file copy; PostgreSQL: CREATE
 * DATABASE … TEMPLATE). Every other test file is a pure test: it gets no database and does not
 * load the Prisma clients, and DATABASE_URL names a file in a folder that does not exist, so a
 * "unit" test that reaches the database fails loudly instead of quietly skipping the PostgreSQL
 * run that integration tests get.
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
const testDbDir = fileURLToPath(new URL("../../.tmp/test-db/", import.meta.url));
const testFile = expect.getState().testPath ?? "";
const needsDatabase = /\.integration\.test\.ts$/.test(testFile);

let databaseUrl: string;
let cleanup: () => Promise<void> = async () => undefined;

if (!needsDatabase) {
  databaseUrl = `file:${testDbDir}no-database-for-pure-tests/rename-the-test-file-to-integration.test.ts.db`;
} else if (kind === "postgres") {
  const adminUrl = inject("postgresAdminUrl");
  const template = inject("postgresTemplateDatabase");
  if (!adminUrl || !template)
    throw new Error("TEST_DB=postgres needs the postgres project's globalSetup");
  const name = `vetted_w${worker}_${suffix}`;
  // FILE_COPY copies the template's files instead of writing them through the WAL: about a
  // quarter faster for our small template on a cluster that runs with fsync off.
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  // FORCE: drop even if a test left a connection open (PostgreSQL ≥ 13).
  cleanup = () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
} else {
  const template = inject("sqliteTemplateFile");
  if (!template) throw new Error("TEST_DB=sqlite needs the sqlite project's globalSetup");
  mkdirSync(testDbDir, { recursive: true });
  const file = `${testDbDir}sqlite-${worker}-${suffix}.db`;
  copyFileSync(template, file);
  databaseUrl = `file:${file}`;
  cleanup = async () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  };
}

process.env.DATABASE_URL = databaseUrl;

afterAll(async () => {
  if (needsDatabase) {
    // An integration file has loaded the client already; close it before the database goes.
    const { disconnectDb } = await import("~/utils/db.server");
    await disconnectDb();
  }
  await cleanup();
});

/**
 * Every console.error call fails the test that made it. The messages are still printed. A test
 * that expects an error logs it deliberately, asserts on `vi.mocked(console.error)` and then calls
 * `vi.mocked(console.error).mockClear()`.
 */
let consoleError: MockInstance<typeof console.error>;
let consoleWarn: MockInstance<typeof console.warn>;
beforeEach(() => {
  const original = console.error;
  consoleError = vi
    .spyOn(console, "error")
    .mockImplementation((...args: unknown[]) => original(...args));
  const originalWarn = console.warn;
  consoleWarn = vi
    .spyOn(console, "warn")
    .mockImplementation((...args: unknown[]) => originalWarn(...args));
});

/**
 * Remix announces behaviour that changes in React Router v7 with a multi-line "REMIX FUTURE
 * CHANGE" warning per request (e.g. a resource route that returns data instead of a Response):
 * text in the JSON log on every such request (issue 13). Any HTTP test that makes the server
 * print one fails, so no route can bring it back unnoticed.
 */
const FRAMEWORK_FUTURE_WARNING = "REMIX FUTURE CHANGE";

afterEach(() => {
  const announcements = consoleWarn.mock.calls
    .map((args) => args.map(String).join(" "))
    .filter((text) => text.includes(FRAMEWORK_FUTURE_WARNING));
  consoleWarn.mockClear();
  if (announcements.length > 0)
    throw new Error(
      `Remix printed ${announcements.length} future-change warning(s) during the test:\n- ${announcements.join("\n- ")}`,
    );
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
