import { db } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { compareMigrations, providerOf, readMigrations } from "../../utils/migrate.server";
import { loadSigningIdentity } from "../signing/signing-certificate.server";

/**
 * Readiness (/readyz, server/probes.js): may this instance take traffic? The database answers
 * `SELECT 1` within READINESS_TIMEOUT_SECONDS, its migrations are exactly the bundled ones, the
 * configured signing key is loaded, and the server is not shutting down. Reasons are short and
 * never carry a connection string, a host name or a secret: probes' answers end up in logs.
 */
export interface Readiness {
  ready: boolean;
  reasons: string[];
}

/** A current schema stays current until a deploy; it is read again after this long. */
const MIGRATIONS_CURRENT_CACHE_MS = 30_000;

let bundledNames: string[] | undefined;
let migrationsCurrentUntil = 0;
/** The database check in flight: probes arriving meanwhile wait for it instead of piling up queries. */
let inFlight: Promise<string[]> | null = null;

export async function checkReadiness({
  shuttingDown = false,
}: { shuttingDown?: boolean } = {}): Promise<Readiness> {
  if (shuttingDown) return { ready: false, reasons: ["shutting down"] };
  const env = getEnv();
  const reasons = [
    ...(await withDeadline(databaseReasons(env.DATABASE_URL), env.READINESS_TIMEOUT_SECONDS)),
    ...signingKeyReasons(),
  ];
  return { ready: reasons.length === 0, reasons };
}

function databaseReasons(databaseUrl: string): Promise<string[]> {
  inFlight ??= probeDatabase(databaseUrl).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function probeDatabase(databaseUrl: string): Promise<string[]> {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch (error) {
    return [`database did not answer SELECT 1 (${errorCode(error)})`];
  }
  if (Date.now() < migrationsCurrentUntil) return [];
  bundledNames ??= readMigrations(providerOf(databaseUrl)).map((m) => m.name);
  let applied: { name: string }[];
  try {
    // The bookkeeping table's name (BOOKKEEPING_TABLE in migrate.server.ts), written out: a
    // tagged query takes no identifiers as parameters.
    applied = await db().$queryRaw<{ name: string }[]>`SELECT name FROM "_vetted_migrations"`;
  } catch (error) {
    return [`database migrations could not be read (${errorCode(error)})`];
  }
  const { pending, unknown } = compareMigrations(
    applied.map((row) => row.name),
    bundledNames,
  );
  const reasons: string[] = [];
  if (pending.length > 0) reasons.push(`database misses migrations: ${pending.join(", ")}`);
  if (unknown.length > 0)
    reasons.push(`database has migrations this version does not know: ${unknown.join(", ")}`);
  if (reasons.length === 0) migrationsCurrentUntil = Date.now() + MIGRATIONS_CURRENT_CACHE_MS;
  return reasons;
}

async function withDeadline(check: Promise<string[]>, seconds: number): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string[]>((resolve) => {
    timer = setTimeout(
      () => resolve([`database did not answer SELECT 1 within ${seconds} s`]),
      seconds * 1000,
    );
  });
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The signing key is parsed at start (server/index.js); a configured one must still load. */
function signingKeyReasons(): string[] {
  const env = getEnv();
  if (!env.SIGNING_P12_PATH && !env.SIGNING_P12_BASE64) return [];
  try {
    return loadSigningIdentity(env) ? [] : ["signing key not loaded"];
  } catch {
    return ["signing key not loaded"];
  }
}

/** A driver's error code (ECONNREFUSED, 57P01 …), never its message: messages may name hosts. */
function errorCode(error: unknown): string {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.code === "string" && /^[A-Z0-9_]{2,40}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return "query failed";
}
