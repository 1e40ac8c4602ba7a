export const mail = {
  // Developer outbox (/dev/outbox, only with MAIL_URL=outbox)
  navOutbox: "Outbox",
  outboxTitle: "Mail outbox",
  outboxIntro:
    "This installation does not send e-mail (MAIL_URL=outbox). The newest {count} mails of {organization} are listed here instead.",
  outboxEmpty: "No mails yet.",
  outboxTo: "To",
  outboxSubject: "Subject",
  outboxTime: "Time",
  outboxBody: "Text",
  // Vendor reminders
  reminderDueSoonSubject: 'Reminder: "{title}" for {organization} is due on {due}',
  reminderDueSoonBody:
    'Hello {name},\n\nthis is a reminder that {organization} asks you to complete the questionnaire "{title}" by {due}.\n\nPlease continue with the personal link from the invitation e-mail you received from Vetted. For your security, this reminder contains no link.\n\nIf you have already answered, please submit the questionnaire so that {organization} can review it.\n',
  reminderOverdueSubject: 'Overdue: "{title}" for {organization} was due on {due}',
  reminderOverdueBody:
    'Hello {name},\n\nthe questionnaire "{title}" that {organization} asked you to complete was due on {due} and has not been submitted yet.\n\nPlease continue with the personal link from the invitation e-mail you received from Vetted. For your security, this reminder contains no link. If your link no longer works, ask your contact at {organization} for a new one.\n',
  // Reminder settings (/admin/settings)
  remindersHeading: "Reminders to vendors",
  reminderDaysBefore: "Days before the due date",
  reminderDaysBeforeHint:
    "Vendor contacts who have not submitted get one reminder this many days before the due date (0: no reminder, at most 30).",
  remindWhenOverdue: "Remind once when overdue",
  remindWhenOverdueHint: "Vendor contacts get one more reminder after the due date has passed.",
  remindersCurrent: "Currently: {days} days before, overdue reminder {overdue}",
  reminderDaysInvalid: "Enter a whole number of days from 0 to 30.",
};
