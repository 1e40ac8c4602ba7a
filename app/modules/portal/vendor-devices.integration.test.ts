import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import {
  auditEventsOf,
  createAssessmentScenario,
  rejectionOf,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { startSmtpCatcher, type SmtpCatcher } from "../../../tests/support/smtp-catcher";
import { codeFromMail } from "../../../tests/support/vendor-sessions";
import { exchangeInviteToken, requireVendorSession } from "./invite-links.server";
import {
  CODE_TTL_MINUTES,
  MAX_CODE_ATTEMPTS,
  resendVendorCode,
  VENDOR_CODE_LIMITS,
  vendorCodeHash,
  verifyVendorCode,
} from "./vendor-devices-code.server";

/**
 * The e-mailed code on a new browser and the remembered device, against the real database and
 * SMTP catcher: what is stored (hashes only), attempts, expiry, resend spacing, rate limits and
 * the audit trail.
 */
let smtp: SmtpCatcher;
const previousMailUrl = process.env.MAIL_URL;
let s: AssessmentScenario;
let ipCounter = 0;
const nextIp = () => `192.0.2.${++ipCounter}`;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  process.env.MAIL_URL = smtp.url;
  resetEnvForTests();
  s = await createAssessmentScenario();
});

afterAll(async () => {
  process.env.MAIL_URL = previousMailUrl;
  resetEnvForTests();
  await smtp.stop();
});

async function open(invite: { token: string }, deviceToken?: string) {
  const result = await exchangeInviteToken(invite.token, nextIp(), "Mozilla/5.0 test", deviceToken);
  if (result.kind !== "ok") throw new Error(`exchange failed: ${result.kind}`);
  return result;
}

const sessionOf = (sessionToken: string) =>
  db().vendorSession.findUnique({ where: { id: sha256Hex(sessionToken) } });

async function portalRequest(sessionToken: string) {
  const cookie = (await vendorSessionCookie().serialize(sessionToken)).split(";")[0]!;
  return new Request("http://127.0.0.1:3999/portal", { headers: { Cookie: cookie } });
}

function wrongCode(code: string): string {
  return ((Number(code) + 1) % 1_000_000).toString().padStart(6, "0");
}

