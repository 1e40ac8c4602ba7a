// Production entry: parse configuration, apply pending migrations, then serve.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApp, refuseConnect } from "./app.js";
import { requireSupportedNode } from "./supported-node.js";

requireSupportedNode("Vetted");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.NODE_ENV ??= "production";

const build = await import("../build/server/index.js");
// The server bundle exports its boot helpers (app/entry.server.tsx): one env schema, one migrator.
const env = build.entry.module.boot.loadEnv();
// Signed reports need the organisation's certificate: production stops here without one.
try {
  const signer = build.entry.module.boot.requireSigningIdentity(env);
  if (signer)
    console.log(
      `Signing reports as "${signer.commonName}" (certificate SHA-256 ${signer.fingerprint})`,
    );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const { applied } = await build.entry.module.boot.migrate(env.DATABASE_URL);
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
const published = await build.entry.module.boot.syncBundledTemplates();
if (published > 0) console.log(`Published ${published} updated bundled template version(s)`);
// Vendors written before the portfolio columns existed (or inserted in bulk) get them now.
const backfilled = await build.entry.module.boot.backfillPortfolio();
if (backfilled > 0) console.log(`Computed portfolio facts of ${backfilled} vendor(s)`);

const app = createApp({
  build,
  appUrl: env.APP_URL,
  clientDir: path.join(root, "build/client"),
  trustProxy: env.TRUST_PROXY,
});
const server = app.listen(env.PORT, env.HOST, () => {
  console.log(
    `Vetted listening on http://${env.HOST}:${env.PORT} (public URL ${env.APP_URL}, Node ${process.version})`,
  );
});
// CONNECT never reaches Express: without this, Node drops such a connection without an answer.
server.on("connect", refuseConnect);
// Vendor reminders every REMINDER_INTERVAL_MINUTES (0: off). The holder id names this process in
// the job's database lease: host, pid and a random part (pids repeat across containers).
const holder = `${hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`;
const stopReminders = build.entry.module.boot.startReminderSchedule({
  intervalMinutes: env.REMINDER_INTERVAL_MINUTES,
  holder,
});
// Decisions whose signed report is missing (a crash while signing, the timestamp authority
// down) are finished now and every REPORT_SWEEP_INTERVAL_SECONDS, by one instance at a time (ADR 0020).
const stopReportSweep = build.entry.module.boot.startReportSweepSchedule({
  intervalSeconds: env.REPORT_SWEEP_INTERVAL_SECONDS,
  holder,
});
// The durable job queue (mail, reminders; ADR 0028): polls every JOB_POLL_SECONDS.
const jobRunner = build.entry.module.boot.startJobRunner({ holder });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopReminders();
    stopReportSweep();
    // Stops claiming at once; waits for running jobs, then gives back the locks of the rest.
    const jobsStopped = jobRunner.stop();
    server.close(() => void jobsStopped.finally(() => process.exit(0)));
  });
}
