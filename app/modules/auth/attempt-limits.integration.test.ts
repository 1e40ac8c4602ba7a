import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { actorFor, auditEventsOf } from "../../../tests/support/admin-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { changePassword } from "./account.server";
import { logIn } from "./log-in.server";
import { completeLoginWithSecondFactor, stepUp } from "./verify-second-factor.server";

/**
 * Every limiter counts an attempt before the work it guards (issue 11, item 5): 100 attempts
 * started at the same moment against a limit of 5 do the work exactly 5 times. The work is
 * counted where it leaves a trace: the audit events of failed checks, or the answers.
 */
const PARALLEL = 100;

function countKinds(results: { kind: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return counts;
}

describe("attempts counted before the work", () => {
  it("100 simultaneous wrong passwords for one account from one address: 5 are checked", async () => {
    const org = await createOrganization();
    const { user } = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        logIn({ email: user.email, password: `wrong ${i}`, ip: "192.0.2.1", userAgent: null }),
      ),
    );
    expect(countKinds(results)).toEqual({ invalid: 5, rate_limited: 95 });
    expect(await auditEventsOf(org.id, "auth.login_failed")).toHaveLength(5);
  });

  it("100 simultaneous wrong second-factor codes: 5 are checked", async () => {
    const org = await createOrganization();
    const { user } = await createUser({ organizationId: org.id, role: "DPO", withTotp: true });
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        completeLoginWithSecondFactor({
          userId: user.id,
          organizationId: org.id,
          code: "000000",
          ip: "192.0.2.2",
          userAgent: null,
        }),
      ),
    );
    expect(countKinds(results)).toEqual({ invalid: 5, rate_limited: 95 });
    expect(await auditEventsOf(org.id, "auth.mfa_failed")).toHaveLength(5);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("100 simultaneous wrong step-up codes of a signed-in user: 5 are checked", async () => {
    const org = await createOrganization();
    const created = await createUser({ organizationId: org.id, role: "DPO", withTotp: true });
    const actor = actorFor(created, { stepUp: false, ip: "192.0.2.3" });
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () => stepUp(actor, "000000")),
    );
    expect(countKinds(results)).toEqual({ invalid: 5, rate_limited: 95 });
    expect(await auditEventsOf(org.id, "auth.mfa_failed")).toHaveLength(5);
  });

  it("100 simultaneous wrong current passwords when changing the password: 5 are checked", async () => {
    const org = await createOrganization();
    const created = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const actor = actorFor(created);
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        changePassword(actor, "not the current one", "a new long passphrase"),
      ),
    );
    const outcomes = results.map((r) => (r.ok ? "changed" : r.error));
    expect(outcomes.filter((o) => o === "wrongCurrentPassword")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "rateLimited")).toHaveLength(95);
  });
});
