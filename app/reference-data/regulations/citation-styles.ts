// How a question's references are cited, per instrument (issue 21 item 1): the short name a German
// DPO and an English reader expect. The citation of a provision is built from this short name and
// the provision key's pairs by app/modules/regulations/citations/cite-provision.ts:
//   DE "Art. 28 Abs. 3 lit. a DSGVO", "§ 87 Abs. 1 Nr. 6 BetrVG", "Anhang XII Nr. 1 lit. b KI-VO"
//   EN "GDPR Art. 28(3)(a)", "Section 87(1) no. 6 BetrVG", "AI Act Annex XII point 1(b)"
//
// WHAT A ROW NEEDS (one line per instrument, keyed by the catalogue's instrument key):
//   { de: "<German short name>", en: "<English short name>" }
//   - Standards: the short name carries the edition the templates mean, the same in both
//     languages: { de: "ISO/IEC 27001:2022", en: "ISO/IEC 27001:2022" }.
//   - Court rulings: only { name: "Schrems II" } — the rest is derived from the key
//     ("eu:cjeu:C-311/18") and the judgment day from the catalogue instrument's first version.
//   - EDPB documents keyed "edpb:rec|gl|op:<nn>/<yyyy>" need no row at all (derived), nor do EU
//     directives, regulations and decisions keyed "eu:<yyyy>/<n>" whose bundled catalogue
//     instrument has kind eu_directive/eu_regulation/eu_decision — add a row only where the
//     common short name differs ("DSGVO", "KI-VO", "NIS-2-RL").
// The FORM (how provisions are written) follows from the key: "de:…" German acts use § ("par" is
// the §), "eu:cjeu:…" rulings, "edpb:…" guidance, "iso:…"/"bsi:…" standards (controls read the same
// in both languages), EU decisions name the document first ("Durchführungsbeschluss (EU) 2021/914,
// Anhang, Klausel 14"); everything else is an EU act written with articles. Set `form` only to
// override that.
//
// PROVISION KEY PAIRS the citation understands (after the instrument key):
//   art:<n>  par:<n> (EU: paragraph; German act: the first is the §, later ones Abs.)  abs:<n>
//   pt:<id> (a letter → lit./(a); a numeral → Nr./point; a point under a letter → Ziff./(iv))
//   lit:<a>  nr:<n>  sent:<n> (Satz/sentence)  annex:<id> (or "annex" before cl/pt/part/sec: an
//   unnumbered annex)  part:<id>  sec:<id>  ch:<id>  cl:<id> (decision: Klausel/Clause; standard:
//   Abschnitt/clause)  rn:<n> (Rn./para. of a ruling or guidance)
//   standards: annex-a:<control> ("A.8.24"), domain:<code>, crit:<code> ("OPS-19")
//   "ruling", "roadmap", "criteria": the document as a whole.
// A key the citation cannot parse still reads well: the instrument's citation and the provision's
// label from the catalogue, never the raw key; the content test requires bundled keys to parse.

export type CitationForm =
  "eu_act" | "german_act" | "eu_decision" | "standard" | "ruling" | "guidance";

export interface CitationStyle {
  /** German short name, as it follows a provision ("Art. 28 DSGVO") or stands alone. */
  de?: string;
  /** English short name, as it precedes a provision ("GDPR Art. 28"). */
  en?: string;
  /** A court ruling's common name, cited in brackets after the case number. */
  name?: string;
  /** Only to override the form the key implies. */
  form?: CitationForm;
}

export const CITATION_STYLES: Readonly<Record<string, CitationStyle>> = {
  // EU law
  "eu:2016/679": { de: "DSGVO", en: "GDPR" },
  "eu:2024/1689": { de: "KI-VO", en: "AI Act" },
  "eu:2022/2555": { de: "NIS-2-RL", en: "NIS2" },
  "eu:2022/2554": { de: "DORA", en: "DORA" },
  "eu:2023/2854": { de: "Data Act", en: "Data Act" },
  "eu:2024/2847": { de: "CRA", en: "CRA" },
  "eu:2024/2690": { de: "DVO (EU) 2024/2690", en: "Implementing Regulation (EU) 2024/2690" },
  // German law
  "de:bdsg": { de: "BDSG", en: "BDSG" },
  "de:nis2umsucg": { de: "NIS2UmsuCG", en: "NIS2UmsuCG" },
  "de:bsig": { de: "BSIG", en: "BSIG" },
  "de:betrvg": { de: "BetrVG", en: "BetrVG" },
  "de:stgb": { de: "StGB", en: "StGB" },
  "de:urhg": { de: "UrhG", en: "UrhG" },
  // Standards, with the edition the templates cite
  "iso:27001": { de: "ISO/IEC 27001:2022", en: "ISO/IEC 27001:2022" },
  "iso:42001": { de: "ISO/IEC 42001:2023", en: "ISO/IEC 42001:2023" },
  "bsi:c5": { de: "BSI C5:2020", en: "BSI C5:2020" },
  "bsi:aic4": { de: "BSI AIC4", en: "BSI AIC4" },
  // Court rulings
  "eu:cjeu:C-311/18": { name: "Schrems II" },
  "eu:cjeu:C-34/21": { name: "Hauptpersonalrat" },
  "eu:cjeu:C-634/21": { name: "SCHUFA Holding" },
  "eu:cjeu:C-203/22": { name: "Dun & Bradstreet Austria" },
};
