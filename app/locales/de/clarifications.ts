import type { clarifications as en } from "../en/clarifications";

export const clarifications: Record<keyof typeof en, string> = {
  title: "Rückfragen",
  threadTitle: "Rückfrage",
  statusOPEN: "Offen",
  statusRESOLVED: "Geklärt",
  authorVendor: "Anbieter",
  authorOrganization: "Prüfer",
  messageMeta: "{name} · {time}",
  askLegend: "Beim Anbieter nachfragen",
  askLabel: "Ihre Frage zu dieser Antwort",
  askSubmit: "Beim Anbieter nachfragen",
  replyLabel: "Ihre Antwort",
  replySubmit: "Antwort senden",
  replyReopens: "Eine Antwort öffnet diese Rückfrage wieder.",
  resolve: "Als geklärt markieren",
  sending: "Wird gesendet…",
  sent: "Gesendet",
  errorBody: "Schreiben Sie eine Nachricht mit höchstens {max} Zeichen.",
  errorNotFound: "Diese Rückfrage gibt es nicht mehr.",
  errorForbidden: "Dazu sind Sie nicht berechtigt.",
  errorClosed:
    "Diese Bewertung ist abgeschlossen: Ihre Rückfragen können nicht mehr geändert werden.",
  errorUnknownQuestion: "Diese Frage gehört nicht zum Fragebogen.",
  errorGeneric: "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.",
  askedMailSubject: "{organization} hat eine Rückfrage zu Ihrer Antwort",
  askedMailBody:
    "Guten Tag,\n\n{organization} hat eine Rückfrage zu Ihrer Antwort auf „{question}“ im Fragebogen „{title}“:\n\n{body}\n\nUm zu antworten, melden Sie sich mit Ihrem Einladungslink an (dem Link aus Ihrer Einladungs-E-Mail) und öffnen Sie diese Frage. Zu Ihrer Sicherheit enthält diese E-Mail keinen Anmeldelink.\n",
  repliedToVendorMailSubject: "Neue Nachricht von {organization} zu Ihrer Antwort",
  repliedToVendorMailBody:
    "Guten Tag,\n\n{organization} hat zu Ihrer Antwort auf „{question}“ im Fragebogen „{title}“ geschrieben:\n\n{body}\n\nUm zu antworten, melden Sie sich mit Ihrem Einladungslink an (dem Link aus Ihrer Einladungs-E-Mail) und öffnen Sie diese Frage. Zu Ihrer Sicherheit enthält diese E-Mail keinen Anmeldelink.\n",
  vendorRepliedMailSubject: "{vendor} hat auf eine Rückfrage geantwortet",
  vendorRepliedMailBody:
    "Guten Tag,\n\n{author} ({vendor}) hat zu „{question}“ in der Bewertung „{title}“ geantwortet:\n\n{body}\n\nBewertung öffnen: {url}\n",
};
