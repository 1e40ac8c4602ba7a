import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import * as accountRoute from "~/routes/account";
import * as acceptRoute from "~/routes/accept-invitation.$token";
import * as usersRoute from "~/routes/admin.users";
import * as settingsRoute from "~/routes/admin.settings";
import * as auditRoute from "~/routes/audit";
import { db } from "~/utils/db.server";
import { createInvitationRecord, createSessionFor } from "../../../tests/support/admin-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";

/**
 * The thin routes over the admin use cases: guards, status codes, messages on the page. Loaders
 * and actions are called directly with real sessions, as Remix would call them.
 */
const context = {
  requestId: "test-request",
  cspNonce: "nonce",
  clientIp: "192.0.2.50",
} as AppLoadContext;

interface Outcome {
  status: number;
  body: unknown;
  location: string | null;
}

/** Normalises what a loader/action returns or throws into status + body. */
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) {
    return {
      status: value.status,
      body: await value.text(),
      location: value.headers.get("Location"),
    };
  }
  const wrapped = value as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (wrapped && wrapped.type === "DataWithResponseInit") {
    return { status: wrapped.init?.status ?? 200, body: wrapped.data, location: null };
  }
  return { status: 200, body: value, location: null };
}

function post(path: string, cookie: string | null, fields: Record<string, string>) {
  return new Request(`http://127.0.0.1${path}`, {
    method: "POST",
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields).toString(),
  });
}

