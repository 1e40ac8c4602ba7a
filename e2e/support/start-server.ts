/**
 * The Playwright webServer command (`npx tsx e2e/support/start-server.ts`):
 *   0. under the shared build lock: rebuilds when build/ is missing or older than its sources
 *      (tests/support/fresh-build.mjs: a stale build must not pass the browser tests), then copies
 *      build/ and server/ to .tmp/e2e/app, so another engineer's rebuild during the run cannot
 *      swap the assets under the running server (node_modules still resolve from the root),
 *   1. wipes .tmp/e2e (fresh SQLite database, empty mailbox),
 *   2. starts the SMTP catcher and mirrors each received mail to .tmp/e2e/mail/<n>.json, so
 *      tests in the Playwright worker processes can read them,
 *   3. applies the migrations,
 *   4. runs the production server (`node server/index.js`) as a child with that environment and
 *      forwards SIGINT/SIGTERM to it; it exits when the child exits.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BUILD_LOCK } from "../../tests/support/fresh-build.mjs";
import { startSmtpCatcher } from "../../tests/support/smtp-catcher";
import { E2E_DIR, E2E_ENV, E2E_MAIL_DIR, ROOT_DIR } from "./env";

const log = (message: string) => console.log(`[e2e-server] ${message}`);

const SNAPSHOT_DIR = path.join(E2E_DIR, "app");

rmSync(E2E_DIR, { recursive: true, force: true });
mkdirSync(E2E_MAIL_DIR, { recursive: true });

// Other engineers build under the same lock: waiting for it means never copying half a build.
const snapshot = spawnSync(
  "flock",
  [
    BUILD_LOCK,
    "sh",
    "-c",
    '"$2" tests/support/fresh-build.mjs && mkdir -p "$1" && cp -R build server "$1"/',
    "sh",
    SNAPSHOT_DIR,
    process.execPath,
  ],
  { cwd: ROOT_DIR, stdio: "inherit" },
);
if (snapshot.status !== 0 || !existsSync(path.join(SNAPSHOT_DIR, "build/server/index.js"))) {
  console.error("[e2e-server] could not build or copy the production build");
  process.exit(1);
}

const smtp = await startSmtpCatcher();
let mailCount = 0;
const originalPush = smtp.messages.push.bind(smtp.messages);
// The catcher keeps mails in memory; mirror each one to disk (write, then rename: readers never
// see half a file).
smtp.messages.push = (...mails) => {
  for (const mail of mails) {
    mailCount += 1;
    const file = path.join(E2E_MAIL_DIR, `${mailCount}.json`);
    writeFileSync(
      `${file}.partial`,
      JSON.stringify({ receivedAt: new Date().toISOString(), ...mail }, null, 2),
    );
    renameSync(`${file}.partial`, file);
  }
  return originalPush(...mails);
};
log(`SMTP catcher on ${smtp.url}, mails in ${path.relative(ROOT_DIR, E2E_MAIL_DIR)}`);

// The organisation's signing certificate for the signed reports (a throwaway CA and leaf; the
// server refuses to start in production without one). The CA is kept for trust checks.
const { createTestCertificateAuthority } = await import("../../app/modules/signing/pkcs12");
const signing = createTestCertificateAuthority("E2E Buyer GmbH (report signing)");
writeFileSync(path.join(E2E_DIR, "signing-ca.pem"), signing.caPem);
const env = {
  ...process.env,
  ...E2E_ENV,
  MAIL_URL: smtp.url,
  SIGNING_P12_BASE64: Buffer.from(signing.p12).toString("base64"),
  SIGNING_P12_PASSPHRASE: signing.passphrase,
};
Object.assign(process.env, env);
const { migrateDatabase } = await import("../../app/utils/migrate.server");
const { applied } = await migrateDatabase(E2E_ENV.DATABASE_URL);
log(`database ${E2E_ENV.DATABASE_URL} migrated (${applied.length} migrations)`);

// server/index.js loads ../build relative to itself: the snapshot. Migrations and node_modules
// are found by walking up to the repository root.
const child = spawn(process.execPath, [path.join(SNAPSHOT_DIR, "server/index.js")], {
  cwd: ROOT_DIR,
  env,
  stdio: "inherit",
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopping = true;
    if (child.exitCode === null) child.kill(signal);
  });
}

child.on("exit", (code, signal) => {
  void smtp.stop().finally(() => {
    if (!stopping) log(`server exited unexpectedly (code ${code}, signal ${signal})`);
    process.exit(code ?? (stopping ? 0 : 1));
  });
});
