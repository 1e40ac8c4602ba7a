import { describe, expect, it } from "vitest";
import { enqueueJob } from "../../app/modules/jobs/enqueue-job.server";
import { db } from "../../app/utils/db.server";
import { inTransaction } from "../../app/utils/transaction.server";
import { auditEventsOf } from "../../tests/support/assessment-factories";
import { runVetted } from "../../tests/support/cli";
import { createOrganization } from "../../tests/support/factories";

describe("vetted jobs", () => {
  it("lists dead jobs without their payload, and retries one: delivered once, audited", async () => {
    const org = await createOrganization();
    const id = await inTransaction((tx) =>
      enqueueJob(tx, {
        kind: "mail.send",
        organizationId: org.id,
        payload: {
          to: "cli-retry@example.test",
          organizationId: org.id,
          subject: "S",
          text: "code 111222",
        },
      }),
    );
    await db().job.update({
      where: { id },
      data: {
        status: "dead",
        attempts: 8,
        lastError: "Error: greeting never received",
        finishedAt: new Date(),
      },
    });

    const listed = runVetted(["jobs", "list"], { MAIL_URL: "outbox" });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("dead 1");
    expect(listed.stdout).toContain(`${id}\t${org.slug}\tmail.send\t8 attempts`);
    expect(listed.stdout).toContain("greeting never received");
    expect(listed.stdout).not.toContain("111222");

    const retried = runVetted(["jobs", "retry", id], { MAIL_URL: "outbox" });
    expect(retried.stdout).toContain(`Job ${id} (mail.send) done.`);
    expect(retried.code).toBe(0);
    expect(await db().outboxMail.count({ where: { to: "cli-retry@example.test" } })).toBe(1);
    expect(await auditEventsOf(org.id, "job.retried")).toEqual([
      expect.objectContaining({ actorLabel: "cli", targetId: id }),
    ]);

    const again = runVetted(["jobs", "retry", id], { MAIL_URL: "outbox" });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`no dead job ${id}`);
  });
});
