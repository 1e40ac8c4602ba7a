import { createServer, type AddressInfo } from "node:net";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import {
  createAssessmentScenario,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import { createInviteLink } from "../assessments/create-invite-link.server";
import { runDueJobs } from "../jobs/job-runner.server";

/**
 * Use cases queue their mails in their own transaction (ADR 0028), shown with the vendor
 * invitation: a mail server that is down no longer fails the request (the link exists, the queue
 * delivers the mail later), and a change that rolls back after queueing its mail sends nothing.
 */
const auditFailure = vi.hoisted(() => ({ action: null as string | null }));
vi.mock("../audit/record-audit-event.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../audit/record-audit-event.server")>();
  return {
    ...actual,
    recordAuditEvent: async (...args: Parameters<typeof actual.recordAuditEvent>) => {
      if (auditFailure.action !== null && args[2].action === auditFailure.action)
        throw new Error("audit store unavailable (simulated)");
      return actual.recordAuditEvent(...args);
    },
  };
});
afterEach(() => {
  auditFailure.action = null;
});

const smtp = setupSmtpCatcher();
let s: AssessmentScenario;

beforeAll(async () => {
  s = await createAssessmentScenario();
});

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

describe("mails queued with their change", () => {
  it("an invitation made while the mail server is down is created; the queue delivers its mail later", async () => {
    const contactEmail = "down-then-up@acme.example";
    const working = process.env.MAIL_URL;
    process.env.MAIL_URL = await closedPortUrl();
    resetEnvForTests();
    let created: Awaited<ReturnType<typeof createInviteLink>>;
    try {
      created = await createInviteLink(s.assessor, s.assessment.id, {
        contactEmail,
        locale: "de",
      });
    } finally {
      process.env.MAIL_URL = working;
      resetEnvForTests();
    }
    expect(await db().inviteLink.count({ where: { id: created.inviteId } })).toBe(1);
    const job = await db().job.findFirstOrThrow({
      where: { organizationId: s.org.id, kind: "mail.send", status: "queued" },
    });
    expect(job).toMatchObject({ attempts: 1 });
    expect(job.lastError).toMatch(/ECONNREFUSED/);
    expect(smtp().messages.filter((m) => m.to.includes(contactEmail))).toHaveLength(0);

    expect(await runDueJobs({ holder: "runner-1", now: job.runAt })).toEqual(["done"]);
    const delivered = smtp().messages.filter((m) => m.to.includes(contactEmail));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.text).toContain(created.url);
  });

  it("an invitation whose transaction rolls back after queueing its mail sends nothing", async () => {
    const before = await db().job.count();
    auditFailure.action = "invite.created";
    await expect(
      createInviteLink(s.assessor, s.assessment.id, {
        contactEmail: "rolled-back@acme.example",
        locale: "en",
      }),
    ).rejects.toThrow("audit store unavailable (simulated)");
    expect(await db().job.count()).toBe(before);
    expect(
      await db().inviteLink.count({ where: { contactEmail: "rolled-back@acme.example" } }),
    ).toBe(0);
    expect(await runDueJobs({ holder: "runner-1" })).toEqual([]);
    expect(smtp().messages.filter((m) => m.to.includes("rolled-back@acme.example"))).toHaveLength(
      0,
    );
  });
});
