import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "~/generated/sqlite/client";
import { createInviteLink } from "~/modules/assessments/create-invite-link.server";
import { getAssessment } from "~/modules/assessments/get-assessment.server";
import { revokeInviteLink } from "~/modules/assessments/revoke-invite-link.server";
import { vendorSessionCookie } from "~/modules/auth/cookies.server";
import { sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { getEnv, resetEnvForTests } from "~/utils/env.server";
import {
  auditEventsOf,
  createAssessmentScenario,
  rejectionOf,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { startSmtpCatcher, type SmtpCatcher } from "../../../tests/support/smtp-catcher";
import { coarseIp } from "~/utils/request-context.server";
import {
  describeInvite,
  exchangeInviteToken,
  requireVendorSession,
  VENDOR_SESSION_HOURS,
} from "./invite-links.server";
import { codeFromMail } from "../../../tests/support/vendor-sessions";

/**
 * Invite links end to end against the real database and a real SMTP catcher: random token, only
 * its hash stored, mailed link, GET-safe landing page, POST exchange for a vendor session,
 * revocation, expiry and re-issue.
 */

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
let smtp: SmtpCatcher;
const previousMailUrl = process.env.MAIL_URL;
let s: AssessmentScenario;
let ipCounter = 0;
/** Each exchange gets its own address so the per-IP rate limit never interferes (except where tested). */
const nextIp = () => `198.51.100.${++ipCounter}`;

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

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Every row of every table, as JSON text (the model list comes from the generated client). */
async function everyRowAsText(): Promise<string> {
  const client = db() as unknown as Record<string, { findMany: () => Promise<unknown[]> }>;
  const parts: string[] = [];
  for (const model of Object.values(Prisma.ModelName)) {
    const rows = await client[lowerFirst(model)]!.findMany();
    parts.push(
      JSON.stringify(rows, (_key, value: unknown) =>
        typeof value === "bigint" ? value.toString() : value,
      ),
    );
  }
  return parts.join("\n");
}

async function cookieHeaderFor(sessionToken: string): Promise<string> {
  return (await vendorSessionCookie().serialize(sessionToken)).split(";")[0]!;
}

async function expectEndedRedirect(promise: Promise<unknown>) {
  const thrown = await rejectionOf(promise);
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).status).toBe(302);
  expect((thrown as Response).headers.get("Location")).toBe("/portal/ended");
}

describe("createInviteLink", () => {
  it("issues a 256-bit base64url token, stores only its SHA-256 and mails the link", async () => {
    expect((await s.reload()).status).toBe("DRAFT");
    const versionBefore = (await s.reload()).version;
    const invite = await s.createInvite({
      contactEmail: "security@acme.example",
      contactName: "Sam Security",
    });

    expect(invite.token).toMatch(TOKEN);
    expect(invite.url).toBe(`${getEnv().APP_URL}/invite/${invite.token}`);

    const row = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } });
    expect(row.tokenHash).toBe(sha256Hex(invite.token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row).toMatchObject({
      organizationId: s.org.id,
      assessmentId: s.assessment.id,
      contactEmail: "security@acme.example",
      contactName: "Sam Security",
      createdById: s.assessor.userId,
      useCount: 0,
      revokedAt: null,
      lastUsedAt: null,
    });
    // Default TTL (INVITE_TTL_DAYS = 30).
    const ttlMs = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(Math.abs(ttlMs - 30 * 86_400_000)).toBeLessThan(60_000);

    // The plain token is nowhere in the database: not in the invite row, not in the audit trail.
    const everything = await everyRowAsText();
    expect(everything).not.toContain(invite.token);
    expect(everything).toContain(row.tokenHash);

    // First invite moves DRAFT → INVITED.
    const assessment = await s.reload();
    expect(assessment.status).toBe("INVITED");
    expect(assessment.version).toBe(versionBefore + 1);

    const [created] = await auditEventsOf(s.org.id, "invite.created");
    expect(created).toMatchObject({
      actorType: "user",
      actorId: s.assessor.userId,
      targetType: "invite",
      targetId: invite.inviteId,
    });
    expect(JSON.parse(created!.payload)).toEqual({
      assessmentId: s.assessment.id,
      contactEmail: "security@acme.example",
      ttlDays: 30,
      locale: "en",
    });
    expect(row.locale).toBe("en");

    const mail = await smtp.waitFor((m) => m.to.includes("security@acme.example"));
    expect(mail.text).toContain(invite.url);
    expect(mail.text).toContain("Sam Security");
    expect(mail.subject).toContain(s.org.name);
  });

  it("honours ttlDays and the German mail", async () => {
    const invite = await s.createInvite({
      contactEmail: "kontakt@acme.example",
      ttlDays: 7,
      locale: "de",
    });
    expect(Math.abs(invite.expiresAt.getTime() - Date.now() - 7 * 86_400_000)).toBeLessThan(60_000);
    const mail = await smtp.waitFor((m) => m.to.includes("kontakt@acme.example"));
    expect(mail.text).toContain(invite.url);
    expect(mail.text).toContain("Guten Tag");
  });

  it("is refused for auditors and DPOs (FORBIDDEN), without a row or a mail", async () => {
    const invitesBefore = await db().inviteLink.count({ where: { assessmentId: s.assessment.id } });
    for (const actor of [s.auditor, s.dpo]) {
      const error = await rejectionOf(
        createInviteLink(actor, s.assessment.id, {
          contactEmail: "nobody@acme.example",
          locale: "en",
        }),
      );
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("FORBIDDEN");
    }
    expect(await db().inviteLink.count({ where: { assessmentId: s.assessment.id } })).toBe(
      invitesBefore,
    );
    expect(smtp.messages.some((m) => m.to.includes("nobody@acme.example"))).toBe(false);
  });

  it("never hands the token hash to the assessor's view", async () => {
    const view = await getAssessment(s.assessor, s.assessment.id);
    expect(view.invites.length).toBeGreaterThan(0);
    const text = JSON.stringify(view);
    expect(text).not.toContain("tokenHash");
    const hashes = await db().inviteLink.findMany({
      where: { assessmentId: s.assessment.id },
      select: { tokenHash: true },
    });
    for (const { tokenHash } of hashes) expect(text).not.toContain(tokenHash);
  });
});

