import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { delegateSections } from "~/modules/portal/delegate-sections.server";
import { describeInvite, exchangeInviteToken } from "~/modules/portal/invite-links.server";
import { verifyVendorCode } from "~/modules/portal/vendor-devices-code.server";
import { sha256Hex } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { resetEnvForTests } from "~/utils/env.server";
import { DomainError } from "~/utils/errors";
import {
  auditEventsOf,
  createAssessmentScenario,
  rejectionOf,
  tokenFromInviteUrl,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { startSmtpCatcher, type SmtpCatcher } from "../../../tests/support/smtp-catcher";
import { codeFromMail } from "../../../tests/support/vendor-sessions";
import { createInviteSchema } from "./create-invite-link.server";
import { listInviteLinks } from "./list-invite-links.server";
import { reissueInviteLink } from "./reissue-invite-link.server";
import { revokeInviteLink } from "./revoke-invite-link.server";

/**
 * Re-issue (token rotation), revocation of sessions and remembered browsers, the per-assessment
 * link lifetime and the assessor's link list, against the real database and SMTP catcher.
 */
// Lets one test make the audit write fail inside the re-issue's transaction.
const auditFailure = vi.hoisted(() => ({ action: null as string | null }));
vi.mock("../audit/record-audit-event.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../audit/record-audit-event.server")>();
  return {
    ...actual,
    recordAuditEvent: async (...args: Parameters<typeof actual.recordAuditEvent>) => {
      const event = await actual.recordAuditEvent(...args);
      if (auditFailure.action !== null && args[2].action === auditFailure.action)
        throw new Error("audit store unavailable (simulated)");
      return event;
    },
  };
});
afterEach(() => {
  auditFailure.action = null;
});

let smtp: SmtpCatcher;
const previousMailUrl = process.env.MAIL_URL;
let s: AssessmentScenario;
let ipCounter = 0;
const nextIp = () => `198.18.0.${++ipCounter}`;

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

/** An opened and verified session plus a remembered browser of the invite. */
async function usedInvite(input: Parameters<AssessmentScenario["createInvite"]>[0] = {}) {
  const invite = await s.createInvite(input);
  const opened = await exchangeInviteToken(invite.token, nextIp(), "ua");
  if (opened.kind !== "ok") throw new Error("exchange failed");
  const verified = await verifyVendorCode(
    opened.sessionToken,
    await codeFromMail(smtp, invite.contactEmail),
    nextIp(),
  );
  if (verified.kind !== "ok") throw new Error("verification failed");
  return { invite, sessionToken: opened.sessionToken, deviceToken: verified.deviceToken };
}

describe("reissueInviteLink", () => {
  it("rotates the token: the old one is unknown at once, sessions and devices end, a new mail goes out", async () => {
    const { invite, deviceToken } = await usedInvite({ locale: "de", contactName: "Kim" });
    const before = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } });

    const reissued = await reissueInviteLink(s.assessor, { inviteId: invite.inviteId });
    const newToken = tokenFromInviteUrl(reissued.url);
    expect(newToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken).not.toBe(invite.token);
    expect(reissued.inviteId).toBe(invite.inviteId);

    const after = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } });
    expect(after.tokenHash).toBe(sha256Hex(newToken));
    expect(after.tokenHash).not.toBe(before.tokenHash);
    expect(after.rotatedAt).not.toBeNull();
    expect(await db().vendorSession.count({ where: { inviteLinkId: invite.inviteId } })).toBe(0);
    expect(await db().vendorDevice.count({ where: { inviteLinkId: invite.inviteId } })).toBe(0);

    // The old URL: unknown (404 page), cannot be exchanged.
    expect(await describeInvite(invite.token)).toEqual({ state: "unknown", details: null });
    expect(await exchangeInviteToken(invite.token, nextIp(), "ua")).toEqual({
      kind: "invalid",
      state: "unknown",
    });
    // The new one works; the old browser is a new browser again (its device was forgotten).
    expect((await describeInvite(newToken)).state).toBe("valid");
    const again = await exchangeInviteToken(newToken, nextIp(), "ua", deviceToken);
    expect(again.kind === "ok" && again.verified).toBe(false);

    const mail = await smtp.waitFor(
      (m) => m.to.includes(invite.contactEmail) && m.text.includes(reissued.url),
    );
    expect(mail.text).toContain("Guten Tag Kim");
    expect(mail.text).not.toContain(invite.token);
    const events = (await auditEventsOf(s.org.id, "invite.reissued")).filter(
      (e) => e.targetId === invite.inviteId,
    );
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({
      assessmentId: s.assessment.id,
      endedSessions: 1,
      forgottenDevices: 1,
    });
    expect(events[0]!.payload).not.toContain(newToken);

    const listed = (await listInviteLinks(s.assessor, s.assessment.id)).links.find(
      (l) => l.id === invite.inviteId,
    )!;
    expect(listed.status).toBe("rotated");
  });

  it("renews an expired link; refuses revoked links, auditors and other organisations", async () => {
    const invite = await s.createInvite();
    await db().inviteLink.update({
      where: { id: invite.inviteId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const renewed = await reissueInviteLink(s.assessor, { inviteId: invite.inviteId });
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect((await describeInvite(tokenFromInviteUrl(renewed.url))).state).toBe("valid");

    const revoked = await s.createInvite();
    await revokeInviteLink(s.assessor, { inviteId: revoked.inviteId });
    expect(
      (
        (await rejectionOf(
          reissueInviteLink(s.assessor, { inviteId: revoked.inviteId }),
        )) as DomainError
      ).code,
    ).toBe("INVALID_STATE");
    expect(
      (
        (await rejectionOf(
          reissueInviteLink(s.auditor, { inviteId: invite.inviteId }),
        )) as DomainError
      ).code,
    ).toBe("FORBIDDEN");
    const other = await createAssessmentScenario();
    const hashBefore = (await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } }))
      .tokenHash;
    expect(
      (
        (await rejectionOf(
          reissueInviteLink(other.assessor, { inviteId: invite.inviteId }),
        )) as DomainError
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } })).tokenHash,
    ).toBe(hashBefore);
  });
});

