import type { templateErrors as en } from "../en/template-errors";

/** Probleme einer Vorlagendefinition oder -datei, jeweils hinter dem Pfad in der Datei gezeigt. */
export const templateErrors: Record<keyof typeof en, string> = {
  empty: "darf nicht leer sein",
  tooLong: "darf höchstens {max} Zeichen lang sein",
  tooFewItems: "braucht mindestens {min} Einträge",
  tooManyItems: "darf höchstens {max} Einträge haben",
  numberTooSmall: "muss mindestens {min} sein",
  numberTooLarge: "darf höchstens {max} sein",
  missing: "fehlt",
  wrongType: "muss vom Typ {expected} sein",
  invalidValue: "muss einer dieser Werte sein: {options}",
  invalidCondition:
    "ist keine gültige Bedingung: verwenden Sie „question“ mit „in“, „all“ oder „any“",
  unknownFields: "unbekannte(s) Feld(er): {keys}",
  invalid: "ist ungültig",
  weightNotANumber: "das Gewicht muss eine Zahl sein",
  weightNegative: "das Gewicht muss ≥ 0 sein",
  pointsNotANumber: "die Punkte müssen eine Zahl sein",
  pointsRange: "die Punkte müssen zwischen 0 und 1 liegen",
  optionValuePattern: "der Optionswert darf nur a–z, 0–9, „_“, „.“ und „-“ enthalten",
  optionValueReserved:
    "„{unknown}“ und „{notApplicable}“ sind reservierte Antwortwerte und stehen immer zur Verfügung",
  stepsMissing: "Stufen-Schwellenwerte brauchen mindestens eine Stufe",
  stepsOrder: "die Stufen müssen nach streng steigendem min geordnet sein",
  maxNotAboveMin: "max muss größer als min sein",
  conditionQuestionKey: "muss einen Fragenschlüssel nennen",
  conditionNoValues: "eine Bedingung braucht mindestens einen Antwortwert",
  conditionAllEmpty: "„all“ braucht mindestens eine Bedingung",
  conditionAnyEmpty: "„any“ braucht mindestens eine Bedingung",
  documentTypeInvalid: "die Dokumentart muss eine dieser sein: {types}",
  documentTypesMissing: "nennen Sie mindestens eine Dokumentart",
  questionKeyPattern: "der Fragenschlüssel darf nur a–z, 0–9, „_“, „.“ und „-“ enthalten",
  questionTypeInvalid: "der Typ muss einer dieser sein: {types}",
  knockOutNoValues: "ein K.-o.-Kriterium braucht mindestens einen Antwortwert",
  tagPattern: "Schlagwörter dürfen nur a–z, 0–9, „_“ und „-“ enthalten",
  residencyFlowType:
    "ein Datenfluss der Datenresidenz muss eine Frage vom Typ countries oder subprocessors sein",
  evidenceMissing: "eine Nachweisfrage braucht „evidence“ (Dokumentarten)",
  evidenceNotApplicable: "„evidence“ gilt nur für Nachweisfragen",
  indicatorNotAllowed: "eine Frage vom Typ {type} kann kein Transparenzindikator sein",
  safeguardQuestion:
    "die Frage nach der Garantie ist eine single_choice-Frage, deren Optionen alle „safeguard“ tragen",
  dpfQuestion: "die DPF-Frage muss vom Typ yes_no sein",
  tooFewOptions: "Fragen vom Typ {type} brauchen mindestens {count} Optionen",
  needsAnOption: "Fragen vom Typ {type} brauchen mindestens 1 Option",
  noOptionsAllowed: "Fragen vom Typ {type} haben keine Optionen",
  duplicateOption: "doppelter Optionswert „{value}“",
  exclusiveOnlyMulti: "nur Optionen von multi_choice-Fragen können exklusiv sein",
  thresholdsOnlyNumberDate: "Schwellenwerte gelten nur für Zahlen- und Datumsfragen",
  numberOnlyField: "{field} gilt nur für Zahlenfragen",
  minAboveMax: "min darf nicht größer als max sein",
  knockOutType: "K.-o.-Kriterien gibt es nur für Fragen vom Typ {types}",
  knockOutValue: "„{value}“ ist kein gültiger Antwortwert für eine Frage vom Typ {type}",
  knockOutFrom:
    "„from“ eines K.-o.-Kriteriums muss ein Tag (JJJJ-MM-TT) oder der Schlüssel einer Vorschrift des Regelwerkkatalogs sein, z. B. eu:2024/1689:art:6:par:2; angegeben: „{value}“",
  knockOutFromUnknown: "„{value}“ ist keine Vorschrift des Regelwerkkatalogs",
  knockOutFromNoDay: "der Regelwerkkatalog nennt keinen Tag, ab dem „{value}“ gilt",
  knockOutFromAmbiguous:
    "„{value}“ gilt ab mehreren Tagen: bitte das Zeitfenster angeben, z. B. „{value}|<Bedingung>“",
  duplicateTag: "doppeltes Schlagwort „{value}“",
  referenceKeyPattern:
    "ein Verweis muss der Schlüssel einer Vorschrift des Regelwerkkatalogs sein, z. B. eu:2016/679:art:28:par:1",
  referenceUnknown: "„{key}“ ist keine Vorschrift des Regelwerkkatalogs Ihrer Organisation",
  duplicateRegulation: "doppelter Verweis auf eine Vorschrift „{value}“",
  placeholderMalformed:
    "fehlerhafter Datumsplatzhalter: schreiben Sie {{applies:<Schlüssel der Vorschrift>}} oder {{applies:<Schlüssel der Vorschrift>|<Bedingung>}}",
  placeholderUnknownProvision:
    "der Datumsplatzhalter nennt „{key}“, das ist keine Vorschrift des Regelwerkkatalogs",
  placeholderNoWindow:
    "der Regelwerkkatalog kennt kein Geltungsdatum für „{key}“ mit der Bedingung „{condition}“ (bekannte Bedingungen: {conditions})",
  placeholderAmbiguous:
    "„{key}“ gilt je nach Adressatenkreis ab verschiedenen Tagen: fügen Sie nach einem | eine dieser Bedingungen an: {conditions}",
  sectionKeyPattern: "der Abschnittsschlüssel darf nur a–z, 0–9, „_“, „.“ und „-“ enthalten",
  sectionNoQuestions: "ein Abschnitt braucht mindestens eine Frage",
  templateKeyPattern: "der Vorlagenschlüssel muss in kebab-case geschrieben sein (a–z, 0–9, „-“)",
  templateNoSections: "eine Vorlage braucht mindestens einen Abschnitt",
  duplicateSection: "doppelter Abschnittsschlüssel „{value}“",
  duplicateQuestion:
    "doppelter Fragenschlüssel „{value}“ (Fragenschlüssel müssen in der ganzen Vorlage eindeutig sein)",
  conditionNotEarlier: "„{question}“ ist keine frühere Frage dieser Vorlage",
  conditionSourceType: "Bedingungen können nur Fragen vom Typ {types} prüfen",
  conditionValue: "„{value}“ ist kein gültiger Antwortwert von „{question}“",
  keyMustStay: "muss „{key}“ bleiben (der Schlüssel der Vorlage)",
  fileEmpty: "die Datei ist leer",
  fileTooLarge: "die Datei ist größer als {size} MB",
  jsonUnexpectedEnd:
    "ungültiges JSON in Zeile {line}, Spalte {column}: unerwartetes Ende der Datei",
  jsonUnexpectedCharacter:
    "ungültiges JSON in Zeile {line}, Spalte {column}: unerwartetes Zeichen {character}",
  jsonExpectedName:
    "ungültiges JSON in Zeile {line}, Spalte {column}: erwartet wird ein Feldname in doppelten Anführungszeichen, nicht {character}",
  jsonExpectedColon:
    "ungültiges JSON in Zeile {line}, Spalte {column}: erwartet wird „:“, nicht {character}",
  jsonExpectedCommaOrBrace:
    "ungültiges JSON in Zeile {line}, Spalte {column}: erwartet wird „,“ oder „}“, nicht {character}",
  jsonExpectedCommaOrBracket:
    "ungültiges JSON in Zeile {line}, Spalte {column}: erwartet wird „,“ oder „]“, nicht {character}",
  jsonBadUnicodeEscape:
    "ungültiges JSON in Zeile {line}, Spalte {column}: ungültige \\u-Escape-Sequenz in einer Zeichenkette",
  jsonBadEscape:
    "ungültiges JSON in Zeile {line}, Spalte {column}: ungültige Escape-Sequenz in einer Zeichenkette",
  jsonControlCharacter:
    "ungültiges JSON in Zeile {line}, Spalte {column}: Steuerzeichen in einer Zeichenkette (Zeilenumbrüche werden als \\n geschrieben)",
  jsonUnterminatedString:
    "ungültiges JSON in Zeile {line}, Spalte {column}: eine Zeichenkette wird nicht geschlossen",
  jsonTrailingContent:
    "ungültiges JSON in Zeile {line}, Spalte {column}: Inhalt nach dem Ende des JSON-Werts: {character}",
  yamlDuplicateKey:
    "ungültiges YAML in Zeile {line}, Spalte {column}: ein Schlüssel kommt in derselben Zuordnung zweimal vor",
  yamlBadIndent:
    "ungültiges YAML in Zeile {line}, Spalte {column}: die Einrückung passt nicht zur Struktur",
  yamlMissingCharacter:
    "ungültiges YAML in Zeile {line}, Spalte {column}: eine schließende Klammer oder ein Anführungszeichen fehlt",
  yamlInvalid: "ungültiges YAML in Zeile {line}, Spalte {column} ({code})",
  yamlUnreadable: "ungültiges YAML: das Dokument lässt sich nicht lesen ({code})",
};
