import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "../../utils/db.server";
import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { clientIp, coarseIp } from "../../utils/request-context.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";
import { vendorSessionCookie } from "../auth/cookies.server";
import { consumeRateLimit, RATE_LIMITS } from "../auth/rate-limit.server";
import {
  codeMailLimitKey,
  newVendorCode,
  VENDOR_CODE_LIMITS,
  vendorCodeMail,
} from "./vendor-devices-code.server";
import { findTrustedDevice } from "./vendor-devices.server";
import { enqueueMail } from "../mail/enqueue-mail.server";

export const VENDOR_SESSION_HOURS = 12;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type InviteState = "valid" | "expired" | "revoked" | "unknown" | "closed";

async function findInvite(token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  return db().inviteLink.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: {
      id: true,
      organizationId: true,
      assessmentId: true,
      contactEmail: true,
      contactName: true,
      locale: true,
      expiresAt: true,
      revokedAt: true,
      assessment: {
        select: {
          title: true,
          status: true,
          dueDate: true,
          vendor: { select: { name: true } },
          organization: { select: { name: true } },
        },
      },
    },
  });
}

function stateOf(invite: Awaited<ReturnType<typeof findInvite>>, now = new Date()): InviteState {
  if (!invite) return "unknown";
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  if (invite.assessment.status === "CANCELLED") return "closed";
  return "valid";
}

/** What the landing page may show. Reading changes nothing (mail scanners open links). */
export async function describeInvite(token: string) {
  const invite = await findInvite(token);
  const state = stateOf(invite);
  if (!invite || state !== "valid") return { state, details: null };
  return {
    state,
    details: {
      organizationName: invite.assessment.organization.name,
      vendorName: invite.assessment.vendor.name,
      assessmentTitle: invite.assessment.title,
      dueDate: invite.assessment.dueDate,
    },
  };
}

export type ExchangeResult =
  | { kind: "ok"; sessionToken: string; verified: boolean }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "invalid"; state: InviteState };

/**
 * POST only: exchanges a valid invite token for a short vendor session and records its use
 * (coarse address only). A browser that presents a trusted device cookie of this link gets a
 * verified session; any other browser gets an unverified one and the contact a 6-digit code.
 */
export async function exchangeInviteToken(
  token: string,
  ip: string | null,
  userAgent: string | null,
  deviceToken?: unknown,
): Promise<ExchangeResult> {
  const ipKey = `invite:ip:${ip ?? "unknown"}`;
  const limit = await consumeRateLimit(ipKey, RATE_LIMITS.invitePerIp);
  if (limit.limited) return { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  const invite = await findInvite(token);
  const state = stateOf(invite);
  if (!invite || state !== "valid") return { kind: "invalid", state };

  const sessionToken = generateToken(32);
  const sessionId = sha256Hex(sessionToken);
  const pending = await inTransaction(async (tx) => {
    const now = new Date();
    const deviceId = await findTrustedDevice(tx, deviceToken, invite.id, now);
    await tx.inviteLink.update({
      where: { id: invite.id },
      data: {
        lastUsedAt: now,
        lastUsedIp: coarseIp(ip),
        lastUsedUserAgent: userAgent?.slice(0, 300) ?? null,
        useCount: { increment: 1 },
      },
    });
    const code = deviceId ? null : newVendorCode(sessionId, now);
    await tx.vendorSession.create({
      data: {
        id: sessionId,
        organizationId: invite.organizationId,
        inviteLinkId: invite.id,
        expiresAt: new Date(now.getTime() + VENDOR_SESSION_HOURS * 3600_000),
        verifiedAt: deviceId ? now : null,
        codeHash: code?.codeHash ?? null,
        codeExpiresAt: code?.codeExpiresAt ?? null,
      },
    });
    if (code) {
      // Counted, never refused here: the contact may still resend from /portal/verify, where the
      // same per-link limit applies. Refusing the exchange would lock the contact out entirely.
      // Counted and queued in this transaction: the mail goes out if and only if the code exists.
      const mailLimit = await consumeRateLimit(
        codeMailLimitKey(invite.id),
        VENDOR_CODE_LIMITS.mailsPerLink,
        now,
        tx,
      );
      if (!mailLimit.limited) await enqueueMail(tx, vendorCodeMail(invite, code.code));
    }
    const actor: VendorActor = {
      kind: "vendor",
      organizationId: invite.organizationId,
      inviteLinkId: invite.id,
      assessmentId: invite.assessmentId,
      email: invite.contactEmail,
      ip,
    };
    await recordAuditEvent(tx, actor, {
      action: "invite.opened",
      target: { type: "assessment", id: invite.assessmentId },
      payload: { knownDevice: Boolean(deviceId) },
    });
    if (code)
      await recordAuditEvent(tx, actor, {
        action: "vendor.code_sent",
        target: { type: "invite", id: invite.id },
        payload: { reason: "new_browser" },
      });
    return code;
  });
  return { kind: "ok", sessionToken, verified: pending === null };
}

/** The raw vendor session token from the request's cookie (not yet checked). */
export async function readVendorSessionToken(request: Request): Promise<unknown> {
  return vendorSessionCookie().parse(request.headers.get("Cookie"));
}

/** Stored JSON is parsed again on read; anything but an array of strings grants no section. */
export function parseSections(json: string | null): string[] | null {
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/**
 * The vendor contact behind the vendor session cookie. No cookie, an ended session or link:
 * the "ended" page. A session whose e-mailed code is not confirmed yet: /portal/verify, so no
 * answer is ever shown before the code.
 */
export async function requireVendorSession(
  request: Request,
  context?: AppLoadContext,
): Promise<VendorActor> {
  const token = await readVendorSessionToken(request);
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) throw redirect("/portal/ended");
  const session = await findVendorSession(sha256Hex(token));
  const now = Date.now();
  if (
    !session ||
    session.expiresAt.getTime() <= now ||
    session.revokedAt ||
    session.linkExpiresAt.getTime() <= now
  ) {
    throw redirect("/portal/ended");
  }
  if (!session.verifiedAt) throw redirect("/portal/verify");
  context?.identify?.({
    organizationId: session.organizationId,
    inviteLinkId: session.inviteLinkId,
  });
  const sections = parseSections(session.sections);
  return {
    kind: "vendor",
    organizationId: session.organizationId,
    inviteLinkId: session.inviteLinkId,
    assessmentId: session.assessmentId,
    email: session.contactEmail,
    ip: clientIp(context),
    ...(sections ? { sections } : {}),
  };
}

interface VendorSessionRow {
  expiresAt: Date;
  verifiedAt: Date | null;
  inviteLinkId: string;
  organizationId: string;
  assessmentId: string;
  contactEmail: string;
  revokedAt: Date | null;
  linkExpiresAt: Date;
  sections: string | null;
}

/**
 * The session and its invite link in ONE tagged query (portable across SQLite and PostgreSQL):
 * every portal request runs it, autosave several times a minute per contact, and Prisma 6's query
 * compiler spends more CPU compiling the equivalent findUnique-with-select than the database
 * spends answering it (ADR 0021).
 */
async function findVendorSession(id: string): Promise<VendorSessionRow | null> {
  const rows = await db().$queryRaw<VendorSessionRow[]>`
    SELECT s."expiresAt", s."verifiedAt", l."id" AS "inviteLinkId", l."organizationId", l."assessmentId",
           l."contactEmail", l."revokedAt", l."expiresAt" AS "linkExpiresAt", l."sections"
    FROM "VendorSession" s
    JOIN "InviteLink" l ON l."id" = s."inviteLinkId"
    WHERE s."id" = ${id}`;
  return rows[0] ?? null;
}
