import { describe, expect, it } from "vitest";
import { decryptTotpKey, generateTotpCode, matchTotpStep } from "~/modules/auth/totp.server";
import { db } from "~/utils/db.server";
import { createOrganization, createUser, createVendor } from "../support/factories";
import { isPostgres, testDatabaseUrl } from "../support/test-db";

/** Runs in both projects: SQLite (sqlite) and the throwaway PostgreSQL cluster (postgres). */

/** Reads one PRAGMA value through Prisma; better-sqlite3 may hand back BigInt. */
// PRAGMA names cannot be parameters: one fixed tagged query per pragma the tests read.
const PRAGMA_QUERIES = {
  journal_mode: () => db().$queryRaw<Record<string, unknown>[]>`PRAGMA journal_mode`,
  foreign_keys: () => db().$queryRaw<Record<string, unknown>[]>`PRAGMA foreign_keys`,
  synchronous: () => db().$queryRaw<Record<string, unknown>[]>`PRAGMA synchronous`,
  busy_timeout: () => db().$queryRaw<Record<string, unknown>[]>`PRAGMA busy_timeout`,
};
async function pragma(name: keyof typeof PRAGMA_QUERIES): Promise<string | number> {
  const rows = await PRAGMA_QUERIES[name]();
  const value = Object.values(rows[0] ?? {})[0];
  return typeof value === "bigint" ? Number(value) : (value as string | number);
}

describe("test database", () => {
  it("is a fresh, migrated database of the project's kind", async () => {
    expect(testDatabaseUrl()).toMatch(
      isPostgres() ? /^postgres:\/\/.+\/vetted_w\w+$/ : /^file:.+\.db$/,
    );
    expect(isPostgres()).toBe(process.env.TEST_DB === "postgres");
    expect(await db().organization.count()).toBe(0);
  });

  it.runIf(process.env.TEST_DB === "sqlite")(
    "applies the SQLite pragmas on the app's connection",
    async () => {
      expect(String(await pragma("journal_mode")).toLowerCase()).toBe("wal");
      expect(await pragma("foreign_keys")).toBe(1);
      expect(await pragma("synchronous")).toBe(1); // NORMAL
      expect(await pragma("busy_timeout")).toBe(5000);
    },
  );

  it.runIf(process.env.TEST_DB === "postgres")("talks to PostgreSQL", async () => {
    const rows = await db().$queryRaw<{ version: string }[]>`SELECT version() AS version`;
    expect(rows[0]?.version).toContain("PostgreSQL");
  });

  it("rejects a foreign-key violation", async () => {
    const orphan = db().vendor.create({
      data: { organizationId: "no-such-organization", name: "Orphan", criticality: "LOW" },
    });
    await expect(orphan).rejects.toMatchObject({ code: "P2003" });
    expect(await db().vendor.count()).toBe(0);
  });

  it("writes factory data, including an encrypted TOTP key", async () => {
    const org = await createOrganization();
    const { user, membership, totpKey } = await createUser({
      organizationId: org.id,
      role: "ADMIN",
      withTotp: true,
    });
    const vendor = await createVendor({ organizationId: org.id });

    expect(membership).toMatchObject({ organizationId: org.id, userId: user.id, role: "ADMIN" });
    expect(vendor.organizationId).toBe(org.id);
    expect(user.totpEnabledAt).toBeInstanceOf(Date);
    // Stored encrypted, never as the raw key; decrypts back to the key the test got.
    expect(user.totpSecretEnc).toMatch(/^v1\./);
    expect(decryptTotpKey(user.totpSecretEnc!)).toEqual(totpKey);
    const now = new Date();
    expect(matchTotpStep(totpKey, generateTotpCode(totpKey, now), now, null)).not.toBeNull();

    const plain = await createUser({ organizationId: org.id, role: "AUDITOR" });
    expect(plain.totpKey).toBeNull();
    expect(plain.user.totpSecretEnc).toBeNull();
  });
});
