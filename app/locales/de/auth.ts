import type { auth as en } from "../en/auth";

export const auth: Record<keyof typeof en, string> = {
  loginTitle: "Bei Vetted anmelden",
  email: "E-Mail",
  password: "Passwort",
  signIn: "Anmelden",
  invalidCredentials: "E-Mail oder Passwort ist falsch.",
  rateLimited: "Zu viele Versuche. Bitte in {minutes} Minuten erneut versuchen.",
  secondFactorTitle: "Zwei-Faktor-Authentisierung",
  secondFactorBody:
    "Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App oder einen Ihrer Wiederherstellungscodes ein.",
  code: "Code",
  verify: "Bestätigen",
  invalidCode: "Dieser Code ist ungültig. Codes gelten nur einmal und nur etwa 30 Sekunden.",
  loginExpired: "Die Anmeldung hat zu lange gedauert. Bitte beginnen Sie erneut.",
  mfaSetupTitle: "Zwei-Faktor-Authentisierung einrichten",
  mfaSetupRequired:
    "Ihre Rolle erfordert eine Zwei-Faktor-Authentisierung, bevor Sie fortfahren können.",
  mfaSetupScan:
    "Scannen Sie diesen QR-Code mit einer Authenticator-App (z. B. FreeOTP, Aegis, Google Authenticator) oder geben Sie den Schlüssel von Hand ein.",
  manualKey: "Schlüssel zur manuellen Eingabe",
  mfaSetupConfirm: "Geben Sie zum Abschluss den Code aus der App ein",
  mfaEnabledTitle: "Zwei-Faktor-Authentisierung ist aktiv",
  mfaAlreadyEnabled:
    "Die Zwei-Faktor-Authentisierung ist für Ihr Konto bereits aktiv. Es wurde nichts geändert.",
  throttledMailSubject: "Viele fehlgeschlagene Anmeldeversuche bei Ihrem Vetted-Konto",
  throttledMailBody:
    "Hallo {name},\n\njemand hat wiederholt versucht, sich mit einem falschen Passwort bei Ihrem Vetted-Konto anzumelden, und zwar von Orten, von denen aus Sie sich bisher nicht angemeldet haben. In den nächsten {minutes} Minuten werden Anmeldeversuche von solchen Orten abgewiesen.\n\nVon einem Browser oder Netzwerk, das Sie schon verwendet haben, können Sie sich weiterhin wie gewohnt anmelden: {url}\n\nWenn diese Versuche nicht von Ihnen stammen: Niemand ist hineingekommen, aber ändern Sie am besten Ihr Passwort auf Ihrer Kontoseite. Das Audit-Protokoll Ihrer Organisation verzeichnet den Vorfall.\n\n— Vetted",
  recoveryCodesIntro:
    "Bewahren Sie diese Wiederherstellungscodes sicher auf. Jeder Code funktioniert einmal, falls Sie Ihr Gerät verlieren. Sie werden nicht erneut angezeigt.",
  continue: "Weiter",
  stepUpTitle: "Bestätigen Sie Ihre Identität",
  stepUpBody:
    "Diese Aktion erfordert eine frische Zwei-Faktor-Prüfung (gültig für {minutes} Minuten).",
  accountTitle: "Ihr Konto",
  changePassword: "Passwort ändern",
  currentPassword: "Aktuelles Passwort",
  newPassword: "Neues Passwort",
  passwordChanged: "Passwort geändert. Ihre anderen Sitzungen wurden abgemeldet.",
  passwordChangeRateLimited: "Zu viele Fehlversuche. Bitte versuchen Sie es später erneut.",
  invitationSignInNotice:
    "Melden Sie sich mit der E-Mail-Adresse an, an die die Einladung ging, um sie anzunehmen. Wenn Sie Ihr Konto gerade angelegt haben, verwenden Sie das gewählte Passwort.",
  wrongCurrentPassword: "Das aktuelle Passwort ist falsch.",
  passwordTooShort: "Verwenden Sie mindestens {min} Zeichen.",
  passwordTooLong: "Verwenden Sie höchstens {max} Zeichen.",
  twoFactor: "Zwei-Faktor-Authentisierung",
  twoFactorOn: "Aktiv seit {date}",
  twoFactorOff: "Aus",
  setUpTwoFactor: "Zwei-Faktor-Authentisierung einrichten",
  regenerateRecoveryCodes: "Neue Wiederherstellungscodes erzeugen",
  recoveryCodesLeft: "Noch {count} unbenutzte Wiederherstellungscodes",
  acceptInvitationTitle: "{organization} auf Vetted beitreten",
  yourName: "Ihr Name",
  createAccount: "Konto anlegen",
  invitationInvalid: "Dieser Einladungslink ist ungültig, abgelaufen oder bereits verwendet.",
  // Kontoseite
  profileHeading: "Profil",
  organization: "Organisation",
  role: "Rolle",
  confirmNewPassword: "Neues Passwort wiederholen",
  passwordsDoNotMatch: "Die beiden neuen Passwörter stimmen nicht überein.",
  passwordPolicyHint:
    "Mindestens {min} Zeichen. Eine Passphrase aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.",
  recoveryCodesNeedMfa: "Richten Sie zuerst die Zwei-Faktor-Authentisierung ein.",
  recoveryCodesStepUp:
    "Neue Wiederherstellungscodes erfordern eine frische Zwei-Faktor-Prüfung (gültig für {minutes} Minuten).",
  confirmNow: "Jetzt bestätigen",
  languagePreference: "Bevorzugte Sprache",
  languageSaved: "Sprache gespeichert.",
  languageInvalid: "Wählen Sie eine der aufgeführten Sprachen.",
  unknownAction: "Diese Aktion ist unbekannt.",
};
