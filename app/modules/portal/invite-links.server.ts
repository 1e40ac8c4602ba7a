import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "../../utils/db.server";
import { generateToken, sha256Hex } from "../../utils/crypto.server";
import { clientIp } from "../../utils/request-context.server";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { VendorActor } from "../auth/actor";
import { vendorSessionCookie } from "../auth/cookies.server";
import { checkRateLimits, hitRateLimit, RATE_LIMITS } from "../auth/rate-limit.server";

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
      expiresAt: true,
      revokedAt: true,
      assessment: {
        select: { title: true, status: true, dueDate: true, vendor: { select: { name: true } }, organization: { select: { name: true } } },
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
  | { kind: "ok"; sessionToken: string }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "invalid"; state: InviteState };

/** POST only: exchanges a valid invite token for a short vendor session and records its use. */
export async function exchangeInviteToken(token: string, ip: string | null, userAgent: string | null): Promise<ExchangeResult> {
  const ipKey = `invite:ip:${ip ?? "unknown"}`;
  const limit = await checkRateLimits([[ipKey, RATE_LIMITS.invitePerIp]]);
  if (limit.limited) return { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  await hitRateLimit(ipKey, RATE_LIMITS.invitePerIp);
  const invite = await findInvite(token);
  const state = stateOf(invite);
  if (!invite || state !== "valid") return { kind: "invalid", state };
  const sessionToken = generateToken(32);
  await inTransaction(async (tx) => {
    const now = new Date();
    await tx.inviteLink.update({
      where: { id: invite.id },
      data: { lastUsedAt: now, lastUsedIp: ip, lastUsedUserAgent: userAgent?.slice(0, 300) ?? null, useCount: { increment: 1 } },
    });
    await tx.vendorSession.create({
      data: {
        id: sha256Hex(sessionToken),
        organizationId: invite.organizationId,
        inviteLinkId: invite.id,
        expiresAt: new Date(now.getTime() + VENDOR_SESSION_HOURS * 3600_000),
      },
    });
    const actor: VendorActor = { kind: "vendor", organizationId: invite.organizationId, inviteLinkId: invite.id, assessmentId: invite.assessmentId, email: invite.contactEmail, ip };
    await recordAuditEvent(tx, actor, { action: "invite.opened", target: { type: "assessment", id: invite.assessmentId } });
  });
  return { kind: "ok", sessionToken };
}

/** The vendor contact behind the vendor session cookie, or a redirect to an explanation page. */
export async function requireVendorSession(request: Request, context?: AppLoadContext): Promise<VendorActor> {
  const token = await vendorSessionCookie().parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) throw redirect("/portal/ended");
  const session = await db().vendorSession.findUnique({
    where: { id: sha256Hex(token) },
    select: {
      expiresAt: true,
      inviteLink: { select: { id: true, organizationId: true, assessmentId: true, contactEmail: true, revokedAt: true, expiresAt: true } },
    },
  });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now || session.inviteLink.revokedAt || session.inviteLink.expiresAt.getTime() <= now) {
    throw redirect("/portal/ended");
  }
  const link = session.inviteLink;
  return { kind: "vendor", organizationId: link.organizationId, inviteLinkId: link.id, assessmentId: link.assessmentId, email: link.contactEmail, ip: clientIp(context) };
}
