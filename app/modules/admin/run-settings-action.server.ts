import { z } from "zod";
import type { UserActor } from "~/modules/auth/actor";
import { MAX_REMINDER_DAYS_BEFORE } from "~/modules/reminders/reminder-rules";
import { runUseCase } from "~/utils/http.server";
import type { MessageKey } from "~/utils/i18n";
import {
  updateOrganizationSettings,
  type OrganizationSettingsInput,
} from "./update-organization-settings.server";

/** The forms of the organisation settings page (/admin/settings). */
export const settingsIntentSchema = z.enum(["saveSecurity", "saveReminders"]);
export type SettingsIntent = z.infer<typeof settingsIntentSchema>;

/** What the settings form shows after a submit: a message key, translated on the page. */
export type SettingsActionData = { ok: boolean; message: MessageKey; typedDays?: string };
export type SettingsActionResult = { status: number; body: SettingsActionData };

/**
 * Reads one of the page's forms into the settings it changes and saves them (with their audit
 * event, in updateOrganizationSettings). The caller has checked the second factor is fresh.
 */
export async function runSettingsAction(
  actor: UserActor,
  form: FormData,
): Promise<SettingsActionResult> {
  const parsedIntent = settingsIntentSchema.safeParse(form.get("intent"));
  const intent = parsedIntent.success ? parsedIntent.data : null;
  let input: OrganizationSettingsInput;
  if (intent === "saveSecurity") {
    // An unchecked checkbox is simply absent from the form.
    input = { requireMfaForAll: form.get("requireMfaForAll") === "on" };
  } else if (intent === "saveReminders") {
    const days = String(form.get("reminderDaysBefore") ?? "").trim();
    // Whole days 0–30; anything else is answered with the form's message (400), not an error page.
    if (!/^\d{1,2}$/.test(days) || Number(days) > MAX_REMINDER_DAYS_BEFORE) {
      const typedDays = days.slice(0, 10);
      return { status: 400, body: { ok: false, message: "mail.reminderDaysInvalid", typedDays } };
    }
    input = {
      reminderDaysBefore: Number(days),
      remindWhenOverdue: form.get("remindWhenOverdue") === "on",
    };
  } else {
    return { status: 400, body: { ok: false, message: "admin.errorUnknownAction" } };
  }
  const result = await runUseCase(() => updateOrganizationSettings(actor, input));
  const message = result.changed ? "admin.settingsSaved" : "admin.settingsUnchanged";
  return { status: 200, body: { ok: true, message } };
}
