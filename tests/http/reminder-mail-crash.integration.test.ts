import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { auditEventsOf } from "../support/assessment-factories";
import { ensureServerBuild } from "../support/app-server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { freePort, productionEnv, spawnServer } from "../support/production-server";
import { startSmtpCatcher, type SmtpCatcher } from "../support/smtp-catcher";
import { createAssessmentRecord } from "../support/vendor-factories";

/**
 * The done-when of issue 13: `kill -9` while a reminder mail is in flight, restart, and the vendor
 * receives it exactly once. The production server (server/index.js over the build) runs as a child
 * process on this test file's database. Its reminder schedule queues the due reminder at start and
 * tries to deliver it to a mail server that accepts the connection and never answers; the server
 * is killed the moment that connection arrives. The audit trail then must not say "sent". A new
 * server with a working mail server takes the job over once its lock has expired (JOB_LOCK_SECONDS),
 * delivers it once and only then records "reminder.sent", once.
 */
const JOB_LOCK_SECONDS = 6;

let hangingSmtp: { url: string; connected: Promise<void>; close(): Promise<void> };
let smtp: SmtpCatcher;

/** A mail server that accepts connections and never says a word (no greeting). */
async function startHangingSmtp(): Promise<typeof hangingSmtp> {
  const sockets = new Set<Socket>();
  let signal!: () => void;
  const connected = new Promise<void>((resolve) => (signal = resolve));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    signal();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connected,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

beforeAll(async () => {
  ensureServerBuild();
  hangingSmtp = await startHangingSmtp();
  smtp = await startSmtpCatcher();
});

afterAll(async () => {
  await hangingSmtp?.close();
  await smtp?.stop();
});

interface RunningServer {
  child: ChildProcess;
  output: () => string;
  exited: Promise<NodeJS.Signals | number | null>;
}

function spawnProductionServer(port: number, mailUrl: string): RunningServer {
  const server = spawnServer(
    productionEnv(port, {
      MAIL_URL: mailUrl,
      // The reminder scan runs at start; the queue polls often and locks a job briefly, so the
      // restarted server takes the dead one's job over within seconds.
      REMINDER_INTERVAL_MINUTES: "60",
      JOB_POLL_SECONDS: "0.2",
      JOB_LOCK_SECONDS: String(JOB_LOCK_SECONDS),
    }),
  );
  return {
    child: server.child,
    output: server.output,
    exited: server.exited.then(({ code, signal }) => signal ?? code),
  };
}

/** Resolves with `promise`, or fails naming what the server printed when it exits or stalls. */
async function whileRunning<T>(server: RunningServer, promise: Promise<T>, what: string) {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      server.exited.then((code) => {
        throw new Error(`the server exited (${String(code)}) before ${what}:\n${server.output()}`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no ${what} within 60 s:\n${server.output()}`)),
          60_000,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function stop(server: RunningServer | undefined) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  await server.exited;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("kill -9 while a reminder mail is in flight", () => {
  it(
    "after a restart the vendor receives the reminder exactly once, and only then is it recorded as sent",
    { timeout: 180_000 },
    async () => {
      const org = await createOrganization();
      const { user } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
      const vendor = await createVendor({ organizationId: org.id });
      const assessment = await createAssessmentRecord({
        organizationId: org.id,
        vendorId: vendor.id,
        createdById: user.id,
        status: "IN_PROGRESS",
        dueDate: new Date(Date.now() + 86_400_000),
        title: "KI-Prüfung Absturz",
      });
      const contactEmail = `contact-${randomBytes(4).toString("hex")}@vendor.example`;
      await db().inviteLink.create({
        data: {
          organizationId: org.id,
          assessmentId: assessment.id,
          contactEmail,
          locale: "de",
          tokenHash: sha256Hex(randomBytes(32).toString("base64url")),
          expiresAt: new Date(Date.now() + 30 * 86_400_000),
          createdById: user.id,
        },
      });

      let first: RunningServer | undefined = spawnProductionServer(
        await freePort(),
        hangingSmtp.url,
      );
      let second: RunningServer | undefined;
      try {
        // The reminder's mail is on its way to the hanging mail server: kill -9 right now.
        await whileRunning(first, hangingSmtp.connected, "a connection to the mail server");
        first.child.kill("SIGKILL");
        expect(await first.exited).toBe("SIGKILL");
        first = undefined;

        // Nothing is recorded as sent before it was sent.
        expect(await auditEventsOf(org.id, "reminder.sent")).toHaveLength(0);
        expect(await auditEventsOf(org.id, "reminder.queued")).toHaveLength(1);
        const [job] = await db().job.findMany({ where: { organizationId: org.id } });
        expect(job).toMatchObject({ kind: "reminder.send", status: "running" });

        second = spawnProductionServer(await freePort(), smtp.url);
        const mail = await whileRunning(
          second,
          smtp.waitFor((m) => m.to.includes(contactEmail), 60_000),
          "the reminder at the working mail server",
        );
        expect(mail.subject).toMatch(/^Erinnerung: „KI-Prüfung Absturz“/);
        await whileRunning(
          second,
          eventually(
            () => auditEventsOf(org.id, "reminder.sent"),
            (events) => events.length > 0,
          ),
          "the audit event reminder.sent",
        );
        await stop(second);
        second = undefined;

        expect(smtp.messages.filter((m) => m.to.includes(contactEmail))).toHaveLength(1);
        expect(await auditEventsOf(org.id, "reminder.sent")).toHaveLength(1);
        expect(await auditEventsOf(org.id, "reminder.queued")).toHaveLength(1);
        expect(await db().job.findUniqueOrThrow({ where: { id: job!.id } })).toMatchObject({
          status: "done",
          payload: "",
          attempts: 2,
        });
      } finally {
        if (first) first.child.kill("SIGKILL");
        await stop(second);
      }
    },
  );
});
