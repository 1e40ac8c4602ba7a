import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getEnv } from "../../app/utils/env.server";
import { providerOf, sqliteFilePath } from "../../app/utils/migrate.server";
import { describeFile, prepareEmptyFolder, writeFileAtomically } from "../backup/backup-folder";
import type { DatabaseFacts } from "../backup/database-facts";
import { copyEvidenceToBackup } from "../backup/evidence-files";
import {
  describeEvidenceStore,
  evidenceStore,
} from "../../app/modules/evidence/evidence-storage.server";
import {
  BACKUP_FORMAT_VERSION,
  DATABASE_FILE,
  MANIFEST_FILE,
  manifestJson,
  secretsARestoreNeeds,
  type BackupManifest,
} from "../backup/manifest";
import { dumpPostgres } from "../backup/postgres-backup";
import { snapshotSqlite } from "../backup/sqlite-backup";

/**
 * `backup --out <dir>`: a consistent copy of a running installation (the database, the evidence
 * files it references) plus manifest.json, into a new or empty folder. The manifest is written
 * last: a folder without one is an unfinished backup, and `restore` says so. Nothing is migrated
 * or otherwise written to the installation.
 */
const USAGE = "Usage: npm run vetted -- backup --out <dir>";

function vettedVersion(): string {
  const file = path.resolve(import.meta.dirname, "../../package.json");

  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

export async function backupCommand(args: string[]): Promise<number> {
  let out: string | undefined;
  try {
    ({
      values: { out },
    } = parseArgs({ args, options: { out: { type: "string" } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!out) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dir = path.resolve(out);
  try {
    await prepareEmptyFolder(dir);
  } catch (error) {
    process.stderr.write(`backup: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    return await backup(dir);
  } catch (error) {
    // pg_dump missing or too old, the database unreachable, the disk full: say so, and that the
    // folder is no backup (it has no manifest.json, so restore refuses it too).
    process.stderr.write(
      `backup: ${error instanceof Error ? error.message : String(error)}\nbackup: FAILED — ${dir} holds no usable backup; delete it\n`,
    );
    return 1;
  }
}

async function backup(dir: string): Promise<number> {
  const env = getEnv();
  const kind = providerOf(env.DATABASE_URL);
  const databaseFile = DATABASE_FILE[kind];
  const target = path.join(dir, databaseFile);
  const facts: DatabaseFacts =
    kind === "sqlite"
      ? await snapshotSqlite(sqliteFilePath(env.DATABASE_URL), target)
      : await dumpPostgres(env.DATABASE_URL, target);
  // From wherever evidence lives (the local folder or the bucket): the backup holds the bytes.
  const evidence = await copyEvidenceToBackup(
    facts.evidence,
    evidenceStore(env),
    describeEvidenceStore(env),
    dir,
  );
  for (const warning of evidence.warnings) process.stderr.write(`backup: warning: ${warning}\n`);

  const files = [await describeFile(dir, databaseFile), ...evidence.files];
  const manifest: BackupManifest = {
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    vettedVersion: vettedVersion(),
    databaseKind: kind,
    migrationHead: facts.migrationHead,
    files,
    counts: facts.counts,
    secrets: secretsARestoreNeeds(env),
    warnings: evidence.warnings,
  };
  const json = manifestJson(manifest);
  await writeFileAtomically(path.join(dir, MANIFEST_FILE), json);

  const { counts } = facts;
  process.stdout.write(
    `database: ${kind} snapshot at migration ${facts.migrationHead ?? "(none)"} — ${counts.organisations} organisations, ${counts.answers} answers, ${counts.auditEvents} audit events\n` +
      `evidence: ${evidence.files.length} of ${counts.evidenceFiles} files copied from ${describeEvidenceStore(env)}\n` +
      `secrets NOT in the backup, keep them elsewhere: ${manifest.secrets
        .filter((s) => s.configured)
        .map((s) => s.name)
        .join(", ")}\n`,
  );
  const bytes = files.reduce((sum, file) => sum + file.size, 0) + Buffer.byteLength(json);
  process.stdout.write(`backup ok files=${files.length + 1} bytes=${bytes} dir=${dir}\n`);
  return 0;
}
