import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { inTransaction } from "~/utils/transaction.server";
import { enqueueJob } from "~/modules/jobs/enqueue-job.server";
import { translate } from "~/utils/i18n";
import { auditEventsOf } from "../support/assessment-factories";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";

/**
 * The dead-letter page /admin/jobs over real HTTP: an ADMIN sees the failed jobs of their own
 * organisation (kind, attempts, last error, never the payload) and can retry or discard one; an
 * assessor may not open it; another organisation's job is a 404 with a message, not a 500.
 */
let app: AppServer;
let admin: HttpClient;
let otherAdmin: HttpClient;
let assessor: HttpClient;
let orgId: string;

beforeAll(async () => {
  app = await startAppServer({ mode: "production" });
  const org = await createOrganization();
  const other = await createOrganization();
  orgId = org.id;
  const adminUser = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
  const otherUser = await createUser({ organizationId: other.id, role: "ADMIN", withTotp: true });
  const assessorUser = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  admin = createClient(app.baseUrl);
  await admin.login(adminUser.user.email, adminUser.password, adminUser.totpKey);
  otherAdmin = createClient(app.baseUrl);
  await otherAdmin.login(otherUser.user.email, otherUser.password, otherUser.totpKey);
  assessor = createClient(app.baseUrl);
  await assessor.login(assessorUser.user.email, assessorUser.password);
});

afterAll(async () => {
  await app?.close();
});

async function deadMailJob(organizationId: string, secret: string): Promise<string> {
  const id = await inTransaction((tx) =>
    enqueueJob(tx, {
      kind: "mail.send",
      organizationId,
      payload: { to: "x@example.test", organizationId, subject: "S", text: secret },
    }),
  );
  // A job far in the future's queue never runs here; it is made dead as a runner would leave it.
  await db().job.update({
    where: { id },
    data: {
      status: "dead",
      attempts: 8,
      lastError: "Error: connect ECONNREFUSED 127.0.0.1:2525",
      finishedAt: new Date(),
      runAt: new Date(Date.now() + 86_400_000),
    },
  });
  return id;
}

describe("/admin/jobs", () => {
  it("lists the organisation's dead jobs without their payload, retries and discards them, and refuses others", async () => {
    const retried = await deadMailJob(orgId, "invite-token-AAAA");
    const discarded = await deadMailJob(orgId, "invite-token-BBBB");

    const page = await admin.get("/admin/jobs");
    expect(page.status).toBe(200);
    expect(page.body).toContain("ECONNREFUSED 127.0.0.1:2525");
    expect(page.body).toContain(translate("en", "admin.jobKindMail"));
    expect(page.body).not.toContain("invite-token-");
    expect((await assessor.get("/admin/jobs")).status).toBe(403);
    const foreign = await otherAdmin.get("/admin/jobs");
    expect(foreign.status).toBe(200);
    expect(foreign.body).not.toContain("ECONNREFUSED");

    // Another organisation's job: 404 with a readable message, and nothing changes.
    const refused = await otherAdmin.post("/admin/jobs", { intent: "retry", jobId: retried });
    expect(refused.status).toBe(404);
    expect(refused.body).toContain(translate("en", "errors.jobNotFound"));
    expect(await db().job.findUniqueOrThrow({ where: { id: retried } })).toMatchObject({
      status: "dead",
    });
    // A form that does not parse: 400, not 500.
    expect((await admin.post("/admin/jobs", { intent: "explode", jobId: retried })).status).toBe(
      400,
    );

    const retry = await admin.post("/admin/jobs", { intent: "retry", jobId: retried });
    expect(retry.status).toBe(200);
    expect(await db().job.findUniqueOrThrow({ where: { id: retried } })).toMatchObject({
      attempts: expect.any(Number),
    });
    expect((await db().job.findUniqueOrThrow({ where: { id: retried } })).status).not.toBe("dead");
    const discard = await admin.post("/admin/jobs", { intent: "discard", jobId: discarded });
    expect(discard.status).toBe(200);
    expect(await db().job.count({ where: { id: discarded } })).toBe(0);
    expect(await auditEventsOf(orgId, "job.retried")).toHaveLength(1);
    expect(await auditEventsOf(orgId, "job.discarded")).toHaveLength(1);
  });
});
