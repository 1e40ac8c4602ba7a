import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { SQLITE_BUSY_TIMEOUT_MS, SQLITE_PRAGMAS } from "./sqlite-adapter.server";

/**
 * Applies pending migrations from prisma/migrations/<provider>/ before the app serves.
 * Migrations run with their bookkeeping rows (PostgreSQL: one transaction per migration;
 * SQLite: all pending ones in one transaction, see migrateSqlite); concurrent
 * starters (several app instances) are serialised by an exclusive lock (SQLite: BEGIN
 * IMMEDIATE; PostgreSQL: an advisory lock). An applied migration whose file changed stops the
 * start: history must not be rewritten. See docs/decisions/0002-prisma-6-js-engine.md.
 */
export type Provider = "sqlite" | "postgresql";

export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error("DATABASE_URL must start with file: or postgres(ql)://");
}

export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "");
}

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

function findMigrationsRoot(): string {
  if (process.env.VETTED_MIGRATIONS_DIR) return process.env.VETTED_MIGRATIONS_DIR;
  // Works from the source tree and from the bundled build/server/index.js alike.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "prisma", "migrations");
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- our own install folder
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve("prisma/migrations");
}

export function readMigrations(provider: Provider): Migration[] {
  const dir = path.join(findMigrationsRoot(), provider);
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- our own migrations folder
  return readdirSync(dir)
    .filter((name) => /^\d{14}_[a-z0-9_]+$/.test(name))
    .sort()
    .map((name) => {
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- names matched by the pattern above
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function assertUnchanged(applied: Map<string, string>, migrations: Migration[]): void {
  for (const m of migrations) {
    const checksum = applied.get(m.name);
    if (checksum && checksum !== m.checksum) {
      throw new Error(`Migration ${m.name} was changed after it was applied; restore the file.`);
    }
  }
}

/**
 * The database was migrated by a newer version of Vetted: this code does not know some of its
 * migrations, so its queries may not fit the schema. The start stops (server/index.js) and
 * /readyz says so, instead of failing saves with 500s later.
 */
export class UnknownMigrationsError extends Error {
  constructor(readonly names: string[]) {
    super(
      `the database has migrations this version does not know (${names.join(", ")}): it was migrated by a newer version of Vetted; run that version, or restore a backup made with this one`,
    );
    this.name = "UnknownMigrationsError";
  }
}

/** Applied migrations compared with the bundled ones: what is missing and what is unknown. */
export function compareMigrations(
  appliedNames: Iterable<string>,
  bundledNames: readonly string[],
): { pending: string[]; unknown: string[] } {
  const applied = new Set(appliedNames);
  const bundled = new Set(bundledNames);
  return {
    pending: bundledNames.filter((name) => !applied.has(name)),
    unknown: [...applied].filter((name) => !bundled.has(name)).sort(),
  };
}

function assertNoUnknown(applied: Map<string, string>, migrations: Migration[]): void {
  const { unknown } = compareMigrations(
    applied.keys(),
    migrations.map((m) => m.name),
  );
  if (unknown.length > 0) throw new UnknownMigrationsError(unknown);
}

export const BOOKKEEPING_TABLE = "_vetted_migrations";

export async function migrateDatabase(databaseUrl: string): Promise<{ applied: string[] }> {
  const provider = providerOf(databaseUrl);
  const migrations = readMigrations(provider);
  return provider === "sqlite"
    ? migrateSqlite(sqliteFilePath(databaseUrl), migrations)
    : migratePostgres(databaseUrl, migrations);
}

function migrateSqlite(file: string, migrations: Migration[]): { applied: string[] } {
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    for (const pragma of SQLITE_PRAGMAS) db.exec(pragma);
    // Table redefinitions (Prisma's "RedefineTables": create new, copy, DROP old, rename) must
    // run with foreign keys OFF, and that pragma only works outside a transaction: with them on,
    // DROP TABLE would cascade-delete every dependent row. Integrity is checked before COMMIT.
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${BOOKKEEPING_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const applied: string[] = [];
    db.exec("BEGIN IMMEDIATE");
    try {
      const rows = db.prepare(`SELECT name, checksum FROM "${BOOKKEEPING_TABLE}"`).all() as {
        name: string;
        checksum: string;
      }[];
      const done = new Map(rows.map((r) => [r.name, r.checksum]));
      assertNoUnknown(done, migrations);
      assertUnchanged(done, migrations);
      for (const m of migrations.filter((x) => !done.has(x.name))) {
        db.exec(m.sql);
        db.prepare(`INSERT INTO "${BOOKKEEPING_TABLE}" VALUES (?, ?, ?)`).run(
          m.name,
          m.checksum,
          new Date().toISOString(),
        );
        applied.push(m.name);
      }
      const violations = db.prepare("PRAGMA foreign_key_check").all();
      if (violations.length > 0) {
        throw new Error(
          `Migration would break ${violations.length} foreign key(s): ${JSON.stringify(violations.slice(0, 3))}`,
        );
      }
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    } finally {
      db.exec("PRAGMA foreign_keys = ON");
    }
    return { applied };
  } finally {
    db.close();
  }
}

// Arbitrary constant identifying Vetted's migration lock.
const ADVISORY_LOCK_KEY = 727_270_001;

async function migratePostgres(
  url: string,
  migrations: Migration[],
): Promise<{ applied: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${BOOKKEEPING_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM "${BOOKKEEPING_TABLE}"`,
    );
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    assertNoUnknown(done, migrations);
    assertUnchanged(done, migrations);
    const applied: string[] = [];
    for (const m of migrations.filter((x) => !done.has(x.name))) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${BOOKKEEPING_TABLE}" VALUES ($1, $2, now())`, [
          m.name,
          m.checksum,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
