import type { portalFinish as en } from "../en/portal-finish";

/** Der letzte Schliff für das Anbieterportal (Issue 15, Punkt 7). */
export const portalFinish: Record<keyof typeof en, string> = {
  missingNearSubmit: "Vor dem Absenden fehlen noch ({count}):",
  missingNearDone: "Bevor Sie Ihre Abschnitte abschließen können, fehlen noch ({count}):",
  confirmTitle: "Antworten absenden?",
  confirmBody:
    "Sie senden jetzt {count} Antworten an {organization}. Danach ist der Fragebogen schreibgeschützt, bis {organization} um Änderungen bittet.",
  confirmSubmit: "Bestätigen und absenden",
  confirmBack: "Zurück zum Fragebogen",
  copyTitle: "Behalten Sie eine Kopie Ihrer Antworten",
  copyCsv: "Kopie herunterladen (CSV)",
  copyPdf: "Kopie herunterladen (PDF)",
  copyPdfTitle: "Kopie Ihrer Antworten",
  copyPdfMeta: "{organization} · {vendor} · erstellt am {date}",
  copyShortened: "… (in dieser Kopie gekürzt)",
  copyMorePages: "Diese Kopie endet hier: Die übrigen Antworten stehen in der CSV-Kopie.",
  csvSection: "Abschnitt",
  csvQuestion: "Frage",
  csvAnswer: "Antwort",
  csvFiles: "Dateien",
  sectionsDone: "Ich bin mit meinen Abschnitten fertig",
  sectionsDoneHint: "Die Person, die Sie eingeladen hat, erhält eine E-Mail.",
  sectionsDoneConfirmed:
    "Vielen Dank. Die Person, die Sie eingeladen hat, weiß jetzt, dass Ihre Abschnitte fertig sind.",
  sectionsDoneSince:
    "Sie haben am {date} gemeldet, dass Sie fertig sind. Bis der Fragebogen abgesendet ist, können Sie Antworten noch ändern.",
  doneMailSubject: "{colleague} hat die eigenen Abschnitte abgeschlossen",
  doneMailBody:
    "Guten Tag {name},\n\n{colleague} hat die eigenen Abschnitte des Fragebogens „{title}“ abgeschlossen:\n{sections}\n\nPrüfen Sie die Antworten und senden Sie den Fragebogen mit Ihrem Link ab:\n{url}\n",
  colleaguesTitle: "Kolleginnen und Kollegen mit eigenen Abschnitten",
  colleagueDone: "fertig seit {date}",
  colleagueWorking: "noch in Bearbeitung",
  spRemoveRow: "Entfernen",
  spRemoveRowLabel: "Entfernen: Zeile {index} der Unterauftragsverarbeiter",
  expiresBeforeDue: "Läuft am {expires} ab, vor dem Fälligkeitsdatum {due}.",
  expiryWarningSummary:
    "{count} aktive Links laufen vor dem Fälligkeitsdatum {due} ab: Der Anbieter könnte ausgesperrt sein, bevor er geantwortet hat.",
  extendToDue: "Bis zum Fälligkeitsdatum verlängern",
  extendToDueLabel: "Bis zum Fälligkeitsdatum verlängern: Link von {email}",
  extended: "Der Link von {email} gilt jetzt bis {date}.",
};
