import type { errors as en } from "../en/errors";

export const errors: Record<keyof typeof en, string> = {
  notFound: "Nicht gefunden.",
  forbidden: "Ihre Rolle erlaubt diese Aktion nicht.",
  assessmentNotFound: "Die Bewertung wurde nicht gefunden.",
  decisionNotFound: "Die Bewertung oder ihre Entscheidung wurde nicht gefunden.",
  inviteNotFound: "Der Einladungslink wurde nicht gefunden oder ist nicht mehr gültig.",
  fileNotFound: "Die Datei wurde nicht gefunden.",
  vendorNotFound: "Der Anbieter wurde nicht gefunden.",
  productNotFound: "Das Produkt wurde nicht gefunden.",
  alreadyExists:
    "Das gibt es bereits (vielleicht wurde es gerade angelegt). Laden Sie die Seite neu und prüfen Sie es.",
  weightProfileNotFound: "Das Gewichtungsprofil wurde nicht gefunden.",
  templateNotFound: "Die Vorlage wurde nicht gefunden.",
  templateVersionNotFound: "Die Vorlagenversion wurde nicht gefunden.",
  templateKeyNotFound:
    "Es gibt keine Vorlage mit dem Schlüssel „{key}“: Importieren Sie die Datei als neue Vorlage.",
  templateNoPublishedVersion: "Die Vorlage „{key}“ hat keine veröffentlichte Version.",
  templateNoSuchVersion: "Die Vorlage „{key}“ hat keine Version {version}.",
  clarificationNotFound: "Die Rückfrage wurde nicht gefunden.",
  reportNotFound: "Der Bericht wurde nicht gefunden.",
  findingNotFound: "Der Befund wurde nicht gefunden.",
  assessmentChanged:
    "Die Bewertung wurde inzwischen geändert. Laden Sie die Seite neu und versuchen Sie es noch einmal.",
  assessmentChangedDecide:
    "Die Bewertung hat sich geändert, seit Sie sie geöffnet haben. Laden Sie die Seite neu und entscheiden Sie erneut.",
  findingChanged:
    "Der Befund wurde von jemand anderem geändert. Laden Sie die Seite neu und bearbeiten Sie ihn erneut.",
  vendorChanged:
    "Der Anbieter wurde inzwischen von jemand anderem geändert. Es wurde nichts gespeichert.",
  productChanged:
    "Das Produkt wurde inzwischen von jemand anderem geändert. Es wurde nichts gespeichert.",
  draftChanged:
    "Der Entwurf wurde inzwischen geändert. Laden Sie den Editor neu und versuchen Sie es noch einmal.",
  draftChangedRevision:
    "Der Entwurf wurde inzwischen von jemand anderem geändert (jetzt Revision {revision}). Es wurde nichts gespeichert: Laden Sie den Editor neu, um die Änderungen zu sehen.",
  draftGone:
    "Den Entwurf gibt es nicht mehr: Er wurde inzwischen veröffentlicht oder verworfen. Es wurde nichts gespeichert.",
  draftIdentical:
    "Der Entwurf ist identisch mit Version {version}: Es gibt nichts zu veröffentlichen.",
  draftOpen:
    "Die Vorlage „{key}“ hat einen offenen Entwurf: Veröffentlichen oder verwerfen Sie ihn, bevor Sie einen neuen importieren.",
  templateKeyTaken: "Eine Vorlage mit dem Schlüssel „{key}“ gibt es bereits.",
  templateKeyTakenImport:
    "Eine Vorlage mit dem Schlüssel „{key}“ gibt es bereits: Importieren Sie die Datei als neuen Entwurf dieser Vorlage.",
  templateKeyMismatch:
    "Der Schlüssel der Definition „{given}“ ist nicht der Schlüssel der Vorlage „{expected}“.",
  vendorHasAssessments:
    "Ein Anbieter mit Bewertungen kann nicht gelöscht werden: Archivieren Sie ihn stattdessen.",
  productHasAssessments: "Ein Produkt mit Bewertungen kann nicht gelöscht werden.",
  vendorArchived: "Der Anbieter ist archiviert: Stellen Sie ihn wieder her, bevor Sie ihn ändern.",
  vendorInputInvalid: "Bitte korrigieren Sie die Angaben zum Anbieter oder Produkt.",
  vendorWriteForbidden: "Nur Admins und Prüfer können Anbieter und Produkte ändern.",
  vendorReadForbidden: "Ihre Rolle darf Anbieter nicht einsehen.",
  templateWriteForbidden: "Nur Admins und Prüfer bearbeiten Vorlagen.",
  frameworkImportForbidden: "Nur Admins und Datenschutzbeauftragte importieren Rahmenwerke.",
  frameworkVersionTaken:
    "Version {version} von {urn} wurde bereits mit anderem Inhalt importiert: Es wurde nichts gespeichert. Geben Sie der geänderten Datei eine neue Version.",
  assessmentWriteForbidden: "Nur Prüfer und Admins können Bewertungen ändern.",
  decideForbidden: "Nur die oder der Datenschutzbeauftragte kann über eine Bewertung entscheiden.",
  findingWriteForbidden: "Nur Prüfer und Admins können Befunde ändern.",
  commentForbidden: "Nur Prüfer, Admins und Datenschutzbeauftragte können kommentieren.",
  weightsForbidden: "Nur Admins verwalten Gewichtungsprofile.",
  recentMfaRequired: "Eine aktuelle Zwei-Faktor-Bestätigung ist erforderlich.",
  separationOfDuties:
    "Funktionstrennung: Sie waren an dieser Bewertung beteiligt ({roles}) und können nicht über sie entscheiden.",
  totpAlreadyEnabled: "Die Zwei-Faktor-Authentifizierung ist bereits eingeschaltet.",
  statusTransition: "Eine Bewertung im Status „{from}“ kann nicht in „{to}“ wechseln.",
  invitesOnlyWhileAnswering:
    "Einladungen können nur verschickt werden, solange der Anbieter antwortet.",
  reissueOnlyWhileAnswering:
    "Links können nur neu ausgestellt werden, solange der Anbieter antwortet.",
  reissueRevoked: "Ein widerrufener Link kann nicht neu ausgestellt werden.",
  reissueParentInvalid: "Der Link, von dem dieser weitergegeben wurde, ist nicht mehr gültig.",
  inviteInputInvalid:
    "Bitte prüfen Sie die Einladung: Eine E-Mail-Adresse und eine gültige Laufzeit sind nötig.",
  delegationInvalid:
    "Bitte prüfen Sie die Weitergabe: Ein Name, eine E-Mail-Adresse und mindestens ein Abschnitt sind nötig.",
  delegationForeignSections:
    "Abschnitte außerhalb Ihrer eigenen können nicht weitergegeben werden.",
  questionnaireClosed: "Der Fragebogen kann nicht mehr geändert werden.",
  questionnaireReadOnly: "Der Fragebogen wurde eingereicht und kann nur noch gelesen werden.",
  sectionNotDelegated: "Dieser Abschnitt wurde nicht an Sie weitergegeben.",
  questionNotReopened:
    "Nur die mit der Änderungsanfrage wieder geöffneten Fragen können geändert werden; diese wurde nicht wieder geöffnet.",
  submitMainContactOnly: "Nur der Hauptkontakt kann den Fragebogen einreichen.",
  sectionsDoneDelegatesOnly:
    "Nur wer einzelne Abschnitte beantwortet, kann diese als fertig melden.",
  extendNoDueDate:
    "Diese Bewertung hat kein Fälligkeitsdatum, bis zu dem der Link verlängert werden könnte.",
  extendNotActive: "Nur ein aktiver Link kann verlängert werden.",
  tooManyInvitations: "Zu viele Einladungen. Bitte versuchen Sie es in {seconds} Sekunden erneut.",
  clarificationsClosed:
    "Diese Bewertung ist abgeschlossen: Ihre Rückfragen können sich nicht mehr ändern.",
  clarificationInvalid:
    "Eine Rückfrage braucht eine bekannte Frage und eine Nachricht mit 1 bis {max} Zeichen.",
  clarificationReplyInvalid:
    "Eine Antwort braucht eine Rückfrage und eine Nachricht mit 1 bis {max} Zeichen.",
  clarificationWhich: "Bitte wählen Sie die Rückfrage.",
  questionNotInQuestionnaire: "Diese Frage gehört nicht zum Fragebogen der Bewertung.",
  draftRevisionMissing:
    "Dem Formular fehlt die Revision des Entwurfs: Laden Sie den Editor neu und versuchen Sie es noch einmal.",
  unknownFormAction:
    "Dieses Formular verlangt eine Aktion, die die Seite nicht kennt: Laden Sie die Seite neu und versuchen Sie es noch einmal.",
  unknownQuestions: "Diese Fragen gehören nicht zum Fragebogen: {keys}.",
  comparisonRefused: "Diese Anbieter können nicht verglichen werden: {reason}.",
  outboxForbidden: "Nur Admins können den Postausgang lesen.",
  jobNotFound:
    "Der Auftrag wurde nicht gefunden oder steht nicht mehr in der Liste der gescheiterten Aufträge.",
  formUnreadable: "Das Formular konnte nicht gelesen werden. Bitte senden Sie es erneut.",
  formInvalidCharacters: "Das Formular enthält ungültige Zeichen.",
  formFieldTooLong: "Ein Formularfeld ist länger als {max} Zeichen.",
  uploadTooLarge: "Der Upload ist zu groß (höchstens {size} MB).",
  invalidInput: "Die Eingabe ist ungültig.",
  required: "Dieses Feld ist erforderlich.",
  tooShort: "Geben Sie mindestens {min} Zeichen ein.",
  tooLong: "Geben Sie höchstens {max} Zeichen ein.",
  numberTooSmall: "Geben Sie eine Zahl von mindestens {min} ein.",
  numberTooLarge: "Geben Sie eine Zahl von höchstens {max} ein.",
  notANumber: "Geben Sie eine Zahl ein.",
  invalidFormat: "Das Format ist ungültig.",
  invalidChoice: "Wählen Sie eine der angebotenen Optionen.",
  tooFewItems: "Wählen Sie mindestens {min}.",
  tooManyItems: "Wählen Sie höchstens {max}.",
};
