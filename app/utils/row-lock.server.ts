import { Prisma } from "~/generated/sqlite/client";
import type { Tx } from "./db.server";
import { getEnv } from "./env.server";
import { providerOf } from "./migrate.server";

const LOCKABLE_TABLES = ["Assessment", "Organization"] as const;

/**
 * Locks one row until the transaction ends, so concurrent use cases on the same aggregate run
 * one after the other and read each other's committed state. PostgreSQL: SELECT … FOR UPDATE.
 * SQLite needs nothing: it has one writer at a time and our adapter serialises transactions.
 */
export async function lockRow(tx: Tx, table: (typeof LOCKABLE_TABLES)[number], id: string): Promise<void> {
  if (providerOf(getEnv().DATABASE_URL) !== "postgresql") return;
  if (!LOCKABLE_TABLES.includes(table)) throw new Error(`lockRow: ${table} is not lockable`);
  await tx.$queryRaw`SELECT 1 FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id} FOR UPDATE`;
}