describe("describeInvite (GET, link scanners)", () => {
  it("shows the landing details and changes nothing at all", async () => {
    const invite = await s.createInvite();
    const rowBefore = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } });
    const eventsBefore = await auditEventsOf(s.org.id);
    const sessionsBefore = await db().vendorSession.count();
    const bucketsBefore = await db().rateLimitBucket.findMany();

    for (let i = 0; i < 3; i++) {
      const described = await describeInvite(invite.token);
      expect(described.state).toBe("valid");
      expect(described.details).toEqual({
        organizationName: s.org.name,
        vendorName: s.vendor.name,
        assessmentTitle: s.assessment.title,
        dueDate: s.assessment.dueDate,
      });
    }

    expect(await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } })).toEqual(
      rowBefore,
    );
    expect(await auditEventsOf(s.org.id)).toEqual(eventsBefore);
    expect(await db().vendorSession.count()).toBe(sessionsBefore);
    expect(await db().rateLimitBucket.findMany()).toEqual(bucketsBefore);
  });

  it("answers 'unknown' for garbage, malformed and unissued tokens", async () => {
    const unissued = Buffer.alloc(32, 1).toString("base64url");
    for (const token of [
      "",
      "garbage",
      "../../etc/passwd",
      "a".repeat(42),
      "a".repeat(44),
      `${"a".repeat(42)}=`,
      unissued,
    ]) {
      expect(await describeInvite(token), token).toEqual({ state: "unknown", details: null });
    }
  });
});