/** The contact of `invite` delegates `sections` to a colleague, who opens the link and confirms the code. */
async function usedDelegation(
  delegatorInviteId: string,
  colleagueEmail: string,
  sections: string[],
) {
  const delegator = await s.vendorActorFor(delegatorInviteId);
  await delegateSections(delegator, { contactEmail: colleagueEmail, sections, locale: "en" });
  const mail = await smtp.waitFor(
    (m) => m.to.includes(colleagueEmail) && /\/invite\//.test(m.text),
  );
  const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
  const link = await db().inviteLink.findUniqueOrThrow({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true },
  });
  const opened = await exchangeInviteToken(token, nextIp(), "ua");
  if (opened.kind !== "ok") throw new Error("exchange of the delegated link failed");
  const verified = await verifyVendorCode(
    opened.sessionToken,
    await codeFromMail(smtp, colleagueEmail),
    nextIp(),
  );
  if (verified.kind !== "ok") throw new Error("verification of the delegated link failed");
  return {
    inviteId: link.id,
    token,
    sessionToken: opened.sessionToken,
    deviceToken: verified.deviceToken,
  };
}

describe("re-issue ends everything derived from the old token (issue 11, item 12)", () => {
  it("delegations made with the link (and theirs) are revoked, their sessions and remembered browsers end", async () => {
    const { invite, sessionToken } = await usedInvite();
    const colleague = await usedDelegation(invite.inviteId, `colleague-${ipCounter}@acme.example`, [
      "security",
      "transparency",
    ]);
    const nested = await usedDelegation(colleague.inviteId, `nested-${ipCounter}@acme.example`, [
      "security",
    ]);
    const unrelated = await usedInvite();

    await reissueInviteLink(s.assessor, { inviteId: invite.inviteId });

    expect(
      await db().vendorSession.findUnique({ where: { id: sha256Hex(sessionToken) } }),
    ).toBeNull();
    for (const derived of [colleague, nested]) {
      const link = await db().inviteLink.findUniqueOrThrow({ where: { id: derived.inviteId } });
      expect(link.revokedAt, "delegated link revoked").not.toBeNull();
      expect(
        await db().vendorSession.findUnique({ where: { id: sha256Hex(derived.sessionToken) } }),
      ).toBeNull();
      expect(
        await db().vendorDevice.findUnique({ where: { id: sha256Hex(derived.deviceToken) } }),
      ).toBeNull();
      expect(await exchangeInviteToken(derived.token, nextIp(), "ua", derived.deviceToken)).toEqual(
        { kind: "invalid", state: "revoked" },
      );
    }
    // Another contact's link of the same assessment is not touched.
    expect(
      await db().vendorSession.count({ where: { inviteLinkId: unrelated.invite.inviteId } }),
    ).toBe(1);
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: unrelated.invite.inviteId } }))
        .revokedAt,
    ).toBeNull();

    const [event] = (await auditEventsOf(s.org.id, "invite.reissued")).filter(
      (e) => e.targetId === invite.inviteId,
    );
    expect(JSON.parse(event!.payload)).toMatchObject({
      endedSessions: 3,
      forgottenDevices: 3,
      delegations: [colleague.inviteId, nested.inviteId],
    });
  });

  it("when the audit event cannot be written, nothing is re-issued or ended (one transaction)", async () => {
    const { invite, sessionToken } = await usedInvite();
    const colleague = await usedDelegation(invite.inviteId, `colleague-${ipCounter}@acme.example`, [
      "security",
    ]);
    const before = await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } });
    auditFailure.action = "invite.reissued";
    await expect(reissueInviteLink(s.assessor, { inviteId: invite.inviteId })).rejects.toThrow(
      "audit store unavailable",
    );
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: invite.inviteId } })).tokenHash,
    ).toBe(before.tokenHash);
    expect(
      await db().vendorSession.findUnique({ where: { id: sha256Hex(sessionToken) } }),
    ).not.toBeNull();
    expect(
      (await db().inviteLink.findUniqueOrThrow({ where: { id: colleague.inviteId } })).revokedAt,
    ).toBeNull();
    expect(
      await db().vendorSession.findUnique({ where: { id: sha256Hex(colleague.sessionToken) } }),
    ).not.toBeNull();
  });
});

