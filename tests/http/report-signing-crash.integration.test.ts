import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEmbeddedAuditHead } from "~/modules/reports/embedded-audit-head";
import { createTestCertificateAuthority } from "~/modules/signing/pkcs12";
import { startTestTsa, type TestTsa } from "~/modules/signing/testing/test-tsa";
import { toolWorkspace } from "~/modules/signing/testing/test-pdf";
import { db } from "~/utils/db.server";
import { auditEventsOf } from "../support/assessment-factories";
import { createClient, ensureServerBuild } from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { startRealAssessment, testIdText } from "./http-fixtures";

/**
 * The done-when of issue 12: a decision whose signing is interrupted by `kill -9` gets its signed
 * report after restart. The production server (server/index.js over the build) runs as a child
 * process on this test file's database; the DPO decides over HTTP while the timestamp authority
 * hangs, the server is killed with SIGKILL while signing, and a new server's sweep makes the
 * report, carrying the decision's chain head (ADR 0015, 0020).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ca = createTestCertificateAuthority("Crash GmbH Signing");
let tsa: TestTsa;

beforeAll(async () => {
  ensureServerBuild();
  tsa = await startTestTsa({ hold: true });
});

afterAll(async () => {
  tsa?.release();
  await tsa?.close();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface RunningServer {
  baseUrl: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<NodeJS.Signals | number | null>;
}

async function startProductionServer(port: number): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    DATABASE_URL: process.env.DATABASE_URL,
    APP_URL: baseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
    SESSION_SECRET: process.env.SESSION_SECRET,
    MAIL_URL: "file:.tmp/test-outbox",
    LOG_LEVEL: "warn",
    REMINDER_INTERVAL_MINUTES: "0",
    PARSER_WORKERS: "1",
    SIGNING_P12_BASE64: Buffer.from(ca.p12).toString("base64"),
    SIGNING_P12_PASSPHRASE: ca.passphrase,
    TSA_URL: tsa.url,
    // Long enough for the kill to come during the attempt; short enough for the restart to take over soon.
    REPORT_SIGNING_TIMEOUT_SECONDS: "15",
    REPORT_SWEEP_INTERVAL_SECONDS: "1",
  };
  const child = spawn(
    path.join(root, "node_modules/.bin/node"),
    [path.join(root, "server/index.js")],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(signal ?? code)),
  );
  // Ready when it answers /healthz (or gone: then say what it printed).
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${output}`);
    const ready = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, child, output: () => output, exited };
}

async function stop(server: RunningServer | undefined) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  await server.exited;
}

describe("kill -9 while the report is being signed", () => {
  it(
    "the restarted server's sweep makes the signed report, with the decision's chain head",
    { timeout: 240_000 },
    async () => {
      const org = await createOrganization();
      const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
      const dpo = await createUser({ organizationId: org.id, role: "DPO", withTotp: true });
      const vendor = await createVendor({ organizationId: org.id });
      const started = await startRealAssessment({
        creator: assessor,
        organizationSlug: org.slug,
        vendorId: vendor.id,
      });
      const ready = await db().assessment.update({
        where: { id: started.id },
        data: {
          status: "AWAITING_DECISION",
          forwardedById: assessor.user.id,
          forwardedAt: new Date(),
          submittedAt: new Date(),
        },
      });

      const port = await freePort();
      let first: RunningServer | undefined = await startProductionServer(port);
      let second: RunningServer | undefined;
      try {
        const client = createClient(first.baseUrl);
        await client.login(dpo.user.email, dpo.password, dpo.totpKey);
        const decided = await client.post(`/assessments/${ready.id}?tab=decision`, {
          intent: "decide",
          outcome: "APPROVED",
          rationale: "Geeignet für den vorgesehenen Einsatz.",
          expectedVersion: String(ready.version),
        });
        // The DPO's answer does not wait for the hanging timestamp authority.
        expect(decided.status, first.output()).toBe(200);
        expect(testIdText(decided.body, "decision-recorded")).toBeTruthy();
        // The Reports tab says the report is being signed.
        const reports = await client.get(`/assessments/${ready.id}?tab=reports`);
        expect(reports.body).toContain('data-testid="report-pending"');
        expect(tsa.received()).toBe(1);
        const decision = await db().decision.findFirstOrThrow({
          where: { assessmentId: ready.id },
        });
        const pending = await db().pendingReport.findUniqueOrThrow({
          where: { decisionId: decision.id },
        });
        // Still in its first attempt, blocked at the timestamp authority: now the process dies.
        expect(pending).toMatchObject({ status: "PENDING", attempts: 1, lastError: null });
        first.child.kill("SIGKILL");
        expect(await first.exited).toBe("SIGKILL");
        first = undefined;
        expect(await db().signedReport.count({ where: { decisionId: decision.id } })).toBe(0);
        expect((await db().assessment.findUniqueOrThrow({ where: { id: ready.id } })).status).toBe(
          "APPROVED",
        );

        // The timestamp authority answers again; a new server starts on the same database.
        tsa.release();
        second = await startProductionServer(port);
        const page = await client.get(`/assessments/${ready.id}?tab=reports`);
        expect(page.status).toBe(200);
        const signedMeanwhile = await db().signedReport.count({
          where: { decisionId: decision.id },
        });
        if (signedMeanwhile === 0) {
          // Until it is there, the page says so and (without JavaScript) refreshes itself.
          expect(page.body).toContain('data-testid="report-pending"');
          expect(page.body).toMatch(
            /<noscript><meta http-equiv="refresh" content="\d+"\/?><\/noscript>/,
          );
        }
        // The sweep (at start and every second) takes over once the killed attempt's claim ran out.
        let report = await db().signedReport.findUnique({ where: { decisionId: decision.id } });
        while (!report) {
          if (second.child.exitCode !== null)
            throw new Error(`the restarted server exited:\n${second.output()}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
          report = await db().signedReport.findUnique({ where: { decisionId: decision.id } });
        }
        expect(report.timestamped).toBe(true);
        const events = await auditEventsOf(org.id);
        const decidedEvent = events.find((e) => e.action === "assessment.decided")!;
        expect(await readEmbeddedAuditHead(new Uint8Array(report.signedPdf))).toEqual({
          seq: decidedEvent.seq,
          hash: decidedEvent.hash,
        });
        expect(events.filter((e) => e.action === "report.signed")).toHaveLength(1);
        expect(await db().pendingReport.count({ where: { decisionId: decision.id } })).toBe(0);
        const tools = toolWorkspace();
        const pdfsig = tools.pdfsig(tools.write("after-restart.pdf", report.signedPdf));
        expect(pdfsig).toContain("Signature Validation: Signature is Valid.");
        const after = await client.get(`/assessments/${ready.id}?tab=reports`);
        expect(after.body).toContain('data-testid="signed-report"');
        expect(after.body).not.toContain('data-testid="report-pending"');
      } finally {
        if (first) first.child.kill("SIGKILL");
        await stop(second);
      }
    },
  );
});
