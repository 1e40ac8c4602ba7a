import { describe, expect, it } from "vitest";
import { readMigrations } from "~/utils/migrate.server";
import { db } from "~/utils/db.server";
import { isPostgres } from "../support/test-db";

/**
 * Runs in both projects. The migrations are applied ONCE per run to a template database
 * (tests/setup/sqlite-global.ts, postgres-global.ts); each integration test file gets a copy.
 */
describe("an integration test file's database", () => {
  it("is a copy of the template migrated before this test file started, with every migration", async () => {
    const rows = await db().$queryRaw<{ name: string; applied_at: string | Date }[]>`
      SELECT name, applied_at FROM "_vetted_migrations" ORDER BY name`;
    const provider = isPostgres() ? "postgresql" : "sqlite";
    expect(rows.map((r) => r.name)).toEqual(readMigrations(provider).map((m) => m.name));
    // The worker process running this file started after the template was migrated: migrating
    // per test file would have stamped the rows after it.
    const workerStartedAt = performance.timeOrigin;
    for (const row of rows)
      expect(new Date(row.applied_at).getTime()).toBeLessThan(workerStartedAt);
  });
});
