import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import {
  createClient,
  parseSetCookie,
  startAppServer,
  type AppServer,
  type HttpClient,
} from "../../../tests/support/app-server";
import { createOrganization, createUser, createVendor } from "../../../tests/support/factories";
import { startSmtpCatcher, type SmtpCatcher } from "../../../tests/support/smtp-catcher";
import { codeFromMail } from "../../../tests/support/vendor-sessions";
import {
  createInviteRecord,
  startRealAssessment,
  tokenFromCookieValue,
} from "../../../tests/http/http-fixtures";

/**
 * The vendor's way in over real HTTP (production build behind server/app.js): scanners' GET and
 * HEAD change nothing, only POST exchanges, a new browser confirms the e-mailed code before the
 * portal shows anything, the remembered browser skips it, ended links get a bare 410/404 page.
 */
let app: AppServer;
let smtp: SmtpCatcher;
const previousMailUrl = process.env.MAIL_URL;
let world: Awaited<ReturnType<typeof createWorld>>;
let ip = 10;

async function createWorld() {
  const org = await createOrganization();
  const assessor = await createUser({ organizationId: org.id, role: "ASSESSOR" });
  const { user } = assessor;
  const vendor = await createVendor({ organizationId: org.id });
  const assessment = await startRealAssessment({
    creator: assessor,
    organizationSlug: org.slug,
    vendorId: vendor.id,
    status: "INVITED",
  });
  const invite = (contactEmail?: string, extra: { expiresAt?: Date; revokedAt?: Date } = {}) =>
    createInviteRecord({
      organizationId: org.id,
      assessmentId: assessment.id,
      createdById: user.id,
      contactEmail,
      ...extra,
    });
  return { org, assessment, invite };
}

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  process.env.MAIL_URL = smtp.url;
  app = await startAppServer({ trustProxy: true });
  world = await createWorld();
});

afterAll(async () => {
  await app?.close();
  await smtp?.stop();
  process.env.MAIL_URL = previousMailUrl;
});

/** A browser of its own (cookie jar and address). */
function browser(): HttpClient {
  return createClient(app.baseUrl, {
    headers: { "X-Forwarded-For": `203.0.113.${ip++}`, "User-Agent": "Mozilla/5.0 (test browser)" },
  });
}

async function stateOf(inviteId: string) {
  return {
    link: await db().inviteLink.findUniqueOrThrow({ where: { id: inviteId } }),
    sessions: await db().vendorSession.findMany({ where: { inviteLinkId: inviteId } }),
    devices: await db().vendorDevice.findMany({ where: { inviteLinkId: inviteId } }),
    audit: await db().auditEvent.count({ where: { organizationId: world.org.id } }),
    buckets: await db().rateLimitBucket.findMany({ orderBy: { key: "asc" } }),
    mails: smtp.messages.length,
  };
}

describe("GET and HEAD of an invite link", () => {
  it("change nothing at all (no use recorded, no session, no cookie, no mail)", async () => {
    const { invite, token } = await world.invite();
    const before = await stateOf(invite.id);
    const scanner = browser();
    const head = await scanner.request("HEAD", `/invite/${token}`);
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    const get = await scanner.get(`/invite/${token}`);
    expect(get.status).toBe(200);
    expect(get.body).toContain(world.org.name);
    expect(get.body).toContain(world.assessment.title);
    expect(get.body).toMatch(/<form method="post"/);
    for (const response of [head, get]) expect(response.setCookies).toEqual([]);
    const after = await stateOf(invite.id);
    expect(after).toEqual(before);
    expect(after.link.lastUsedAt).toBeNull();
    expect(after.link.useCount).toBe(0);
  });
});