describe("exchangeInviteToken (POST Continue)", () => {
  it("creates an unverified vendor session, records the (coarse) use and writes invite.opened", async () => {
    const invite = await s.createInvite();
    const ip = nextIp();
    const longAgent = `Mozilla/5.0 ${"x".repeat(400)}`;
    const before = Date.now();
    const result = await exchangeInviteToken(invite.token, ip, longAgent);
    expect(result.kind).toBe("ok");
    if (result.kind !== "ok") return;
    expect(result.sessionToken).toMatch(TOKEN);
    expect(result.sessionToken).not.toBe(invite.token);

    const row = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } });
    expect(row.useCount).toBe(1);
    // Only the /24 of the address is kept.
    expect(row.lastUsedIp).toBe(coarseIp(ip));
    expect(row.lastUsedIp).toMatch(/^198\.51\.100\.0\/24$/);
    expect(row.lastUsedUserAgent).toBe(longAgent.slice(0, 300));
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    // Only the hash of the session token is stored.
    const session = await db().vendorSession.findUniqueOrThrow({
      where: { id: sha256Hex(result.sessionToken) },
    });
    expect(session).toMatchObject({
      organizationId: s.org.id,
      inviteLinkId: invite.inviteId,
      verifiedAt: null,
      codeAttempts: 0,
    });
    const hours = (session.expiresAt.getTime() - session.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(VENDOR_SESSION_HOURS, 1);

    const opened = (await auditEventsOf(s.org.id, "invite.opened")).filter(
      (e) => e.actorId === invite.inviteId,
    );
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      actorType: "vendor",
      actorLabel: invite.contactEmail,
      ipAddress: ip,
      targetType: "assessment",
      targetId: s.assessment.id,
    });
    expect(await everyRowAsText()).not.toContain(result.sessionToken);

    // Before the e-mailed code, the session shows nothing: requireVendorSession sends it to /portal/verify.
    const request = new Request("http://127.0.0.1:3999/portal", {
      headers: { Cookie: await cookieHeaderFor(result.sessionToken) },
    });
    const unverified = await rejectionOf(
      requireVendorSession(request, { clientIp: ip, requestId: "r", cspNonce: "n" }),
    );
    expect((unverified as Response).status).toBe(302);
    expect((unverified as Response).headers.get("Location")).toBe("/portal/verify");
    // After it, the session cookie resolves to the vendor contact of this invite.
    const code = await codeFromMail(smtp, invite.contactEmail);
    const { verifyVendorCode } = await import("./vendor-devices-code.server");
    expect((await verifyVendorCode(result.sessionToken, code, ip)).kind).toBe("ok");
    const actor = await requireVendorSession(request, {
      clientIp: ip,
      requestId: "r",
      cspNonce: "n",
    });
    expect(actor).toEqual({
      kind: "vendor",
      organizationId: s.org.id,
      inviteLinkId: invite.inviteId,
      assessmentId: s.assessment.id,
      email: invite.contactEmail,
      ip,
    });

    // A second Continue counts again and opens a second session.
    const again = await exchangeInviteToken(invite.token, nextIp(), null);
    expect(again.kind).toBe("ok");
    const after = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } });
    expect(after.useCount).toBe(2);
    expect(after.lastUsedUserAgent).toBeNull();
    expect(await db().vendorSession.count({ where: { inviteLinkId: invite.inviteId } })).toBe(2);
  });

  it("rejects garbage tokens as 'unknown' without writing a session or an event", async () => {
    const sessionsBefore = await db().vendorSession.count();
    const eventsBefore = (await auditEventsOf(s.org.id)).length;
    for (const token of ["garbage", Buffer.alloc(32, 2).toString("base64url")]) {
      expect(await exchangeInviteToken(token, nextIp(), "ua")).toEqual({
        kind: "invalid",
        state: "unknown",
      });
    }
    expect(await db().vendorSession.count()).toBe(sessionsBefore);
    expect((await auditEventsOf(s.org.id)).length).toBe(eventsBefore);
  });

  it("rate-limits one address after 30 attempts", async () => {
    const ip = nextIp();
    for (let i = 0; i < 30; i++)
      expect((await exchangeInviteToken("garbage", ip, null)).kind).toBe("invalid");
    const limited = await exchangeInviteToken("garbage", ip, null);
    expect(limited.kind).toBe("rate_limited");
    // Another address is not affected.
    expect((await exchangeInviteToken("garbage", nextIp(), null)).kind).toBe("invalid");
  });

  it("a request without a valid vendor cookie is sent to the 'ended' page", async () => {
    await expectEndedRedirect(requireVendorSession(new Request("http://127.0.0.1:3999/portal")));
    const unknown = Buffer.alloc(32, 3).toString("base64url");
    await expectEndedRedirect(
      requireVendorSession(
        new Request("http://127.0.0.1:3999/portal", {
          headers: { Cookie: await cookieHeaderFor(unknown) },
        }),
      ),
    );
  });
});

