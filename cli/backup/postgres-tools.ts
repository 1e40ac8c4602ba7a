import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

/**
 * PostgreSQL's own client programs (pg_dump, pg_restore): found in PG_BIN or on PATH, their
 * major version compared with the server's, and the connection handed over through libpq's
 * environment variables. The password goes in PGPASSWORD, never on the command line, where any
 * user of the machine could read it in the process list.
 */
export type PgTool = "pg_dump" | "pg_restore";

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findPgTool(tool: PgTool): string {
  const pgBin = process.env.PG_BIN;
  if (pgBin) {
    const file = path.join(pgBin, tool);
    if (isExecutable(file)) return file;
    throw new Error(
      `${tool} not found in PG_BIN (${pgBin}): set PG_BIN to the bin folder of the PostgreSQL client tools`,
    );
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, tool);
    if (isExecutable(file)) return file;
  }
  throw new Error(
    `${tool} not found on PATH: install the PostgreSQL client tools of the server's major version or newer (Debian/Ubuntu: postgresql-client-<major>), or set PG_BIN to their bin folder (e.g. /usr/lib/postgresql/15/bin)`,
  );
}

/** The major version a tool reports (`pg_dump (PostgreSQL) 15.10 (Debian …)` → 15). */
export function pgToolMajorVersion(file: string): number {
  const result = spawnSync(file, ["--version"], { encoding: "utf8", timeout: 10_000 });
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? "");
  if (result.status !== 0 || !match)
    throw new Error(`${file} --version did not report a PostgreSQL version`);
  return Number(match[1]);
}

/** pg_dump refuses a newer server; say so before it does, and what to install. */
export function requireToolNotOlderThanServer(
  tool: PgTool,
  file: string,
  serverMajor: number,
): void {
  const toolMajor = pgToolMajorVersion(file);
  if (toolMajor < serverMajor)
    throw new Error(
      `${tool} ${toolMajor} (${file}) is older than the PostgreSQL ${serverMajor} server: install the client tools of version ${serverMajor} or newer, or point PG_BIN at them`,
    );
}

/** URL query parameters that libpq understands, and the environment variables that carry them. */
const LIBPQ_PARAMETERS: [string, string][] = [
  ["host", "PGHOST"],
  ["port", "PGPORT"],
  ["sslmode", "PGSSLMODE"],
  ["sslrootcert", "PGSSLROOTCERT"],
  ["sslcert", "PGSSLCERT"],
  ["sslkey", "PGSSLKEY"],
  ["application_name", "PGAPPNAME"],
  ["options", "PGOPTIONS"],
];

/**
 * The libpq environment for DATABASE_URL. The URL itself is not passed: it holds the password,
 * and parameters libpq does not know (Prisma's `schema`, `connection_limit`) would make it refuse.
 */
export function libpqEnvironment(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  const env: Record<string, string> = {};
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (host) env.PGHOST = decodeURIComponent(host);
  if (url.port) env.PGPORT = url.port;
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (database) env.PGDATABASE = database;
  for (const [parameter, variable] of LIBPQ_PARAMETERS) {
    const value = url.searchParams.get(parameter);
    if (value !== null) env[variable] = value;
  }
  // node-postgres' "no-verify" means TLS without certificate checks: libpq calls that "require".
  if (env.PGSSLMODE === "no-verify") env.PGSSLMODE = "require";
  return env;
}

/**
 * The environment a tool runs with: ours plus the URL's parts. PG* variables of the shell stay
 * where the URL says nothing (node-postgres, which the server uses, reads them the same way).
 */
export function toolEnvironment(databaseUrl: string): NodeJS.ProcessEnv {
  return { ...process.env, ...libpqEnvironment(databaseUrl) };
}
