import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../app/utils/crypto.server";
import { db } from "../../app/utils/db.server";
import { createOrganization, createUser, createVendor } from "../../tests/support/factories";
import { createAssessmentRecord } from "../../tests/support/vendor-factories";

const root = path.resolve(import.meta.dirname, "../..");

/** The real CLI (tsx) against this test file's database, mails into the outbox table. */
function vetted(args: string[]) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["cli/vetted.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, MAIL_URL: "outbox" },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("vetted reminders run", () => {
  it("sends the due reminders and prints how many, once; next to a live lease holder it does nothing", async () => {
    const org = await createOrganization();
    const { user } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const vendor = await createVendor({ organizationId: org.id });
    const assessment = await createAssessmentRecord({
      organizationId: org.id,
      vendorId: vendor.id,
      createdById: user.id,
      status: "INVITED",
      dueDate: new Date(Date.now() + 86_400_000),
    });
    const contactEmail = `cli-${randomBytes(4).toString("hex")}@vendor.example`;
    await db().inviteLink.create({
      data: {
        organizationId: org.id,
        assessmentId: assessment.id,
        contactEmail,
        locale: "de",
        tokenHash: sha256Hex(randomBytes(32).toString("base64url")),
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
      },
    });

    const first = vetted(["reminders", "run"]);
    expect(first.stdout).toContain("Reminders sent: 1");
    expect(first.code).toBe(0);
    const stored = await db().outboxMail.findMany({ where: { to: contactEmail } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ organizationId: org.id });
    expect(stored[0]!.subject).toMatch(/^Erinnerung: /);

    const second = vetted(["reminders", "run"]);
    expect(second.stdout).toContain("Reminders sent: 0");
    expect(second.code).toBe(0);
    expect(await db().outboxMail.count({ where: { to: contactEmail } })).toBe(1);

    // A server instance is running the job right now.
    await db().jobLease.update({
      where: { name: "reminders" },
      data: { holder: "server-1", leaseUntil: new Date(Date.now() + 60_000) },
    });
    const third = vetted(["reminders", "run"]);
    expect(third.stdout).toContain(
      "Another instance is running the reminder job right now: nothing sent.",
    );
    expect(third.code).toBe(0);
  });
});
