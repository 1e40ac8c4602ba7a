import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";

export interface AccountOverviewDto {
  name: string;
  email: string;
  role: string;
  organizationName: string;
  locale: string | null;
  totpEnabledAt: string | null;
  unusedRecoveryCodes: number;
}

/** What the signed-in user sees about their own account (any role; own data only). */
export async function getAccountOverview(
  actor: UserActor,
  _input: Record<string, never> = {},
): Promise<AccountOverviewDto> {
  const [user, organization, unusedRecoveryCodes] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { name: true, email: true, locale: true, totpEnabledAt: true },
    }),
    db().organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { name: true },
    }),
    db().recoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
  ]);
  return {
    name: user.name,
    email: user.email,
    role: actor.role,
    organizationName: organization.name,
    locale: user.locale,
    totpEnabledAt: user.totpEnabledAt?.toISOString() ?? null,
    unusedRecoveryCodes,
  };
}
