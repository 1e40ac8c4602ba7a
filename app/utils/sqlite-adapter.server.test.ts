// The SQLite adapter's statement cache (ADR 0021): each connection prepares a statement once and
// runs it with each call's own arguments, with the same results as a statement prepared afresh.
// A real SQLite file through the real upstream adapter; the spy only counts better-sqlite3's
// prepare calls and lets them through.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SqlDriverAdapter, SqlQuery } from "@prisma/driver-adapter-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cacheStatements, createSqliteAdapterFactory } from "./sqlite-adapter.server";

let dir: string | null = null;
let adapter: SqlDriverAdapter | null = null;

afterEach(async () => {
  await adapter?.dispose();
  adapter = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function connect(): Promise<SqlDriverAdapter> {
  dir = mkdtempSync(path.join(os.tmpdir(), "vetted-sqlite-adapter-"));
  adapter = await createSqliteAdapterFactory(`file:${path.join(dir, "test.db")}`).connect();
  await adapter.executeScript(
    'CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL, "version" INTEGER NOT NULL)',
  );
  return adapter;
}

const text = { scalarType: "string", arity: "scalar" } as const;
const int = { scalarType: "int", arity: "scalar" } as const;
const insert = (id: number, value: string): SqlQuery => ({
  sql: 'INSERT INTO "Note" ("id", "text", "version") VALUES (?, ?, 1)',
  args: [id, value],
  argTypes: [int, text],
});
const bump = (id: number, base: number): SqlQuery => ({
  sql: 'UPDATE "Note" SET "version" = "version" + 1 WHERE "id" = ? AND "version" = ?',
  args: [id, base],
  argTypes: [int, int],
});
const read = (id: number): SqlQuery => ({
  sql: 'SELECT "text", "version" FROM "Note" WHERE "id" = ?',
  args: [id],
  argTypes: [int],
});

describe("the SQLite adapter's statement cache", () => {
  it("prepares a repeated statement once per connection", async () => {
    const prepare = vi.spyOn(Database.prototype, "prepare");
    const db = await connect();
    for (let id = 1; id <= 3; id++) await db.executeRaw(insert(id, `note ${id}`));
    for (let id = 1; id <= 3; id++) await db.queryRaw(read(id));
    const preparedSql = prepare.mock.calls.map(([sql]) => sql);
    expect(preparedSql.filter((sql) => sql === insert(0, "").sql)).toHaveLength(1);
    expect(preparedSql.filter((sql) => sql === read(0).sql)).toHaveLength(1);
  });

  it("runs a cached statement with each call's own arguments", async () => {
    const db = await connect();
    for (let id = 1; id <= 3; id++) await db.executeRaw(insert(id, `note ${id}`));
    for (let id = 3; id >= 1; id--) {
      const result = await db.queryRaw(read(id));
      expect(result.columnNames).toEqual(["text", "version"]);
      expect(result.rows).toEqual([[`note ${id}`, "1"]]); // integers come back as text, as upstream maps them
    }
    expect((await db.queryRaw(read(99))).rows).toEqual([]);
    // A compare-and-set: the changes of each run, not of the first.
    expect(await db.executeRaw(bump(2, 1))).toBe(1);
    expect(await db.executeRaw(bump(2, 1))).toBe(0);
    expect(await db.executeRaw(bump(2, 2))).toBe(1);
    expect((await db.queryRaw(read(2))).rows).toEqual([["note 2", "3"]]);
  });

  it("keeps transactions working with cached BEGIN, COMMIT and ROLLBACK", async () => {
    const db = await connect();
    for (const [id, keep] of [
      [1, true],
      [2, false],
      [3, true],
    ] as const) {
      const tx = await db.startTransaction();
      await tx.executeRaw(insert(id, `note ${id}`));
      await tx.executeRaw({ sql: keep ? "COMMIT" : "ROLLBACK", args: [], argTypes: [] });
      await (keep ? tx.commit() : tx.rollback());
    }
    const ids = await db.queryRaw({
      sql: 'SELECT "id" FROM "Note" ORDER BY "id"',
      args: [],
      argTypes: [],
    });
    expect(ids.rows.map(([id]) => Number(id))).toEqual([1, 3]);
  });

  it("evicts the least recently used statement and prepares it again when needed", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "vetted-sqlite-adapter-"));
    const database = new Database(path.join(dir, "evict.db"));
    try {
      const prepare = vi.spyOn(database, "prepare");
      cacheStatements(database, 2);
      const prepareCached = database.prepare as unknown as (sql: string) => {
        bind(args: unknown[]): { raw(): { all(): unknown[] } };
      };
      const one = (sql: string) => prepareCached(sql).bind([]).raw().all();
      expect(one("SELECT 1")).toEqual([[1]]);
      expect(one("SELECT 2")).toEqual([[2]]);
      expect(one("SELECT 1")).toEqual([[1]]); // cached; SELECT 2 is now the least recently used
      expect(one("SELECT 3")).toEqual([[3]]); // evicts SELECT 2
      expect(one("SELECT 1")).toEqual([[1]]);
      expect(one("SELECT 2")).toEqual([[2]]);
      expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([
        "SELECT 1",
        "SELECT 2",
        "SELECT 3",
        "SELECT 2",
      ]);
    } finally {
      database.close();
    }
  });
});
