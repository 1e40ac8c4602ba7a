import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { assertAdmin, assertRecentStepUp, parseInput } from "./admin-access.server";
import { organizationSettingsSchema, type OrganizationSettingsInput } from "./admin-schemas";

/**
 * Changes the organisation's security settings (for now: two-factor authentication for every
 * user). Needs a recent step-up. Records `org.settings_changed` with each changed value's from/to;
 * an unchanged submission writes nothing.
 */
export async function updateOrganizationSettings(actor: UserActor, input: OrganizationSettingsInput): Promise<{ changed: boolean }> {
  assertAdmin(actor);
  assertRecentStepUp(actor);
  const settings = parseInput(organizationSettingsSchema, input);
  return inTransaction(async (tx) => {
    const current = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: { id: true, requireMfaForAll: true },
    });
    if (current.requireMfaForAll === settings.requireMfaForAll) return { changed: false };
    await tx.organization.update({ where: { id: current.id }, data: { requireMfaForAll: settings.requireMfaForAll } });
    await recordAuditEvent(tx, actor, {
      action: "org.settings_changed",
      target: { type: "organization", id: current.id },
      payload: { requireMfaForAll: { from: current.requireMfaForAll, to: settings.requireMfaForAll } },
    });
    return { changed: true };
  });
}
