import type { Tx } from "./db.server";
import { getEnv } from "./env.server";
import { providerOf } from "./migrate.server";

type LockableTable = "Assessment" | "Organization";

/**
 * Locks one row until the transaction ends, so concurrent use cases on the same aggregate run
 * one after the other and read each other's committed state. PostgreSQL: SELECT … FOR UPDATE.
 * SQLite needs nothing: it has one writer at a time and our adapter serialises transactions.
 */
export async function lockRow(tx: Tx, table: LockableTable, id: string): Promise<void> {
  if (providerOf(getEnv().DATABASE_URL) !== "postgresql") return;
  // Table names cannot be parameters: one fixed tagged query per lockable table.
  if (table === "Assessment")
    await tx.$queryRaw`SELECT 1 FROM "Assessment" WHERE "id" = ${id} FOR UPDATE`;
  else await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${id} FOR UPDATE`;
}
