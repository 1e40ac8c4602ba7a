import { createHmac, randomInt } from "node:crypto";
import { z } from "zod";
import { constantTimeEqual, sha256Hex } from "../../utils/crypto.server";
import { db } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { isLocale, translate, type Locale } from "../../utils/i18n";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";
import { VENDOR_DEVICE_TTL_DAYS } from "../auth/cookies.server";
import { consumeRateLimits, type RateLimitRule } from "../auth/rate-limit.server";
import { enqueueMail } from "../mail/enqueue-mail.server";
import type { OutgoingMail } from "../mail/send-mail.server";
import { createVendorDevice } from "./vendor-devices.server";

/**
 * The 6-digit code that a vendor contact confirms on a new browser before any answer is shown.
 * Only a keyed hash (HMAC with SESSION_SECRET, bound to the session) is stored: a million codes
 * would be trivial to brute-force from a plain SHA-256 in a leaked database.
 */
export const CODE_TTL_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
export const RESEND_INTERVAL_SECONDS = 60;

export const VENDOR_CODE_LIMITS = {
  /** Code checks from one address, whatever the session (spraying many sessions). */
  verifyPerIp: { limit: 30, windowSeconds: 15 * 60 },
  /** Code checks of one session, malformed ones included (attempts only count well-formed codes). */
  verifyPerSession: { limit: 10, windowSeconds: 15 * 60 },
  resendPerSession: { limit: 5, windowSeconds: 60 * 60 },
  resendPerIp: { limit: 20, windowSeconds: 60 * 60 },
  /** Code mails per invite link (first codes and resends): nobody can flood a contact's inbox. */
  mailsPerLink: { limit: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function generateVendorCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

export function vendorCodeHash(sessionId: string, code: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET)
    .update(`vendor-code:${sessionId}:${code}`)
    .digest("hex");
}

/** A fresh code with the fields to store on the session. */
export function newVendorCode(sessionId: string, now = new Date()) {
  const code = generateVendorCode();
  return {
    code,
    codeHash: vendorCodeHash(sessionId, code),
    codeExpiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
  };
}

export const codeMailLimitKey = (inviteLinkId: string) => `vendor-code:link:${inviteLinkId}`;

export interface CodeMailLink {
  organizationId: string;
  contactEmail: string;
  contactName: string | null;
  locale: string;
  assessment: { title: string; organization: { name: string } };
}

export function vendorCodeMail(link: CodeMailLink, code: string): OutgoingMail {
  const locale: Locale = isLocale(link.locale) ? link.locale : "en";
  const organization = link.assessment.organization.name;
  return {
    to: link.contactEmail,
    organizationId: link.organizationId,
    subject: translate(locale, "access.codeMailSubject", { organization }),
    text: translate(locale, "access.codeMailBody", {
      name: link.contactName || link.contactEmail,
      organization,
      title: link.assessment.title,
      code,
      minutes: CODE_TTL_MINUTES,
    }),
  };
}

async function loadSession(sessionToken: unknown) {
  if (typeof sessionToken !== "string" || !SESSION_TOKEN.test(sessionToken)) return null;
  const session = await db().vendorSession.findUnique({
    where: { id: sha256Hex(sessionToken) },
    select: {
      id: true,
      expiresAt: true,
      verifiedAt: true,
      codeExpiresAt: true,
      inviteLink: {
        select: {
          id: true,
          organizationId: true,
          assessmentId: true,
          contactEmail: true,
          contactName: true,
          locale: true,
          revokedAt: true,
          expiresAt: true,
          assessment: { select: { title: true, organization: { select: { name: true } } } },
        },
      },
    },
  });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now) return null;
  if (session.inviteLink.revokedAt || session.inviteLink.expiresAt.getTime() <= now) return null;
  return session;
}

function actorOf(
  link: { id: string; organizationId: string; assessmentId: string; contactEmail: string },
  ip: string | null,
): VendorActor {
  return {
    kind: "vendor",
    organizationId: link.organizationId,
    inviteLinkId: link.id,
    assessmentId: link.assessmentId,
    email: link.contactEmail,
    ip,
  };
}

