/**
 * The member sets the home page counts and /admin/users lists, defined once (issue 15 item 1):
 * "without a second factor" is an active member who has not enrolled TOTP; a "pending"
 * invitation is neither accepted nor revoked and has not expired.
 */
export const MEMBER_MFA_FILTERS = ["missing"] as const;
export type MemberMfaFilter = (typeof MEMBER_MFA_FILTERS)[number];

/** `?mfa=` from the address: "missing", nothing, or a value the page names as not understood. */
export function parseMemberMfaFilter(value: string | null): {
  mfa: MemberMfaFilter | null;
  ignored: boolean;
} {
  const text = (value ?? "").trim();
  if (text === "") return { mfa: null, ignored: false };
  const mfa = MEMBER_MFA_FILTERS.find((known) => known === text) ?? null;
  return { mfa, ignored: mfa === null };
}

export function membersWithoutMfaWhere(organizationId: string) {
  return { organizationId, deactivatedAt: null, user: { totpEnabledAt: null } };
}

export function pendingInvitationsWhere(organizationId: string, now: Date) {
  return { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
}
