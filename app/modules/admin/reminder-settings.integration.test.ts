import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import * as settingsRoute from "~/routes/admin.settings";
import { db } from "~/utils/db.server";
import { actorFor, auditEventsOf, createSessionFor } from "../../../tests/support/admin-factories";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { getOrganizationSettings } from "./get-organization-settings.server";
import { updateOrganizationSettings } from "./update-organization-settings.server";

/** The vendor reminder settings of /admin/settings: use case and route. */
const context = {
  requestId: "test-request",
  cspNonce: "nonce",
  clientIp: "192.0.2.50",
} as AppLoadContext;

async function adminOf() {
  const org = await createOrganization();
  const admin = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
  return { org, admin, actor: actorFor(admin) };
}

function post(cookie: string, fields: Record<string, string>) {
  return new Request("http://127.0.0.1/admin/settings", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** What an action returned or threw, as status + body (+ Location). */
async function actionOutcome(run: () => Promise<unknown>) {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response)
    return {
      status: value.status,
      body: await value.text(),
      location: value.headers.get("Location"),
    };
  const wrapped = value as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (wrapped?.type === "DataWithResponseInit")
    return { status: wrapped.init?.status ?? 200, body: wrapped.data, location: null };
  return { status: 200, body: value, location: null };
}

describe("reminder settings", () => {
  it("start at 3 days and overdue on, change with an audited from/to, and an unchanged save writes nothing", async () => {
    const { org, actor } = await adminOf();
    expect(await getOrganizationSettings(actor)).toMatchObject({
      reminderDaysBefore: 3,
      remindWhenOverdue: true,
      requireMfaForAll: false,
    });

    expect(
      await updateOrganizationSettings(actor, { reminderDaysBefore: 7, remindWhenOverdue: false }),
    ).toEqual({ changed: true });
    expect(await getOrganizationSettings(actor)).toMatchObject({
      reminderDaysBefore: 7,
      remindWhenOverdue: false,
      requireMfaForAll: false,
    });
    const [event] = await auditEventsOf(org.id, "org.settings_changed");
    expect(event!.payload).toEqual({
      reminderDaysBefore: { from: 3, to: 7 },
      remindWhenOverdue: { from: true, to: false },
    });

    expect(
      await updateOrganizationSettings(actor, { reminderDaysBefore: 7, remindWhenOverdue: false }),
    ).toEqual({ changed: false });
    expect(await updateOrganizationSettings(actor, { reminderDaysBefore: 0 })).toEqual({
      changed: true,
    });
    const events = await auditEventsOf(org.id, "org.settings_changed");
    expect(events).toHaveLength(2);
    expect(events[1]!.payload).toEqual({ reminderDaysBefore: { from: 7, to: 0 } });
  });

  it("accept 0 to 30 whole days only, need the ADMIN role and a recent step-up", async () => {
    const { org, actor, admin } = await adminOf();
    for (const reminderDaysBefore of [-1, 31, 2.5]) {
      await expect(updateOrganizationSettings(actor, { reminderDaysBefore })).rejects.toMatchObject(
        { code: "VALIDATION" },
      );
    }
    await expect(
      updateOrganizationSettings(actorFor(admin, { stepUp: false }), { reminderDaysBefore: 5 }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "admin.errorStepUpRequired",
    });
    const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
    await expect(
      updateOrganizationSettings(actorFor(assessor), { reminderDaysBefore: 5 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await updateOrganizationSettings(actor, { reminderDaysBefore: 30 })).toEqual({
      changed: true,
    });
    expect(
      (await db().organization.findUniqueOrThrow({ where: { id: org.id } })).reminderDaysBefore,
    ).toBe(30);
  });

  it("are saved from the settings form; a bad number is a 400 with the form's message, not an error page", async () => {
    const { org, admin } = await adminOf();
    const { cookie } = await createSessionFor(admin.user.id, org.id, { mfaVerified: true });

    const saved = await actionOutcome(() =>
      settingsRoute.action({
        request: post(cookie, { intent: "saveReminders", reminderDaysBefore: "10" }),
        params: {},
        context,
      }),
    );
    expect(saved).toMatchObject({
      status: 200,
      body: { ok: true, message: "admin.settingsSaved" },
    });
    // The unchecked checkbox is absent from the form: overdue reminders off.
    expect(await db().organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      reminderDaysBefore: 10,
      remindWhenOverdue: false,
    });

    for (const bad of ["abc", "31", "-2", "", "1e1"]) {
      const refused = await actionOutcome(() =>
        settingsRoute.action({
          request: post(cookie, {
            intent: "saveReminders",
            reminderDaysBefore: bad,
            remindWhenOverdue: "on",
          }),
          params: {},
          context,
        }),
      );
      expect(refused).toMatchObject({
        status: 400,
        body: { ok: false, message: "mail.reminderDaysInvalid" },
      });
    }
    expect(await db().organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      reminderDaysBefore: 10,
      remindWhenOverdue: false,
    });

    const loaded = (await settingsRoute.loader({
      request: new Request("http://127.0.0.1/admin/settings", { headers: { Cookie: cookie } }),
      params: {},
      context,
    })) as {
      settings: { reminderDaysBefore: number; remindWhenOverdue: boolean };
    };
    expect(loaded.settings).toMatchObject({ reminderDaysBefore: 10, remindWhenOverdue: false });

    const stale = await createSessionFor(admin.user.id, org.id, { mfaVerified: false });
    const redirected = await actionOutcome(() =>
      settingsRoute.action({
        request: post(stale.cookie, {
          intent: "saveReminders",
          reminderDaysBefore: "1",
          remindWhenOverdue: "on",
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
      (await db().organization.findUniqueOrThrow({ where: { id: org.id } })).reminderDaysBefore,
    ).toBe(10);
  });
});
