// Production entry: parse configuration, check what the start needs (signing key, migrations,
// encryption key), then serve; on SIGTERM/SIGINT shut down gracefully (server/graceful-shutdown.js).
// A start that cannot succeed stops with one line naming the variable or the cause, exit code 1,
// no stack trace (docs/operations/probes.md).
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp, refuseConnect } from "./app.js";
import { createLifecycle, installGracefulShutdown } from "./graceful-shutdown.js";
import { requireSupportedNode } from "./supported-node.js";

requireSupportedNode("Vetted");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.NODE_ENV ??= "production";

/** @param {string} message */
function refuseStart(message) {
  console.error(`Vetted cannot start: ${message}`);
  process.exit(1);
}

const build = await import("../build/server/index.js").catch((error) => {
  if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
  refuseStart("there is no production build in build/: run `npm run build` first");
});
// The server bundle exports its boot helpers (app/entry.server.tsx): one env schema, one migrator.
const boot = build.entry.module.boot;
let env;
try {
  env = boot.loadEnv();
} catch (error) {
  // Already one block naming every offending variable (app/utils/env.server.ts).
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

try {
  // Signed reports need the organisation's certificate: production stops here without one.
  const signer = boot.requireSigningIdentity(env);
  if (signer)
    console.log(
      `Signing reports as "${signer.commonName}" (certificate SHA-256 ${signer.fingerprint})`,
    );
  const { applied } = await boot.migrate(env.DATABASE_URL);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  // A wrong but well-formed ENCRYPTION_KEY stops here, not at the first sign-in with a second factor.
  if ((await boot.verifyEncryptionKey()) === "created")
    console.log("Stored the key-check value of ENCRYPTION_KEY");
  const published = await boot.syncBundledTemplates();
  if (published > 0) console.log(`Published ${published} updated bundled template version(s)`);
  // The bundled regulation catalogue: new versions and change events are added, stored versions
  // are immutable (a bundled version whose content changed is reported, not rewritten).
  const regulations = await boot.syncBundledRegulations();
  if (regulations.versionsAdded + regulations.eventsAdded + regulations.provisionsAdded > 0)
    console.log(
      `Regulation catalogue: added ${regulations.versionsAdded} version(s), ${regulations.provisionsAdded} provision(s) to stored versions and ${regulations.eventsAdded} change event(s)`,
    );
  for (const changed of regulations.changedVersions)
    console.warn(
      `Regulation catalogue: the bundled version "${changed.label}" of ${changed.instrumentKey} differs from the stored one; versions are immutable, so the stored one stays (publish a new version instead)`,
    );
  // Vendors written before the portfolio columns existed (or inserted in bulk) get them now.
  const backfilled = await boot.backfillPortfolio();
  if (backfilled > 0) console.log(`Computed portfolio facts of ${backfilled} vendor(s)`);
} catch (error) {
  refuseStart(boot.describeStartupError(error, env));
}

const lifecycle = createLifecycle();
const app = createApp({
  build,
  appUrl: env.APP_URL,
  clientDir: path.join(root, "build/client"),
  trustProxy: env.TRUST_PROXY,
  lifecycle,
});
const server = app.listen(env.PORT, env.HOST);
server.once("error", (error) => refuseStart(boot.describeListenError(error, env)));
// CONNECT never reaches Express: without this, Node drops such a connection without an answer.
server.on("connect", refuseConnect);

// Background work, started once the port is ours. Each start returns its stop function, awaited on
// shutdown (it ends the run in progress). The holder id names this process in the jobs' database
// leases: host, pid and a random part (pids repeat across containers).
const holder = `${hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`;
/** @type {(() => void | Promise<void>)[]} */
const stopBackground = [];
server.once("listening", () => {
  console.log(
    `Vetted listening on http://${env.HOST}:${env.PORT} (public URL ${env.APP_URL}, Node ${process.version})`,
  );
  // Vendor reminders every REMINDER_INTERVAL_MINUTES (0: off).
  stopBackground.push(
    boot.startReminderSchedule({ intervalMinutes: env.REMINDER_INTERVAL_MINUTES, holder }),
  );
  // The weekly digest of regulatory changes to DPOs: checked every REGULATION_DIGEST_INTERVAL_MINUTES
  // (0: off), sent once per organisation and ISO week.
  stopBackground.push(
    boot.startRegulationDigestSchedule({
      intervalMinutes: env.REGULATION_DIGEST_INTERVAL_MINUTES,
      holder,
    }),
  );
  // The day's regulation job (date-driven changes, residency re-rating; ADR 0034): queued once a
  // day across instances (its idempotency key is the day), run by the job runner.
  stopBackground.push(
    boot.startRegulationDailySchedule({
      intervalMinutes: env.REGULATION_DAILY_INTERVAL_MINUTES,
    }),
  );
  // Decisions whose signed report is missing (a crash while signing, the timestamp authority
  // down) are finished now and every REPORT_SWEEP_INTERVAL_SECONDS, by one instance at a time (ADR 0020).
  stopBackground.push(
    boot.startReportSweepSchedule({ intervalSeconds: env.REPORT_SWEEP_INTERVAL_SECONDS, holder }),
  );
  // Stored evidence no row points to (a crash mid-upload), older than EVIDENCE_ORPHAN_GRACE_MINUTES,
  // is removed every EVIDENCE_SWEEP_INTERVAL_MINUTES by one instance at a time (ADR 0036).
  stopBackground.push(
    boot.startEvidenceSweepSchedule({
      intervalMinutes: env.EVIDENCE_SWEEP_INTERVAL_MINUTES,
      holder,
    }),
  );
  // The durable job queue (mail, reminders; ADR 0028): polls every JOB_POLL_SECONDS. Its stop
  // ends claiming at once, waits for running jobs, then gives back the locks of the rest.
  const jobRunner = boot.startJobRunner({ holder });
  stopBackground.push(() => jobRunner.stop());
});

installGracefulShutdown({
  server,
  lifecycle,
  timeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS,
  stopBackground: async () => {
    await Promise.all(stopBackground.map((stop) => stop()));
    await boot.releaseJobLeasesOf(holder);
  },
  disconnect: () => boot.disconnectDb(),
});