function get(path: string, cookie: string | null) {
  return new Request(`http://127.0.0.1${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

async function adminWithSession(options: { mfaVerified: boolean }) {
  const org = await createOrganization();
  const admin = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
  const session = await createSessionFor(admin.user.id, org.id, {
    mfaVerified: options.mfaVerified,
  });
  return { org, admin, cookie: session.cookie };
}

describe("/accept-invitation/$token", () => {
  it("answers unusable links with 404/410 and a reason, never an error", async () => {
    const { org, admin } = await adminWithSession({ mfaVerified: true });
    const unknown = await outcome(() =>
      acceptRoute.loader({
        request: get("/accept-invitation/x", null),
        params: { token: "x" },
        context,
      }),
    );
    expect(unknown).toMatchObject({
      status: 404,
      body: { state: "unusable", reason: "admin.invitationNotFound" },
    });

    const expired = await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
      expiresAt: new Date(Date.now() - 1),
    });
    const gone = await outcome(() =>
      acceptRoute.loader({ request: get("/", null), params: { token: expired.token }, context }),
    );
    expect(gone).toMatchObject({
      status: 410,
      body: { state: "unusable", reason: "admin.invitationExpired" },
    });

    const posted = await outcome(() =>
      acceptRoute.action({
        request: post("/", null, { name: "X", password: "long enough password" }),
        params: { token: expired.token },
        context,
      }),
    );
    expect(posted).toMatchObject({ status: 410, body: { unusable: "admin.invitationExpired" } });
  });

  it("shows the invitation on GET without using it, and creates the account on POST", async () => {
    const { org, admin } = await adminWithSession({ mfaVerified: true });
    const { token, invitation } = await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
      email: "route-invitee@example.test",
      role: "DPO",
    });
    const shown = await outcome(() =>
      acceptRoute.loader({ request: get("/", null), params: { token }, context }),
    );
    expect(shown).toMatchObject({
      status: 200,
      body: { state: "open", viewer: "anonymous", invitation: { role: "DPO" } },
    });
    expect(JSON.stringify(shown.body)).not.toContain("existingAccount");
    expect(
      (await db().userInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt,
    ).toBeNull();

    const malformed = await outcome(() =>
      acceptRoute.action({ request: post("/", null, {}), params: { token }, context }),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      fieldErrors: {
        name: { key: "admin.errorNameRequired" },
        password: { key: "auth.passwordTooShort", params: { min: 12 } },
      },
    });

    const accepted = await outcome(() =>
      acceptRoute.action({
        request: post("/", null, {
          intent: "signUp",
          name: "Route Invitee",
          password: "long enough password",
        }),
        params: { token },
        context,
      }),
    );
    expect(accepted).toMatchObject({
      status: 303,
      location: `/login?redirectTo=${encodeURIComponent(`/accept-invitation/${token}`)}&invitation=1`,
    });
    expect(await db().user.count({ where: { email: "route-invitee@example.test" } })).toBe(1);
  });

  it("joins only when signed in: a visitor who asks to join is sent to sign in", async () => {
    const { org, admin } = await adminWithSession({ mfaVerified: true });
    const { token } = await createInvitationRecord({
      organizationId: org.id,
      invitedById: admin.user.id,
    });
    const join = await outcome(() =>
      acceptRoute.action({
        request: post("/", null, { intent: "join" }),
        params: { token },
        context,
      }),
    );
    expect(join).toMatchObject({
      status: 303,
      location: `/login?redirectTo=${encodeURIComponent(`/accept-invitation/${token}`)}&invitation=1`,
    });
  });
});

describe("/admin/users", () => {
  it("sends role changes and deactivation without a recent step-up to the step-up page", async () => {
    const { org, cookie } = await adminWithSession({ mfaVerified: false });
    const member = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    for (const intent of ["changeRole", "deactivate", "reactivate"]) {
      const result = await outcome(() =>
        usersRoute.action({
          request: post("/admin/users", cookie, {
            intent,
            membershipId: member.membership.id,
            role: "DPO",
          }),
          params: {},
          context,
        }),
      );
      expect(result).toMatchObject({
        status: 302,
        location: "/auth/step-up?redirectTo=%2Fadmin%2Fusers",
      });
    }
    expect(
      await db().membership.findUniqueOrThrow({ where: { id: member.membership.id } }),
    ).toMatchObject({ role: "ASSESSOR", deactivatedAt: null });
  });

  it("refuses to invite an ADMIN or DPO without a recent step-up, keeping what was typed; other roles need none", async () => {
    const { org, cookie } = await adminWithSession({ mfaVerified: false });
    for (const role of ["ADMIN", "DPO"]) {
      const values = {
        email: `${role.toLowerCase()}-invitee@example.test`,
        name: "Powerful Person",
        role,
        locale: "de",
      };
      const refused = await outcome(() =>
        usersRoute.action({
          request: post("/admin/users", cookie, { intent: "invite", ...values }),
          params: {},
          context,
        }),
      );
      expect(refused).toMatchObject({
        status: 403,
        body: { intent: "invite", ok: false, message: "admin.errorStepUpRequired", values },
      });
    }
    expect(await db().userInvitation.count({ where: { organizationId: org.id } })).toBe(0);

    const plain = await outcome(() =>
      usersRoute.action({
        request: post("/admin/users", cookie, {
          intent: "invite",
          email: "plain@example.test",
          name: "Plain",
          role: "AUDITOR",
          locale: "en",
        }),
        params: {},
        context,
      }),
    );
    expect(plain).toMatchObject({ status: 200, body: { ok: true } });

    const fresh = await adminWithSession({ mfaVerified: true });
    const granted = await outcome(() =>
      usersRoute.action({
        request: post("/admin/users", fresh.cookie, {
          intent: "invite",
          email: "admin-invitee@example.test",
          name: "Power",
          role: "ADMIN",
          locale: "en",
        }),
        params: {},
        context,
      }),
    );
    expect(granted).toMatchObject({ status: 200, body: { ok: true } });
  });

  it("shows guard-rail refusals as a message, a foreign id as 404, bad invites as field errors", async () => {
    const { admin, cookie } = await adminWithSession({ mfaVerified: true });
    const self = await outcome(() =>
      usersRoute.action({
        request: post("/admin/users", cookie, {
          intent: "deactivate",
          membershipId: admin.membership.id,
        }),
        params: {},
        context,
      }),
    );
    expect(self).toMatchObject({
      status: 409,
      body: { ok: false, message: "admin.errorSelfDeactivate" },
    });

    const foreignOrg = await createOrganization();
    const foreign = await createUser({ organizationId: foreignOrg.id, role: "ASSESSOR" });
    const notFound = await outcome(() =>
      usersRoute.action({
        request: post("/admin/users", cookie, {
          intent: "changeRole",
          membershipId: foreign.membership.id,
          role: "ADMIN",
        }),
        params: {},
        context,
      }),
    );
    expect(notFound.status).toBe(404);

    const badInvite = await outcome(() =>
      usersRoute.action({
        request: post("/admin/users", cookie, {
          intent: "invite",
          email: "nope",
          name: "",
          role: "ASSESSOR",
          locale: "de",
        }),
        params: {},
        context,
      }),
    );
    expect(badInvite).toMatchObject({
      status: 400,
      body: {
        fieldErrors: {
          email: { key: "admin.errorEmailInvalid" },
          name: { key: "admin.errorNameRequired" },
        },
        values: { email: "nope", locale: "de" },
      },
    });

    const unknownIntent = await outcome(() =>
      usersRoute.action({
        request: post("/admin/users", cookie, { intent: "drop-table" }),
        params: {},
        context,
      }),
    );
    expect(unknownIntent.status).toBe(400);
  });

  it("is for admins only", async () => {
    const org = await createOrganization();
    const dpo = await createUser({ organizationId: org.id, role: "DPO", withTotp: true });
    const { cookie } = await createSessionFor(dpo.user.id, org.id, { mfaVerified: true });
    expect(
      (
        await outcome(() =>
          usersRoute.loader({ request: get("/admin/users", cookie), params: {}, context }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await outcome(() =>
          settingsRoute.loader({ request: get("/admin/settings", cookie), params: {}, context }),
        )
      ).status,
    ).toBe(403);
    const anonymous = await outcome(() =>
      usersRoute.loader({ request: get("/admin/users", null), params: {}, context }),
    );
    expect(anonymous).toMatchObject({
      status: 302,
      location: "/login?redirectTo=%2Fadmin%2Fusers",
    });
  });
});

describe("/admin/settings", () => {
  it("needs a step-up to save, then saves", async () => {
    const stale = await adminWithSession({ mfaVerified: false });
    const redirected = await outcome(() =>
      settingsRoute.action({
        request: post("/admin/settings", stale.cookie, {
          intent: "saveSecurity",
          requireMfaForAll: "on",
        }),
        params: {},
        context,
      }),
    );
    expect(redirected).toMatchObject({
      status: 302,
      location: "/auth/step-up?redirectTo=%2Fadmin%2Fsettings",
    });
    expect(
      (await db().organization.findUniqueOrThrow({ where: { id: stale.org.id } })).requireMfaForAll,
    ).toBe(false);

    const fresh = await adminWithSession({ mfaVerified: true });
    const saved = await outcome(() =>
      settingsRoute.action({
        request: post("/admin/settings", fresh.cookie, {
          intent: "saveSecurity",
          requireMfaForAll: "on",
        }),
        params: {},
        context,
      }),
    );
    expect(saved).toMatchObject({
      status: 200,
      body: { ok: true, message: "admin.settingsSaved" },
    });
    expect(
      (await db().organization.findUniqueOrThrow({ where: { id: fresh.org.id } })).requireMfaForAll,
    ).toBe(true);
  });
});

describe("/account", () => {
  it("changes the password with field errors for the policy and a mismatch", async () => {
    const org = await createOrganization();
    const user = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const { cookie, sessionId } = await createSessionFor(user.user.id, org.id);
    const other = await createSessionFor(user.user.id, org.id);

    const tooShort = await outcome(() =>
      accountRoute.action({
        request: post("/account", cookie, {
          intent: "changePassword",
          currentPassword: user.password,
          newPassword: "short",
          confirmPassword: "short",
        }),
        params: {},
        context,
      }),
    );
    expect(tooShort).toMatchObject({
      status: 400,
      body: { fieldErrors: { newPassword: { key: "auth.passwordTooShort", params: { min: 12 } } } },
    });

    const mismatch = await outcome(() =>
      accountRoute.action({
        request: post("/account", cookie, {
          intent: "changePassword",
          currentPassword: user.password,
          newPassword: "a new long password",
          confirmPassword: "a new long passwort",
        }),
        params: {},
        context,
      }),
    );
    expect(mismatch).toMatchObject({
      status: 400,
      body: { fieldErrors: { confirmPassword: { key: "auth.passwordsDoNotMatch" } } },
    });

    const wrong = await outcome(() =>
      accountRoute.action({
        request: post("/account", cookie, {
          intent: "changePassword",
          currentPassword: "wrong wrong wrong",
          newPassword: "a new long password",
          confirmPassword: "a new long password",
        }),
        params: {},
        context,
      }),
    );
    expect(wrong).toMatchObject({
      status: 400,
      body: { fieldErrors: { currentPassword: { key: "auth.wrongCurrentPassword" } } },
    });

    const changed = await outcome(() =>
      accountRoute.action({
        request: post("/account", cookie, {
          intent: "changePassword",
          currentPassword: user.password,
          newPassword: "a new long password",
          confirmPassword: "a new long password",
        }),
        params: {},
        context,
      }),
    );
    expect(changed).toMatchObject({
      status: 200,
      body: { ok: true, message: "auth.passwordChanged" },
    });
    expect(await db().session.findUnique({ where: { id: other.sessionId } })).toBeNull();
    expect(await db().session.findUnique({ where: { id: sessionId } })).not.toBeNull();
  });

  it("creates new recovery codes only after a step-up and shows them once", async () => {
    const org = await createOrganization();
    const user = await createUser({ organizationId: org.id, role: "DPO", withTotp: true });
    const stale = await createSessionFor(user.user.id, org.id, { mfaVerified: false });
    await db().session.update({
      where: { id: stale.sessionId },
      data: { mfaVerifiedAt: new Date(Date.now() - 3600_000) },
    });
    const redirected = await outcome(() =>
      accountRoute.action({
        request: post("/account", stale.cookie, { intent: "regenerateCodes" }),
        params: {},
        context,
      }),
    );
    expect(redirected).toMatchObject({
      status: 302,
      location: "/auth/step-up?redirectTo=%2Faccount",
    });
    expect(await db().recoveryCode.count({ where: { userId: user.user.id } })).toBe(0);

    const fresh = await createSessionFor(user.user.id, org.id, { mfaVerified: true });
    const created = await outcome(() =>
      accountRoute.action({
        request: post("/account", fresh.cookie, { intent: "regenerateCodes" }),
        params: {},
        context,
      }),
    );
    expect(created.status).toBe(200);
    const codes = (created.body as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    const overview = await outcome(() =>
      accountRoute.loader({ request: get("/account", fresh.cookie), params: {}, context }),
    );
    expect(overview.body).toMatchObject({ account: { unusedRecoveryCodes: 10, role: "DPO" } });
    expect(JSON.stringify(overview.body)).not.toContain(codes[0]!);
  });

  it("stores the language preference", async () => {
    const org = await createOrganization();
    const user = await createUser({ organizationId: org.id, role: "AUDITOR" });
    const { cookie } = await createSessionFor(user.user.id, org.id);
    const saved = await outcome(() =>
      accountRoute.action({
        request: post("/account", cookie, { intent: "setLocale", locale: "de" }),
        params: {},
        context,
      }),
    );
    expect(saved).toMatchObject({ status: 302, location: "/account?saved=language" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.user.id } })).locale).toBe("de");
    const bad = await outcome(() =>
      accountRoute.action({
        request: post("/account", cookie, { intent: "setLocale", locale: "xx" }),
        params: {},
        context,
      }),
    );
    expect(bad.status).toBe(400);
  });
});

describe("/audit", () => {
  it("is for admins and auditors; bad filters are reported, not fatal; verify reports the verdict", async () => {
    const org = await createOrganization();
    const auditor = await createUser({ organizationId: org.id, role: "AUDITOR" });
    const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    const auditorSession = await createSessionFor(auditor.user.id, org.id);
    const assessorSession = await createSessionFor(assessor.user.id, org.id);

    expect(
      (
        await outcome(() =>
          auditRoute.loader({
            request: get("/audit", assessorSession.cookie),
            params: {},
            context,
          }),
        )
      ).status,
    ).toBe(403);

    const listed = await outcome(() =>
      auditRoute.loader({
        request: get("/audit?from=31.12.2026&action=auth.&before=-1", auditorSession.cookie),
        params: {},
        context,
      }),
    );
    expect(listed).toMatchObject({
      status: 200,
      body: {
        errors: { from: "audit.errorDate", before: "audit.errorCursor" },
        typed: { from: "31.12.2026", action: "auth." },
        filtered: true,
      },
    });

    const verified = await outcome(() =>
      auditRoute.action({
        request: post("/audit", auditorSession.cookie, { intent: "verify" }),
        params: {},
        context,
      }),
    );
    expect(verified).toMatchObject({
      status: 200,
      body: { verdict: { ok: true, headSeq: 0, chain: { events: 0 } } },
    });
  });
});
