import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVITATION_LIMITS } from "~/modules/admin/sign-up-by-invitation.server";
import { db } from "~/utils/db.server";
import { auditEventsOf, createInvitationRecord } from "../support/admin-factories";
import {
  createClient,
  startAppServer,
  type AppServer,
  type HttpResponse,
} from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";

/**
 * User invitations over real HTTP (issue 11, item 7). Whoever holds an invitation link — the
 * invitee, or an administrator of another organisation who invited someone else's user and read
 * the link in their own outbox — cannot use the page to guess an existing account's password, nor
 * learn from the page whether the address already has an account. An existing account joins by
 * signing in normally (its limits, its second factor) and then accepting.
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer({ trustProxy: true });
});

afterAll(async () => {
  await app?.close();
});

let addressCounter = 0;
function anonymous() {
  addressCounter += 1;
  return createClient(app.baseUrl, {
    headers: { "X-Forwarded-For": `198.51.100.${addressCounter}` },
  });
}

/** Two open invitations of one organisation: one to a new address, one to another organisation's user. */
async function scenario() {
  const org = await createOrganization({ name: "Inviting AG" });
  const admin = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
  const victimOrg = await createOrganization();
  const victim = await createUser({ organizationId: victimOrg.id, role: "ASSESSOR" });
  const newEmail = `nobody-${victim.user.id}@example.test`;
  const common = {
    organizationId: org.id,
    invitedById: admin.user.id,
    name: "Invitee",
    role: "AUDITOR" as const,
    expiresAt: new Date(Date.now() + 86_400_000),
  };
  const forNew = await createInvitationRecord({ ...common, email: newEmail });
  const forExisting = await createInvitationRecord({ ...common, email: victim.user.email });
  return { org, victim, newEmail, forNew, forExisting };
}

/** A page or answer minus what legitimately differs between two requests and two invitations. */
function normalise(response: HttpResponse, replace: Record<string, string>): string {
  let text = `${response.status} ${response.location ?? ""}\n${response.body}`;
  for (const [value, placeholder] of Object.entries(replace)) {
    text = text.replaceAll(value, placeholder).replaceAll(encodeURIComponent(value), placeholder);
  }
  return text
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>");
}

