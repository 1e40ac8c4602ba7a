import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "../app/modules/audit/record-audit-event.server";
import { verifyPassword } from "../app/modules/auth/password.server";
import { db } from "../app/utils/db.server";
import { inTransaction } from "../app/utils/transaction.server";
import { createOrganization } from "../tests/support/factories";

const root = path.resolve(import.meta.dirname, "..");

/** Runs the real CLI (tsx) against this test file's database. */
function vetted(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["cli/vetted.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function orgWithEvents(count: number) {
  const org = await createOrganization();
  for (let i = 0; i < count; i++) {
    await inTransaction((tx) =>
      recordAuditEvent(
        tx,
        { kind: "system", organizationId: org.id, label: "test" },
        { action: "test.event", payload: { i } },
      ),
    );
  }
  return org;
}

describe("vetted CLI", () => {
  it("audit verify reports an intact chain, then names the altered event and exits 1", async () => {
    const org = await orgWithEvents(4);
    const intact = vetted(["audit", "verify", "--org", org.slug]);
    expect(intact.stdout).toContain(`${org.slug}: intact — 4 events, head seq 4`);
    expect(intact.code).toBe(0);

    const tampered = JSON.stringify({ i: 99 });
    await db()
      .$executeRaw`UPDATE "AuditEvent" SET "payload" = ${tampered} WHERE "organizationId" = ${org.id} AND "seq" = 3`;
    const broken = vetted(["audit", "verify", "--org", org.slug]);
    expect(broken.stdout).toMatch(
      new RegExp(
        `${org.slug}: BROKEN at event seq 3 \\(id \\w+\\): content does not match its hash`,
      ),
    );
    expect(broken.code).toBe(1);
  });

  it("audit verify fails clearly for an unknown organisation", () => {
    const result = vetted(["audit", "verify", "--org", "no-such-org"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no organisation with slug "no-such-org"');
  });

  it("users create creates an organisation and an admin with the given password, audited", async () => {
    const slug = `cli-${Date.now().toString(36)}`;
    const result = vetted(
      [
        "users",
        "create",
        "--org",
        slug,
        "--org-name",
        "CLI GmbH",
        "--email",
        "Chef@CLI.example",
        "--name",
        "Chefin",
        "--role",
        "ADMIN",
      ],
      { VETTED_PASSWORD: "a long enough password" },
    );
    expect(result.stdout).toContain(`created chef@cli.example (ADMIN) in ${slug}`);
    expect(result.stdout).not.toContain("a long enough password");
    expect(result.code).toBe(0);
    const user = await db().user.findUniqueOrThrow({
      where: { email: "chef@cli.example" },
      include: { memberships: { include: { organization: true } } },
    });
    expect(user.memberships[0]?.role).toBe("ADMIN");
    expect(user.memberships[0]?.organization.slug).toBe(slug);
    expect(await verifyPassword(user.passwordHash, "a long enough password")).toBe(true);
    const actions = await db().auditEvent.findMany({
      where: { organizationId: user.memberships[0]!.organizationId },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["org.created", "template.installed", "user.created"]),
    );

    const again = vetted(
      [
        "users",
        "create",
        "--org",
        slug,
        "--email",
        "chef@cli.example",
        "--name",
        "X",
        "--role",
        "DPO",
      ],
      { VETTED_PASSWORD: "a long enough password" },
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });

  it("users create rejects bad input with a usage message", () => {
    const result = vetted([
      "users",
      "create",
      "--org",
      "Bad Slug!",
      "--email",
      "nope",
      "--name",
      "",
      "--role",
      "KING",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--org must be a slug/);
  });
});
