import { describe, expect, it } from "vitest";
import { createOrganization } from "../../tests/support/factories";
import { db } from "./db.server";
import { afterCommit, inTransaction } from "./transaction.server";

/**
 * Side effects that describe committed state (the audit checkpoint log line) run after the
 * commit: once, only for the attempt that committed, never for one that rolled back.
 */
describe("afterCommit", () => {
  it("runs once after the commit, sees the committed row, and never runs for a rolled-back or retried attempt", async () => {
    const org = await createOrganization();
    const seen: string[] = [];
    let attempt = 0;
    await inTransaction(async (tx) => {
      attempt++;
      const vendor = await tx.vendor.create({ data: { organizationId: org.id, name: `Attempt ${attempt}`, criticality: "LOW" } });
      afterCommit(tx, () => seen.push(vendor.name));
      // A concurrent writer took the same unique position: the first attempt is retried.
      if (attempt === 1) throw Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    });
    expect(attempt).toBe(2);
    expect(seen).toEqual(["Attempt 2"]);
    expect((await db().vendor.findMany({ where: { organizationId: org.id }, select: { name: true } })).map((v) => v.name)).toEqual(["Attempt 2"]);

    await expect(
      inTransaction(async (tx) => {
        afterCommit(tx, () => seen.push("rolled back"));
        throw new Error("the business write failed");
      }),
    ).rejects.toThrow("the business write failed");
    expect(seen).toEqual(["Attempt 2"]);
  });
});