describe("revokeInviteLink", () => {
  it("ends sessions and forgets remembered browsers of the link", async () => {
    const { invite, sessionToken, deviceToken } = await usedInvite();
    await revokeInviteLink(s.assessor, { inviteId: invite.inviteId });
    expect(
      await db().vendorSession.findUnique({ where: { id: sha256Hex(sessionToken) } }),
    ).toBeNull();
    expect(
      await db().vendorDevice.findUnique({ where: { id: sha256Hex(deviceToken) } }),
    ).toBeNull();
    expect(await exchangeInviteToken(invite.token, nextIp(), "ua", deviceToken)).toEqual({
      kind: "invalid",
      state: "revoked",
    });
  });
});

describe("link lifetime per assessment", () => {
  it("validates 1–180 days", () => {
    for (const ttlDays of ["0", "181", "-1", "2.5", "x"]) {
      expect(
        createInviteSchema.safeParse({ contactEmail: "a@b.example", ttlDays }).success,
        ttlDays,
      ).toBe(false);
    }
    expect(
      createInviteSchema.parse({ contactEmail: "a@b.example", ttlDays: "" }).ttlDays,
    ).toBeUndefined();
    expect(createInviteSchema.parse({ contactEmail: "a@b.example", ttlDays: "180" }).ttlDays).toBe(
      180,
    );
  });

  it("a validity given on the invite form becomes the assessment's setting for later links and re-issues", async () => {
    const scenario = await createAssessmentScenario();
    const first = await scenario.createInvite();
    expect((await scenario.reload()).inviteTtlDays).toBeNull();
    expect(Math.round((first.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(30);

    await scenario.createInvite({ ttlDays: 7 });
    expect((await scenario.reload()).inviteTtlDays).toBe(7);
    const later = await scenario.createInvite();
    expect(Math.round((later.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(7);
    const reissued = await reissueInviteLink(scenario.assessor, { inviteId: first.inviteId });
    expect(Math.round((reissued.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(7);
    expect((await listInviteLinks(scenario.assessor, scenario.assessment.id)).ttlDays).toBe(7);
  });
});

describe("listInviteLinks", () => {
  it("shows contact, language, status and coarse last use, never a hash; foreign assessments are not found", async () => {
    const { invite } = await usedInvite({ locale: "de" });
    const view = await listInviteLinks(s.auditor, s.assessment.id);
    const row = view.links.find((l) => l.id === invite.inviteId)!;
    expect(row).toMatchObject({
      contactEmail: invite.contactEmail,
      locale: "de",
      status: "active",
      useCount: 1,
      sections: null,
      delegatedBy: null,
    });
    expect(row.lastUsedIp).toMatch(/^198\.18\.0\.0\/24$/);
    const text = JSON.stringify(view);
    expect(text).not.toContain("tokenHash");
    const hashes = await db().inviteLink.findMany({
      where: { assessmentId: s.assessment.id },
      select: { tokenHash: true },
    });
    for (const { tokenHash } of hashes) expect(text).not.toContain(tokenHash);
    const other = await createAssessmentScenario();
    expect(
      ((await rejectionOf(listInviteLinks(other.assessor, s.assessment.id))) as DomainError).code,
    ).toBe("NOT_FOUND");
  });
});