describe("revoked, expired and closed invites", () => {
  it("revoking ends the sessions opened with the link and marks it 'revoked'", async () => {
    const invite = await s.createInvite();
    const first = await exchangeInviteToken(invite.token, nextIp(), "ua");
    const second = await exchangeInviteToken(invite.token, nextIp(), "ua");
    if (first.kind !== "ok" || second.kind !== "ok") throw new Error("exchange failed");
    expect(await db().vendorSession.count({ where: { inviteLinkId: invite.inviteId } })).toBe(2);

    await revokeInviteLink(s.assessor, { inviteId: invite.inviteId });

    const row = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } });
    expect(row.revokedAt).not.toBeNull();
    expect(await db().vendorSession.count({ where: { inviteLinkId: invite.inviteId } })).toBe(0);
    expect(await describeInvite(invite.token)).toEqual({ state: "revoked", details: null });
    expect(await exchangeInviteToken(invite.token, nextIp(), "ua")).toEqual({
      kind: "invalid",
      state: "revoked",
    });
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } })).useCount,
    ).toBe(2);
    await expectEndedRedirect(
      requireVendorSession(
        new Request("http://127.0.0.1:3999/portal", {
          headers: { Cookie: await cookieHeaderFor(first.sessionToken) },
        }),
      ),
    );

    const revoked = (await auditEventsOf(s.org.id, "invite.revoked")).filter(
      (e) => e.targetId === invite.inviteId,
    );
    expect(revoked).toHaveLength(1);
    expect(JSON.parse(revoked[0]!.payload)).toEqual({
      assessmentId: s.assessment.id,
      endedSessions: 2,
    });

    // Revoking again is a no-op (no second event).
    await revokeInviteLink(s.assessor, { inviteId: invite.inviteId });
    expect(
      (await auditEventsOf(s.org.id, "invite.revoked")).filter(
        (e) => e.targetId === invite.inviteId,
      ),
    ).toHaveLength(1);
  });

  it("auditors cannot revoke", async () => {
    const invite = await s.createInvite();
    const error = await rejectionOf(revokeInviteLink(s.auditor, { inviteId: invite.inviteId }));
    expect((error as DomainError).code).toBe("FORBIDDEN");
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } })).revokedAt,
    ).toBeNull();
  });

  it("an expired link says 'expired', cannot be exchanged and its open sessions stop working", async () => {
    const invite = await s.createInvite();
    const opened = await exchangeInviteToken(invite.token, nextIp(), "ua");
    if (opened.kind !== "ok") throw new Error("exchange failed");
    await db().inviteLink.update({
      where: { id: invite.inviteId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    expect(await describeInvite(invite.token)).toEqual({ state: "expired", details: null });
    expect(await exchangeInviteToken(invite.token, nextIp(), "ua")).toEqual({
      kind: "invalid",
      state: "expired",
    });
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } })).useCount,
    ).toBe(1);
    await expectEndedRedirect(
      requireVendorSession(
        new Request("http://127.0.0.1:3999/portal", {
          headers: { Cookie: await cookieHeaderFor(opened.sessionToken) },
        }),
      ),
    );
  });

  it("two invites for the same contact have different, independent tokens", async () => {
    const first = await s.createInvite({ contactEmail: "reissue@acme.example" });
    const second = await s.createInvite({ contactEmail: "reissue@acme.example" });
    expect(second.token).toMatch(TOKEN);
    expect(second.token).not.toBe(first.token);
    expect(second.inviteId).not.toBe(first.inviteId);
    const rows = await db().inviteLink.findMany({
      where: { id: { in: [first.inviteId, second.inviteId] } },
    });
    expect(new Set(rows.map((r) => r.tokenHash)).size).toBe(2);

    // Using one does not count for the other.
    expect((await exchangeInviteToken(second.token, nextIp(), "ua")).kind).toBe("ok");
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: first.inviteId } })).useCount,
    ).toBe(0);

    // Revoking the old one leaves the new one working, and vice versa.
    await revokeInviteLink(s.assessor, { inviteId: first.inviteId });
    expect((await describeInvite(first.token)).state).toBe("revoked");
    expect((await describeInvite(second.token)).state).toBe("valid");
    expect((await exchangeInviteToken(second.token, nextIp(), "ua")).kind).toBe("ok");
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: second.inviteId } })).useCount,
    ).toBe(2);
    expect(await db().vendorSession.count({ where: { inviteLinkId: second.inviteId } })).toBe(2);
  });

  it("a cancelled assessment closes its links", async () => {
    const other = await createAssessmentScenario({ organizationId: s.org.id });
    const invite = await other.createInvite();
    await db().assessment.update({
      where: { id: other.assessment.id },
      data: { status: "CANCELLED" },
    });
    expect(await describeInvite(invite.token)).toEqual({ state: "closed", details: null });
    expect(await exchangeInviteToken(invite.token, nextIp(), "ua")).toEqual({
      kind: "invalid",
      state: "closed",
    });
  });
});
