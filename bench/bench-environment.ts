import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * A benchmark's own installation: a fresh folder under .tmp with an SQLite database, and the
 * fixed, benchmark-only secrets the server child needs. `prepare()` empties the folder and points
 * this process at it (the parent seeds, then starts the server with `env`); `activate()` points
 * this process at the folder as it is (a benchmark reusing its previous database).
 */
export function benchEnvironment(name: string, extra: Record<string, string> = {}) {
  const dir = path.resolve(import.meta.dirname, "..", ".tmp", name);
  const env = {
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    SESSION_SECRET: "vetted-bench-session-secret-0123456789abcdef",
    MAIL_URL: "outbox",
    LOG_LEVEL: "warn",
    ...extra,
  };
  return {
    env,
    activate(): void {
      Object.assign(process.env, env, { NODE_ENV: "production", APP_URL: "http://127.0.0.1:3999" });
    },
    prepare(): void {
      this.activate();
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
    },
  };
}
