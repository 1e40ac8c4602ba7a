import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * One place for the e2e configuration, shared by playwright.config.ts, the server launcher
 * (start-server.ts, run by the webServer command) and the fixtures (Playwright workers), so all
 * three processes talk to the same SQLite file with the same secrets.
 */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const E2E_DIR = path.join(ROOT_DIR, ".tmp/e2e");
export const E2E_DB_FILE = path.join(E2E_DIR, "e2e.db");
/** The SMTP catcher writes every received mail here as <n>.json (see start-server.ts). */
export const E2E_MAIL_DIR = path.join(E2E_DIR, "mail");

// E2E_PORT lets two checkouts on one machine run their browser tests at the same time.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// The app refuses POSTs whose Origin differs from APP_URL: the browser must use exactly this.
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
/** E2E_BASE_URL as a RegExp source, for specs that match links in pages and mails. */
export const E2E_BASE_URL_PATTERN = E2E_BASE_URL.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Fixed, test-only secrets: never used outside the e2e run. */
export const E2E_ENV = {
  NODE_ENV: "production",
  DATABASE_URL: `file:${E2E_DB_FILE}`,
  APP_URL: E2E_BASE_URL,
  PORT: String(E2E_PORT),
  HOST: "127.0.0.1",
  ENCRYPTION_KEY: Buffer.alloc(32, 0x2e).toString("base64"),
  SESSION_SECRET: "vetted-e2e-session-secret-not-for-production-0123",
  LOG_LEVEL: "warn",
  // No background reminder mails among the mails the specs wait for.
  REMINDER_INTERVAL_MINUTES: "0",
  REGULATION_DAILY_INTERVAL_MINUTES: "0",
} as const;

/** Points this process at the e2e database and secrets (call before the first db()/getEnv()). */
export function applyE2eEnv(): void {
  Object.assign(process.env, E2E_ENV);
}
