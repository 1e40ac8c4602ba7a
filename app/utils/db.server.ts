import { PrismaPg } from "@prisma/adapter-pg";
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

export function createDbClient(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "sqlite") {
    return new SqliteClient({
      adapter: createSqliteAdapterFactory(`file:${sqliteFilePath(databaseUrl)}`),
    });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  return new PostgresClient({ adapter }) as unknown as Db;
}

export function db(): Db {
  client ??= createDbClient(getEnv().DATABASE_URL);
  return client;
}

export async function disconnectDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
