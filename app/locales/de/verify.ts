import type { verify as en } from "../en/verify";

export const verify: Record<keyof typeof en, string> = {
  navLink: "Bericht prüfen",
  title: "Signierten Bewertungsbericht prüfen",
  intro:
    "Laden Sie einen mit Vetted signierten PDF-Bericht hoch, um zu prüfen, ob die Signatur gültig ist, ob die Datei seit der Signatur unverändert ist und zu welcher Organisation und Bewertung sie gehört. Die Datei wird geprüft, nicht gespeichert.",
  fileLabel: "Signierter PDF-Bericht",
  fileHint: "PDF, höchstens {size} MB.",
  submit: "Prüfen",
  checking: "Wird geprüft …",
  noFile: "Wählen Sie eine PDF-Datei zur Prüfung aus.",
  tooLarge: "Die Datei ist größer als {size} MB.",
  unreadableUpload: "Der Upload konnte nicht gelesen werden. Bitte versuchen Sie es erneut.",
  rateLimited: "Zu viele Prüfungen aus Ihrem Netz. Bitte warten Sie {minutes} Minuten.",
  fileName: "Datei: {name}",
  validTitle: "Gültig und unverändert",
  validBody:
    "Dieser Bericht wurde von {organization} signiert und seit der Signatur nicht verändert.",
  supersededTitle: "Eine spätere Entscheidung hat diese ersetzt",
  supersededBody:
    "Am {date} hat eine neue Entscheidung die Entscheidung in diesem Bericht ersetzt. Fragen Sie {organization} nach dem aktuellen Bericht.",
  currentDecision: "Dies ist die aktuelle Entscheidung zu der Bewertung.",
  modifiedTitle: "Nach der Signatur verändert",
  modifiedBody:
    "Die Datei wurde nach der Signatur verändert (Inhalt geändert oder Daten angehängt). Verlassen Sie sich nicht darauf; fordern Sie das Original beim Aussteller an.",
  modifiedClaims:
    "Sie gibt vor, der Bericht von {organization} zu „{title}“ zu sein (Bewertung {id}).",
  invalidTitle: "Ungültige Signatur",
  invalidBody:
    "Die Signatur dieser Datei lässt sich nicht bestätigen. Verlassen Sie sich nicht darauf.",
  unknownTitle: "Kein hier ausgestellter Bericht",
  unknownBody:
    "Die Datei trägt eine gültige Signatur, ist aber kein Bericht dieser Vetted-Installation.",
  unsignedTitle: "Keine Signatur",
  unsignedBody: "Dieses PDF trägt keine digitale Signatur und kann daher nicht geprüft werden.",
  notPdfTitle: "Kein lesbares PDF",
  notPdfBody: "Die Datei ist kein PDF-Dokument oder beschädigt.",
  uncheckedTitle: "Nicht geprüft",
  uncheckedTime:
    "Die Datei konnte nicht rechtzeitig geprüft werden. Von Vetted ausgestellte Berichte sind in Sekunden geprüft; diese Datei ist ungewöhnlich komplex. Verlassen Sie sich nicht darauf.",
  uncheckedSignatures:
    "Die Datei trägt mehr als {count} Signaturen (von Vetted ausgestellte Berichte tragen eine) und wurde daher nicht geprüft. Verlassen Sie sich nicht darauf.",
  uncheckedStructure:
    "Der Aufbau der Datei überschreitet die Grenzen dieser Prüfung (zu viele Objekte oder zu tief verschachtelt). Von Vetted ausgestellte Berichte bleiben weit darunter. Verlassen Sie sich nicht darauf.",
  uncheckedResources:
    "Die Datei konnte nicht geprüft werden: Sie braucht mehr Speicher, als die Prüfung erlaubt. Verlassen Sie sich nicht darauf.",
  busy: "Gerade werden viele Dateien geprüft. Bitte versuchen Sie es gleich noch einmal.",
  organization: "Organisation",
  assessment: "Bewertung",
  assessmentId: "Bewertungs-ID",
  vendor: "Anbieter",
  product: "Produkt",
  decision: "Entscheidung",
  signer: "Signiert von",
  signedAt: "Signiert am",
  timestamp: "Zeitstempel",
  timestampValue: "{date} von {tsa}",
  fingerprint: "Zertifikats-Fingerabdruck (SHA-256)",
  sha256: "SHA-256 der Datei",
  outcomeAPPROVED: "Freigegeben",
  outcomeAPPROVED_WITH_CONDITIONS: "Freigegeben mit Auflagen",
  outcomeREJECTED: "Abgelehnt",
  cliHint:
    "Betreiber können dieselbe Prüfung offline ausführen: npm run vetted -- verify <datei.pdf>",
};
