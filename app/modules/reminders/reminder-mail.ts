import type { Locale } from "../../utils/i18n";
import { translate } from "../../utils/i18n";
import type { OutgoingMail } from "../mail/send-mail.server";
import type { ReminderKind } from "./reminder-rules";

export interface ReminderMailInput {
  kind: ReminderKind;
  locale: Locale;
  to: string;
  contactName: string | null;
  organizationId: string;
  organizationName: string;
  title: string;
  dueDate: Date;
}

/**
 * Due dates are stored as the end of the chosen day in UTC (start-assessment), so they are shown
 * as that UTC calendar day: in Berlin time 23:59:59Z would already be the next day.
 */
export function formatDueDate(locale: Locale, dueDate: Date): string {
  return new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(dueDate);
}

/**
 * The reminder in the contact's language. It carries no link: only the token's hash is stored, so
 * the contact is pointed to the invitation e-mail instead.
 */
export function composeReminderMail(input: ReminderMailInput): OutgoingMail {
  const params = {
    name: input.contactName || input.to,
    organization: input.organizationName,
    title: input.title,
    due: formatDueDate(input.locale, input.dueDate),
  };
  const overdue = input.kind === "overdue";
  return {
    organizationId: input.organizationId,
    to: input.to,
    subject: translate(
      input.locale,
      overdue ? "mail.reminderOverdueSubject" : "mail.reminderDueSoonSubject",
      params,
    ),
    text: translate(
      input.locale,
      overdue ? "mail.reminderOverdueBody" : "mail.reminderDueSoonBody",
      params,
    ),
  };
}