describe("a new browser", () => {
  it("gets an unverified session and a 6-digit code by mail, stored only as a keyed hash", async () => {
    const invite = await s.createInvite({ locale: "de", contactName: "Kim Kontakt" });
    const opened = await open(invite);
    expect(opened.verified).toBe(false);
    const code = await codeFromMail(smtp, invite.contactEmail);
    expect(code).toMatch(/^\d{6}$/);
    const mail = smtp.messages.filter((m) => m.to.includes(invite.contactEmail)).at(-1)!;
    // The contact's language (InviteLink.locale).
    expect(mail.subject).toContain("Bestätigungscode");
    expect(mail.text).toContain("Guten Tag Kim Kontakt");

    const session = await sessionOf(opened.sessionToken);
    expect(session!.verifiedAt).toBeNull();
    expect(session!.codeHash).toBe(vendorCodeHash(session!.id, code));
    expect(session!.codeHash).not.toContain(code);
    expect(session!.codeHash).not.toBe(sha256Hex(code));
    const minutes = (session!.codeExpiresAt!.getTime() - session!.createdAt.getTime()) / 60_000;
    expect(minutes).toBeCloseTo(CODE_TTL_MINUTES, 0);

    // Nothing of the portal before the code.
    const refused = await rejectionOf(
      requireVendorSession(await portalRequest(opened.sessionToken)),
    );
    expect((refused as Response).headers.get("Location")).toBe("/portal/verify");
    const sent = (await auditEventsOf(s.org.id, "vendor.code_sent")).filter(
      (e) => e.actorId === invite.inviteId,
    );
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!.payload)).toEqual({ reason: "new_browser" });
  });

  it("confirms the code: verified session, remembered device (hash only), vendor.device_verified", async () => {
    const invite = await s.createInvite();
    const opened = await open(invite);
    const code = await codeFromMail(smtp, invite.contactEmail);
    const ip = nextIp();
    const result = await verifyVendorCode(
      opened.sessionToken,
      ` ${code.slice(0, 3)} ${code.slice(3)} `,
      ip,
    );
    expect(result.kind).toBe("ok");
    if (result.kind !== "ok") return;
    expect(result.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const session = await sessionOf(opened.sessionToken);
    expect(session!.verifiedAt).not.toBeNull();
    expect(session!.codeHash).toBeNull();
    const device = await db().vendorDevice.findUnique({
      where: { id: sha256Hex(result.deviceToken) },
    });
    expect(device).toMatchObject({ inviteLinkId: invite.inviteId, organizationId: s.org.id });
    expect(
      Math.round((device!.expiresAt.getTime() - device!.createdAt.getTime()) / 86_400_000),
    ).toBe(30);
    expect(await db().vendorDevice.findUnique({ where: { id: result.deviceToken } })).toBeNull();

    const actor = await requireVendorSession(await portalRequest(opened.sessionToken));
    expect(actor.inviteLinkId).toBe(invite.inviteId);
    const verified = (await auditEventsOf(s.org.id, "vendor.device_verified")).filter(
      (e) => e.actorId === invite.inviteId,
    );
    expect(verified).toHaveLength(1);
    expect(verified[0]!.ipAddress).toBe(ip);

    // The code works once: the session is verified, a replay changes nothing.
    expect((await verifyVendorCode(opened.sessionToken, code, ip)).kind).toBe("already_verified");
  });

  it("ends the session after five wrong codes; even the right code is then useless", async () => {
    const invite = await s.createInvite();
    const opened = await open(invite);
    const code = await codeFromMail(smtp, invite.contactEmail);
    for (let attempt = 1; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      expect(await verifyVendorCode(opened.sessionToken, wrongCode(code), nextIp())).toEqual({
        kind: "invalid",
        attemptsLeft: MAX_CODE_ATTEMPTS - attempt,
      });
    }
    expect((await sessionOf(opened.sessionToken))!.codeAttempts).toBe(MAX_CODE_ATTEMPTS - 1);
    expect(await verifyVendorCode(opened.sessionToken, wrongCode(code), nextIp())).toEqual({
      kind: "dead",
    });
    expect(await sessionOf(opened.sessionToken)).toBeNull();
    expect((await verifyVendorCode(opened.sessionToken, code, nextIp())).kind).toBe("no_session");
    const ended = await rejectionOf(requireVendorSession(await portalRequest(opened.sessionToken)));
    expect((ended as Response).headers.get("Location")).toBe("/portal/ended");

    const failed = (await auditEventsOf(s.org.id, "vendor.code_failed")).filter(
      (e) => e.actorId === invite.inviteId,
    );
    expect(failed.map((e) => JSON.parse(e.payload) as unknown)).toEqual(
      [1, 2, 3, 4, 5].map((attempt) => ({ attempt, sessionEnded: attempt === 5 })),
    );
    expect(await db().vendorDevice.count({ where: { inviteLinkId: invite.inviteId } })).toBe(0);
  });

  it("refuses an expired code and malformed input (the latter without counting an attempt)", async () => {
    const invite = await s.createInvite();
    const opened = await open(invite);
    const code = await codeFromMail(smtp, invite.contactEmail);
    for (const input of ["", "12345", "1234567", "abcdef", "12345x"]) {
      expect((await verifyVendorCode(opened.sessionToken, input, nextIp())).kind, input).toBe(
        "malformed",
      );
    }
    expect((await sessionOf(opened.sessionToken))!.codeAttempts).toBe(0);
    await db().vendorSession.update({
      where: { id: sha256Hex(opened.sessionToken) },
      data: { codeExpiresAt: new Date(Date.now() - 1000) },
    });
    expect((await verifyVendorCode(opened.sessionToken, code, nextIp())).kind).toBe("expired");
    expect((await sessionOf(opened.sessionToken))!.verifiedAt).toBeNull();
  });

  it("resends at most once a minute; the new code replaces the old one", async () => {
    const invite = await s.createInvite();
    const opened = await open(invite);
    const first = await codeFromMail(smtp, invite.contactEmail);
    const tooSoon = await resendVendorCode(opened.sessionToken, nextIp());
    expect(tooSoon.kind).toBe("too_soon");
    if (tooSoon.kind === "too_soon") expect(tooSoon.retryAfterSeconds).toBeGreaterThan(50);

    // As if the first code had been sent 61 s ago.
    const id = sha256Hex(opened.sessionToken);
    const age = async () =>
      db().vendorSession.update({
        where: { id },
        data: { codeExpiresAt: new Date(Date.now() + CODE_TTL_MINUTES * 60_000 - 61_000) },
      });
    await age();
    const mailsBefore = smtp.messages.length;
    expect(await resendVendorCode(opened.sessionToken, nextIp())).toEqual({ kind: "sent" });
    await smtp.waitFor(
      (m) => smtp.messages.indexOf(m) >= mailsBefore && m.to.includes(invite.contactEmail),
    );
    const second = await codeFromMail(smtp, invite.contactEmail);
    const stored = await sessionOf(opened.sessionToken);
    expect(stored!.codeHash).toBe(vendorCodeHash(id, second));
    if (second !== first)
      expect((await verifyVendorCode(opened.sessionToken, first, nextIp())).kind).toBe("invalid");
    expect((await verifyVendorCode(opened.sessionToken, second, nextIp())).kind).toBe("ok");
    const sent = (await auditEventsOf(s.org.id, "vendor.code_sent")).filter(
      (e) => e.actorId === invite.inviteId,
    );
    expect(sent.map((e) => (JSON.parse(e.payload) as { reason: string }).reason)).toEqual([
      "new_browser",
      "resend",
    ]);
  });

  it("rate-limits resends per session", async () => {
    const invite = await s.createInvite();
    const opened = await open(invite);
    const id = sha256Hex(opened.sessionToken);
    for (let i = 0; i < VENDOR_CODE_LIMITS.resendPerSession.limit; i++) {
      await db().vendorSession.update({
        where: { id },
        data: { codeExpiresAt: new Date(Date.now() + CODE_TTL_MINUTES * 60_000 - 61_000) },
      });
      expect((await resendVendorCode(opened.sessionToken, nextIp())).kind).toBe("sent");
    }
    await db().vendorSession.update({
      where: { id },
      data: { codeExpiresAt: new Date(Date.now() + CODE_TTL_MINUTES * 60_000 - 61_000) },
    });
    expect((await resendVendorCode(opened.sessionToken, nextIp())).kind).toBe("rate_limited");
  });

  it("rate-limits code checks per session and per address", async () => {
    const invite = await s.createInvite();
    const opened = await open(invite);
    // Per session: malformed checks count too (from ever new addresses).
    for (let i = 0; i < VENDOR_CODE_LIMITS.verifyPerSession.limit; i++) {
      expect((await verifyVendorCode(opened.sessionToken, "x", nextIp())).kind).toBe("malformed");
    }
    expect((await verifyVendorCode(opened.sessionToken, "x", nextIp())).kind).toBe("rate_limited");

    // Per address: spread over many sessions of another link.
    const other = await s.createInvite();
    const ip = nextIp();
    let checks = 0;
    while (checks < VENDOR_CODE_LIMITS.verifyPerIp.limit) {
      const session = await open(other);
      for (let i = 0; i < 3 && checks < VENDOR_CODE_LIMITS.verifyPerIp.limit; i++, checks++) {
        expect((await verifyVendorCode(session.sessionToken, "x", ip)).kind).toBe("malformed");
      }
    }
    const fresh = await open(other);
    expect((await verifyVendorCode(fresh.sessionToken, "x", ip)).kind).toBe("rate_limited");
    expect((await verifyVendorCode(fresh.sessionToken, "x", nextIp())).kind).toBe("malformed");
  });
});

