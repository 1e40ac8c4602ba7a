import { describe, expect, it } from "vitest";
import { requireUser } from "~/modules/auth/guards.server";
import { db } from "~/utils/db.server";
import { actorFor, auditEventsOf, createSessionFor } from "../../../tests/support/admin-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { getOrganizationSettings } from "./get-organization-settings.server";
import { updateOrganizationSettings } from "./update-organization-settings.server";

/** What requireUser does for a request carrying this cookie: the actor, or the thrown redirect. */
async function guardOutcome(cookie: string): Promise<string> {
  try {
    const actor = await requireUser(
      new Request("http://127.0.0.1/vendors", { headers: { Cookie: cookie } }),
    );
    return `actor:${actor.userId}`;
  } catch (thrown) {
    if (thrown instanceof Response) return `redirect:${thrown.headers.get("Location")}`;
    throw thrown;
  }
}

describe("organisation settings", () => {
  it("toggles 'two-factor for all', records it, and the guard then sends users without TOTP to setup", async () => {
    const org = await createOrganization();
    const admin = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const { cookie } = await createSessionFor(assessor.user.id, org.id);
    const actor = actorFor(admin);

    expect(await getOrganizationSettings(actor)).toMatchObject({
      requireMfaForAll: false,
      activeMembersWithoutMfa: 1,
    });
    expect(await guardOutcome(cookie)).toBe(`actor:${assessor.user.id}`);

    expect(await updateOrganizationSettings(actor, { requireMfaForAll: true })).toEqual({
      changed: true,
    });
    expect(
      (await db().organization.findUniqueOrThrow({ where: { id: org.id } })).requireMfaForAll,
    ).toBe(true);
    expect(await guardOutcome(cookie)).toBe("redirect:/mfa/setup");

    const events = await auditEventsOf(org.id, "org.settings_changed");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.user.id,
      targetType: "organization",
      targetId: org.id,
    });
    expect(events[0]!.payload).toEqual({ requireMfaForAll: { from: false, to: true } });

    // Saving the same value writes nothing.
    expect(await updateOrganizationSettings(actor, { requireMfaForAll: true })).toEqual({
      changed: false,
    });
    expect(await auditEventsOf(org.id, "org.settings_changed")).toHaveLength(1);

    expect(await updateOrganizationSettings(actor, { requireMfaForAll: false })).toEqual({
      changed: true,
    });
    expect(await guardOutcome(cookie)).toBe(`actor:${assessor.user.id}`);
    const [, off] = await auditEventsOf(org.id, "org.settings_changed");
    expect(off!.payload).toEqual({ requireMfaForAll: { from: true, to: false } });
  });

  it("needs a recent step-up and the ADMIN role, and only touches the actor's organisation", async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const admin = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    const auditor = await createUser({ organizationId: org.id, role: "AUDITOR" });

    await expect(
      updateOrganizationSettings(actorFor(admin, { stepUp: false }), { requireMfaForAll: true }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "admin.errorStepUpRequired",
    });
    await expect(
      updateOrganizationSettings(actorFor(auditor), { requireMfaForAll: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getOrganizationSettings(actorFor(auditor))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      (await db().organization.findUniqueOrThrow({ where: { id: org.id } })).requireMfaForAll,
    ).toBe(false);

    await updateOrganizationSettings(actorFor(admin), { requireMfaForAll: true });
    expect(
      (await db().organization.findUniqueOrThrow({ where: { id: other.id } })).requireMfaForAll,
    ).toBe(false);
    expect(await db().auditEvent.count({ where: { organizationId: other.id } })).toBe(0);
  });
});
