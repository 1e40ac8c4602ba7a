import type { answers as en } from "../en/answers";

export const answers: Record<keyof typeof en, string> = {
  invalidDate: "Geben Sie ein gültiges Datum ein (JJJJ-MM-TT).",
  dateInFuture:
    "Das Datum liegt in der Zukunft. Geben Sie den Tag an, an dem es stattgefunden hat (spätestens heute).",
  chooseYesNo: "Wählen Sie Ja, Teilweise, Nein, Unbekannt oder Nicht zutreffend.",
  chooseOption: "Wählen Sie eine Option.",
  chooseAtLeastOne: "Wählen Sie mindestens eine Option.",
  optionTwice: "Eine Option wurde doppelt gewählt.",
  enterNumber: "Geben Sie eine Zahl ein.",
  enterText: "Geben Sie einen Text ein.",
  textTooLong: "Geben Sie höchstens {max} Zeichen ein.",
  countryCode: "Verwenden Sie zweistellige ISO-Ländercodes wie DE.",
  chooseMechanism: "Wählen Sie einen Übermittlungsmechanismus.",
  addSubprocessor:
    "Fügen Sie mindestens einen Unterauftragsverarbeiter hinzu oder geben Sie an, dass es keine gibt.",
  tooManySubprocessors: "Führen Sie höchstens {max} Unterauftragsverarbeiter auf.",
  chooseDocumentType: "Wählen Sie eine Dokumentart.",
  unknownFile: "Eine angehängte Datei ist unbekannt.",
  tooManyFiles: "Hängen Sie höchstens {max} Dateien an.",
  fileTwice: "Eine Datei wurde doppelt angehängt.",
  chooseCountry: "Wählen Sie mindestens ein Land.",
  countryTwice: "Ein Land wurde doppelt gewählt.",
  chooseOffered: "Wählen Sie eine der angebotenen Optionen.",
  notAnOption: "„{value}“ ist keine der angebotenen Optionen.",
  exclusiveOption: "„{option}“ kann nicht mit anderen Optionen kombiniert werden.",
  numberTooSmall: "Geben Sie eine Zahl von mindestens {min} ein.",
  numberTooLarge: "Geben Sie eine Zahl von höchstens {max} ein.",
  chooseRequestedDocumentType: "Wählen Sie eine der geforderten Dokumentarten.",
  validUntilRequired: "Geben Sie das Datum ein, bis zu dem das Dokument gültig ist.",
  unexpectedFile: "In einem Antwortfeld wurde eine Datei gesendet.",
  singleValue: "Hier wird nur ein Wert erwartet.",
  subprocessorsConflict:
    "Entfernen Sie die aufgeführten Unterauftragsverarbeiter oder die Antwort „keine“ / „unbekannt“.",
  subprocessorName: "Jeder Unterauftragsverarbeiter braucht einen Namen.",
  malformedChange:
    "Eine Antwort ließ sich nicht lesen (Frage, Wert oder Version fehlt). Es wurde nichts gespeichert: Laden Sie die Seite neu und versuchen Sie es noch einmal.",
  unknownQuestion: "Diese Frage gibt es nicht (mehr).",
  fileNotOfQuestion: "Eine angehängte Datei gehört nicht zu dieser Frage.",
};
