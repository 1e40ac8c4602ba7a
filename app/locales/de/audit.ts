import type { audit as en } from "../en/audit";

export const audit: Record<keyof typeof en, string> = {
  title: "Audit-Protokoll",
  intro:
    "Jede Änderung in Ihrer Organisation, in Reihenfolge. Jeder Eintrag ist über einen Hash mit dem vorherigen verkettet, sodass ein geänderter oder gelöschter Eintrag bei der Prüfung der Kette auffällt.",
  verifyHeading: "Kette prüfen",
  verifyIntro:
    "Berechnet den Hash jedes Eintrags vom ersten bis zum letzten neu und prüft, dass nichts geändert, entfernt oder umsortiert wurde; vergleicht die Kette dann mit ihren Ankern (signierten Kontrollpunkten und dem Kettenkopf in jedem signierten Bericht), sodass auch das Löschen der neuesten Einträge oder das Umschreiben der ganzen Kette auffällt.",
  verifyButton: "Kette prüfen",
  chainIntact: "Die Kette ist intakt: {events} Einträge, der neueste ist Nr. {seq} mit dem Hash",
  chainBroken: "Die Kette ist bei Eintrag Nr. {seq} unterbrochen.",
  checkedAt: "Geprüft am {date}.",
  reasonGap: "Ein Eintrag davor fehlt (Lücke in der Reihenfolge).",
  reasonPrevHash: "Er verweist nicht auf den Hash des vorherigen Eintrags.",
  reasonAltered: "Sein Inhalt wurde nach dem Schreiben geändert.",
  filtersHeading: "Filter",
  filtersIgnored: "Einige Filterwerte sind ungültig und wurden ignoriert.",
  filterAction: "Aktion beginnt mit",
  filterActionHint: "Zum Beispiel auth. oder user.role",
  filterActor: "E-Mail der handelnden Person enthält",
  filterActorHint: "Teil einer E-Mail-Adresse",
  filterFrom: "Von (Datum)",
  filterTo: "Bis (Datum, einschließlich)",
  filterTargetType: "Art des Ziels",
  anyTargetType: "Alle",
  applyFilters: "Filter anwenden",
  resetFilters: "Zurücksetzen",
  eventsHeading: "Einträge",
  empty: "Noch keine Einträge.",
  noMatches: "Keine Einträge passen zu diesen Filtern.",
  colSeq: "Nr.",
  colTime: "Zeit",
  colActor: "Handelnde Person",
  colAction: "Aktion",
  colTarget: "Ziel",
  colIp: "IP-Adresse",
  colHash: "Hash",
  colDetails: "Details",
  hashTitle: "Die ersten 12 Zeichen des SHA-256-Ketten-Hashes des Eintrags",
  showPayload: "Anzeigen",
  payloadInvalid:
    "Die gespeicherten Details sind kein gültiges JSON; sie werden unverändert angezeigt.",
  pagination: "Seiten",
  newest: "Neueste",
  newer: "← Neuere",
  older: "Ältere →",
  errorForbidden: "Nur Admins und Prüfer können das Audit-Protokoll lesen.",
  errorDate: "Geben Sie ein Datum im Format JJJJ-MM-TT ein.",
  errorDateOrder: "Das Enddatum liegt vor dem Startdatum.",
  errorCursor: "Der Seitenverweis ist ungültig.",
  errorTooLong: "Dieser Wert ist zu lang.",
  errorInvalid: "Dieser Wert ist ungültig.",
  anchorsLast:
    "Anker: {verified} Kontrollpunkte bestätigt, der neueste bei Eintrag Nr. {seq} ({date}).",
  anchorsNone: "Anker: noch kein Kontrollpunkt.",
  anchorsReports:
    "{verified} von {total} signierten Berichten bestätigen den Kettenkopf, den sie tragen.",
  anchorsUnanchored:
    "Die neuesten {count} Einträge sind noch nicht verankert (ein Kontrollpunkt folgt alle 25 Einträge und mit jedem signierten Bericht).",
  anchorsComplete: "Jeder Eintrag ist verankert.",
  tampered: "Das Audit-Protokoll wurde manipuliert:",
  problemCheckpointForged:
    "Der Kontrollpunkt bei Eintrag Nr. {seq} trägt keine gültige Signatur (HMAC): Er wurde gefälscht oder verändert.",
  problemTruncated:
    "Die Kette endet bei Eintrag Nr. {head}, aber {anchor} nennt Eintrag Nr. {seq}: Die neuesten Einträge wurden gelöscht.",
  problemRewritten:
    "Eintrag Nr. {seq} weicht von {anchor} ab: Die Kette wurde umgeschrieben und ihre Hashes neu berechnet.",
  anchorCheckpoint: "dem Kontrollpunkt vom {date}",
  anchorExport: "einem exportierten Kontrollpunkt vom {date}",
  anchorReport: "dem signierten Bericht {id}",
  anchorReportRecord: "dem Datenbankeintrag des signierten Berichts {id}",
  problemCheckpointMissing:
    "Bei Eintrag Nr. {seq} fehlt der Kontrollpunkt, obwohl alle {every} Einträge einer geschrieben wird: Kontrollpunkte wurden gelöscht.",
  problemNoCheckpoint:
    "Es gibt überhaupt keinen Kontrollpunkt, obwohl die Kette {head} Einträge hat: Kontrollpunkte wurden gelöscht, oder die Kette ist älter als die Kontrollpunkte (dann führt der Betreiber einmal „vetted audit anchor --first-anchor“ aus).",
  problemExportMissing:
    "Ein exportierter Kontrollpunkt (Eintrag Nr. {seq}) fehlt in der Datenbank: Kontrollpunkte wurden gelöscht.",
  problemReportInvalid:
    "Die gespeicherte Datei des signierten Berichts {id} trägt keine gültige Signatur mehr.",
  problemReportSigner:
    "Der signierte Bericht {id} wurde mit einem Zertifikat signiert, das Ihre Organisation nie verwendet hat: Die Datei wurde ausgetauscht.",
  problemCertificateForged:
    "Ein Eintrag eines Signaturzertifikats (SHA-256 {fingerprint}) wurde in der Datenbank eingefügt oder verändert.",
  problemReportRecord:
    "Der Datenbankeintrag des signierten Berichts {id} nennt einen anderen Kettenkopf als die signierte Datei.",
};
