import type { mail as en } from "../en/mail";

export const mail: Record<keyof typeof en, string> = {
  navOutbox: "Postausgang",
  outboxTitle: "Mail-Postausgang",
  outboxIntro:
    "Diese Installation versendet keine E-Mails (MAIL_URL=outbox). Stattdessen stehen hier die neuesten {count} Mails von {organization}.",
  outboxEmpty: "Noch keine Mails.",
  outboxTo: "An",
  outboxSubject: "Betreff",
  outboxTime: "Zeit",
  outboxBody: "Text",
  reminderDueSoonSubject: "Erinnerung: „{title}“ für {organization} ist am {due} fällig",
  reminderDueSoonBody:
    "Guten Tag {name},\n\nwir erinnern Sie daran, dass {organization} Sie bittet, den Fragebogen „{title}“ bis zum {due} auszufüllen.\n\nBitte machen Sie mit dem persönlichen Link aus der Einladungs-E-Mail weiter, die Sie von Vetted erhalten haben. Zu Ihrer Sicherheit enthält diese Erinnerung keinen Link.\n\nFalls Sie bereits alles beantwortet haben, reichen Sie den Fragebogen bitte ein, damit {organization} ihn prüfen kann.\n",
  reminderOverdueSubject: "Überfällig: „{title}“ für {organization} war am {due} fällig",
  reminderOverdueBody:
    "Guten Tag {name},\n\nder Fragebogen „{title}“, um dessen Beantwortung {organization} Sie gebeten hat, war am {due} fällig und wurde noch nicht eingereicht.\n\nBitte machen Sie mit dem persönlichen Link aus der Einladungs-E-Mail weiter, die Sie von Vetted erhalten haben. Zu Ihrer Sicherheit enthält diese Erinnerung keinen Link. Falls Ihr Link nicht mehr funktioniert, bitten Sie Ihre Ansprechperson bei {organization} um einen neuen.\n",
  remindersHeading: "Erinnerungen an Anbieter",
  reminderDaysBefore: "Tage vor dem Fälligkeitsdatum",
  reminderDaysBeforeHint:
    "Ansprechpersonen, die noch nicht eingereicht haben, erhalten so viele Tage vor dem Fälligkeitsdatum eine Erinnerung (0: keine, höchstens 30).",
  remindWhenOverdue: "Einmal erinnern, wenn überfällig",
  remindWhenOverdueHint:
    "Ansprechpersonen erhalten nach Ablauf des Fälligkeitsdatums eine weitere Erinnerung.",
  remindersCurrent: "Derzeit: {days} Tage vorher, Erinnerung bei Überfälligkeit {overdue}",
  reminderDaysInvalid: "Geben Sie eine ganze Zahl von 0 bis 30 Tagen ein.",
};
