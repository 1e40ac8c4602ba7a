import { createServer, type AddressInfo } from "node:net";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { getEnv, resetEnvForTests } from "~/utils/env.server";
import { inTransaction } from "~/utils/transaction.server";
import { actorFor, auditEventsOf } from "../../../tests/support/admin-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { enqueueMail } from "../mail/enqueue-mail.server";
import { claimJobs } from "./claim-jobs.server";
import { discardDeadJob } from "./discard-dead-job.server";
import { enqueueJob } from "./enqueue-job.server";
import {
  DONE_JOB_RETENTION_MS,
  pruneDoneJobs,
  releaseJobLocks,
  runDueJobs,
  startJobRunner,
} from "./job-runner.server";
import { listDeadJobs } from "./list-dead-jobs.server";
import { retryDeadJob } from "./retry-dead-job.server";
import { runClaimedJob } from "./run-claimed-job.server";
import { RETRY_BASE_MS } from "./retry-backoff";

import { registerJobQueueMetrics } from "../metrics/job-queue-metrics.server";
import { registry } from "../metrics/metrics-registry.server";
/**
 * The durable job queue (ADR 0028) against a real database and a real SMTP catcher: enqueue
 * commits or rolls back with the business change, concurrent runners deliver once, failures
 * retry with back-off and end in the admin's dead-letter list, a dead runner's jobs are taken over.
 */
const smtp = setupSmtpCatcher();

beforeEach(async () => {
  await db().job.deleteMany({});
  smtp().clear();
});

function mailsTo(address: string) {
  return smtp().messages.filter((m) => m.to.includes(address));
}

/** The value of one sample of a metric in the app's registry (0 when it has none yet). */
async function metricValue(name: string, labels: Record<string, string>): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  const sample = values.find((value) =>
    Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted),
  );
  return sample?.value ?? 0;
}

/** A local port nobody listens on: sending there fails at once (connection refused). */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

async function withMailUrl<T>(url: string, work: () => Promise<T>): Promise<T> {
  const working = process.env.MAIL_URL;
  process.env.MAIL_URL = url;
  resetEnvForTests();
  try {
    return await work();
  } finally {
    process.env.MAIL_URL = working;
    resetEnvForTests();
  }
}

async function adminOf(organizationId: string) {
  return actorFor(await createUser({ organizationId, role: "ADMIN" }));
}

/** Queues mails without the immediate attempt, as a runner would find them after a restart. */
async function queueMails(organizationId: string, addresses: string[]): Promise<string[]> {
  return inTransaction(async (tx) => {
    const ids: string[] = [];
    for (const to of addresses) {
      ids.push(
        await enqueueJob(tx, {
          kind: "mail.send",
          organizationId,
          payload: { to, organizationId, subject: "Queued", text: `Hello ${to}` },
        }),
      );
    }
    return ids;
  });
}

