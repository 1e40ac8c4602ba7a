/**
 * Structured one-line JSON logs. Callers pass fields, never whole requests: tokens, passwords,
 * codes and mail bodies must not reach the log (see the tests in logger.server.test.ts).
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_FIELD = /token|password|secret|code|cookie|authorization|key/i;

function threshold(): number {
  const level = (process.env.LOG_LEVEL ?? "info") as Level;
  return ORDER[level] ?? ORDER.info;
}

export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, SECRET_FIELD.test(k) ? "[redacted]" : v]),
  );
}

function write(
  level: Level,
  event: string,
  fields: Record<string, unknown> = {},
  always = false,
): void {
  if ((!always && ORDER[level] < threshold()) || process.env.NODE_ENV === "test") return;
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    event,
    ...redactFields(fields),
  });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
  /**
   * A record an operator's log store must keep (audit-chain checkpoints): written at level info
   * whatever LOG_LEVEL says, because a lost line is a lost external copy.
   */
  record: (event: string, fields?: Record<string, unknown>) => write("info", event, fields, true),
};
