import { db } from "../../utils/db.server";
import { membersWithoutMfaWhere, pendingInvitationsWhere } from "../admin/member-filters";
import { HOME_ITEMS_PER_SECTION, type HomeSection } from "./home-types";

/**
 * The administrator's queue: active members who have not enrolled a second factor (the oldest
 * membership first) and invitations still waiting to be accepted (the one expiring first first).
 */
export async function memberWork(organizationId: string, now: Date): Promise<HomeSection[]> {
  const withoutMfa = membersWithoutMfaWhere(organizationId);
  const pending = pendingInvitationsWhere(organizationId, now);
  const [withoutMfaCount, members, pendingCount, invitations] = await Promise.all([
    db().membership.count({ where: withoutMfa }),
    db().membership.findMany({
      where: withoutMfa,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: HOME_ITEMS_PER_SECTION,
      select: { id: true, createdAt: true, user: { select: { name: true, email: true } } },
    }),
    db().userInvitation.count({ where: pending }),
    db().userInvitation.findMany({
      where: pending,
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: HOME_ITEMS_PER_SECTION,
      select: { id: true, name: true, email: true, expiresAt: true },
    }),
  ]);
  return [
    {
      id: "membersWithoutMfa",
      count: withoutMfaCount,
      href: "/admin/users?mfa=missing",
      items: members.map((row) => ({
        key: row.id,
        title: row.user.name,
        detail: row.user.email,
        href: "/admin/users?mfa=missing",
        date: row.createdAt.toISOString(),
        dateKind: "memberSince",
      })),
    },
    {
      id: "pendingInvitations",
      count: pendingCount,
      href: "/admin/users#invitations",
      items: invitations.map((row) => ({
        key: row.id,
        title: row.name,
        detail: row.email,
        href: "/admin/users#invitations",
        date: row.expiresAt.toISOString(),
        dateKind: "invitedUntil",
      })),
    },
  ];
}
