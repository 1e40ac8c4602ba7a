import type { LocalizedMessage } from "../../utils/i18n";
import { messageForIssue } from "../../utils/validation-messages";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import { newPasswordSchema } from "../auth/account.server";
import { preSessionActor } from "../auth/log-in.server";
import { loginSourceOf } from "../auth/login-source.server";
import { hashPassword } from "../auth/password.server";
import { consumeRateLimit, RATE_LIMITS, type RateLimitRule } from "../auth/rate-limit.server";
import { parseInput } from "./admin-access.server";
import {
  personNameSchema,
  signUpByInvitationSchema,
  type SignUpByInvitationInput,
} from "./admin-schemas";
import { findInvitation, goneError, invitationStateOf } from "./find-open-invitation.server";
import { recordInvitationRefused } from "./invitation-events.server";
import type { Visitor } from "./visitor";

export const INVITATION_LIMITS = {
  /** Invitation pages posted from one address (IPv4, or IPv6 /64), whatever the invitation. */
  perIp: RATE_LIMITS.invitePerIp,
  /** Sign-up attempts on one invitation: bounds the password hashing and audit events per link. */
  perInvitation: { limit: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

/** The same answer whatever happened: the page must not tell whether the address has an account. */
export type SignUpByInvitationResult =
  { kind: "sign_in_to_continue" } | { kind: "rate_limited"; retryAfterSeconds: number };
const SIGN_IN_TO_CONTINUE = { kind: "sign_in_to_continue" } as const;

export function invitationIpLimitKey(ip: string | null): string {
  return `user-invitation:ip:${loginSourceOf(ip)}`;
}

/**
 * "Create your account" on the invitation page (issue 11, item 7). For an address without an
 * account it creates the account (argon2id), its membership and marks the invitation used, with
 * `user.joined`, in one transaction. For an address that already has an account it changes
 * nothing and takes no password: that account joins by signing in normally (its own limits and
 * second factor) and accepting (accept-invitation.server.ts). Both cases answer "sign in to
 * continue", after the same validation and the same password hashing, so neither the answer nor
 * its timing says whether the account exists; the inviting organisation's trail records the
 * refused sign-up. Throws NOT_FOUND / GONE for links that do not work, VALIDATION for a bad name
 * or password.
 */
export async function signUpByInvitation(
  visitor: Visitor,
  input: SignUpByInvitationInput,
): Promise<SignUpByInvitationResult> {
  const ipLimit = await consumeRateLimit(invitationIpLimitKey(visitor.ip), INVITATION_LIMITS.perIp);
  if (ipLimit.limited)
    return { kind: "rate_limited", retryAfterSeconds: ipLimit.retryAfterSeconds };

  const parsed = parseInput(signUpByInvitationSchema, input);
  const invitation = await findInvitation(db(), parsed.token);
  const state = invitationStateOf(invitation);
  if (state !== "open") {
    await recordInvitationRefused(invitation, state, visitor.ip);
    throw goneError(state);
  }
  const linkLimit = await consumeRateLimit(
    `user-invitation:link:${invitation.id}`,
    INVITATION_LIMITS.perInvitation,
  );
  if (linkLimit.limited)
    return { kind: "rate_limited", retryAfterSeconds: linkLimit.retryAfterSeconds };

  // The same checks for every address, before anything depends on whether it has an account.
  const fields: Record<string, LocalizedMessage> = {};
  const name = personNameSchema.safeParse(parsed.name ?? "");
  if (!name.success)
    fields.name = name.error.issues[0]
      ? messageForIssue(name.error.issues[0])
      : { key: "admin.errorNameRequired" };
  const password = newPasswordSchema.safeParse(parsed.password);
  if (!password.success)
    fields.password = password.error.issues[0]
      ? messageForIssue(password.error.issues[0])
      : { key: "auth.passwordTooShort" };
  if (!name.success || !password.success)
    throw new DomainError("VALIDATION", "admin.errorInvalidInput", { fields });
  // Hashed in every case (slow on purpose), so the answer takes as long with or without an account.
  const passwordHash = await hashPassword(password.data);

  const created = await inTransaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } }))
      return false;
    const now = new Date();
    const claimed = await tx.userInvitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw goneError("used");
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: name.data,
        passwordHash,
        passwordChangedAt: now,
        locale: parsed.locale ?? null,
      },
      select: { id: true, email: true },
    });
    const membership = await tx.membership.create({
      data: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role },
      select: { id: true },
    });
    await recordAuditEvent(tx, preSessionActor(user, invitation.organizationId, visitor.ip), {
      action: "user.joined",
      target: { type: "user", id: user.id },
      payload: {
        invitationId: invitation.id,
        membershipId: membership.id,
        email: user.email,
        role: invitation.role,
        existingAccount: false,
      },
    });
    return true;
  });
  if (!created) await recordInvitationRefused(invitation, "sign_in_required", visitor.ip);
  return SIGN_IN_TO_CONTINUE;
}
