import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { assertAdministers } from "./admin-access.server";

export interface OrganizationSettingsDto {
  name: string;
  slug: string;
  requireMfaForAll: boolean;
  /** Vendor reminders: days before the due date (0: none) and one reminder when overdue. */
  reminderDaysBefore: number;
  remindWhenOverdue: boolean;
  /** Active members without a second factor: they are sent to /mfa/setup once MFA is required. */
  activeMembersWithoutMfa: number;
}

export async function getOrganizationSettings(
  actor: UserActor,
  _input: Record<string, never> = {},
): Promise<OrganizationSettingsDto> {
  assertAdministers(actor, "organization:configure");
  const [organization, activeMembersWithoutMfa] = await Promise.all([
    db().organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: {
        name: true,
        slug: true,
        requireMfaForAll: true,
        reminderDaysBefore: true,
        remindWhenOverdue: true,
      },
    }),
    db().membership.count({
      where: {
        organizationId: actor.organizationId,
        deactivatedAt: null,
        user: { totpEnabledAt: null },
      },
    }),
  ]);
  return { ...organization, activeMembersWithoutMfa };
}
