import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createOperatorPkcs12 } from "../app/modules/signing/pkcs12";
import type { DemoSecrets } from "../seeds/demo/seed-demo.server";

/**
 * The demo installation lives in .data/ (git-ignored): its SQLite database (outgoing mail included) and a
 * secrets file created on first run (encryption key, session secret, demo passwords, TOTP keys,
 * the ready invite token). Mode 0600: readable by the operator only.
 */
export const DATA_DIR = path.resolve(".data");
export const DEMO_SECRETS_FILE = path.join(DATA_DIR, "demo-secrets.json");
export const DEMO_DATABASE_URL = "file:.data/demo.db";
// The demo operator's self-signed certificate; its passphrase is in the secrets file. It issues
// each demo organisation its own report signing certificate (ADR 0016). Demo installations from
// before keep their older certificate, which cannot issue: it then signs directly.
export const DEMO_SIGNING_P12 = path.join(DATA_DIR, "signing.p12");
export const DEMO_OPERATOR_NAME = "Vetted demo operator (self-signed)";

interface DemoConfigFile extends DemoSecrets {
  encryptionKey: string;
  sessionSecret: string;
  /** Added with signed reports: older demo secrets files get it on the next run. */
  signingPassphrase?: string;
}

function password(): string {
  return `Demo-${randomBytes(9).toString("base64url")}`;
}

export function loadOrCreateDemoConfig(): DemoConfigFile {
  if (existsSync(DEMO_SECRETS_FILE)) {
    const existing = JSON.parse(readFileSync(DEMO_SECRETS_FILE, "utf8")) as DemoConfigFile;
    if (existing.signingPassphrase) return existing;
    const upgraded = { ...existing, signingPassphrase: randomBytes(24).toString("base64url") };
    writeFileSync(DEMO_SECRETS_FILE, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const config: DemoConfigFile = {
    encryptionKey: randomBytes(32).toString("base64"),
    sessionSecret: randomBytes(32).toString("base64url"),
    passwords: { ADMIN: password(), ASSESSOR: password(), DPO: password(), AUDITOR: password() },
    totpKeys: {
      ADMIN: randomBytes(20).toString("base64"),
      DPO: randomBytes(20).toString("base64"),
    },
    inviteToken: randomBytes(32).toString("base64url"),
    signingPassphrase: randomBytes(24).toString("base64url"),
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
  // The operator's certificate (RSA 3072, 5 years, may issue certificates), made on first run.
  if (
    !process.env.SIGNING_P12_PATH &&
    !process.env.SIGNING_P12_BASE64 &&
    config.signingPassphrase
  ) {
    if (!existsSync(DEMO_SIGNING_P12)) {
      mkdirSync(DATA_DIR, { recursive: true });
      writeFileSync(
        DEMO_SIGNING_P12,
        createOperatorPkcs12(DEMO_OPERATOR_NAME, config.signingPassphrase, 5),
        { mode: 0o600 },
      );
    }
    process.env.SIGNING_P12_PATH = DEMO_SIGNING_P12;
    process.env.SIGNING_P12_PASSPHRASE = config.signingPassphrase;
  }
}
