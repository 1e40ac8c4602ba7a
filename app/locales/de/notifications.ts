import type { notifications as en } from "../en/notifications";

/** Benachrichtigungen: Posteingang, Einstellungen, Benachrichtigungs-E-Mails, „neuer Link“ für Anbieter. */
export const notifications: Record<keyof typeof en, string> = {
  title: "Benachrichtigungen",
  inboxLink: "Benachrichtigungen",
  unreadWord: "ungelesen",
  empty:
    "Noch keine Benachrichtigungen. Hier erfahren Sie, wenn Ihnen eine Bewertung übergeben wird.",
  unread: "Ungelesen",
  markAllRead: "Alle als gelesen markieren",
  allMarkedRead: "Alle Benachrichtigungen sind als gelesen markiert.",
  listLabel: "Ihre Benachrichtigungen, neueste zuerst",
  receivedAt: "Erhalten {date}",
  inboxForwarded: "„{title}“ ({vendor}) wurde Ihnen zur Entscheidung weitergeleitet",
  inboxDecided: "Über „{title}“ ({vendor}) wurde entschieden: {outcome}",
  inboxSubmitted: "{vendor} hat „{title}“ eingereicht",
  inboxVendorReplied: "{vendor} hat auf eine Rückfrage zu „{title}“ geantwortet",
  preferencesTitle: "Benachrichtigungen",
  preferencesIntro:
    "Wählen Sie je Art, wie Sie benachrichtigt werden. Sicherheits-E-Mails (Anmeldecodes, Zwei-Faktor- und Passwortänderungen) werden immer gesendet und lassen sich nicht abschalten.",
  preferencesKind: "Benachrichtigung",
  preferencesSaved: "Ihre Benachrichtigungseinstellungen sind gespeichert.",
  preferencesInvalid: "Wählen Sie für jede Benachrichtigung eine der angebotenen Einstellungen.",
  channelMail: "Posteingang und E-Mail",
  channelInbox: "Nur Posteingang",
  channelOff: "Aus",
  kindForwarded: "Eine Bewertung wird mir zur Entscheidung weitergeleitet",
  kindDecided: "Über eine von mir vorbereitete Bewertung wurde entschieden",
  kindSubmitted: "Ein Anbieter hat eine von mir angelegte Bewertung eingereicht",
  kindVendorReplied: "Ein Anbieter hat auf eine Rückfrage geantwortet",
  forwardedMailSubject: "Zur Entscheidung: „{title}“ ({vendor})",
  forwardedMailBody:
    "Guten Tag,\n\n{actor} hat Ihnen die Bewertung „{title}“ von {vendor} zur Entscheidung weitergeleitet.\n\nBewertung öffnen: {url}\n\nWelche Benachrichtigungen Sie erhalten, stellen Sie auf Ihrer Kontoseite ein.\n",
  decidedMailSubject: "Entschieden: „{title}“ ({vendor}): {outcome}",
  decidedMailBody:
    "Guten Tag,\n\n{actor} hat über die Bewertung „{title}“ von {vendor} entschieden: {outcome}.\n\nBewertung öffnen: {url}\n\nWelche Benachrichtigungen Sie erhalten, stellen Sie auf Ihrer Kontoseite ein.\n",
  vendorDecidedMailSubject: "{organization} hat über „{title}“ entschieden",
  vendorDecidedMailBody:
    "Guten Tag,\n\n{organization} hat die Bewertung „{title}“ abgeschlossen. Das Ergebnis: {outcome}.\n{conditions}\nVielen Dank für Ihre Antworten.\n",
  vendorDecidedConditions: "\nAuflagen:\n{list}\n",
  vendorConditionLine: "- {text} (fällig am {dueDate})",
  vendorCommentMailSubject: "{organization} hat eine Anmerkung zu „{title}“ hinterlassen",
  vendorCommentMailBody:
    "Guten Tag,\n\n{organization} hat eine Anmerkung zu Ihrem Fragebogen „{title}“{question} hinterlassen:\n\n{body}\n\nSie sehen sie, wenn Sie den Fragebogen mit Ihrem Einladungslink öffnen.\n",
  vendorCommentQuestion: " zur Frage „{question}“",
  newLinkFooter:
    "\nSie haben Ihren Link nicht mehr? Fordern Sie hier einen neuen an; er wird nur an diese Adresse gesendet:\n{url}\n",
  newLinkTitle: "Neuen Link anfordern",
  newLinkBody:
    "Wir senden einen neuen persönlichen Link zum Fragebogen an die E-Mail-Adresse, an die diese Einladung ging. Ihr bisheriger Link funktioniert dann nicht mehr, ebenso wenig Links, die Sie an Kolleginnen und Kollegen weitergegeben haben.",
  newLinkSubmit: "Neuen Link senden",
  newLinkSent:
    "Wenn diese Einladung noch offen ist, ist ein neuer Link an die eingeladene Adresse unterwegs. Sehen Sie in Ihrem Posteingang nach.",
  newLinkInvalid: "Diese Adresse ist ungültig. Verwenden Sie den Link aus Ihrer neuesten E-Mail.",
  newLinkRateLimited:
    "Eben wurde schon ein neuer Link angefordert. Bitte warten Sie {minutes} Minuten.",
};
