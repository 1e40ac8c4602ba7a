import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { migrateDatabase, readMigrations, type Provider } from "~/utils/migrate.server";
import { adminQuery } from "../../../tests/support/postgres-cluster";
import { isPostgres } from "../../../tests/support/test-db";
import { GENESIS_HASH, hashAuditEvent } from "./audit-chain";

/**
 * The audit_chain_head migration on a database whose chains were written before it: every
 * organisation's head must be its newest event (PostgreSQL appends from the head from then on; a
 * wrong head forks or breaks the chain), on the provider this test run uses.
 */

const migrationsRoot = path.resolve(import.meta.dirname, "../../../prisma/migrations");
const HEAD_MIGRATION = /_audit_chain_head$/;

interface Scratch {
  url: string;
  run(sql: string, params?: unknown[]): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  dispose(): Promise<void>;
}

/** An empty database of the run's provider, outside the test's own (which is already migrated). */
async function scratchDatabase(provider: Provider, work: string): Promise<Scratch> {
  if (provider === "sqlite") {
    const file = path.join(work, "db.sqlite");
    let handle: Database.Database | null = null;
    const open = () => (handle ??= new Database(file));
    return {
      url: `file:${file}`,
      run: async (sql, params = []) =>
        void open()
          .prepare(sql)
          .run(...params),
      rows: async <T>(sql: string) => open().prepare(sql).all() as T[],
      dispose: async () => void handle?.close(),
    };
  }
  const adminUrl = inject("postgresAdminUrl");
  const name = `vetted_head_migration_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  let connected = false;
  const connect = async () => {
    if (!connected) await client.connect();
    connected = true;
  };
  return {
    url: url.toString(),
    run: async (sql, params = []) => {
      await connect();
      let n = 0;
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      );
    },
    rows: async <T>(sql: string) => {
      await connect();
      return (await client.query(sql)).rows as T[];
    },
    dispose: async () => {
      if (connected) await client.end();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A chain of `count` events as recordAuditEvent wrote them before the migration. */
function chainOf(organizationId: string, count: number) {
  const events = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const fields = {
      organizationId,
      seq,
      action: `test.before_${seq}`,
      actorType: "system",
      actorId: null,
      actorLabel: "Größe 🦄",
      targetType: null,
      targetId: null,
      payload: JSON.stringify({ seq }),
      ipAddress: null,
      createdAt: new Date(Date.UTC(2026, 11, 1, 0, 0, seq)),
      prevHash,
    };
    const event = { id: `${organizationId}-e${seq}`, ...fields, hash: hashAuditEvent(fields) };
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

describe("audit_chain_head migration", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    delete process.env.VETTED_MIGRATIONS_DIR;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("initialises every organisation's head from its newest event (none: the genesis head)", async () => {
    const provider: Provider = isPostgres() ? "postgresql" : "sqlite";
    const all = readMigrations(provider);
    const at = all.findIndex((m) => HEAD_MIGRATION.test(m.name));
    expect(at).toBeGreaterThan(0);
    const work = mkdtempSync(path.join(os.tmpdir(), "vetted-head-migration-"));
    cleanups.push(async () => rmSync(work, { recursive: true, force: true }));
    const db = await scratchDatabase(provider, work);
    cleanups.push(() => db.dispose());

    // Step 1: the schema before the migration, with chains written by the old code.
    const copy = (names: string[]) => {
      for (const name of names)
        cpSync(path.join(migrationsRoot, provider, name), path.join(work, provider, name), {
          recursive: true,
        });
    };
    copy(all.slice(0, at).map((m) => m.name));
    process.env.VETTED_MIGRATIONS_DIR = work;
    expect((await migrateDatabase(db.url)).applied).toHaveLength(at);
    const long = chainOf("org-long", 30);
    const single = chainOf("org-single", 1);
    for (const id of ["org-long", "org-single", "org-empty"])
      await db.run(`INSERT INTO "Organization" ("id", "slug", "name") VALUES (?, ?, ?)`, [
        id,
        id,
        id,
      ]);
    // Inserted out of order: the head is the highest seq, not the last row written.
    for (const e of [...long.slice(20), ...single, ...long.slice(0, 20)]) {
      await db.run(
        `INSERT INTO "AuditEvent" ("id", "organizationId", "seq", "action", "actorType", "actorId", "actorLabel", "targetType", "targetId", "payload", "ipAddress", "createdAt", "prevHash", "hash")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          e.id,
          e.organizationId,
          e.seq,
          e.action,
          e.actorType,
          e.actorId,
          e.actorLabel,
          e.targetType,
          e.targetId,
          e.payload,
          e.ipAddress,
          e.createdAt.toISOString().replace("T", " ").replace("Z", ""),
          e.prevHash,
          e.hash,
        ],
      );
    }

    // Step 2: the head migration (and whatever follows it).
    copy(all.slice(at).map((m) => m.name));
    expect((await migrateDatabase(db.url)).applied).toEqual(all.slice(at).map((m) => m.name));

    const heads = await db.rows<{
      id: string;
      auditSeq: number;
      auditHash: string;
      auditPrevHash: string;
    }>(`SELECT "id", "auditSeq", "auditHash", "auditPrevHash" FROM "Organization" ORDER BY "id"`);
    expect(heads).toEqual([
      { id: "org-empty", auditSeq: 0, auditHash: GENESIS_HASH, auditPrevHash: GENESIS_HASH },
      { id: "org-long", auditSeq: 30, auditHash: long[29]!.hash, auditPrevHash: long[28]!.hash },
      { id: "org-single", auditSeq: 1, auditHash: single[0]!.hash, auditPrevHash: GENESIS_HASH },
    ]);
  });
});
