import path from "node:path";
import {
  describeEvidenceStore,
  evidenceStore,
} from "../../app/modules/evidence/evidence-storage.server";
import { getEnv } from "../../app/utils/env.server";
import {
  migrateDatabase,
  providerOf,
  readMigrations,
  sqliteFilePath,
} from "../../app/utils/migrate.server";
import { hashFile, listFiles, exists } from "../backup/backup-folder";
import type { DatabaseFacts } from "../backup/database-facts";
import {
  evidenceConflicts,
  evidenceEntries,
  evidenceProblems,
  restoreEvidence,
} from "../backup/evidence-files";
import {
  DATABASE_FILE,
  MANIFEST_FILE,
  readManifest,
  type BackupCounts,
  type BackupManifest,
} from "../backup/manifest";
import { postgresFacts, postgresTargetTables, restorePostgres } from "../backup/postgres-backup";
import { restoreSqlite, sqliteFacts, sqliteTargetTables } from "../backup/sqlite-backup";
import { auditVerifyCommand } from "./audit-verify";

/**
 * `restore <dir>`: checks the backup before it touches anything (manifest, every file's SHA-256,
 * database kind, a migration this code knows), refuses a target database that is not empty and
 * evidence files that would be overwritten, then restores the database and the evidence files,
 * applies newer migrations, and proves the result: `audit verify`, every evidence row's file
 * with its SHA-256, and the counts of the manifest. Exit 1 names whatever does not hold.
 */
const USAGE = "Usage: npm run vetted -- restore <backup-dir>";

class RestoreRefused extends Error {}

function refuse(message: string): never {
  throw new RestoreRefused(message);
}

/** Every listed file present with its size and SHA-256; files the manifest does not list are named. */
async function checkFiles(dir: string, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  for (const file of manifest.files) {
    const full = path.join(dir, ...file.path.split("/"));
    if (!(await exists(full))) {
      problems.push(`${file.path}: missing`);
      continue;
    }
    const actual = await hashFile(full);
    if (actual.sha256 !== file.sha256 || actual.size !== file.size)
      problems.push(`${file.path}: SHA-256 does not match the manifest (the file was changed)`);
  }
  const listed = new Set([MANIFEST_FILE, ...manifest.files.map((f) => f.path)]);
  const unlisted = (await listFiles(dir)).filter((f) => !listed.has(f));
  for (const file of unlisted)
    process.stderr.write(`restore: warning: ${file} is not in the manifest; it is ignored\n`);
  return problems;
}

function countDifferences(expected: BackupCounts, actual: BackupCounts): string[] {
  return (Object.keys(expected) as (keyof BackupCounts)[])
    .filter((key) => expected[key] !== actual[key])
    .map((key) => `${key}: ${actual[key]} restored, the manifest says ${expected[key]}`);
}

async function restore(dirArgument: string): Promise<number> {
  const dir = path.resolve(dirArgument);
  const env = getEnv();
  const kind = providerOf(env.DATABASE_URL);
  const manifest = readManifest(dir);
  if (manifest.databaseKind !== kind)
    refuse(
      `the backup holds a ${manifest.databaseKind} database, but DATABASE_URL names a ${kind} one`,
    );
  const known = readMigrations(kind).map((m) => m.name);
  if (manifest.migrationHead && !known.includes(manifest.migrationHead))
    refuse(
      `the backup's database is at migration ${manifest.migrationHead}, which this version of Vetted does not know: restore with Vetted ${manifest.vettedVersion} or newer`,
    );
  const databaseFile = DATABASE_FILE[kind];
  if (!manifest.files.some((f) => f.path === databaseFile))
    refuse(`the manifest does not list ${databaseFile}`);
  const fileProblems = await checkFiles(dir, manifest);
  if (fileProblems.length > 0) refuse(fileProblems.join("\n"));
  process.stdout.write(
    `${dir}: ${manifest.files.length} files match the manifest (backup of ${manifest.createdAt}, Vetted ${manifest.vettedVersion})\n`,
  );

  const sqliteTarget = kind === "sqlite" ? sqliteFilePath(env.DATABASE_URL) : "";
  const existing =
    kind === "sqlite"
      ? await sqliteTargetTables(sqliteTarget)
      : await postgresTargetTables(env.DATABASE_URL);
  if (existing.length > 0)
    refuse(
      `the target database is not empty (${existing.length} tables, e.g. ${existing.slice(0, 3).join(", ")}): restore into a new, empty database and do not start the server on it before`,
    );
  // Back into wherever this installation keeps evidence (the local folder or the bucket).
  const store = evidenceStore(env);
  const storeName = describeEvidenceStore(env);
  const entries = evidenceEntries(manifest.files);
  const conflicts = await evidenceConflicts(entries, store);
  if (conflicts.length > 0)
    refuse(`${storeName} holds other files under the same names:\n${conflicts.join("\n")}`);

  const source = path.join(dir, databaseFile);
  if (kind === "sqlite") await restoreSqlite(source, sqliteTarget);
  else await restorePostgres(env.DATABASE_URL, source);
  const copied = await restoreEvidence(entries, dir, store);
  process.stdout.write(
    `database restored (migration ${manifest.migrationHead ?? "(none)"}); ${copied} evidence files copied to ${storeName}\n`,
  );
  const { applied } = await migrateDatabase(env.DATABASE_URL);
  if (applied.length > 0) process.stdout.write(`migrated to this version: ${applied.join(", ")}\n`);

  // The proof: the audit trail, every evidence file, and the counts of the manifest.
  const auditExit = await auditVerifyCommand(undefined);
  const facts: DatabaseFacts =
    kind === "sqlite" ? await sqliteFacts(sqliteTarget) : await postgresFacts(env.DATABASE_URL);
  const problems = [
    ...(auditExit === 0
      ? []
      : [
          "audit verify failed (see above). If every checkpoint's HMAC fails, ENCRYPTION_KEY is not the key of the installation that made the backup: empty the target again and restore with the right key",
        ]),
    ...(await evidenceProblems(facts.evidence, store)),
    ...countDifferences(manifest.counts, facts.counts),
  ];
  if (problems.length > 0) {
    for (const warning of manifest.warnings)
      process.stderr.write(`restore: the backup already warned: ${warning}\n`);
    process.stderr.write(`restore: FAILED — ${problems.join("\n  ")}\n`);
    return 1;
  }
  const { counts } = facts;
  process.stdout.write(
    `restore ok organisations=${counts.organisations} answers=${counts.answers} evidence=${counts.evidenceFiles} audit_events=${counts.auditEvents} dir=${dir}\n`,
  );
  return 0;
}

export async function restoreCommand(args: string[]): Promise<number> {
  const [dir, ...extra] = args;
  if (!dir || extra.length > 0 || dir.startsWith("-")) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    return await restore(dir);
  } catch (error) {
    // A refusal is expected and plain; anything else (pg_restore failed, disk full) is named too.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `restore: ${error instanceof RestoreRefused ? "refused — " : ""}${message}\n`,
    );
    return 1;
  }
}
