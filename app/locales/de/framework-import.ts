import type { frameworkImport as en } from "../en/framework-import";

/** Probleme und Hinweise einer Framework-Datei, jeweils hinter dem Pfad in der Datei gezeigt. */
export const frameworkImport: Record<keyof typeof en, string> = {
  fileEmpty: "die Datei ist leer",
  fileTooLarge: "die Datei hat {size} Bytes; höchstens {max} Bytes können importiert werden",
  notUtf8: "die Datei ist kein UTF-8-Text",
  formatUnknown:
    "das Format wird nicht erkannt: erwartet wird eine CISO-Assistant-Bibliothek (YAML) oder ein OSCAL-Katalog (JSON)",
  oscalXmlUnsupported: "OSCAL-XML wird nicht unterstützt: exportieren Sie den Katalog als JSON",
  limitDepth: "die Datei ist tiefer als {max} Ebenen verschachtelt (in Zeile {line})",
  limitEntries: "die Datei hat mehr als {max} Einträge (in Zeile {line})",
  limitAliases: "die Datei verwendet mehr als {max} Aliase (*name), in Zeile {line}",
  limitKeyLength: "ein Schlüssel in Zeile {line} ist länger als {max} Zeichen",
  limitTime: "die Datei konnte nicht rechtzeitig geprüft werden",
  limitResources: "die Datei konnte nicht geprüft werden: sie braucht mehr Speicher als erlaubt",
  yamlInvalid: "ungültiges YAML in Zeile {line}, Spalte {column} ({code})",
  yamlAliasExpansion:
    "die YAML-Aliase (*name) lassen sich nicht auflösen oder ergeben mehr Daten als erlaubt",
  missing: "fehlt",
  wrongType: "muss vom Typ {expected} sein",
  invalid: "ist ungültig",
  tooLong: "darf höchstens {max} Zeichen lang sein",
  tooSmall: "muss mindestens {min} sein",
  tooManyProvisions: "hat {count} Einträge; höchstens {max} können importiert werden",
  noFramework: "die Bibliothek enthält kein Framework (objects.framework oder objects.frameworks)",
  severalFrameworks: "die Bibliothek enthält {count} Frameworks; eine Datei darf eines enthalten",
  noProvisions: "das Framework hat keine Anforderungsknoten",
  duplicateKey: "{key} wird schon bei {firstPath} verwendet",
  parentMissing: "kein Knoten hat diese URN ({parent})",
  parentCycle: "die Eltern bilden einen Zyklus: {cycle}",
  depthMismatch:
    "ist {depth}, aber der Elternknoten hat die Tiefe {parentDepth} (erwartet: {expected})",
  depthTopLevel: "ist {depth}, aber ein Knoten ohne parent_urn hat die Tiefe 1",
  treeTooDeep: "der Baum ist tiefer als {max} Ebenen",
  tooManyProblems: "{count} weitere Probleme werden nicht aufgeführt",
  noticeObjectsIgnored:
    "{count} Einträge von objects.{kind} werden nicht importiert (nur das Framework)",
  noticeQuestionsIgnored: "{count} Knoten enthalten Fragen; Fragen werden nicht importiert",
  noticeUnknownFields: "unbekannte(s) Feld(er) ignoriert: {keys}",
  noticeOwnLanguageAsEnglish:
    'die Datei ist in "{locale}" geschrieben: ihre eigenen Texte erscheinen dort, wo englische Texte stehen',
  noticeOtherLanguages: "Übersetzungen in {languages} werden nicht importiert (nur de und en)",
  noticeNoDocumentId:
    "der Katalog hat keine document-ids: seine UUID kennzeichnet ihn, daher wird eine spätere Version mit neuer UUID nicht als dieselbe erkannt",
  noticeLocaleAssumed: "ein OSCAL-Katalog nennt keine Sprache: Englisch wird angenommen",
  alreadyImported:
    "Version {version} von {urn} ist bereits mit demselben Inhalt importiert: Es wurde nichts gespeichert",
  changeSummary:
    "{name}: Version {from} → {to}: {added} neu, {changed} geändert, {removed} entfallen (außer Kraft)",
  pageTitle: "Rahmenwerk importieren",
  pageIntro:
    "Eine CISO-Assistant-Bibliothek (YAML) oder ein OSCAL-Katalog (JSON). Sie sehen, was importiert würde, bevor etwas gespeichert wird.",
  pageFile: "Rahmenwerk-Datei",
  pagePreviewSubmit: "Prüfen und Vorschau zeigen",
  pageCommitSubmit: "Jetzt importieren",
  pageNothing: "Wählen Sie eine Datei zum Importieren.",
  pageBroken: "Die Datei kann nicht importiert werden. Es wurde nichts gespeichert.",
  pagePreviewTitle: "Vorschau: Noch ist nichts gespeichert",
  pageImportedTitle: "Importiert",
  pageUnchanged:
    "Diese Version ist bereits mit demselben Inhalt importiert: Es wurde nichts gespeichert.",
  pageOutcomeNew: "Neues Rahmenwerk in Ihrer Organisation",
  pageOutcomeNewVersion: "Neue Version; verglichen mit Version {previous}",
  pageField: "Feld",
  pageValue: "Wert",
  pageFramework: "Rahmenwerk",
  pageVersion: "Version",
  pageProvisions: "Bestimmungen",
  pageAssessable: "Prüfbar",
  pageAdded: "Neu",
  pageChanged: "Geändert",
  pageRemoved: "Entfallen (außer Kraft gesetzt, nicht gelöscht)",
};
