import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { assertAdministers } from "./admin-access.server";
import { membersWithoutMfaWhere, type MemberMfaFilter } from "./member-filters";

export interface MemberDto {
  membershipId: string;
  name: string;
  email: string;
  role: string;
  mfaEnabled: boolean;
  status: "active" | "deactivated";
  deactivatedAt: string | null;
  /** Newest activity of a session in this organisation (sessions end, so this may be null). */
  lastSignInAt: string | null;
  isSelf: boolean;
}

export interface InvitationDto {
  invitationId: string;
  email: string;
  name: string;
  role: string;
  invitedAt: string;
  expiresAt: string;
  status: "pending" | "expired";
}

export interface MemberOverview {
  members: MemberDto[];
  invitations: InvitationDto[];
}

/**
 * Members and open invitations of the actor's organisation (admins only). `mfa: "missing"`
 * lists only the active members without a second factor (the home page's count opens it).
 */
export async function listMembers(
  actor: UserActor,
  input: { mfa?: MemberMfaFilter | null } = {},
): Promise<MemberOverview> {
  assertAdministers(actor, "member:manage");
  const organizationId = actor.organizationId;
  const now = new Date();
  const [memberships, lastSeen, invitations] = await Promise.all([
    db().membership.findMany({
      where: input.mfa === "missing" ? membersWithoutMfaWhere(organizationId) : { organizationId },
      select: {
        id: true,
        userId: true,
        role: true,
        deactivatedAt: true,
        user: { select: { name: true, email: true, totpEnabledAt: true } },
      },
    }),
    db().session.groupBy({ by: ["userId"], where: { organizationId }, _max: { lastSeenAt: true } }),
    db().userInvitation.findMany({
      where: { organizationId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, name: true, role: true, createdAt: true, expiresAt: true },
    }),
  ]);
  const lastSeenByUser = new Map(lastSeen.map((row) => [row.userId, row._max.lastSeenAt]));
  const members = memberships
    .map((m): MemberDto => ({
      membershipId: m.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      mfaEnabled: Boolean(m.user.totpEnabledAt),
      status: m.deactivatedAt ? "deactivated" : "active",
      deactivatedAt: m.deactivatedAt?.toISOString() ?? null,
      lastSignInAt: lastSeenByUser.get(m.userId)?.toISOString() ?? null,
      isSelf: m.userId === actor.userId,
    }))
    .sort((a, b) =>
      a.status === b.status ? a.name.localeCompare(b.name) : a.status === "active" ? -1 : 1,
    );
  return {
    members,
    invitations: invitations.map((i) => ({
      invitationId: i.id,
      email: i.email,
      name: i.name,
      role: i.role,
      invitedAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      status: i.expiresAt.getTime() <= now.getTime() ? "expired" : "pending",
    })),
  };
}
