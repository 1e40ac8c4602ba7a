import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as outboxRoute from "~/routes/dev.outbox";
import * as root from "~/root";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { actorFor, createSessionFor } from "../../../tests/support/admin-factories";
import { createAssessmentScenario } from "../../../tests/support/assessment-factories";
import { createClient, startAppServer, type AppServer } from "../../../tests/support/app-server";
import { createOrganization, createUser } from "../../../tests/support/factories";
import { listOutboxMails, OUTBOX_PAGE_SIZE } from "./list-outbox-mails.server";
import { sendMail } from "./send-mail.server";

/**
 * MAIL_URL=outbox: mails are rows of OutboxMail, listed per organisation on /dev/outbox for
 * ADMINs only, and the page does not exist with any other MAIL_URL.
 */
const context = {
  requestId: "test-request",
  cspNonce: "nonce",
  clientIp: "192.0.2.50",
} as AppLoadContext;
const previousMailUrl = process.env.MAIL_URL;

function useMailUrl(value: string | undefined): void {
  if (value === undefined) delete process.env.MAIL_URL;
  else process.env.MAIL_URL = value;
  resetEnvForTests();
}

beforeAll(() => useMailUrl("outbox"));
afterAll(() => useMailUrl(previousMailUrl));

function get(path: string, cookie: string | null) {
  return new Request(`http://127.0.0.1${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** A loader's result, or the status (and Location) of the Response it threw. */
async function loaderOutcome(
  run: () => Promise<unknown>,
): Promise<{ status: number; location?: string | null; data?: unknown }> {
  try {
    return { status: 200, data: await run() };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

async function orgWithAdmin() {
  const org = await createOrganization();
  const admin = await createUser({ organizationId: org.id, role: "ADMIN", withTotp: true });
  const session = await createSessionFor(admin.user.id, org.id, { mfaVerified: true });
  return { org, admin, cookie: session.cookie };
}

describe("sendMail with MAIL_URL=outbox", () => {
  it("stores the mail with its organisation instead of sending it", async () => {
    const org = await createOrganization();
    await sendMail({
      organizationId: org.id,
      to: "dpo@example.test",
      subject: "Stored",
      text: "Body with https://example.test/x",
    });
    await sendMail({ to: "nobody@example.test", subject: "Without organisation", text: "…" });
    const rows = await db().outboxMail.findMany({
      where: { to: { in: ["dpo@example.test", "nobody@example.test"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      organizationId: org.id,
      subject: "Stored",
      text: "Body with https://example.test/x",
      html: null,
    });
    expect(rows[1]).toMatchObject({ organizationId: null, subject: "Without organisation" });
  });

  it("the callers pass their organisation: an invite mail lands in the inviting organisation's outbox", async () => {
    const scenario = await createAssessmentScenario();
    const invite = await scenario.createInvite({ contactEmail: "outbox-contact@acme.example" });
    const row = await db().outboxMail.findFirstOrThrow({
      where: { to: "outbox-contact@acme.example" },
    });
    expect(row.organizationId).toBe(scenario.org.id);
    expect(row.text).toContain(invite.url);
  });
});

describe("/dev/outbox", () => {
  it("shows an admin the newest mails of their own organisation only", async () => {
    const a = await orgWithAdmin();
    const b = await orgWithAdmin();
    await sendMail({
      organizationId: a.org.id,
      to: "first@a.example",
      subject: "A first",
      text: "one",
    });
    await sendMail({
      organizationId: a.org.id,
      to: "second@a.example",
      subject: "A second",
      text: "two",
    });
    await sendMail({
      organizationId: b.org.id,
      to: "secret@b.example",
      subject: "B only",
      text: "B's invite link",
    });
    await sendMail({ to: "orphan@example.test", subject: "No organisation", text: "…" });

    const seenByA = await loaderOutcome(() =>
      outboxRoute.loader({ request: get("/dev/outbox", a.cookie), params: {}, context }),
    );
    expect(seenByA.status).toBe(200);
    const pageA = seenByA.data as Awaited<ReturnType<typeof listOutboxMails>>;
    expect(pageA.organizationName).toBe(a.org.name);
    expect(pageA.mails.map((m) => m.subject)).toEqual(["A second", "A first"]);

    const pageB = await listOutboxMails(actorFor(b.admin));
    expect(pageB.mails.map((m) => m.to)).toEqual(["secret@b.example"]);
  });

  it("lists at most the newest 100", async () => {
    const { org, admin } = await orgWithAdmin();
    await db().outboxMail.createMany({
      data: Array.from({ length: OUTBOX_PAGE_SIZE + 5 }, (_, i) => ({
        organizationId: org.id,
        to: "bulk@example.test",
        subject: `Mail ${i}`,
        text: "…",
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      })),
    });
    const { mails } = await listOutboxMails(actorFor(admin));
    expect(mails).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(mails[0]!.subject).toBe(`Mail ${OUTBOX_PAGE_SIZE + 4}`);
    expect(mails.at(-1)!.subject).toBe("Mail 5");
  });

  it("is for admins: other roles get 403, anonymous visitors the login", async () => {
    const { org } = await orgWithAdmin();
    await sendMail({ organizationId: org.id, to: "x@example.test", subject: "Hidden", text: "…" });
    for (const role of ["ASSESSOR", "DPO", "AUDITOR"] as const) {
      const member = await createUser({ organizationId: org.id, role, withTotp: true });
      const { cookie } = await createSessionFor(member.user.id, org.id, { mfaVerified: true });
      expect(
        (
          await loaderOutcome(() =>
            outboxRoute.loader({ request: get("/dev/outbox", cookie), params: {}, context }),
          )
        ).status,
      ).toBe(403);
      await expect(listOutboxMails(actorFor(member))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const anonymous = await loaderOutcome(() =>
      outboxRoute.loader({ request: get("/dev/outbox", null), params: {}, context }),
    );
    expect(anonymous).toMatchObject({ status: 302, location: "/login?redirectTo=%2Fdev%2Foutbox" });
  });

  it("does not exist with another MAIL_URL (404 even for an admin), and the shell links it only when it does", async () => {
    const { admin, cookie } = await orgWithAdmin();
    const shown = (await root.loader({ request: get("/", cookie), params: {}, context })) as {
      user: { devOutbox?: boolean } | null;
    };
    expect(shown.user?.devOutbox).toBe(true);
    try {
      useMailUrl("smtp://127.0.0.1:2525");
      expect(
        (
          await loaderOutcome(() =>
            outboxRoute.loader({ request: get("/dev/outbox", cookie), params: {}, context }),
          )
        ).status,
      ).toBe(404);
      await expect(listOutboxMails(actorFor(admin))).rejects.toMatchObject({ code: "NOT_FOUND" });
      const hidden = (await root.loader({ request: get("/", cookie), params: {}, context })) as {
        user: { devOutbox?: boolean } | null;
      };
      expect(hidden.user?.devOutbox).toBe(false);
      useMailUrl("file:.tmp/test-outbox");
      expect(
        (
          await loaderOutcome(() =>
            outboxRoute.loader({ request: get("/dev/outbox", null), params: {}, context }),
          )
        ).status,
      ).toBe(404);
    } finally {
      useMailUrl("outbox");
    }
  });
});

describe("/dev/outbox over HTTP (production build)", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("renders each mail with its text in a <pre> and clickable links; the shell links the outbox", async () => {
    const { org, cookie } = await orgWithAdmin();
    const link = `${app.appUrl}/invite/abcDEF123_-xyz`;
    await sendMail({
      organizationId: org.id,
      to: "contact@vendor.example",
      subject: "Your <invite>",
      text: `Hello,\n\nopen ${link}\nThanks`,
    });

    const page = await createClient(app.baseUrl).get("/dev/outbox", {
      headers: { Cookie: cookie },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain("contact@vendor.example");
    // Escaped, never interpreted as markup.
    expect(page.body).toContain("Your &lt;invite&gt;");
    expect(page.body).toMatch(
      new RegExp(`<pre[^>]*>Hello,\\n\\nopen <a href="${link}"[^>]*>${link}</a>\\nThanks</pre>`),
    );
    expect(page.body).toContain('href="/dev/outbox"');
  });
});
