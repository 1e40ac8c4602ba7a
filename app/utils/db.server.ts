import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PostgresClient } from "~/generated/postgres/client";
import { PrismaClient as SqliteClient } from "~/generated/sqlite/client";
import { getEnv } from "./env.server";
import { providerOf, sqliteFilePath } from "./migrate.server";
import { createSqliteAdapterFactory } from "./sqlite-adapter.server";

/**
 * One Prisma client per process, for the provider that DATABASE_URL names. Both generated
 * clients come from the same source schema, so their model APIs are identical; the app is
 * typed against the SQLite one. Modules avoid provider-specific query features.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

let client: Db | undefined;
/** The PostgreSQL pool of the process's client (none on SQLite): read by the metrics endpoint. */
let pool: pg.Pool | undefined;

let poolMax = 10;

/**
 * On PostgreSQL the pool is ours, handed to the adapter (which ends it on disconnect), so its
 * usage can be read (databasePoolUsage); the adapter would otherwise keep it to itself. Its size
 * is DATABASE_POOL_SIZE; a connection that cannot be made within DATABASE_CONNECT_TIMEOUT_SECONDS
 * fails the query instead of leaving the request hanging while the database is unreachable.
 */
function createPostgresClient(databaseUrl: string): { client: Db; pool: pg.Pool } {
  const env = getEnv();
  poolMax = env.DATABASE_POOL_SIZE;
  const ownPool = new pg.Pool({
    connectionString: databaseUrl,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
  });
  const adapter = new PrismaPg(ownPool, { disposeExternalPool: true });
  return { client: new PostgresClient({ adapter }) as unknown as Db, pool: ownPool };
}

export function createDbClient(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "sqlite") {
    return new SqliteClient({
      adapter: createSqliteAdapterFactory(`file:${sqliteFilePath(databaseUrl)}`),
    });
  }
  return createPostgresClient(databaseUrl).client;
}

export function db(): Db {
  if (client) return client;
  const url = getEnv().DATABASE_URL;
  if (providerOf(url) === "sqlite") client = createDbClient(url);
  else ({ client, pool } = createPostgresClient(url));
  return client;
}

export async function disconnectDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
  pool = undefined;
}

/** Connections of the process's PostgreSQL pool right now; null on SQLite or before the first query. */
export function databasePoolUsage(): {
  total: number;
  idle: number;
  waiting: number;
  max: number;
} | null {
  if (!pool) return null;
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: poolMax,
  };
}
