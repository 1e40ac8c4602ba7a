/**
 * Which reminder is due for one invite link. Pure (the clock comes in), shared by the job and its
 * unit tests.
 *   - "due_soon": the due date is ahead, at most `reminderDaysBefore` days away (0 switches it off);
 *   - "overdue":  the due date has passed and the organisation reminds when overdue.
 * Each kind goes out at most once per link (ReminderDispatch), so no window end is needed: a
 * contact whose link was created inside the window still gets the reminder.
 */
export type ReminderKind = "due_soon" | "overdue";

export const MAX_REMINDER_DAYS_BEFORE = 30;
const DAY_MS = 86_400_000;

export interface ReminderSettings {
  reminderDaysBefore: number;
  remindWhenOverdue: boolean;
}

export function reminderKindFor(
  dueDate: Date,
  now: Date,
  settings: ReminderSettings,
): ReminderKind | null {
  const remainingMs = dueDate.getTime() - now.getTime();
  if (remainingMs < 0) return settings.remindWhenOverdue ? "overdue" : null;
  if (remainingMs > 0 && remainingMs <= settings.reminderDaysBefore * DAY_MS) return "due_soon";
  return null;
}
