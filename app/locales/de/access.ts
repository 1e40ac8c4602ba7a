import type { access as en } from "../en/access";

export const access: Record<keyof typeof en, string> = {
  verifyTitle: "Bestätigen Sie, dass Sie es sind",
  verifyBody:
    "Wir haben einen 6-stelligen Code an {email} gesendet. Geben Sie ihn ein, um den Fragebogen in diesem Browser zu öffnen. Der Code ist {minutes} Minuten gültig.",
  verifyDeviceNote:
    "Dieser Browser wird danach für diese Einladung {days} Tage lang wiedererkannt.",
  codeLabel: "Code aus der E-Mail",
  verifySubmit: "Bestätigen",
  resend: "Neuen Code senden",
  resent: "Ein neuer Code ist unterwegs zu Ihrem Postfach.",
  codeInvalid: "Dieser Code ist nicht korrekt. Verbleibende Versuche: {attempts}.",
  codeExpired: "Dieser Code ist abgelaufen. Bitte fordern Sie einen neuen an.",
  codeMalformed: "Geben Sie die 6 Ziffern aus der E-Mail ein.",
  resendTooSoon: "Bitte warten Sie {seconds} Sekunden, bevor Sie einen weiteren Code anfordern.",
  rateLimited: "Zu viele Versuche. Bitte warten Sie {minutes} Minuten.",
  endedTooManyAttempts:
    "Zu viele falsche Codes. Öffnen Sie den Einladungslink aus Ihrer E-Mail erneut, um einen neuen Code zu erhalten.",
  codeMailSubject: "Ihr Bestätigungscode für {organization}",
  codeMailBody:
    "Guten Tag {name},\n\nIhr Code, um den Fragebogen „{title}“ von {organization} in einem neuen Browser zu öffnen, lautet:\n\n    {code}\n\nEr ist {minutes} Minuten gültig. Wenn Sie Ihren Einladungslink nicht gerade geöffnet haben, ignorieren Sie diese E-Mail: Ohne diesen Code kann niemand Ihre Antworten sehen.\n",
  reissueMailSubject: "{organization}: Ihr neuer Link zur Anbieterbewertung",
  reissueMailBody:
    "Guten Tag {name},\n\n{organization} hat einen neuen Link für den Fragebogen „{title}“ ausgestellt. Ihr bisheriger Link funktioniert nicht mehr, ebenso wenig die Links der Kolleginnen und Kollegen, die Sie damit eingeladen haben: Laden Sie sie erneut ein, wenn sie weiter antworten sollen.\n\nÖffnen Sie diesen persönlichen Link (gültig bis {expires}):\n{url}\n\nBitte leiten Sie ihn nicht weiter. Wenn Sie diese Nachricht nicht erwartet haben, ignorieren Sie sie.\n",
  delegateTitle: "Kollegin oder Kollegen einladen",
  delegateIntro:
    "Ihre Kollegin oder Ihr Kollege erhält einen persönlichen Link für die gewählten Abschnitte und kann nur diese beantworten. Die Antworten werden unter ihrer bzw. seiner E-Mail-Adresse festgehalten.",
  delegateEmail: "E-Mail der Kollegin / des Kollegen",
  delegateName: "Name der Kollegin / des Kollegen",
  delegateLanguage: "Sprache der Einladung",
  delegateSections: "Abschnitte",
  delegateSubmit: "Einladung senden",
  delegateSent: "Einladung an {email} gesendet.",
  delegateNoSections: "Wählen Sie mindestens einen Abschnitt.",
  delegateInvalidEmail: "Geben Sie eine gültige E-Mail-Adresse ein.",
  delegateClosed:
    "Der Fragebogen kann nicht mehr geändert werden, daher können keine Kolleginnen oder Kollegen eingeladen werden.",
  delegateRateLimited: "Zu viele Einladungen. Bitte warten Sie {minutes} Minuten.",
  delegationsTitle: "Von Ihnen eingeladene Kolleginnen und Kollegen",
  delegationsNone: "Sie haben noch niemanden eingeladen.",
  delegationRevoked: "Einladung widerrufen.",
  backToQuestionnaire: "Zurück zum Fragebogen",
  delegateMailSubject: "{delegator} bittet Sie, einen Teil einer Anbieterbewertung zu beantworten",
  delegateMailBody:
    "Guten Tag {name},\n\n{delegator} bittet Sie, diese Abschnitte des Fragebogens „{title}“ von {organization} zu beantworten:\n{sections}\n\nÖffnen Sie diesen persönlichen Link (gültig bis {expires}):\n{url}\n\nBitte leiten Sie ihn nicht weiter. Wenn Sie diese Nachricht nicht erwartet haben, ignorieren Sie sie.\n",
  panelTitle: "Einladungslinks für den Anbieter",
  ttlLabel: "Gültigkeit der Links (Tage)",
  ttlHint:
    "1–180 Tage. Gilt für neue und neu ausgestellte Links dieser Bewertung (Standard {days}).",
  contactEmail: "E-Mail des Ansprechpartners",
  contactName: "Name des Ansprechpartners",
  language: "Sprache der E-Mails",
  createSubmit: "Einladungslink erstellen und senden",
  created:
    "Einladungslink erstellt und an {email} gesendet. Kopieren Sie ihn jetzt — er wird nur einmal angezeigt:",
  reissued:
    "Neuer Link ausgestellt und an {email} gesendet. Der bisherige Link, seine Sitzungen und die damit erstellten Links von Kolleginnen und Kollegen funktionieren nicht mehr. Kopieren Sie ihn jetzt — er wird nur einmal angezeigt:",
  noLinks: "Noch keine Einladungslinks.",
  createdOn: "Erstellt am {date}",
  expiresOn: "Gültig bis {date}",
  reissuedOn: "neu ausgestellt am {date}",
  lastUse: "Zuletzt verwendet {date} von {ip} · {agent}",
  useCount: "{count}-mal verwendet",
  neverUsed: "Noch nicht verwendet",
  allSections: "Alle Abschnitte",
  sectionsList: "Abschnitte: {sections}",
  delegatedBy: "Eingeladen von {who}",
  status_active: "Aktiv",
  status_expired: "Abgelaufen",
  status_revoked: "Widerrufen",
  status_rotated: "Aktiv, neu ausgestellt",
  revoke: "Widerrufen",
  reissue: "Neu ausstellen",
  language_en: "English",
  language_de: "Deutsch",
  invalidEmail: "Geben Sie eine gültige E-Mail-Adresse ein.",
  invalidTtl: "Geben Sie eine Anzahl von Tagen zwischen 1 und 180 ein.",
};
