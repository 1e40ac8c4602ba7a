import { z } from "zod";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import { MAX_REMINDER_DAYS_BEFORE } from "../reminders/reminder-rules";
import { assertAdministers, assertRecentStepUp, parseInput } from "./admin-access.server";

/** Each field is optional: a form saves its own group (security or reminders) and leaves the rest. */
export const organizationSettingsUpdateSchema = z
  .object({
    requireMfaForAll: z.boolean(),
    // Days before the due date a vendor reminder goes out (0: none).
    reminderDaysBefore: z.number().int().min(0).max(MAX_REMINDER_DAYS_BEFORE),
    remindWhenOverdue: z.boolean(),
  })
  .partial()
  .strict();
export type OrganizationSettingsInput = z.input<typeof organizationSettingsUpdateSchema>;

type SettingKey = keyof z.output<typeof organizationSettingsUpdateSchema>;
const SETTING_KEYS: readonly SettingKey[] = [
  "requireMfaForAll",
  "reminderDaysBefore",
  "remindWhenOverdue",
];

/**
 * Changes the organisation's settings: two-factor authentication for every user, and the vendor
 * reminders (days before the due date, reminder when overdue). Needs a recent step-up. Records
 * `org.settings_changed` with each changed value's from/to; an unchanged submission writes nothing.
 */
export async function updateOrganizationSettings(
  actor: UserActor,
  input: OrganizationSettingsInput,
): Promise<{ changed: boolean }> {
  assertAdministers(actor, "organization:configure");
  assertRecentStepUp(actor);
  const settings = parseInput(organizationSettingsUpdateSchema, input);
  return inTransaction(async (tx) => {
    const current = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: {
        id: true,
        requireMfaForAll: true,
        reminderDaysBefore: true,
        remindWhenOverdue: true,
      },
    });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const data: z.output<typeof organizationSettingsUpdateSchema> = {};
    for (const key of SETTING_KEYS) {
      const next = settings[key];
      if (next === undefined || next === current[key]) continue;
      changes[key] = { from: current[key], to: next };
      (data as Record<SettingKey, unknown>)[key] = next;
    }
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx.organization.update({ where: { id: current.id }, data });
    await recordAuditEvent(tx, actor, {
      action: "org.settings_changed",
      target: { type: "organization", id: current.id },
      payload: changes,
    });
    return { changed: true };
  });
}