/** "se•••@acme.example": enough for the contact to recognise the inbox, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email.slice(0, Math.min(2, at))}•••${email.slice(at)}`;
}

function secondsUntilResend(codeExpiresAt: Date | null, now = Date.now()): number {
  if (!codeExpiresAt) return 0;
  const sentAt = codeExpiresAt.getTime() - CODE_TTL_MINUTES * 60_000;
  return Math.max(0, Math.ceil((sentAt + RESEND_INTERVAL_SECONDS * 1000 - now) / 1000));
}

/** What /portal/verify shows for the browser's vendor session. */
export async function describeVendorVerification(sessionToken: unknown) {
  const session = await loadSession(sessionToken);
  if (!session) return { state: "none" as const };
  if (session.verifiedAt) return { state: "verified" as const };
  return {
    state: "pending" as const,
    maskedEmail: maskEmail(session.inviteLink.contactEmail),
    organizationName: session.inviteLink.assessment.organization.name,
    resendInSeconds: secondsUntilResend(session.codeExpiresAt),
    codeMinutes: CODE_TTL_MINUTES,
    deviceDays: VENDOR_DEVICE_TTL_DAYS,
  };
}

export type VerifyCodeResult =
  | { kind: "ok"; deviceToken: string }
  | { kind: "already_verified" }
  | { kind: "no_session" }
  | { kind: "malformed" }
  | { kind: "expired" }
  | { kind: "invalid"; attemptsLeft: number }
  | { kind: "dead" }
  | { kind: "rate_limited"; retryAfterSeconds: number };

/** The longest code as typed that is still read (the form sends at most 20 characters). */
export const VENDOR_CODE_MAX_CHARS = 20;

/**
 * The session token stays `unknown` (it is a cookie's value; loadSession answers "no_session" for
 * anything that is not one); the address comes from the server. A code that is no text or too
 * long is "malformed", the use case's own answer, before anything is looked up or counted.
 */
export const verifyVendorCodeInputSchema = z.object({
  sessionToken: z.unknown(),
  code: z.unknown(),
  ip: z.string().nullable(),
});
export type VerifyVendorCodeInput = z.input<typeof verifyVendorCodeInputSchema>;
const vendorCodeSchema = z.string().max(VENDOR_CODE_MAX_CHARS);

/**
 * Checks the code. Success verifies the session, remembers the browser (device) and audits
 * vendor.device_verified; each wrong code is audited and counted, the fifth ends the session.
 */