describe("a remembered browser", () => {
  async function rememberedDevice() {
    const invite = await s.createInvite();
    const opened = await open(invite);
    const verified = await verifyVendorCode(
      opened.sessionToken,
      await codeFromMail(smtp, invite.contactEmail),
      nextIp(),
    );
    if (verified.kind !== "ok") throw new Error("verification failed");
    return { invite, deviceToken: verified.deviceToken };
  }

  it("skips the code on the next Continue with the same link, without a mail", async () => {
    const { invite, deviceToken } = await rememberedDevice();
    const mailsBefore = smtp.messages.filter((m) => m.to.includes(invite.contactEmail)).length;
    const again = await open(invite, deviceToken);
    expect(again.verified).toBe(true);
    expect((await sessionOf(again.sessionToken))!.verifiedAt).not.toBeNull();
    expect((await requireVendorSession(await portalRequest(again.sessionToken))).inviteLinkId).toBe(
      invite.inviteId,
    );
    expect(smtp.messages.filter((m) => m.to.includes(invite.contactEmail)).length).toBe(
      mailsBefore,
    );
    const opened = (await auditEventsOf(s.org.id, "invite.opened")).filter(
      (e) => e.actorId === invite.inviteId,
    );
    expect(JSON.parse(opened.at(-1)!.payload)).toEqual({ knownDevice: true });
  });

  it("is worth nothing for another link, when expired, or when forged", async () => {
    const { deviceToken } = await rememberedDevice();
    const other = await s.createInvite();
    expect((await open(other, deviceToken)).verified).toBe(false);
    expect((await open(other, Buffer.alloc(32, 7).toString("base64url"))).verified).toBe(false);
    expect((await open(other, "not a token")).verified).toBe(false);

    const { invite, deviceToken: expiring } = await rememberedDevice();
    await db().vendorDevice.update({
      where: { id: sha256Hex(expiring) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await open(invite, expiring)).verified).toBe(false);
  });
});

describe("malformed input (issue 12, item 8: each use case parses its own input)", () => {
  it("verifyVendorCode: a code that is no text is 'malformed' before anything is counted; resendVendorCode: an address that is no text is refused", async () => {
    const invite = await s.createInvite();
    const opened = await open(invite);
    await codeFromMail(smtp, invite.contactEmail);
    const sessionKey = `vendor-code:session:${sha256Hex(opened.sessionToken)}`;
    expect(
      await verifyVendorCode(opened.sessionToken, 123456 as unknown as string, nextIp()),
    ).toEqual({ kind: "malformed" });
    expect(await db().rateLimitBucket.count({ where: { key: sessionKey } })).toBe(0);
    const error = await resendVendorCode(opened.sessionToken, {
      v4: "192.0.2.1",
    } as unknown as string).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "VALIDATION", key: expect.stringMatching(/^errors\./) });
    expect((await sessionOf(opened.sessionToken))!.codeAttempts).toBe(0);
  });
});
