import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { PassThrough } from "node:stream";
import pg from "pg";
import { FILE_MODE } from "./backup-folder";
import { readDatabaseFacts, type DatabaseFacts, type SqlReader } from "./database-facts";
import { findPgTool, requireToolNotOlderThanServer, toolEnvironment } from "./postgres-tools";

/**
 * PostgreSQL: `pg_dump` in its custom format, while the servers keep writing. The facts of the
 * manifest (migration head, counts, the evidence rows whose files are copied) must describe the
 * very data in the dump, so one REPEATABLE READ transaction exports its snapshot and pg_dump runs
 * inside it (`--snapshot`): both read the database as of the same instant.
 */
function readerOf(client: pg.Client): SqlReader {
  return { rows: async <T>(sql: string) => (await client.query(sql)).rows as T[] };
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

async function serverMajorVersion(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ v: string }>(
    "SELECT current_setting('server_version_num') AS v",
  );
  const major = Math.floor(Number(rows[0]?.v) / 10_000);
  if (!Number.isInteger(major) || major <= 0)
    throw new Error(`cannot read the server's version (server_version_num ${rows[0]?.v})`);
  return major;
}

/** Runs a tool; resolves with its stderr when it exits 0, throws with it otherwise. */
function runTool(
  file: string,
  args: string[],
  databaseUrl: string,
  stdoutTo?: NodeJS.WritableStream,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      env: toolEnvironment(databaseUrl),
      stdio: ["ignore", stdoutTo ? "pipe" : "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    if (stdoutTo) child.stdout!.pipe(stdoutTo);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === 0) resolve(stderr);
      else
        reject(
          new Error(
            `${file} failed (${signal ?? `exit ${code}`}): ${stderr.trim() || "no message"}`,
          ),
        );
    });
  });
}

export async function dumpPostgres(databaseUrl: string, target: string): Promise<DatabaseFacts> {
  const pgDump = findPgTool("pg_dump");
  const client = await connect(databaseUrl);
  try {
    requireToolNotOlderThanServer("pg_dump", pgDump, await serverMajorVersion(client));
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    const facts = await readDatabaseFacts(readerOf(client));

    const out = createWriteStream(target, { mode: FILE_MODE, flags: "wx" });
    const written = new Promise<void>((resolve, reject) => {
      out.once("finish", resolve);
      out.once("error", reject);
    });
    await runTool(
      pgDump,
      ["--format=custom", `--snapshot=${rows[0]!.id}`, "--no-password"],
      databaseUrl,
      out,
    );
    await written;
    await client.query("COMMIT");
    await requireReadableArchive(target, databaseUrl);
    return facts;
  } finally {
    await client.end();
  }
}

/**
 * A dump that pg_restore cannot read is no backup: list its table of contents now, while the
 * operator is watching, rather than on the day of the restore.
 */
async function requireReadableArchive(file: string, databaseUrl: string): Promise<void> {
  const pgRestore = findPgTool("pg_restore");
  try {
    await runTool(pgRestore, ["--list", file], databaseUrl, new PassThrough().resume());
  } catch (error) {
    throw new Error(
      `the dump pg_dump wrote is not readable by pg_restore: ${(error as Error).message}`,
    );
  }
}

/** Relations in the target's own schemas (tables, views, sequences…): restore needs none. */
export async function postgresTargetTables(databaseUrl: string): Promise<string[]> {
  const client = await connect(databaseUrl);
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
        ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/**
 * pg_restore into the empty target, in one transaction (a failure leaves it empty), owned by the
 * restoring user whatever role owned the objects before (`--no-owner --no-privileges`).
 */
export async function restorePostgres(databaseUrl: string, dumpFile: string): Promise<void> {
  const pgRestore = findPgTool("pg_restore");
  const client = await connect(databaseUrl);
  try {
    requireToolNotOlderThanServer("pg_restore", pgRestore, await serverMajorVersion(client));
  } finally {
    await client.end();
  }
  const database = new URL(databaseUrl).pathname.replace(/^\//, "");
  await runTool(
    pgRestore,
    [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      "--no-password",
      // The database name only (PGDATABASE names it too): never the URL with its password.
      `--dbname=${decodeURIComponent(database)}`,
      dumpFile,
    ],
    databaseUrl,
  );
}

export async function postgresFacts(databaseUrl: string): Promise<DatabaseFacts> {
  const client = await connect(databaseUrl);
  try {
    return await readDatabaseFacts(readerOf(client));
  } finally {
    await client.end();
  }
}
