import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * Pragmas for every SQLite connection. busy_timeout is set first (as the better-sqlite3
 * `timeout` option, at open) so that switching to WAL waits for other processes instead of
 * failing; foreign keys are off by default in SQLite.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA synchronous = NORMAL",
];

/** A promise-chain mutex: one holder at a time, FIFO. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return acquired;
  }
}

/**
 * The upstream adapter shares ONE connection between transactions and plain queries, and only
 * serialises transactions among themselves: a plain write issued by another request while an
 * interactive transaction is open would run inside that transaction (and vanish on rollback).
 * This wrapper makes plain queries wait for the open transaction too.
 * See docs/decisions/0004-sqlite-embedded-postgresql-production.md.
 */
function serialise(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const mutex = new Mutex();
  async function exclusive<T>(run: () => Promise<T>): Promise<T> {
    const release = await mutex.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  }
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => exclusive(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => exclusive(() => adapter.executeRaw(query)),
    executeScript: (script: string) => exclusive(() => adapter.executeScript(script)),
    dispose: () => adapter.dispose(),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    async startTransaction(isolationLevel): Promise<Transaction> {
      const release = await mutex.acquire();
      try {
        const tx = await adapter.startTransaction(isolationLevel);
        let released = false;
        const finish = () => {
          if (!released) {
            released = true;
            release();
          }
        };
        return {
          provider: tx.provider,
          adapterName: tx.adapterName,
          options: tx.options,
          queryRaw: (q) => tx.queryRaw(q),
          executeRaw: (q) => tx.executeRaw(q),
          commit: async () => {
            try {
              await tx.commit();
            } finally {
              finish();
            }
          },
          rollback: async () => {
            try {
              await tx.rollback();
            } finally {
              finish();
            }
          },
        };
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

/** Prepared statements kept per connection; the least recently used goes first beyond this. */
export const SQLITE_STATEMENT_CACHE_SIZE = 500;

/**
 * What the upstream adapter does with a statement (@prisma/adapter-better-sqlite3 6.19:
 * `client.prepare(sql).bind(args)`, then `reader`, `run()`, `columns()`, `raw().all()`; and
 * `client.prepare("BEGIN").run()`).
 */
interface UpstreamStatementUse {
  readonly reader: boolean;
  bind(args: unknown[]): UpstreamStatementUse;
  run(): BetterSqlite3.RunResult;
  columns(): BetterSqlite3.ColumnDefinition[];
  raw(): { all(): unknown[] };
}

/**
 * The upstream adapter prepares every statement anew, on every query (about 8 % of an autosave's
 * server CPU was better-sqlite3's `prepare`). This keeps each connection's prepared statements by
 * their SQL, which Prisma's compiled queries and our tagged queries repeat exactly, and hands the
 * adapter a use of the cached statement with its own arguments. A better-sqlite3 statement can be
 * bound only once, so arguments are passed per call instead; everything runs synchronously, so
 * no two uses of one statement overlap. SQLite re-prepares a cached statement by itself after a
 * schema change. ADR 0021.
 */
export function cacheStatements(
  database: BetterSqlite3.Database,
  size = SQLITE_STATEMENT_CACHE_SIZE,
): void {
  const prepareAnew = database.prepare.bind(database);
  const statements = new Map<string, BetterSqlite3.Statement<unknown[]>>();
  const cachedPrepare = (sql: string): UpstreamStatementUse => {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql);
    } else {
      statement = prepareAnew(sql);
      if (statements.size >= size) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return runnerOf(statement, []);
  };
  (database as unknown as { prepare: typeof cachedPrepare }).prepare = cachedPrepare;
}

function runnerOf(
  statement: BetterSqlite3.Statement<unknown[]>,
  args: unknown[],
): UpstreamStatementUse {
  return {
    reader: statement.reader,
    bind: (bound) => runnerOf(statement, bound),
    run: () => statement.run(args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  };
}

/** The better-sqlite3 connection inside the upstream adapter (its `client` field). */
function connectionOf(adapter: SqlDriverAdapter): BetterSqlite3.Database {
  const database = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
  // Upstream changed its shape: fail at connect, not with a slow server nobody notices.
  if (!database || typeof database.prepare !== "function") {
    throw new Error(
      "@prisma/adapter-better-sqlite3 no longer exposes its connection as `client`: revisit cacheStatements (ADR 0021)",
    );
  }
  return database;
}

export function createSqliteAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const upstream = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const prepare = async (adapter: SqlDriverAdapter) => {
    await adapter.executeScript(SQLITE_PRAGMAS.join(";\n"));
    cacheStatements(connectionOf(adapter));
    return serialise(adapter);
  };
  return {
    provider: "sqlite",
    adapterName: upstream.adapterName,
    connect: async () => prepare(await upstream.connect()),
    connectToShadowDb: async () => prepare(await upstream.connectToShadowDb()),
  };
}
