import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../support/test-db";

/**
 * A pure test file (not *.integration.test.ts) gets no database (tests/setup/test-env.ts): no
 * copy, no migration, no Prisma client. Reaching for one fails loudly, so a test that needs the
 * database is named *.integration.test.ts and runs on PostgreSQL too.
 */
describe("a pure test file", () => {
  it("has no database file, and opening one fails with a message that says what to do", () => {
    const file = testDatabaseUrl().replace(/^file:/, "");
    expect(existsSync(file)).toBe(false);
    expect(existsSync(path.dirname(file))).toBe(false);
    expect(file).toContain("rename-the-test-file-to-integration.test.ts");
    expect(() => new Database(file, { fileMustExist: false })).toThrow(/directory does not exist/);
  });
});
