import { beforeEach, describe, expect, it } from "vitest";
import { logIn } from "~/modules/auth/log-in.server";
import { verifyPassword } from "~/modules/auth/password.server";
import { INVITATION_LIMITS } from "./sign-up-by-invitation.server";
import { sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import {
  actorFor,
  auditEventsOf,
  createInvitationRecord,
} from "../../../tests/support/admin-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { setupSmtpCatcher } from "../../../tests/support/mail";
import type { CaughtMail } from "../../../tests/support/smtp-catcher";
import { acceptInvitation } from "./accept-invitation.server";
import { inviteUser } from "./invite-user.server";
import { revokeInvitation } from "./revoke-invitation.server";
import { signUpByInvitation } from "./sign-up-by-invitation.server";
import { viewInvitation } from "./view-invitation.server";
import { visitorFrom } from "./visitor";

/**
 * Invitations end to end: real SMTP delivery, link from the mail, a new account created on the
 * invitation page, an existing account joining by signing in first (issue 11, item 7: the page
 * never takes an existing account's password and never says whether the address has one).
 */

const smtp = setupSmtpCatcher();
const NEW_PASSWORD = "a long enough passphrase";
const SIGN_IN = { kind: "sign_in_to_continue" } as const;

let ipCounter = 0;
/** A fresh visitor per test, so the per-IP limit only bites where a test wants it to. */
function visitor() {
  ipCounter += 1;
  return visitorFrom(`203.0.113.${ipCounter}`);
}

function tokenFrom(mail: CaughtMail): string {
  const base = getEnv().APP_URL.replace(/\/+$/, "");
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}/accept-invitation/([A-Za-z0-9_-]{43})(?=\\s|$)`).exec(
    mail.text,
  );
  if (!match?.[1]) throw new Error(`no invitation link in mail: ${mail.text}`);
  return match[1];
}

async function setup() {
  const org = await createOrganization({ name: "Müller & Söhne GmbH" });
  const admin = await createUser({
    organizationId: org.id,
    role: "ADMIN",
    withTotp: true,
    name: "Ada Admin",
  });
  return { org, admin, actor: actorFor(admin) };
}

beforeEach(() => smtp().clear());

describe("inviting and accepting", () => {
  it("sends a real invitation mail whose link creates the account, which can then sign in", async () => {
    const { org, actor } = await setup();
    const email = "New.Person@Example.test";

    const invited = await inviteUser(actor, {
      email,
      name: "Nora Neu",
      role: "ASSESSOR",
      locale: "en",
    });
    expect(invited.mailSent).toBe(true);
    expect(invited.email).toBe("new.person@example.test");

    const mail = await smtp().waitFor((m) => m.to.includes("new.person@example.test"));
    expect(mail.subject).toBe("Invitation to Müller & Söhne GmbH on Vetted");
    expect(mail.text).toContain(
      "Ada Admin has invited you to join Müller & Söhne GmbH on Vetted as Assessor",
    );
    const token = tokenFrom(mail);

    // Only the hash is stored; the expiry follows USER_INVITATION_TTL_DAYS.
    const row = await db().userInvitation.findUniqueOrThrow({
      where: { id: invited.invitationId },
    });
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const ttlDays = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(ttlDays).toBeCloseTo(getEnv().USER_INVITATION_TTL_DAYS, 2);

    // Opening the link changes nothing.
    const view = await viewInvitation(visitor(), { token });
    expect(view).toMatchObject({
      state: "open",
      viewer: "anonymous",
      invitation: {
        organizationName: "Müller & Söhne GmbH",
        role: "ASSESSOR",
        email: "new.person@example.test",
      },
    });
    expect(
      (await db().userInvitation.findUniqueOrThrow({ where: { id: row.id } })).acceptedAt,
    ).toBeNull();
    expect(await db().user.count({ where: { email: "new.person@example.test" } })).toBe(0);

    const joined = await signUpByInvitation(visitor(), {
      token,
      name: "  Nora Neu  ",
      password: NEW_PASSWORD,
      locale: "de",
    });
    expect(joined).toEqual(SIGN_IN);

    const user = await db().user.findUniqueOrThrow({
      where: { email: "new.person@example.test" },
      include: { memberships: true },
    });
    expect(user.name).toBe("Nora Neu");
    expect(user.locale).toBe("de");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.memberships).toEqual([
      expect.objectContaining({ organizationId: org.id, role: "ASSESSOR", deactivatedAt: null }),
    ]);
    expect(
      (await db().userInvitation.findUniqueOrThrow({ where: { id: row.id } })).acceptedAt,
    ).toBeInstanceOf(Date);

    const signIn = await logIn({
      email,
      password: NEW_PASSWORD,
      ip: "192.0.2.10",
      userAgent: null,
    });
    expect(signIn.kind).toBe("signed_in");

    const [invitedEvent] = await auditEventsOf(org.id, "user.invited");
    expect(invitedEvent).toMatchObject({
      actorId: actor.userId,
      targetType: "invitation",
      targetId: row.id,
    });
    expect(invitedEvent!.payload).toMatchObject({
      email: "new.person@example.test",
      role: "ASSESSOR",
    });
    const [joinedEvent] = await auditEventsOf(org.id, "user.joined");
    expect(joinedEvent).toMatchObject({ actorId: user.id, targetType: "user", targetId: user.id });
    expect(joinedEvent!.payload).toMatchObject({
      invitationId: row.id,
      role: "ASSESSOR",
      existingAccount: false,
    });

    // After signing in, the page says the invitee has joined; the link cannot be used again.
    expect(
      await viewInvitation(visitor(), { token }, { userId: user.id, email: user.email }),
    ).toMatchObject({ state: "joined" });
    await expect(
      signUpByInvitation(visitor(), { token, name: "Again", password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: "GONE",
      message: "admin.invitationUsed",
    });
    await expect(viewInvitation(visitor(), { token })).rejects.toMatchObject({ code: "GONE" });
    const [refused] = await auditEventsOf(org.id, "user.invitation_refused");
    expect(refused!.payload).toMatchObject({ invitationId: row.id, reason: "used" });
  });

  it("writes the mail in the language the admin chose", async () => {
    const { actor } = await setup();
    await inviteUser(actor, {
      email: "jürgen@example.test",
      name: "Jürgen",
      role: "DPO",
      locale: "de",
    });
    const mail = await smtp().waitFor((m) => m.to.includes("jürgen@example.test"));
    expect(mail.subject).toBe("Einladung zu Müller & Söhne GmbH auf Vetted");
    expect(mail.text).toContain("Hallo Jürgen,");
    expect(mail.text).toContain("als Datenschutzbeauftragte");
    expect(mail.text).toContain("Öffnen Sie diesen Link");
  });

  it("refuses an expired invitation and records the attempt in the inviting organisation", async () => {
    const { org, admin } = await setup();
    const { token, invitation } = await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
      email: "late@example.test",
      expiresAt: new Date(Date.now() - 1000),
    });
    await expect(viewInvitation(visitor(), { token })).rejects.toMatchObject({
      code: "GONE",
      message: "admin.invitationExpired",
    });
    await expect(
      signUpByInvitation(visitor(), { token, name: "Late", password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: "GONE",
      message: "admin.invitationExpired",
    });
    expect(await db().user.count({ where: { email: "late@example.test" } })).toBe(0);
    const [refused] = await auditEventsOf(org.id, "user.invitation_refused");
    expect(refused).toMatchObject({ targetType: "invitation", targetId: invitation.id });
    expect(refused!.payload).toMatchObject({ reason: "expired" });
  });

  it("refuses a revoked invitation and records the revocation", async () => {
    const { org, actor } = await setup();
    const invited = await inviteUser(actor, {
      email: "revoked@example.test",
      name: "Rev",
      role: "AUDITOR",
      locale: "en",
    });
    const token = tokenFrom(await smtp().waitFor((m) => m.to.includes("revoked@example.test")));

    await revokeInvitation(actor, { invitationId: invited.invitationId });
    await expect(
      signUpByInvitation(visitor(), { token, name: "Rev", password: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: "GONE",
      message: "admin.invitationRevoked",
    });
    expect(await db().user.count({ where: { email: "revoked@example.test" } })).toBe(0);
    const [event] = await auditEventsOf(org.id, "user.invitation_revoked");
    expect(event).toMatchObject({ targetType: "invitation", targetId: invited.invitationId });
    await expect(
      revokeInvitation(actor, { invitationId: invited.invitationId }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("answers NOT_FOUND for tokens that match nothing", async () => {
    await expect(viewInvitation(visitor(), { token: "x".repeat(43) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(viewInvitation(visitor(), { token: "../../etc/passwd" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      signUpByInvitation(visitor(), { token: "short", name: "X", password: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("re-inviting an address revokes the earlier link", async () => {
    const { actor } = await setup();
    const first = await inviteUser(actor, {
      email: "twice@example.test",
      name: "Twice",
      role: "ASSESSOR",
      locale: "en",
    });
    const firstToken = tokenFrom(await smtp().waitFor((m) => m.to.includes("twice@example.test")));
    smtp().clear();
    await inviteUser(actor, {
      email: "twice@example.test",
      name: "Twice",
      role: "DPO",
      locale: "en",
    });
    const secondToken = tokenFrom(await smtp().waitFor((m) => m.to.includes("twice@example.test")));

    expect(
      (await db().userInvitation.findUniqueOrThrow({ where: { id: first.invitationId } }))
        .revokedAt,
    ).toBeInstanceOf(Date);
    await expect(viewInvitation(visitor(), { token: firstToken })).rejects.toMatchObject({
      code: "GONE",
    });
    expect(await viewInvitation(visitor(), { token: secondToken })).toMatchObject({
      invitation: { role: "DPO" },
    });
  });

  it("refuses to invite an active member, but re-invites a deactivated one, who rejoins by signing in", async () => {
    const { org, actor } = await setup();
    const member = await createUser({
      organizationId: org.id,
      role: "ASSESSOR",
      email: "member@example.test",
    });
    await expect(
      inviteUser(actor, {
        email: "MEMBER@example.test",
        name: "Member",
        role: "DPO",
        locale: "en",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "admin.errorAlreadyMember" });
    expect(smtp().messages).toHaveLength(0);
    expect(await db().userInvitation.count({ where: { organizationId: org.id } })).toBe(0);

    await db().membership.update({
      where: { id: member.membership.id },
      data: { deactivatedAt: new Date() },
    });
    await inviteUser(actor, {
      email: "member@example.test",
      name: "Member",
      role: "AUDITOR",
      locale: "en",
    });
    const token = tokenFrom(await smtp().waitFor((m) => m.to.includes("member@example.test")));
    // A session of another organisation the member still belongs to.
    const otherOrg = await createOrganization();
    const otherMembership = await db().membership.create({
      data: { organizationId: otherOrg.id, userId: member.user.id, role: "ASSESSOR" },
    });
    const signedIn = actorFor({ user: member.user, membership: otherMembership });
    expect(await viewInvitation(visitor(), { token }, signedIn)).toMatchObject({
      state: "open",
      viewer: "invitee",
    });
    const joined = await acceptInvitation(signedIn, { token });
    expect(joined).toMatchObject({ organizationId: org.id });
    expect(
      await db().membership.findUniqueOrThrow({ where: { id: member.membership.id } }),
    ).toMatchObject({
      role: "AUDITOR",
      deactivatedAt: null,
    });
  });

  it("never takes a password for an existing account: its owner signs in, then accepts", async () => {
    const { org, actor } = await setup();
    const otherOrg = await createOrganization();
    const existing = await createUser({
      organizationId: otherOrg.id,
      role: "DPO",
      email: "multi@example.test",
    });
    const { token, invitation } = await createInvitationRecord({
      organizationId: org.id,
      invitedById: actor.userId,
      email: "multi@example.test",
      role: "AUDITOR",
    });

    // The page looks exactly as for a new address.
    const view = await viewInvitation(visitor(), { token });
    expect(view).toEqual({
      state: "open",
      viewer: "anonymous",
      invitation: {
        organizationName: "Müller & Söhne GmbH",
        email: "multi@example.test",
        name: invitation.name,
        role: "AUDITOR",
        expiresAt: invitation.expiresAt.toISOString(),
      },
    });
    // Creating an account answers as for a new address, whether the password is the account's or not…
    expect(
      await signUpByInvitation(visitor(), { token, name: "Mallory", password: existing.password }),
    ).toEqual(SIGN_IN);
    expect(
      await signUpByInvitation(visitor(), {
        token,
        name: "Mallory",
        password: "not the right password",
      }),
    ).toEqual(SIGN_IN);
    // …and changes nothing: no membership, the invitation still open, the account as it was.
    expect(
      await db().membership.count({ where: { organizationId: org.id, userId: existing.user.id } }),
    ).toBe(0);
    expect(
      (await db().userInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt,
    ).toBeNull();
    const untouched = await db().user.findUniqueOrThrow({ where: { id: existing.user.id } });
    expect(untouched).toMatchObject({
      name: existing.user.name,
      passwordHash: existing.user.passwordHash,
    });

    // Signed in as somebody else: refused, and recorded in the inviting organisation.
    const stranger = await createUser({ organizationId: otherOrg.id, role: "ASSESSOR" });
    expect(await viewInvitation(visitor(), { token }, actorFor(stranger))).toMatchObject({
      state: "open",
      viewer: "other_account",
    });
    await expect(acceptInvitation(actorFor(stranger), { token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "admin.invitationOtherAccount",
    });
    expect(
      await db().membership.count({ where: { organizationId: org.id, userId: stranger.user.id } }),
    ).toBe(0);

    // Signed in as the invited address: joins.
    const joined = await acceptInvitation(actorFor(existing), { token });
    expect(joined).toMatchObject({ organizationId: org.id, userId: existing.user.id });
    const user = await db().user.findUniqueOrThrow({
      where: { id: existing.user.id },
      include: { memberships: true },
    });
    expect(user.memberships.map((m) => [m.organizationId, m.role]).sort()).toEqual(
      [
        [org.id, "AUDITOR"],
        [otherOrg.id, "DPO"],
      ].sort(),
    );
    const [event] = await auditEventsOf(org.id, "user.joined");
    expect(event!.payload).toMatchObject({ existingAccount: true, role: "AUDITOR" });
    const refusals = (await auditEventsOf(org.id, "user.invitation_refused")).map(
      (e) => e.payload.reason,
    );
    expect(refusals).toEqual(["sign_in_required", "sign_in_required", "other_account"]);
    // No event names the account that tried, nor says it exists beyond the refusal's reason.
    for (const e of await db().auditEvent.findMany({
      where: { organizationId: org.id, action: "user.invitation_refused" },
    })) {
      expect(JSON.stringify(e)).not.toContain(stranger.user.id);
      expect(JSON.stringify(e)).not.toContain(existing.user.id);
    }
  });

  it("records a view of the link once per hour, not per request", async () => {
    const { org, admin } = await setup();
    const { token, invitation } = await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
    });
    for (let i = 0; i < 3; i++) await viewInvitation(visitor(), { token });
    const views = await auditEventsOf(org.id, "user.invitation_viewed");
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ targetType: "invitation", targetId: invitation.id });
  });

  it("enforces the password policy and a name for new and existing addresses alike, changing nothing", async () => {
    const { org, admin } = await setup();
    const { token, invitation } = await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
      email: "weak@example.test",
    });
    const expected = {
      code: "VALIDATION",
      details: {
        fields: {
          name: { key: "admin.errorNameRequired" },
          password: { key: "auth.passwordTooShort" },
        },
      },
    };
    await expect(
      signUpByInvitation(visitor(), { token, name: "", password: "short" }),
    ).rejects.toMatchObject(expected);
    expect(await db().user.count({ where: { email: "weak@example.test" } })).toBe(0);
    expect(
      (await db().userInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt,
    ).toBeNull();

    const otherOrg = await createOrganization();
    const existing = await createUser({ organizationId: otherOrg.id, role: "ASSESSOR" });
    const forExisting = await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
      email: existing.user.email,
    });
    await expect(
      signUpByInvitation(visitor(), { token: forExisting.token, name: "", password: "short" }),
    ).rejects.toMatchObject(expected);

    expect(
      await signUpByInvitation(visitor(), { token, name: "Strong", password: "twelve chars" }),
    ).toEqual(SIGN_IN);
    const user = await db().user.findUniqueOrThrow({ where: { email: "weak@example.test" } });
    expect(await verifyPassword(user.passwordHash, "twelve chars")).toBe(true);
  });

  it("limits sign-up attempts per IP", async () => {
    const { org, admin } = await setup();
    const { token } = await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
      email: "limited@example.test",
    });
    const attacker = visitorFrom("192.0.2.99");
    for (let i = 0; i < INVITATION_LIMITS.perIp.limit; i++) {
      await expect(
        signUpByInvitation(attacker, { token: `${"A".repeat(42)}${i % 10}`, password: "x" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const limited = await signUpByInvitation(attacker, {
      token,
      name: "Limited",
      password: NEW_PASSWORD,
    });
    expect(limited).toMatchObject({ kind: "rate_limited" });
    expect(await db().user.count({ where: { email: "limited@example.test" } })).toBe(0);
    // Another address is not affected.
    expect(
      await signUpByInvitation(visitor(), { token, name: "Limited", password: NEW_PASSWORD }),
    ).toEqual(SIGN_IN);
  });

  it("lets only admins invite, and validates the input", async () => {
    const { org, actor } = await setup();
    const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    await expect(
      inviteUser(actorFor(assessor), {
        email: "x@example.test",
        name: "X",
        role: "ADMIN",
        locale: "en",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      inviteUser(actor, {
        email: "not-an-email",
        name: "X\nBcc: evil@example.test",
        role: "ROOT" as never,
        locale: "en",
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      // The name's line break is whitespace now (cleanDisplayText): it cannot reach a mail header as one.
      details: { fields: { email: "admin.errorEmailInvalid", role: "admin.errorRoleInvalid" } },
    });
    expect(await db().userInvitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(smtp().messages).toHaveLength(0);
  });
});

describe("inviting into a privileged role (issue 11, item 9)", () => {
  it("needs a recent second-factor check for ADMIN and DPO, as a role change does, and records it", async () => {
    const { org, admin } = await setup();
    const stale = actorFor(admin, { stepUp: false });
    for (const role of ["ADMIN", "DPO"] as const) {
      await expect(
        inviteUser(stale, {
          email: `${role.toLowerCase()}@example.test`,
          name: "Power",
          role,
          locale: "en",
        }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "admin.errorStepUpRequired",
      });
    }
    expect(await db().userInvitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(smtp().messages).toHaveLength(0);

    // Roles without extra powers need no step-up.
    await inviteUser(stale, {
      email: "assessor@example.test",
      name: "Plain",
      role: "ASSESSOR",
      locale: "en",
    });

    const fresh = actorFor(admin, { stepUp: true });
    await inviteUser(fresh, {
      email: "admin@example.test",
      name: "Power",
      role: "ADMIN",
      locale: "en",
    });
    const events = await auditEventsOf(org.id, "user.invited");
    expect(events.map((e) => [e.payload.role, e.payload.stepUpAt ?? null])).toEqual([
      ["ASSESSOR", null],
      ["ADMIN", fresh.mfaVerifiedAt!.toISOString()],
    ]);
  });
});
