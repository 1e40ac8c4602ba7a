import { UnknownMigrationsError } from "../../utils/migrate.server";
import { EncryptionKeyMismatchError } from "./encryption-key-check.server";

/**
 * What server/index.js prints when the start fails: one line naming the cause and the variable
 * to look at, never a stack trace and never a password.
 */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57P03", // the database system is starting up / shutting down
]);

/** postgresql://user:secret@host/db → postgresql://user:***@host/db (query parameters dropped). */
export function redactDatabaseUrl(databaseUrl: string): string {
  if (databaseUrl.startsWith("file:")) return databaseUrl;
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    url.search = "";
    return url.toString();
  } catch {
    return "(unparseable)";
  }
}

function codeOf(error: unknown): string | undefined {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.code === "string") return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

export function describeStartupError(error: unknown, env: { DATABASE_URL: string }): string {
  if (error instanceof UnknownMigrationsError || error instanceof EncryptionKeyMismatchError)
    return error.message;
  const where = `DATABASE_URL=${redactDatabaseUrl(env.DATABASE_URL)}`;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code && NETWORK_CODES.has(code)) return `cannot reach the database at ${where} (${code})`;
  if (code === "28P01" || code === "28000")
    return `the database refused the login at ${where} (${code}: check the user and password)`;
  if (code === "3D000") return `the database named in ${where} does not exist (${code})`;
  if (
    env.DATABASE_URL.startsWith("file:") &&
    (code === "SQLITE_CANTOPEN" || /cannot open database|directory does not exist/i.test(message))
  )
    return `cannot open the database at ${where} (${oneLine(message)})`;
  return oneLine(message);
}

/** The listening socket failed: which of PORT and HOST to change. */
export function describeListenError(
  error: NodeJS.ErrnoException,
  env: { PORT: number; HOST: string },
): string {
  const names = `(PORT=${env.PORT}, HOST=${env.HOST})`;
  if (error.code === "EADDRINUSE")
    return `port ${env.PORT} on ${env.HOST} is already in use ${names}: stop the other process or choose another PORT`;
  if (error.code === "EACCES")
    return `may not listen on port ${env.PORT} on ${env.HOST} ${names}: ports below 1024 need privileges; choose another PORT`;
  if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND")
    return `HOST=${env.HOST} is not an address of this machine ${names}`;
  return `cannot listen on ${env.HOST}:${env.PORT} ${names} (${error.code ?? oneLine(error.message)})`;
}
