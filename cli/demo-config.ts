import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DemoSecrets } from "../seeds/demo/seed-demo.server";

/**
 * The demo installation lives in .data/ (git-ignored): its SQLite database (outgoing mail included) and a
 * secrets file created on first run (encryption key, session secret, demo passwords, TOTP keys,
 * the ready invite token). Mode 0600: readable by the operator only.
 */
export const DATA_DIR = path.resolve(".data");
export const DEMO_SECRETS_FILE = path.join(DATA_DIR, "demo-secrets.json");
export const DEMO_DATABASE_URL = "file:.data/demo.db";

interface DemoConfigFile extends DemoSecrets {
  encryptionKey: string;
  sessionSecret: string;
}

function password(): string {
  return `Demo-${randomBytes(9).toString("base64url")}`;
}

export function loadOrCreateDemoConfig(): DemoConfigFile {
  if (existsSync(DEMO_SECRETS_FILE)) return JSON.parse(readFileSync(DEMO_SECRETS_FILE, "utf8")) as DemoConfigFile;
  mkdirSync(DATA_DIR, { recursive: true });
  const config: DemoConfigFile = {
    encryptionKey: randomBytes(32).toString("base64"),
    sessionSecret: randomBytes(32).toString("base64url"),
    passwords: { ADMIN: password(), ASSESSOR: password(), DPO: password(), AUDITOR: password() },
    totpKeys: { ADMIN: randomBytes(20).toString("base64"), DPO: randomBytes(20).toString("base64") },
    inviteToken: randomBytes(32).toString("base64url"),
  };
  writeFileSync(DEMO_SECRETS_FILE, JSON.stringify(config, null, 2), { mode: 0o600 });
  return config;
}

/** Environment for the demo: only fills what the operator did not set. */
export function applyDemoEnvironment(config: DemoConfigFile, port = 3000): void {
  process.env.DATABASE_URL ??= DEMO_DATABASE_URL;
  process.env.ENCRYPTION_KEY ??= config.encryptionKey;
  process.env.SESSION_SECRET ??= config.sessionSecret;
  process.env.PORT ??= String(port);
  process.env.APP_URL ??= `http://localhost:${process.env.PORT}`;
  // Mails go to the database outbox; signed-in admins read them on /dev/outbox.
  process.env.MAIL_URL ??= "outbox";
}
