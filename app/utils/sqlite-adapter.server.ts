import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
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

export function createSqliteAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const upstream = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const prepare = async (adapter: SqlDriverAdapter) => {
    await adapter.executeScript(SQLITE_PRAGMAS.join(";\n"));
    return serialise(adapter);
  };
  return {
    provider: "sqlite",
    adapterName: upstream.adapterName,
    connect: async () => prepare(await upstream.connect()),
    connectToShadowDb: async () => prepare(await upstream.connectToShadowDb()),
  };
}
