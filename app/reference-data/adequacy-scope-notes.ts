/**
 * Whom an EU adequacy decision covers, in both languages, where its scope limits it (issue 21
 * item 7, compliance-review.md §7 A2–A4, A7): the residency rating's reasons and the assessment
 * page show these beside a flow to such a country. Plain data without imports, so the browser
 * bundle can hold it; regulations/adequacy.ts takes the English text as the decisions' scope note.
 */
export const LIMITED_SCOPE_NOTES: Readonly<Record<string, { en: string; de: string }>> = {
  CA: {
    en: "commercial organisations subject to PIPEDA only",
    de: "nur gewerbliche Organisationen, die dem PIPEDA unterliegen",
  },
  IL: {
    en: "automated international transfers only (and non-automated transfers subject to further automated processing in Israel); the State of Israel as defined in international law, i.e. without the Golan Heights, the West Bank including East Jerusalem and the Gaza Strip",
    de: "nur automatisierte internationale Übermittlungen (und nicht automatisierte, die in Israel weiter automatisiert verarbeitet werden); der Staat Israel im Sinne des Völkerrechts, also ohne Golanhöhen, Westjordanland einschließlich Ost-Jerusalem und Gazastreifen",
  },
  JP: {
    en: "personal information handling business operators (private sector) under the APPI and the Supplementary Rules only; processing by public authorities is not covered (recital 10)",
    de: "nur Unternehmen der Privatwirtschaft, die nach dem APPI und den ergänzenden Vorschriften personenbezogene Informationen verarbeiten; die Verarbeitung durch Behörden ist nicht erfasst (Erwägungsgrund 10)",
  },
  KR: {
    en: "whole country (PIPA), except (a) processing by religious organisations for their missionary activities, (b) processing by political parties for the nomination of candidates, (c) processing of personal credit information under the Credit Information Act by controllers supervised by the Financial Services Commission",
    de: "ganzes Land (PIPA), ausgenommen (a) die Verarbeitung durch Religionsgemeinschaften für ihre Missionstätigkeit, (b) die Verarbeitung durch politische Parteien zur Aufstellung von Kandidaten, (c) die Verarbeitung persönlicher Kreditinformationen nach dem Credit Information Act durch Verantwortliche unter Aufsicht der Financial Services Commission",
  },
  US: {
    en: "only organisations certified under the EU-US Data Privacy Framework, for the data categories they certified (HR or non-HR data); legal risk: the appeal C-703/25 P against the General Court's judgment T-553/23 Latombe is pending",
    de: "nur nach dem EU-US-Datenschutzrahmen (Data Privacy Framework) zertifizierte Organisationen, für die zertifizierten Datenkategorien (Personal- oder sonstige Daten); Rechtsrisiko: Das Rechtsmittel C-703/25 P gegen das Urteil T-553/23 Latombe des Gerichts der EU ist anhängig",
  },
};

/** The limiting scope notes of the countries among `codes`, once each, in the given language. */
export function limitedScopeNotes(
  codes: readonly string[],
  locale: "en" | "de",
): { code: string; note: string }[] {
  return [...new Set(codes)]
    .filter((code) => Object.hasOwn(LIMITED_SCOPE_NOTES, code))
    .sort()
    .map((code) => ({ code, note: LIMITED_SCOPE_NOTES[code]![locale] }));
}