export async function verifyVendorCode(
  sessionToken: unknown,
  rawCode: string,
  rawIp: string | null,
): Promise<VerifyCodeResult> {
  const { ip, ...input } = parseUseCaseInput(verifyVendorCodeInputSchema, {
    sessionToken,
    code: rawCode,
    ip: rawIp,
  });
  const typed = vendorCodeSchema.safeParse(input.code);
  if (!typed.success) return { kind: "malformed" };
  const session = await loadSession(input.sessionToken);
  if (!session) return { kind: "no_session" };
  if (session.verifiedAt) return { kind: "already_verified" };
  const keys: [string, RateLimitRule][] = [
    [`vendor-code:ip:${ip ?? "unknown"}`, VENDOR_CODE_LIMITS.verifyPerIp],
    [`vendor-code:session:${session.id}`, VENDOR_CODE_LIMITS.verifyPerSession],
  ];
  const limit = await consumeRateLimits(keys);
  if (limit.limited) return { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const code = typed.data.replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return { kind: "malformed" };

  const link = session.inviteLink;
  return inTransaction(async (tx): Promise<VerifyCodeResult> => {
    const now = new Date();
    const current = await tx.vendorSession.findUnique({
      where: { id: session.id },
      select: { verifiedAt: true, codeHash: true, codeExpiresAt: true },
    });
    if (!current) return { kind: "no_session" };
    if (current.verifiedAt) return { kind: "already_verified" };
    if (
      !current.codeHash ||
      !current.codeExpiresAt ||
      current.codeExpiresAt.getTime() <= now.getTime()
    )
      return { kind: "expired" };
    const actor = actorOf(link, ip);
    if (!constantTimeEqual(current.codeHash, vendorCodeHash(session.id, code))) {
      // Atomic increment: two parallel wrong guesses cannot both see "attempt 4".
      const { codeAttempts } = await tx.vendorSession.update({
        where: { id: session.id },
        data: { codeAttempts: { increment: 1 } },
        select: { codeAttempts: true },
      });
      const dead = codeAttempts >= MAX_CODE_ATTEMPTS;
      if (dead) await tx.vendorSession.delete({ where: { id: session.id } });
      await recordAuditEvent(tx, actor, {
        action: "vendor.code_failed",
        target: { type: "invite", id: link.id },
        payload: { attempt: codeAttempts, sessionEnded: dead },
      });
      return dead
        ? { kind: "dead" }
        : { kind: "invalid", attemptsLeft: MAX_CODE_ATTEMPTS - codeAttempts };
    }
    await tx.vendorSession.update({
      where: { id: session.id },
      data: { verifiedAt: now, codeHash: null, codeExpiresAt: null },
    });
    const device = await createVendorDevice(
      tx,
      { organizationId: link.organizationId, inviteLinkId: link.id },
      now,
    );
    await recordAuditEvent(tx, actor, {
      action: "vendor.device_verified",
      target: { type: "invite", id: link.id },
      payload: { deviceDays: VENDOR_DEVICE_TTL_DAYS },
    });
    return { kind: "ok", deviceToken: device.token };
  });
}

export type ResendCodeResult =
  | { kind: "sent" }
  | { kind: "already_verified" }
  | { kind: "no_session" }
  | { kind: "too_soon"; retryAfterSeconds: number }
  | { kind: "rate_limited"; retryAfterSeconds: number };

export const resendVendorCodeInputSchema = z.object({
  sessionToken: z.unknown(),
  ip: z.string().nullable(),
});
export type ResendVendorCodeInput = z.input<typeof resendVendorCodeInputSchema>;

/** A new code for the same session (the old one stops working); at most one per minute. */
export async function resendVendorCode(
  rawSessionToken: unknown,
  rawIp: string | null,
): Promise<ResendCodeResult> {
  const { sessionToken, ip } = parseUseCaseInput(resendVendorCodeInputSchema, {
    sessionToken: rawSessionToken,
    ip: rawIp,
  });
  const session = await loadSession(sessionToken);
  if (!session) return { kind: "no_session" };
  if (session.verifiedAt) return { kind: "already_verified" };
  const wait = secondsUntilResend(session.codeExpiresAt);
  if (wait > 0) return { kind: "too_soon", retryAfterSeconds: wait };
  const link = session.inviteLink;
  const keys: [string, RateLimitRule][] = [
    [`vendor-code-resend:session:${session.id}`, VENDOR_CODE_LIMITS.resendPerSession],
    [`vendor-code-resend:ip:${ip ?? "unknown"}`, VENDOR_CODE_LIMITS.resendPerIp],
    [codeMailLimitKey(link.id), VENDOR_CODE_LIMITS.mailsPerLink],
  ];
  const limit = await consumeRateLimits(keys);
  if (limit.limited) return { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  const fresh = newVendorCode(session.id);
  const updated = await inTransaction(async (tx) => {
    const result = await tx.vendorSession.updateMany({
      where: { id: session.id, verifiedAt: null },
      data: { codeHash: fresh.codeHash, codeExpiresAt: fresh.codeExpiresAt },
    });
    if (result.count === 0) return false;
    // Queued with the new code: the mail goes out if and only if the code is stored (ADR 0028).
    await enqueueMail(tx, vendorCodeMail(link, fresh.code));
    await recordAuditEvent(tx, actorOf(link, ip), {
      action: "vendor.code_sent",
      target: { type: "invite", id: link.id },
      payload: { reason: "resend" },
    });
    return true;
  });
  if (!updated) return { kind: "no_session" };
  return { kind: "sent" };
}
