import type { signing as en } from "../en/signing";

export const signing: Record<keyof typeof en, string> = {
  title: "Zertifikat für signierte Berichte",
  intro:
    "Signierte Bewertungsberichte tragen dieses Zertifikat, und wer einen Bericht prüft, sieht, wer ihn signiert hat: das eigene Zertifikat Ihrer Organisation, wenn Sie eines hochladen, sonst ein Zertifikat, das der Betreiber dieser Installation für {organization} ausgestellt hat.",
  settingsLink: "Zertifikat für signierte Berichte",
  settingsLinkHint:
    "Welches Zertifikat Ihre Bewertungsberichte signiert, und ein eigenes hochladen.",
  nextHeading: "Der nächste signierte Bericht",
  nextUploaded: "wird mit dem eigenen Zertifikat Ihrer Organisation signiert (unten).",
  nextIssued:
    "wird mit dem Zertifikat signiert, das das Zertifikat des Betreibers für Ihre Organisation ausgestellt hat.",
  nextIssuedPending:
    "wird mit einem Zertifikat signiert, das das Zertifikat des Betreibers mit dem ersten signierten Bericht für Ihre Organisation ausstellt.",
  nextOperator:
    "wird mit dem Zertifikat des Betreibers selbst signiert: Es kann keine Zertifikate für Organisationen ausstellen. Laden Sie ein eigenes hoch, um im Namen Ihrer Organisation zu signieren.",
  nextNone:
    "kann nicht signiert werden: Es ist kein Zertifikat eingerichtet. Entscheidungen erhalten keinen signierten Bericht, bis der Betreiber eines einrichtet oder Sie ein eigenes hochladen.",
  uploadedHeading: "Zertifikat Ihrer Organisation",
  issuedHeading: "Vom Betreiber für Ihre Organisation ausgestellt",
  operatorHeading: "Zertifikat des Betreibers (Aussteller)",
  subject: "Inhaber",
  issuer: "Aussteller",
  validity: "Gültig",
  validRange: "{from} bis {to}",
  fingerprint: "SHA-256-Fingerabdruck",
  expired: "Abgelaufen: Es signiert keine Berichte mehr.",
  uploadHeading: "Eigenes Zertifikat hochladen",
  replaceHeading: "Zertifikat ersetzen",
  uploadIntro:
    "Eine PKCS#12-Datei (.p12 oder .pfx, höchstens 64 kB) mit einem RSA-Schlüssel von mindestens 2048 Bit, jetzt gültig und zum Signieren von Dokumenten berechtigt. Die Passphrase wird einmal zum Öffnen der Datei verwendet und nicht gespeichert; der Schlüssel wird verschlüsselt gespeichert und nie wieder angezeigt.",
  fileLabel: "PKCS#12-Datei",
  passphraseLabel: "Passphrase der Datei",
  uploadButton: "Zertifikat hochladen",
  replaceButton: "Zertifikat ersetzen",
  removeHeading: "Eigenes Zertifikat entfernen",
  removeHint:
    "Berichte werden dann mit dem Zertifikat signiert, das der Betreiber für Ihre Organisation ausstellt. Bisher signierte Berichte bleiben gültig.",
  removeButton: "Zertifikat entfernen",
  uploaded: "Das Zertifikat wurde gespeichert. Der nächste signierte Bericht verwendet es.",
  removed: "Das Zertifikat wurde entfernt.",
  stepUpHint:
    "Zum Hochladen oder Entfernen eines Zertifikats ist eine frische Bestätigung mit dem zweiten Faktor nötig (gültig für {minutes} Minuten).",
  errorNoFile: "Wählen Sie eine PKCS#12-Datei (.p12 oder .pfx).",
  errorTooLarge: "Die Datei ist größer als 64 kB: Das ist kein PKCS#12-Signaturzertifikat.",
  errorPassphrase: "Die Passphrase öffnet diese Datei nicht.",
  errorUnreadable: "Die Datei ist keine lesbare PKCS#12-Datei (.p12 oder .pfx).",
  errorNoRsaKey:
    "Die Datei enthält keinen privaten RSA-Schlüssel (nur RSA-Schlüssel werden unterstützt).",
  errorNoCertificate: "Die Datei enthält kein Zertifikat zu ihrem privaten Schlüssel.",
  errorWeakKey: "Der Schlüssel ist kürzer als 2048 Bit.",
  errorExpired: "Das Zertifikat ist abgelaufen.",
  errorNotYetValid: "Das Zertifikat ist noch nicht gültig.",
  errorKeyUsage:
    "Das Zertifikat darf keine Dokumente signieren (seine Schlüsselverwendung verbietet es).",
  errorTooManyIterations:
    "Der Schlüsselschutz der Datei verlangt mehr als 50.000 Runden der Schlüsselableitung. Exportieren Sie sie erneut mit den üblichen Einstellungen.",
  errorNotFound: "Dieses Zertifikat ist nicht mehr in Verwendung.",
  errorUnknownAction: "Unbekannte Aktion.",
};