describe("the durable job queue", () => {
  it("a mail enqueued in a transaction that rolls back leaves no job; a committed one is delivered once, its payload sealed and then erased", async () => {
    const org = await createOrganization();
    await expect(
      inTransaction(async (tx) => {
        await enqueueMail(tx, {
          organizationId: org.id,
          to: "rolled-back@example.test",
          subject: "Never",
          text: "code 123456",
        });
        throw new Error("the business write failed");
      }),
    ).rejects.toThrow("the business write failed");
    expect(await db().job.count()).toBe(0);

    let sealed = "";
    const jobId = await inTransaction(async (tx) => {
      const id = await enqueueMail(tx, {
        organizationId: org.id,
        to: "committed@example.test",
        subject: "Your code",
        text: "code 654321",
      });
      sealed = (await tx.job.findUniqueOrThrow({ where: { id } })).payload;
      return id;
    });
    // Stored sealed: the code is not readable in the database.
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("654321");
    // Delivered by the immediate attempt after the commit, once; a runner finds nothing more.
    expect(mailsTo("committed@example.test")).toHaveLength(1);
    expect(mailsTo("committed@example.test")[0]!.text).toContain("code 654321");
    expect(await runDueJobs({ holder: "runner-a" })).toEqual([]);
    expect(mailsTo("committed@example.test")).toHaveLength(1);
    expect(mailsTo("rolled-back@example.test")).toHaveLength(0);
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "done",
      payload: "",
      attempts: 1,
      lockedBy: null,
    });
  });

  it("two runners claiming at the same time deliver each job exactly once", async () => {
    const org = await createOrganization();
    const addresses = Array.from({ length: 8 }, (_, i) => `parallel-${i}@example.test`);
    const ids = await queueMails(org.id, addresses);
    const outcomes = await Promise.all([
      runDueJobs({ holder: "runner-a", limit: 8 }),
      runDueJobs({ holder: "runner-b", limit: 8 }),
      runDueJobs({ holder: "runner-c", limit: 8 }),
    ]);
    expect(outcomes.flat()).toEqual(addresses.map(() => "done"));
    for (const address of addresses) expect(mailsTo(address)).toHaveLength(1);
    const jobs = await db().job.findMany({ where: { id: { in: ids } } });
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual(ids.map(() => ["done", 1]));
  });

  it("a failing delivery is retried with back-off and ends dead after maxAttempts, in its organisation's dead-letter list only", async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const admin = await adminOf(org.id);
    const otherAdmin = await adminOf(other.id);
    const assessor = actorFor(await createUser({ organizationId: org.id, role: "ASSESSOR" }));
    const jobId = await inTransaction((tx) =>
      enqueueJob(tx, {
        kind: "mail.send",
        organizationId: org.id,
        maxAttempts: 2,
        payload: { to: "unlucky@example.test", organizationId: org.id, subject: "S", text: "T" },
      }),
    );
    const failuresBefore = {
      retry: await metricValue("vetted_job_failures_total", {
        queue: "mail.send",
        outcome: "retry",
      }),
      dead: await metricValue("vetted_job_failures_total", { queue: "mail.send", outcome: "dead" }),
    };
    const start = new Date();
    await withMailUrl(await closedPortUrl(), async () => {
      expect(await runDueJobs({ holder: "runner-a", now: start })).toEqual(["retry"]);
      const waiting = await db().job.findUniqueOrThrow({ where: { id: jobId } });
      expect(waiting).toMatchObject({ status: "queued", attempts: 1, lockedBy: null });
      expect(waiting.lastError).toMatch(/ECONNREFUSED/);
      // Back-off: not due again before half the base delay, due after the full one.
      const backoff = waiting.runAt.getTime() - start.getTime();
      expect(backoff).toBeGreaterThanOrEqual(RETRY_BASE_MS / 2);
      expect(backoff).toBeLessThanOrEqual(RETRY_BASE_MS + 60_000);
      expect(await runDueJobs({ holder: "runner-a", now: start })).toEqual([]);
      expect(await runDueJobs({ holder: "runner-a", now: waiting.runAt })).toEqual(["dead"]);
    });
    const dead = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(dead).toMatchObject({ status: "dead", attempts: 2 });
    // What an operator's dashboard sees: one retry and one dead attempt, and a dead mail job waiting.
    expect(
      await metricValue("vetted_job_failures_total", { queue: "mail.send", outcome: "retry" }),
    ).toBe(failuresBefore.retry + 1);
    expect(
      await metricValue("vetted_job_failures_total", { queue: "mail.send", outcome: "dead" }),
    ).toBe(failuresBefore.dead + 1);
    registerJobQueueMetrics();
    expect(
      await metricValue("vetted_job_queue_depth", { queue: "mail.send", status: "dead" }),
    ).toBeGreaterThanOrEqual(1);
    // Dead jobs are never claimed again by a runner.
    expect(
      await runDueJobs({ holder: "runner-a", now: new Date(Date.now() + 86_400_000) }),
    ).toEqual([]);

    const listed = await listDeadJobs(admin);
    expect(listed).toEqual([
      expect.objectContaining({ id: jobId, kind: "mail.send", attempts: 2 }),
    ]);
    expect(Object.keys(listed[0]!)).not.toContain("payload");
    expect(await listDeadJobs(otherAdmin)).toEqual([]);
    await expect(listDeadJobs(assessor)).rejects.toBeInstanceOf(DomainError);
    // Another organisation's admin can neither retry nor discard it: not found.
    await expect(retryDeadJob(otherAdmin, jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(discardDeadJob(otherAdmin, jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The mail server is back: the admin retries, the mail goes out once, and it is audited.
    await retryDeadJob(admin, jobId);
    expect(mailsTo("unlucky@example.test")).toHaveLength(1);
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "done",
      payload: "",
    });
    expect(await auditEventsOf(org.id, "job.retried")).toEqual([
      expect.objectContaining({
        targetId: jobId,
        payload: expect.objectContaining({ kind: "mail.send", attempts: 2 }),
      }),
    ]);
    await expect(retryDeadJob(admin, jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an admin discards a dead job: it is gone, with its payload, and the trail says so", async () => {
    const org = await createOrganization();
    const admin = await adminOf(org.id);
    const [jobId] = await queueMails(org.id, ["discard@example.test"]);
    await db().job.update({
      where: { id: jobId },
      data: { status: "dead", attempts: 8, lastError: "Error: gave up" },
    });
    await discardDeadJob(admin, jobId!);
    expect(await db().job.count({ where: { id: jobId } })).toBe(0);
    expect(await auditEventsOf(org.id, "job.discarded")).toEqual([
      expect.objectContaining({
        targetId: jobId,
        payload: expect.objectContaining({ lastError: "Error: gave up" }),
      }),
    ]);
    expect(mailsTo("discard@example.test")).toHaveLength(0);
  });

  it("a job locked by a runner that died is taken over once its lock has expired, and the dead runner cannot complete it", async () => {
    const org = await createOrganization();
    const [jobId] = await queueMails(org.id, ["taken-over@example.test"]);
    const now = new Date();
    const [claimed] = await claimJobs({ holder: "crashed-runner", now, limit: 1 });
    expect(claimed).toMatchObject({ id: jobId, attempts: 1 });
    // While the lock lasts, nobody else takes it.
    expect(await runDueJobs({ holder: "runner-b", now })).toEqual([]);
    const expired = new Date(now.getTime() + getEnv().JOB_LOCK_SECONDS * 1000 + 1000);
    expect(await runDueJobs({ holder: "runner-b", now: expired })).toEqual(["done"]);
    expect(mailsTo("taken-over@example.test")).toHaveLength(1);
    expect(await db().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "done",
      attempts: 2,
    });
    // The first runner wakes up: its completion is refused (the job is no longer its own).
    expect(await runClaimedJob(claimed!, "crashed-runner")).toBe("lost");
  });

  it("a runner delivers what is queued while it runs, and its stop gives back the locks of jobs still running", async () => {
    const org = await createOrganization();
    const runner = startJobRunner({ holder: "runner-polling", pollSeconds: 0.1 });
    try {
      await queueMails(org.id, ["polled@example.test"]);
      await smtp().waitFor((m) => m.to.includes("polled@example.test"), 20_000);
    } finally {
      await runner.stop(5_000);
    }
    const [stuck] = await queueMails(org.id, ["stuck@example.test"]);
    await claimJobs({ holder: "runner-stopping", now: new Date(), limit: 1 });
    expect(await releaseJobLocks(["runner-stopping"])).toBe(1);
    expect(await db().job.findUniqueOrThrow({ where: { id: stuck } })).toMatchObject({
      status: "queued",
      lockedBy: null,
      attempts: 0,
    });
    expect(await runDueJobs({ holder: "runner-b" })).toEqual(["done"]);
    expect(mailsTo("stuck@example.test")).toHaveLength(1);
  });

  it("done jobs are pruned after the retention; dead ones stay for the admin", async () => {
    const org = await createOrganization();
    const [old, recent, dead] = await queueMails(org.id, ["a@x.test", "b@x.test", "c@x.test"]);
    const now = new Date();
    const longAgo = new Date(now.getTime() - DONE_JOB_RETENTION_MS - 60_000);
    await db().job.update({ where: { id: old }, data: { status: "done", finishedAt: longAgo } });
    await db().job.update({ where: { id: recent }, data: { status: "done", finishedAt: now } });
    await db().job.update({ where: { id: dead }, data: { status: "dead", finishedAt: longAgo } });
    expect(await pruneDoneJobs(now)).toBe(1);
    expect((await db().job.findMany({ select: { id: true } })).map((j) => j.id).sort()).toEqual(
      [recent!, dead!].sort(),
    );
  });
});
