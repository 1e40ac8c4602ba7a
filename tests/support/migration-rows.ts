import { db } from "../../app/utils/db.server";
import { isPostgres } from "./test-db";

/**
 * A row in the migration bookkeeping as a newer version of Vetted would leave it, for tests of
 * what this version does with a database it does not know (start-up guard, readiness).
 */
export async function recordUnknownMigration(name: string): Promise<void> {
  if (isPostgres())
    await db()
      .$executeRaw`INSERT INTO "_vetted_migrations" (name, checksum, applied_at) VALUES (${name}, 'x', now())`;
  else
    await db()
      .$executeRaw`INSERT INTO "_vetted_migrations" (name, checksum, applied_at) VALUES (${name}, 'x', '2999-12-31T00:00:00.000Z')`;
}

export async function forgetMigration(name: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "_vetted_migrations" WHERE name = ${name}`;
}
