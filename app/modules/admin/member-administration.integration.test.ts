import { describe, expect, it } from "vitest";
import { validateSessionToken } from "~/modules/auth/sessions.server";
import { db } from "~/utils/db.server";
import {
  actorFor,
  auditEventsOf,
  createInvitationRecord,
  createSessionFor,
} from "../../../tests/support/admin-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { changeMemberRole } from "./change-member-role.server";
import { deactivateMember } from "./deactivate-member.server";
import { listMembers } from "./list-members.server";
import { reactivateMember } from "./reactivate-member.server";
import { revokeInvitation } from "./revoke-invitation.server";

async function organizationWithAdmin() {
  const org = await createOrganization();
  const admin = await createUser({
    organizationId: org.id,
    role: "ADMIN",
    withTotp: true,
    name: "Ada Admin",
  });
  return { org, admin, actor: actorFor(admin) };
}

describe("changing roles", () => {
  it("changes a member's role and records from/to", async () => {
    const { org, actor } = await organizationWithAdmin();
    const member = await createUser({ organizationId: org.id, role: "ASSESSOR" });

    const result = await changeMemberRole(actor, {
      membershipId: member.membership.id,
      role: "DPO",
    });
    expect(result).toEqual({ from: "ASSESSOR", to: "DPO", changed: true });
    expect(
      (await db().membership.findUniqueOrThrow({ where: { id: member.membership.id } })).role,
    ).toBe("DPO");

    const events = await auditEventsOf(org.id, "user.role_changed");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: actor.userId,
      targetType: "user",
      targetId: member.user.id,
    });
    expect(events[0]!.payload).toMatchObject({
      from: "ASSESSOR",
      to: "DPO",
      membershipId: member.membership.id,
    });

    // The same role again is a no-op without an event.
    expect(
      await changeMemberRole(actor, { membershipId: member.membership.id, role: "DPO" }),
    ).toMatchObject({ changed: false });
    expect(await auditEventsOf(org.id, "user.role_changed")).toHaveLength(1);
  });

  it("needs a recent step-up and the ADMIN role", async () => {
    const { org, admin } = await organizationWithAdmin();
    const member = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const stale = { ...actorFor(admin), mfaVerifiedAt: new Date(Date.now() - 60 * 60_000) };
    await expect(
      changeMemberRole(stale, { membershipId: member.membership.id, role: "ADMIN" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "admin.errorStepUpRequired",
    });
    await expect(
      deactivateMember(actorFor(admin, { stepUp: false }), { membershipId: member.membership.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const dpo = await createUser({ organizationId: org.id, role: "DPO", withTotp: true });
    await expect(
      changeMemberRole(actorFor(dpo), { membershipId: member.membership.id, role: "ADMIN" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "admin.errorAdminOnly",
    });
    expect(
      (await db().membership.findUniqueOrThrow({ where: { id: member.membership.id } })).role,
    ).toBe("ASSESSOR");
    expect(await auditEventsOf(org.id, "user.role_changed")).toHaveLength(0);
  });

  it("rejects an unknown role", async () => {
    const { org, actor } = await organizationWithAdmin();
    const member = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    await expect(
      changeMemberRole(actor, { membershipId: member.membership.id, role: "SUPERUSER" as never }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});

describe("deactivating and reactivating", () => {
  it("deactivates a member, ends their sessions in this organisation only, and records it", async () => {
    const { org, actor } = await organizationWithAdmin();
    const member = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const otherOrg = await createOrganization();
    await db().membership.create({
      data: { organizationId: otherOrg.id, userId: member.user.id, role: "AUDITOR" },
    });

    const here1 = await createSessionFor(member.user.id, org.id);
    const here2 = await createSessionFor(member.user.id, org.id);
    const elsewhere = await createSessionFor(member.user.id, otherOrg.id);
    expect(await validateSessionToken(here1.token)).not.toBeNull();

    const result = await deactivateMember(actor, { membershipId: member.membership.id });
    expect(result).toEqual({ revokedSessions: 2 });

    const membership = await db().membership.findUniqueOrThrow({
      where: { id: member.membership.id },
    });
    expect(membership.deactivatedAt).toBeInstanceOf(Date);
    expect(await db().session.findUnique({ where: { id: here1.sessionId } })).toBeNull();
    expect(await db().session.findUnique({ where: { id: here2.sessionId } })).toBeNull();
    expect(await validateSessionToken(here1.token)).toBeNull();
    expect(await db().session.findUnique({ where: { id: elsewhere.sessionId } })).not.toBeNull();

    const [event] = await auditEventsOf(org.id, "user.deactivated");
    expect(event).toMatchObject({
      actorId: actor.userId,
      targetType: "user",
      targetId: member.user.id,
    });
    expect(event!.payload).toMatchObject({
      revokedSessions: 2,
      membershipId: member.membership.id,
    });

    await expect(
      deactivateMember(actor, { membershipId: member.membership.id }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "admin.errorAlreadyDeactivated",
    });

    await reactivateMember(actor, { membershipId: member.membership.id });
    expect(
      (await db().membership.findUniqueOrThrow({ where: { id: member.membership.id } }))
        .deactivatedAt,
    ).toBeNull();
    const [reactivated] = await auditEventsOf(org.id, "user.reactivated");
    expect(reactivated).toMatchObject({ targetType: "user", targetId: member.user.id });
    await expect(
      reactivateMember(actor, { membershipId: member.membership.id }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "admin.errorNotDeactivated",
    });
  });
});

describe("guard rails", () => {
  it("an admin cannot demote or deactivate themself", async () => {
    const { org, admin, actor } = await organizationWithAdmin();
    await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    await expect(
      changeMemberRole(actor, { membershipId: admin.membership.id, role: "AUDITOR" }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "admin.errorSelfRoleChange",
    });
    await expect(
      deactivateMember(actor, { membershipId: admin.membership.id }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "admin.errorSelfDeactivate",
    });
    expect(
      await db().membership.findUniqueOrThrow({ where: { id: admin.membership.id } }),
    ).toMatchObject({
      role: "ADMIN",
      deactivatedAt: null,
    });
  });

  it("the last active admin can be neither demoted nor deactivated", async () => {
    const { org, admin, actor } = await organizationWithAdmin();
    const second = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    // A deactivated admin does not count.
    const dormant = await createUser({ organizationId: org.id, role: "ADMIN" });
    await db().membership.update({
      where: { id: dormant.membership.id },
      data: { deactivatedAt: new Date() },
    });

    // The second admin is demoted; their request that started before (actor still says ADMIN)
    // then tries to demote / deactivate the remaining admin.
    await changeMemberRole(actor, { membershipId: second.membership.id, role: "ASSESSOR" });
    const staleSecond = actorFor(second);
    await expect(
      changeMemberRole(staleSecond, { membershipId: admin.membership.id, role: "ASSESSOR" }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "admin.errorLastAdmin",
    });
    await expect(
      deactivateMember(staleSecond, { membershipId: admin.membership.id }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "admin.errorLastAdmin",
    });
    expect(
      await db().membership.findUniqueOrThrow({ where: { id: admin.membership.id } }),
    ).toMatchObject({ role: "ADMIN", deactivatedAt: null });
    expect(await auditEventsOf(org.id, "user.deactivated")).toHaveLength(0);
  });

  it("two admins demoting each other at the same time leave one admin", async () => {
    const { org, admin, actor } = await organizationWithAdmin();
    const second = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
    const results = await Promise.allSettled([
      changeMemberRole(actor, { membershipId: second.membership.id, role: "AUDITOR" }),
      changeMemberRole(actorFor(second), { membershipId: admin.membership.id, role: "AUDITOR" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({
      code: "INVALID_STATE",
      message: "admin.errorLastAdmin",
    });
    expect(
      await db().membership.count({
        where: { organizationId: org.id, role: "ADMIN", deactivatedAt: null },
      }),
    ).toBe(1);
  });
});

describe("tenant isolation", () => {
  it("an admin of another organisation gets NOT_FOUND for this organisation's ids, and nothing changes", async () => {
    const a = await organizationWithAdmin();
    const memberA = await createUser({ organizationId: a.org.id, role: "ASSESSOR" });
    const deactivatedA = await createUser({ organizationId: a.org.id, role: "AUDITOR" });
    await db().membership.update({
      where: { id: deactivatedA.membership.id },
      data: { deactivatedAt: new Date() },
    });
    const { invitation } = await createInvitationRecord({
      organizationId: a.org.id,
      invitedById: a.admin.user.id,
    });
    const b = await organizationWithAdmin();

    await expect(
      changeMemberRole(b.actor, { membershipId: memberA.membership.id, role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      deactivateMember(b.actor, { membershipId: memberA.membership.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      reactivateMember(b.actor, { membershipId: deactivatedA.membership.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeInvitation(b.actor, { invitationId: invitation.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      changeMemberRole(b.actor, { membershipId: a.admin.membership.id, role: "AUDITOR" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(
      await db().membership.findUniqueOrThrow({ where: { id: memberA.membership.id } }),
    ).toMatchObject({ role: "ASSESSOR", deactivatedAt: null });
    expect(
      (await db().membership.findUniqueOrThrow({ where: { id: deactivatedA.membership.id } }))
        .deactivatedAt,
    ).toBeInstanceOf(Date);
    expect(
      (await db().userInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt,
    ).toBeNull();
    expect(
      await db().auditEvent.count({ where: { organizationId: { in: [a.org.id, b.org.id] } } }),
    ).toBe(0);

    const listed = await listMembers(b.actor);
    expect(listed.members.map((m) => m.email)).toEqual([b.admin.user.email]);
    expect(listed.invitations).toEqual([]);
  });
});

describe("listing members", () => {
  it("shows role, two-factor, status, last activity in this organisation and open invitations", async () => {
    const { org, admin, actor } = await organizationWithAdmin();
    const active = await createUser({
      organizationId: org.id,
      role: "ASSESSOR",
      name: "Bea Active",
    });
    const gone = await createUser({ organizationId: org.id, role: "AUDITOR", name: "Carl Gone" });
    await db().membership.update({
      where: { id: gone.membership.id },
      data: { deactivatedAt: new Date() },
    });
    const otherOrg = await createOrganization();
    await db().membership.create({
      data: { organizationId: otherOrg.id, userId: active.user.id, role: "ADMIN" },
    });

    const older = await createSessionFor(active.user.id, org.id);
    const newer = await createSessionFor(active.user.id, org.id);
    const elsewhere = await createSessionFor(active.user.id, otherOrg.id);
    await db().session.update({
      where: { id: older.sessionId },
      data: { lastSeenAt: new Date("2026-01-01T10:00:00Z") },
    });
    await db().session.update({
      where: { id: newer.sessionId },
      data: { lastSeenAt: new Date("2026-02-01T10:00:00Z") },
    });
    await db().session.update({
      where: { id: elsewhere.sessionId },
      data: { lastSeenAt: new Date("2026-03-01T10:00:00Z") },
    });

    const now = Date.now();
    await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
      email: "open@example.test",
    });
    await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
      email: "old@example.test",
      expiresAt: new Date(now - 1000),
    });
    await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
      email: "used@example.test",
      acceptedAt: new Date(),
    });
    await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
      email: "pulled@example.test",
      revokedAt: new Date(),
    });

    const overview = await listMembers(actor);
    expect(overview.members.map((m) => m.name)).toEqual(["Ada Admin", "Bea Active", "Carl Gone"]);
    expect(overview.members[0]).toMatchObject({
      role: "ADMIN",
      mfaEnabled: true,
      status: "active",
      isSelf: true,
      lastSignInAt: null,
    });
    expect(overview.members[1]).toMatchObject({
      role: "ASSESSOR",
      mfaEnabled: false,
      status: "active",
      isSelf: false,
      lastSignInAt: "2026-02-01T10:00:00.000Z",
    });
    expect(overview.members[2]).toMatchObject({ status: "deactivated", role: "AUDITOR" });
    expect(overview.invitations.map((i) => [i.email, i.status]).sort()).toEqual([
      ["old@example.test", "expired"],
      ["open@example.test", "pending"],
    ]);
    expect(JSON.stringify(overview)).not.toMatch(/tokenHash|passwordHash/);

    await expect(listMembers(actorFor(active))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
