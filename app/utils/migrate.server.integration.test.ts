import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase, readMigrations } from "./migrate.server";
import { isPostgres } from "../../tests/support/test-db";

const migrationsRoot = path.resolve(import.meta.dirname, "../../prisma/migrations");

describe.skipIf(isPostgres())("SQLite migrations", () => {
  const dirs: string[] = [];
  afterEach(() => {
    delete process.env.VETTED_MIGRATIONS_DIR;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every dependent row when a later migration redefines a table", async () => {
    const all = readMigrations("sqlite");
    expect(all.length).toBeGreaterThan(1);
    const work = mkdtempSync(path.join(os.tmpdir(), "vetted-migrate-"));
    dirs.push(work);
    // Step 1: a database at the first migration only, with an assessment and its answers.
    cpSync(
      path.join(migrationsRoot, "sqlite", all[0]!.name),
      path.join(work, "sqlite", all[0]!.name),
      { recursive: true },
    );
    process.env.VETTED_MIGRATIONS_DIR = work;
    const url = `file:${path.join(work, "db.sqlite")}`;
    expect((await migrateDatabase(url)).applied).toEqual([all[0]!.name]);
    const db = new Database(path.join(work, "db.sqlite"));
    db.exec(`
      INSERT INTO "Organization" (id, slug, name) VALUES ('o1', 'o1', 'Org');
      INSERT INTO "Vendor" (id, "organizationId", name, criticality, "updatedAt") VALUES ('v1', 'o1', 'V', 'LOW', CURRENT_TIMESTAMP);
      INSERT INTO "QuestionnaireTemplate" (id, "organizationId", key, name) VALUES ('t1', 'o1', 'k', 'T');
      INSERT INTO "TemplateVersion" (id, "templateId", version, status, definition, checksum) VALUES ('tv1', 't1', 1, 'PUBLISHED', '{}', 'x');
      INSERT INTO "Assessment" (id, "organizationId", "vendorId", "templateVersionId", title, status, "createdById", "updatedAt") VALUES ('a1', 'o1', 'v1', 'tv1', 'A', 'IN_PROGRESS', 'u', CURRENT_TIMESTAMP);
      INSERT INTO "Answer" (id, "organizationId", "assessmentId", "questionKey", value, "updatedBy", "updatedAt") VALUES ('an1', 'o1', 'a1', 'q', '"yes"', 'x', CURRENT_TIMESTAMP);
    `);
    db.close();
    // Step 2: all later migrations.
    for (const m of all.slice(1))
      cpSync(path.join(migrationsRoot, "sqlite", m.name), path.join(work, "sqlite", m.name), {
        recursive: true,
      });
    expect((await migrateDatabase(url)).applied).toEqual(all.slice(1).map((m) => m.name));
    const after = new Database(path.join(work, "db.sqlite"), { readonly: true });
    expect(after.prepare(`SELECT count(*) AS n FROM "Answer"`).get()).toEqual({ n: 1 });
    expect(after.prepare(`SELECT count(*) AS n FROM "Assessment"`).get()).toEqual({ n: 1 });
    after.close();
    // A second start applies nothing.
    expect((await migrateDatabase(url)).applied).toEqual([]);
  });
});