describe("Continue on a new browser", () => {
  it("needs the e-mailed code before the portal shows anything; the remembered browser skips it next time", async () => {
    const contact = `contact-${ip}@vendor.example`;
    const { invite, token } = await world.invite(contact);
    const vendor = browser();
    const exchange = await vendor.post(`/invite/${token}`, {});
    expect(exchange.status).toBe(302);
    expect(exchange.location).toBe("/portal/verify");
    const sessionToken = tokenFromCookieValue(vendor.cookie("vetted_vendor")!);
    expect(
      (await db().vendorSession.findUniqueOrThrow({ where: { id: sha256Hex(sessionToken) } }))
        .verifiedAt,
    ).toBeNull();
    const link = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.id } });
    expect(link.lastUsedIp).toMatch(/^203\.0\.113\.0\/24$/);
    expect(link.lastUsedUserAgent).toBe("Mozilla/5.0 (test browser)");

    // No answers before the code: the portal and its pages send the browser to /portal/verify.
    for (const path of ["/portal", "/portal/delegate"]) {
      const page = await vendor.get(path);
      expect(page.status, path).toBe(302);
      expect(page.location, path).toBe("/portal/verify");
      expect(page.body).not.toContain(world.assessment.title);
    }
    const verifyPage = await vendor.get("/portal/verify");
    expect(verifyPage.status).toBe(200);
    expect(verifyPage.body).toContain("co•••@vendor.example");
    expect(verifyPage.body).not.toContain(contact);

    const code = await codeFromMail(smtp, contact);
    const wrong = await vendor.post("/portal/verify", {
      intent: "verify",
      code: code === "000000" ? "111111" : "000000",
    });
    expect(wrong.status).toBe(400);
    const right = await vendor.post("/portal/verify", { intent: "verify", code });
    expect(right.status).toBe(302);
    expect(right.location).toBe("/portal");
    const deviceLine = right.setCookies.find((line) => line.startsWith("vetted_device="));
    expect(deviceLine, "device cookie").toBeTruthy();
    const device = parseSetCookie(deviceLine!);
    expect(device.attributes.has("httponly")).toBe(true);
    expect(device.attributes.get("samesite")?.toLowerCase()).toBe("lax");
    expect(device.attributes.get("path")).toBe("/invite");
    expect(Number(device.attributes.get("max-age"))).toBe(30 * 24 * 3600);
    const deviceToken = tokenFromCookieValue(device.value);
    expect(
      await db().vendorDevice.findUnique({ where: { id: sha256Hex(deviceToken) } }),
    ).not.toBeNull();

    const portal = await vendor.get("/portal");
    expect(portal.status).toBe(200);
    expect(portal.body).toContain(world.assessment.title);
    // A verified session has nothing to confirm.
    expect((await vendor.get("/portal/verify")).location).toBe("/portal");

    // Second visit from the same browser: straight to the questionnaire, no new code mail.
    const mailsBefore = smtp.messages.filter((m) => m.to.includes(contact)).length;
    vendor.deleteCookie("vetted_vendor");
    const again = await vendor.post(`/invite/${token}`, {});
    expect(again.location).toBe("/portal");
    expect((await vendor.get("/portal")).status).toBe(200);
    expect(smtp.messages.filter((m) => m.to.includes(contact)).length).toBe(mailsBefore);

    // Another browser is a new browser.
    const other = browser();
    expect((await other.post(`/invite/${token}`, {})).location).toBe("/portal/verify");
  });

  it("five wrong codes end the session with an explanation", async () => {
    const contact = `attempts-${ip}@vendor.example`;
    const { token } = await world.invite(contact);
    const vendor = browser();
    await vendor.post(`/invite/${token}`, {});
    const code = Number(await codeFromMail(smtp, contact));
    let last = await vendor.post("/portal/verify", { intent: "verify", code: "abc" });
    expect(last.status).toBe(400);
    for (let i = 1; i <= 5; i++) {
      last = await vendor.post("/portal/verify", {
        intent: "verify",
        code: String((code + i) % 1_000_000).padStart(6, "0"),
      });
      if (i < 5) expect(last.status).toBe(400);
    }
    expect(last.status).toBe(302);
    expect(last.location).toBe("/portal/ended?reason=attempts");
    const ended = await vendor.get(last.location!);
    expect(ended.status).toBe(200);
    expect(ended.body).toContain("Too many wrong codes");
    expect((await vendor.get("/portal")).location).toBe("/portal/ended");
  });
});

describe("links that cannot be used", () => {
  it("answer 410 (expired, revoked) or 404 (unknown) with a bare page: no organisation, no assessment", async () => {
    const expired = await world.invite(undefined, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await world.invite(undefined, { revokedAt: new Date() });
    const cases: [string, string, number][] = [
      ["expired", expired.token, 410],
      ["revoked", revoked.token, 410],
      ["unknown", "A".repeat(43), 404],
      ["malformed", "not-a-token", 404],
    ];
    for (const [label, token, status] of cases) {
      for (const method of ["GET", "POST"] as const) {
        const client = browser();
        const response =
          method === "GET"
            ? await client.get(`/invite/${token}`)
            : await client.post(`/invite/${token}`, {});
        expect(response.status, `${label} ${method}`).toBe(status);
        expect(response.body, `${label} ${method}`).not.toContain(world.org.name);
        expect(response.body, `${label} ${method}`).not.toContain(world.assessment.title);
        expect(response.body).toMatch(/data-testid="invite-state"/);
        expect(response.setCookies, `${label} ${method}`).toEqual([]);
      }
    }
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: expired.invite.id } })).useCount,
    ).toBe(0);
  });
});
