import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { newPasswordSchema } from "../auth/account.server";
import { preSessionActor } from "../auth/log-in.server";
import { hashPassword, verifyPassword } from "../auth/password.server";
import { checkRateLimits, hitRateLimit, RATE_LIMITS } from "../auth/rate-limit.server";
import { parseInput } from "./admin-access.server";
import { acceptInvitationSchema, personNameSchema, type AcceptInvitationInput } from "./admin-schemas";
import { findOpenInvitation } from "./find-open-invitation.server";
import type { Visitor } from "./visitor";

export type AcceptInvitationResult =
  | { kind: "joined"; userId: string; organizationId: string; existingAccount: boolean }
  | { kind: "wrong_password" }
  | { kind: "rate_limited"; retryAfterSeconds: number };

export function invitationRateLimitKey(ip: string | null): string {
  return `user-invitation:ip:${ip ?? "unknown"}`;
}

function isUniqueViolationOn(error: unknown, field: string): boolean {
  const e = error as { code?: string; meta?: unknown; message?: string };
  return e?.code === "P2002" && JSON.stringify(e.meta ?? {}).includes(field);
}

/**
 * Accepts an invitation: creates the account (name + password, argon2id) or, when the address
 * already has an account, checks that account's password; then adds the membership, marks the
 * invitation used and records `user.joined`, all in one transaction. Every POST counts against
 * the per-IP limit. Throws NOT_FOUND / GONE for links that do not work, VALIDATION with field
 * keys for a bad name or password.
 */
export async function acceptInvitation(visitor: Visitor, input: AcceptInvitationInput): Promise<AcceptInvitationResult> {
  const limitKey = invitationRateLimitKey(visitor.ip);
  const limit = await checkRateLimits([[limitKey, RATE_LIMITS.invitePerIp]]);
  if (limit.limited) return { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  await hitRateLimit(limitKey, RATE_LIMITS.invitePerIp);

  const parsed = parseInput(acceptInvitationSchema, input);
  const invitation = await findOpenInvitation(db(), parsed.token);
  const existing = await db().user.findUnique({
    where: { email: invitation.email },
    select: { id: true, email: true, passwordHash: true },
  });

  // The slow password work happens before the transaction opens.
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, parsed.password))) return { kind: "wrong_password" };
  } else {
    const fields: Record<string, string> = {};
    const name = personNameSchema.safeParse(parsed.name ?? "");
    if (!name.success) fields.name = name.error.issues[0]?.message ?? "admin.errorNameRequired";
    const password = newPasswordSchema.safeParse(parsed.password);
    if (!password.success) fields.password = `auth.${password.error.issues[0]?.message ?? "passwordTooShort"}`;
    if (!name.success || !password.success) throw new DomainError("VALIDATION", "admin.errorInvalidInput", { fields });
    newAccount = { name: name.data, passwordHash: await hashPassword(password.data) };
  }

  try {
    return await inTransaction(async (tx) => {
      const now = new Date();
      const claimed = await tx.userInvitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (claimed.count !== 1) throw new DomainError("GONE", "admin.invitationUsed");

      let user: { id: string; email: string };
      let membershipId: string;
      if (existing) {
        user = existing;
        const current = await tx.membership.findUnique({
          where: { organizationId_userId: { organizationId: invitation.organizationId, userId: existing.id } },
          select: { id: true, deactivatedAt: true },
        });
        if (current && !current.deactivatedAt) throw new DomainError("CONFLICT", "admin.errorAlreadyJoined");
        const membership = current
          ? await tx.membership.update({ where: { id: current.id }, data: { role: invitation.role, deactivatedAt: null }, select: { id: true } })
          : await tx.membership.create({
              data: { organizationId: invitation.organizationId, userId: existing.id, role: invitation.role },
              select: { id: true },
            });
        membershipId = membership.id;
      } else {
        const account = newAccount!;
        user = await tx.user.create({
          data: {
            email: invitation.email,
            name: account.name,
            passwordHash: account.passwordHash,
            passwordChangedAt: now,
            locale: parsed.locale ?? null,
          },
          select: { id: true, email: true },
        });
        const membership = await tx.membership.create({
          data: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role },
          select: { id: true },
        });
        membershipId = membership.id;
      }

      await recordAuditEvent(tx, preSessionActor(user, invitation.organizationId, visitor.ip), {
        action: "user.joined",
        target: { type: "user", id: user.id },
        payload: { invitationId: invitation.id, membershipId, email: user.email, role: invitation.role, existingAccount: Boolean(existing) },
      });
      return { kind: "joined", userId: user.id, organizationId: invitation.organizationId, existingAccount: Boolean(existing) } as const;
    });
  } catch (error) {
    // Someone created an account with this address between our check and the insert.
    if (isUniqueViolationOn(error, "email")) throw new DomainError("CONFLICT", "admin.errorAcceptRetry");
    throw error;
  }
}
