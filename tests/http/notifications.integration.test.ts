import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newLinkRef } from "~/modules/portal/new-link-ref.server";
import { db } from "~/utils/db.server";
import { createClient, startAppServer, type AppServer } from "../support/app-server";
import { createOrganization, createUser } from "../support/factories";

/**
 * Notifications over HTTP without JavaScript (ADR 0042): the header's unread count, the inbox,
 * opening (POST, marks read, redirects to the assessment path only), the preferences form on
 * /account, and the vendor's "new link" page (GET shows a button only for an address we made).
 */
let app: AppServer;

beforeAll(async () => {
  app = await startAppServer();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function signedInUser() {
  const org = await createOrganization();
  const member = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  const client = createClient(app.baseUrl, { headers: { "Accept-Language": "en" } });
  await client.login(member.user.email, member.password);
  return { org, userId: member.user.id, client };
}

describe("inbox over HTTP", () => {
  it("shows the unread count, opens a notification with a POST and marks all read", async () => {
    const { org, userId, client } = await signedInUser();
    const notification = await db().notification.create({
      data: {
        organizationId: org.id,
        userId,
        kind: "forwarded",
        params: JSON.stringify({ title: "Chatbot due diligence", vendor: "Acme AI" }),
      },
    });
    const page = await client.get("/notifications");
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/data-testid="inbox-unread"[^>]*>1<\/span>/);
    expect(page.body).toContain("Chatbot due diligence");

    const opened = await client.post(`/notifications/${notification.id}/open`, {});
    expect(opened.status).toBe(302);
    expect(opened.location).toBe("/notifications");
    expect(
      (await db().notification.findUniqueOrThrow({ where: { id: notification.id } })).readAt,
    ).not.toBeNull();
    const after = await client.get("/notifications");
    expect(after.body).not.toContain('data-testid="inbox-unread"');

    const missing = await client.post("/notifications/no-such-notification/open", {});
    expect(missing.status).toBe(404);
  });

  it("saves the preferences card and answers a forged value with a message, not a 500", async () => {
    const { userId, client } = await signedInUser();
    const saved = await client.post("/notifications/preferences", {
      forwarded: "inbox",
      decided: "off",
      submitted: "mail",
      vendorReplied: "mail",
    });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/account?saved=notifications#notification-preferences");
    const account = await client.get("/account?saved=notifications");
    expect(account.body).toContain("Your notification settings are saved.");
    expect(account.body).toContain('name="forwarded" checked="" value="inbox"');
    expect(account.body).toContain('name="forwarded" value="mail"/>');

    const forged = await client.post("/notifications/preferences", {
      forwarded: "sms",
      decided: "off",
      submitted: "mail",
      vendorReplied: "mail",
    });
    expect(forged.status).toBe(302);
    expect(forged.location).toBe("/account?notifications=invalid#notification-preferences");
    const stored = await db().notificationPreference.findMany({
      where: { userId },
      select: { kind: true, channel: true },
      orderBy: { kind: "asc" },
    });
    expect(stored).toContainEqual({ kind: "forwarded", channel: "inbox" });
  });
});

describe("the vendor's new-link page", () => {
  it("shows the button for an address we made and 404 for one we did not", async () => {
    const visitor = createClient(app.baseUrl, { headers: { "Accept-Language": "de" } });
    const made = await visitor.get(`/portal/new-link/${newLinkRef("cm0000000000000000000000")}`);
    expect(made.status).toBe(200);
    expect(made.body).toContain("Neuen Link senden");
    const forged = await visitor.get(`/portal/new-link/cm0000000000000000000000.${"A".repeat(32)}`);
    expect(forged.status).toBe(404);
  });
});
