import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../app/modules/audit/verify-audit-chain.server";
import { db } from "../../app/utils/db.server";
import { createOrganization } from "../../tests/support/factories";

const root = path.resolve(import.meta.dirname, "../..");
const MAY_2024 = path.resolve(root, "../shared/data/fmti/May2024");

/** Runs the real CLI against this test file's database (DATABASE_URL is inherited). */
function vetted(args: string[]) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["cli/vetted.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("vetted fmti --import (real CLI)", () => {
  it("imports the May 2024 edition into an organisation, idempotently, and prints the totals", async () => {
    const org = await createOrganization();
    const first = vetted(["fmti", MAY_2024, "--import", "--org", org.slug]);
    expect(first.code).toBe(0);
    expect(first.stdout.split("\n")[0]).toBe("BigCode\t85");
    expect(first.stdout.trim().split("\n")).toHaveLength(14);
    expect(first.stderr).toContain(
      `fmti: imported into ${org.slug}: template fmti-transparency version 1 (new); vendors 14 created, 0 reused; assessments 14 created, 0 unchanged, 0 superseded`,
    );

    const second = vetted(["fmti", MAY_2024, "--import", "--org", org.slug]);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toContain(
      "template fmti-transparency version 1 (unchanged); vendors 0 created, 14 reused; assessments 0 created, 14 unchanged, 0 superseded",
    );

    expect(await db().vendor.count({ where: { organizationId: org.id } })).toBe(14);
    expect(
      await db().assessment.count({ where: { organizationId: org.id, status: "SUBMITTED" } }),
    ).toBe(14);
    const stored = await db().assessment.findMany({
      where: { organizationId: org.id },
      select: { overallScore: true },
    });
    expect(stored.map((a) => a.overallScore).sort((a, b) => b! - a!)[0]).toBe(85);
    expect(await verifyAuditChain(db(), org.id)).toMatchObject({ ok: true });
  });

  it("exits 1 for an unknown organisation", () => {
    const result = vetted(["fmti", MAY_2024, "--import", "--org", "no-such-org"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('fmti: error: no organisation with slug "no-such-org"');
  });
});
