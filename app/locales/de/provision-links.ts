import type { provisionLinks as en } from "../en/provision-links";

/** Der Editor für Verknüpfungen von Fragen mit Vorschriften und sein OSCAL-Export (Issue 14 Punkt 4). */
export const provisionLinks: Record<keyof typeof en, string> = {
  pageTitle: "Verknüpfte Vorschriften",
  pageIntro:
    "Jede Frage lässt sich mit den Vorschriften des Regelwerkskatalogs verknüpfen, die sie prüft – mit einer Beziehung und einer Begründung. Der signierte Bericht nennt die verknüpften Vorschriften so, wie sie am Bewertungstag galten.",
  openEditor: "Verknüpfte Vorschriften",
  backToTemplate: "Zurück zur Vorlage",
  exportOscal: "Als OSCAL-Mapping-Collection herunterladen (JSON)",
  noVersion: "Die Vorlage hat noch keine veröffentlichte Version.",
  references: "Verweise in der Vorlage",
  noLinks: "Keine verknüpften Vorschriften.",
  unknownProvision: "nicht im Katalog",
  confirmed: "bestätigt",
  unconfirmed: "unbestätigt",
  origin_bundled: "mitgeliefert",
  origin_editor: "hier hinzugefügt",
  relationship: "Beziehung",
  relationship_equal: "gleich",
  relationship_subset: "Frage deckt einen Teil ab (Teilmenge)",
  relationship_superset: "Frage verlangt mehr (Obermenge)",
  relationship_intersects: "überschneidet sich",
  rationale: "Begründung",
  provisionKey: "Schlüssel der Vorschrift",
  save: "Speichern",
  remove: "Entfernen",
  add: "Verknüpfung hinzufügen",
  searchLabel: "Katalog durchsuchen (Schlüssel, Bezeichnung oder Titel)",
  searchSubmit: "Suchen",
  searchNoResults: "Keine Vorschrift passt zu „{query}“.",
  searchHint:
    "Kopieren Sie einen Schlüssel in das Feld „Schlüssel der Vorschrift“ einer Frage, um sie zu verknüpfen.",
  noticeSaved: "Die Verknüpfung wurde gespeichert.",
  errorRationale: "Geben Sie eine Begründung mit 3 bis 500 Zeichen an.",
  errorRelationship: "Wählen Sie eine der angebotenen Beziehungen.",
  errorProvisionMissing: "Geben Sie den Schlüssel einer Vorschrift ein.",
  errorProvisionUnknown:
    "Die Vorschrift „{key}“ ist nicht in dem Katalog, den Ihre Organisation sieht.",
  errorQuestionUnknown: "Diese Frage gehört nicht zur Vorlage.",
  errorLinkExists: "Diese Frage ist bereits mit dieser Vorschrift verknüpft.",
  errorLinkChanged:
    "Jemand hat diese Verknüpfung inzwischen geändert. Laden Sie die Seite neu, um den aktuellen Stand zu sehen; Ihre Eingabe wurde nicht gespeichert.",
  errorLinkGone: "Diese Verknüpfung gibt es nicht mehr. Laden Sie die Seite neu.",
};