describe("the invitation page", () => {
  it("looks the same whether the invited address has an account or not, and offers both ways", async () => {
    const { victim, newEmail, forNew, forExisting } = await scenario();
    const pageNew = await anonymous().get(`/accept-invitation/${forNew.token}`);
    const pageExisting = await anonymous().get(`/accept-invitation/${forExisting.token}`);
    expect(pageNew.status).toBe(200);
    expect(
      normalise(pageExisting, { [forExisting.token]: "<token>", [victim.user.email]: "<email>" }),
    ).toBe(normalise(pageNew, { [forNew.token]: "<token>", [newEmail]: "<email>" }));
    expect(pageNew.body).toContain(
      `/login?redirectTo=${encodeURIComponent(`/accept-invitation/${forNew.token}`)}`,
    );
    expect(pageNew.body).toMatch(/<input[^>]*name="password"/);
  });

  it("creating an account for an existing address answers exactly like for a new one, with its password or without, and joins nothing", async () => {
    const { org, victim, newEmail, forNew, forExisting } = await scenario();
    const form = (password: string) => ({ intent: "signUp", name: "Mallory", password });
    const withRightPassword = await anonymous().post(
      `/accept-invitation/${forExisting.token}`,
      form(victim.password),
    );
    const withWrongPassword = await anonymous().post(
      `/accept-invitation/${forExisting.token}`,
      form("not the victim's password"),
    );
    const forNewAddress = await anonymous().post(
      `/accept-invitation/${forNew.token}`,
      form("a long enough passphrase"),
    );

    const expected = normalise(forNewAddress, { [forNew.token]: "<token>", [newEmail]: "<email>" });
    expect(
      normalise(withRightPassword, {
        [forExisting.token]: "<token>",
        [victim.user.email]: "<email>",
      }),
    ).toBe(expected);
    expect(
      normalise(withWrongPassword, {
        [forExisting.token]: "<token>",
        [victim.user.email]: "<email>",
      }),
    ).toBe(expected);
    expect(forNewAddress.status).toBe(303);
    expect(withRightPassword.setCookies).toEqual([]);
    expect(forNewAddress.setCookies).toEqual([]);

    // The victim's account did not join; no password of theirs was checked anywhere.
    expect(
      await db().membership.count({ where: { organizationId: org.id, userId: victim.user.id } }),
    ).toBe(0);
    expect(
      (await db().userInvitation.findUniqueOrThrow({ where: { id: forExisting.invitation.id } }))
        .acceptedAt,
    ).toBeNull();
    expect(
      await db().auditEvent.count({
        where: { action: "auth.login_failed", targetId: victim.user.id },
      }),
    ).toBe(0);
  });

  it("an existing account accepts by signing in normally and coming back to the invitation", async () => {
    const { org, victim: invitee, forExisting } = await scenario();
    const browser = anonymous();
    const page = await browser.get(`/accept-invitation/${forExisting.token}`);
    const signInPath = `/login?redirectTo=${encodeURIComponent(`/accept-invitation/${forExisting.token}`)}`;
    expect(page.body).toContain(signInPath);

    const signedIn = await browser.post(signInPath, {
      email: invitee.user.email,
      password: invitee.password,
      redirectTo: `/accept-invitation/${forExisting.token}`,
    });
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe(`/accept-invitation/${forExisting.token}`);

    const invitation = await browser.get(signedIn.location!);
    expect(invitation.status).toBe(200);
    expect(invitation.body).not.toMatch(/<input[^>]*name="password"/);
    expect(invitation.body).toContain('value="join"');

    const joined = await browser.post(`/accept-invitation/${forExisting.token}`, {
      intent: "join",
    });
    expect(joined.status).toBe(303);
    expect(joined.location).toBe("/");
    const membership = await db().membership.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: org.id, userId: invitee.user.id } },
    });
    expect(membership).toMatchObject({ role: "AUDITOR", deactivatedAt: null });
    // The session now works in the organisation just joined.
    const account = await browser.get("/account");
    expect(account.status).toBe(200);
    expect(account.body).toContain("Inviting AG");
    const [event] = await auditEventsOf(org.id, "user.joined");
    expect(event).toMatchObject({ actorId: invitee.user.id });
  });

  it("a new account signs in after creating it and finds itself a member", async () => {
    const { org, newEmail, forNew } = await scenario();
    const browser = anonymous();
    const created = await browser.post(`/accept-invitation/${forNew.token}`, {
      intent: "signUp",
      name: "Nora Neu",
      password: "a long enough passphrase",
    });
    expect(created.status).toBe(303);
    const login = await browser.get(created.location!);
    expect(login.status).toBe(200);
    expect(login.body).toContain("Sign in with the e-mail address the invitation was sent to");
    const signedIn = await browser.post(created.location!, {
      email: newEmail,
      password: "a long enough passphrase",
      redirectTo: `/accept-invitation/${forNew.token}`,
    });
    expect(signedIn.location).toBe(`/accept-invitation/${forNew.token}`);
    const page = await browser.get(signedIn.location!);
    expect(page.status).toBe(200);
    expect(page.body).toContain("You are a member of Inviting AG");
    const user = await db().user.findUniqueOrThrow({
      where: { email: newEmail },
      include: { memberships: true },
    });
    expect(user.memberships).toEqual([
      expect.objectContaining({ organizationId: org.id, role: "AUDITOR" }),
    ]);
  });

  it("signed in as another account: says so, joins nothing, and records the attempt", async () => {
    const { org, forExisting } = await scenario();
    const strangerOrg = await createOrganization();
    const stranger = await createUser({ organizationId: strangerOrg.id, role: "ASSESSOR" });
    const browser = anonymous();
    await browser.login(stranger.user.email, stranger.password);
    const page = await browser.get(`/accept-invitation/${forExisting.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("This invitation was sent to another e-mail address");
    const refused = await browser.post(`/accept-invitation/${forExisting.token}`, {
      intent: "join",
    });
    expect(refused.status).toBe(403);
    expect(
      await db().membership.count({ where: { organizationId: org.id, userId: stranger.user.id } }),
    ).toBe(0);
    const events = await auditEventsOf(org.id, "user.invitation_refused");
    expect(events.map((e) => e.payload.reason)).toEqual(["other_account"]);
  });

  it("tells a browser without JavaScript when to come back once an address is over its limit", async () => {
    const client = anonymous();
    const post = () =>
      client.post("/accept-invitation/no-such-invitation", {
        intent: "signUp",
        name: "M",
        password: "x",
      });
    let response = await post();
    for (let i = 0; i < INVITATION_LIMITS.perIp.limit && response.status !== 429; i++)
      response = await post();
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
