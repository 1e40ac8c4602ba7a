import { provisionsFromHeadings, type Heading } from "./provision-headings";
import { eurLexUrl, type SnapshotInstrument, type SnapshotProvision } from "./snapshot-types";

// Instruments the DPO review of issue 21 (shared/research/compliance-review.md §2, §3, §6.2) asks
// the due diligence template to cite that the catalogue did not hold: EDPB guidance, two CJEU
// judgments on automated decisions, the Art. 28(7) clauses, the German DSK guidance on AI and
// three German acts (BSIG, BetrVG, StGB). Titles only; the texts stay with their publishers.
// Nothing here was re-fetched from the primary source in December 2026 unless the mark says so.

const NOT_REFETCHED = "Not re-fetched from the primary source in December 2026 (⚠).";

/** German statutes: "par:<n>" is a § (an article-level provision), "abs"/"nr" its Absatz/Nummer. */
function germanProvisions(
  instrumentKey: string,
  headings: readonly Heading[],
): SnapshotProvision[] {
  return provisionsFromHeadings(instrumentKey, headings).map((provision) => {
    const suffix = provision.key.slice(instrumentKey.length + 1).split(":");
    return suffix.length === 2 ? { ...provision, kind: "article" as const } : provision;
  });
}

/** A guidance document or judgment with one dated version. */
function singleVersion(
  instrument: Omit<SnapshotInstrument, "versions">,
  version: { label: string; day: string; evidence: SnapshotInstrument["evidence"]; note?: string },
  headings: readonly Heading[],
): SnapshotInstrument {
  return {
    ...instrument,
    versions: [
      {
        label: version.label,
        legalStatus: "published",
        publishedAt: version.day,
        entryIntoForceAt: version.day,
        sourceUrl: instrument.sourceUrl,
        evidence: version.evidence,
        ...(version.note ? { note: version.note } : {}),
        provisions: provisionsFromHeadings(instrument.key, headings),
      },
    ],
  };
}

const EDPB_05_2021 =
  "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-052021-interplay-between-application-article-3_en";

export const EDPB_GUIDELINES_05_2021 = singleVersion(
  {
    key: "edpb:guidelines:05/2021",
    kind: "guidance",
    citation: "EDPB Guidelines 05/2021",
    titleEn:
      "EDPB Guidelines 05/2021 on the interplay between the application of Article 3 and the provisions on international transfers as per Chapter V of the GDPR",
    titleDe:
      "EDSA-Leitlinien 05/2021 zum Zusammenspiel zwischen Art. 3 und Kapitel V DSGVO (internationale Übermittlungen)",
    authority: "European Data Protection Board",
    jurisdiction: "EU",
    sourceUrl: EDPB_05_2021,
    evidence: "secondary",
    note: "Cited by the review (§3) as the source for 'remote access from a third country is a transfer'. Guidance, not law.",
  },
  {
    label: "Version 2.0 (14.2.2023)",
    day: "2023-02-14",
    evidence: "unverified",
    note: `Adoption day of version 2.0 recalled. ${NOT_REFETCHED}`,
  },
  [
    [
      "transfer-criteria",
      "Section 2",
      "Three criteria of a transfer; making data available, including by remote access, to an importer in a third country",
      "Drei Kriterien einer Übermittlung; Bereitstellung, auch durch Fernzugriff, an einen Empfänger im Drittland",
    ],
  ],
);

const EDPB_02_2018 =
  "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-22018-derogations-article-49-under-regulation_en";

export const EDPB_GUIDELINES_2_2018 = singleVersion(
  {
    key: "edpb:guidelines:2/2018",
    kind: "guidance",
    citation: "EDPB Guidelines 2/2018",
    titleEn: "EDPB Guidelines 2/2018 on derogations of Article 49 under Regulation 2016/679",
    titleDe: "EDSA-Leitlinien 2/2018 zu den Ausnahmen nach Artikel 49 der Verordnung 2016/679",
    authority: "European Data Protection Board",
    jurisdiction: "EU",
    sourceUrl: EDPB_02_2018,
    evidence: "secondary",
    note: "Cited by the review (§3, S1): Art. 49 derogations are for occasional, non-repetitive transfers. Guidance, not law.",
  },
  {
    label: "Adopted 25.5.2018",
    day: "2018-05-25",
    evidence: "unverified",
    note: `Adoption day recalled. ${NOT_REFETCHED}`,
  },
  [
    [
      "art-49",
      "Derogations",
      "Derogations must be interpreted restrictively; not for systematic, repetitive transfers",
      "Ausnahmen sind eng auszulegen; nicht für systematische, wiederholte Übermittlungen",
    ],
  ],
);

const EDPB_03_2018 =
  "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-32018-territorial-scope-gdpr-article-3-version_en";

export const EDPB_GUIDELINES_3_2018 = singleVersion(
  {
    key: "edpb:guidelines:3/2018",
    kind: "guidance",
    citation: "EDPB Guidelines 3/2018",
    titleEn: "EDPB Guidelines 3/2018 on the territorial scope of the GDPR (Article 3)",
    titleDe: "EDSA-Leitlinien 3/2018 zum räumlichen Anwendungsbereich der DSGVO (Artikel 3)",
    authority: "European Data Protection Board",
    jurisdiction: "EU",
    sourceUrl: EDPB_03_2018,
    evidence: "secondary",
    note: "Cited by the review (§2, help-text errors): a representative under Art. 27 GDPR is needed only where Art. 3(2) applies. Guidance, not law.",
  },
  {
    label: "Version 2.1 (12.11.2019)",
    day: "2019-11-12",
    evidence: "unverified",
    note: `Adoption day of version 2.1 recalled. ${NOT_REFETCHED}`,
  },
  [
    [
      "representative",
      "Section 4",
      "Representative of controllers or processors not established in the Union (Art. 27)",
      "Vertreter von nicht in der Union niedergelassenen Verantwortlichen oder Auftragsverarbeitern (Art. 27)",
    ],
  ],
);

const EDPB_OPINION_28_2024 =
  "https://www.edpb.europa.eu/our-work-tools/our-documents/opinion-board-art-64/opinion-282024-certain-data-protection-aspects_en";

export const EDPB_OPINION_28_2024_INSTRUMENT = singleVersion(
  {
    key: "edpb:opinion:28/2024",
    kind: "guidance",
    citation: "EDPB Opinion 28/2024",
    titleEn:
      "EDPB Opinion 28/2024 on certain data protection aspects related to the processing of personal data in the context of AI models",
    titleDe:
      "EDSA-Stellungnahme 28/2024 zu bestimmten Datenschutzaspekten der Verarbeitung personenbezogener Daten im Zusammenhang mit KI-Modellen",
    authority: "European Data Protection Board",
    jurisdiction: "EU",
    sourceUrl: EDPB_OPINION_28_2024,
    evidence: "secondary",
    note: "Cited by the review (§2 rows 3–4, §6.2 topic 7). Guidance under Art. 64(2) GDPR, not law.",
  },
  {
    label: "Adopted 17.12.2024",
    day: "2024-12-17",
    evidence: "unverified",
    note: `Adoption day recalled. ${NOT_REFETCHED}`,
  },
  [
    [
      "ai-models",
      "Opinion",
      "Anonymity of AI models, legitimate interest for development and deployment, consequences of unlawful training",
      "Anonymität von KI-Modellen, berechtigtes Interesse bei Entwicklung und Einsatz, Folgen unrechtmäßigen Trainings",
    ],
  ],
);

export const CJEU_C_634_21 = singleVersion(
  {
    key: "eu:cjeu:C-634/21",
    kind: "court_ruling",
    celex: "62021CJ0634",
    citation: "C-634/21 (SCHUFA Holding)",
    titleEn:
      "CJEU C-634/21 (SCHUFA Holding, scoring): a probability value that decisively determines a third party's decision is an automated decision (Art. 22 GDPR)",
    titleDe:
      "EuGH C-634/21 (SCHUFA Holding, Scoring): Ein Wahrscheinlichkeitswert, der die Entscheidung eines Dritten maßgeblich bestimmt, ist eine automatisierte Entscheidung (Art. 22 DSGVO)",
    authority: "Court of Justice of the European Union",
    jurisdiction: "EU",
    sourceUrl: eurLexUrl("62021CJ0634"),
    evidence: "secondary",
    note: "Judgment well known and cited by the review (§3, §6.2); the EUR-Lex page was not re-fetched.",
  },
  { label: "Judgment of 7.12.2023", day: "2023-12-07", evidence: "secondary" },
  [
    [
      "ruling",
      "Operative part",
      "Automated establishment of a probability value is a decision under Art. 22(1) GDPR where a third party draws strongly on it",
      "Die automatisierte Ermittlung eines Wahrscheinlichkeitswerts ist eine Entscheidung nach Art. 22 Abs. 1 DSGVO, wenn ein Dritter maßgeblich darauf abstellt",
    ],
  ],
);

export const CJEU_C_203_22 = singleVersion(
  {
    key: "eu:cjeu:C-203/22",
    kind: "court_ruling",
    celex: "62022CJ0203",
    citation: "C-203/22 (Dun & Bradstreet Austria)",
    titleEn:
      "CJEU C-203/22 (Dun & Bradstreet Austria): meaningful information about the logic involved in automated decisions (Art. 15(1)(h) GDPR)",
    titleDe:
      "EuGH C-203/22 (Dun & Bradstreet Austria): aussagekräftige Informationen über die involvierte Logik automatisierter Entscheidungen (Art. 15 Abs. 1 lit. h DSGVO)",
    authority: "Court of Justice of the European Union",
    jurisdiction: "EU",
    sourceUrl: eurLexUrl("62022CJ0203"),
    evidence: "secondary",
    note: "Judgment date 27.2.2025 as cited by the review (§3); the EUR-Lex page was not re-fetched.",
  },
  { label: "Judgment of 27.2.2025", day: "2025-02-27", evidence: "secondary" },
  [
    [
      "ruling",
      "Operative part",
      "The data subject must be told the procedure and principles actually applied, in a concise, intelligible form; trade secrets are weighed by the authority or court",
      "Die betroffene Person ist über das tatsächlich angewandte Verfahren und die Grundsätze in präziser, verständlicher Form zu informieren; Geschäftsgeheimnisse wägt Behörde oder Gericht ab",
    ],
  ],
);

const DSK_OH_KI = "https://www.datenschutzkonferenz-online.de/orientierungshilfen.html";

export const DSK_GUIDANCE_AI = singleVersion(
  {
    key: "de:dsk:oh-ki",
    kind: "guidance",
    citation: "DSK-OH KI",
    titleEn:
      "German DPAs' conference (DSK): guidance 'Artificial intelligence and data protection'",
    titleDe: "DSK-Orientierungshilfe „Künstliche Intelligenz und Datenschutz“",
    authority: "Datenschutzkonferenz (DSK)",
    jurisdiction: "DE",
    sourceUrl: DSK_OH_KI,
    evidence: "secondary",
    note: "Cited by the review (§6.2 topics 2 and 7) with the day 6.5.2024. Guidance of the German supervisory authorities, not law.",
  },
  {
    label: "Version 1.0 (6.5.2024)",
    day: "2024-05-06",
    evidence: "unverified",
    note: `Day as given by the review. ${NOT_REFETCHED}`,
  },
  [
    [
      "whole",
      "Guidance",
      "Selecting and using AI applications: purpose, data minimisation, accuracy, data subject rights",
      "Auswahl und Nutzung von KI-Anwendungen: Zweck, Datenminimierung, Richtigkeit, Betroffenenrechte",
    ],
  ],
);

export const PROCESSOR_CLAUSES_2021_915: SnapshotInstrument = {
  key: "eu:2021/915",
  kind: "eu_decision",
  celex: "32021D0915",
  citation: "Implementing Decision (EU) 2021/915",
  titleEn:
    "Standard contractual clauses between controllers and processors (Art. 28(7) GDPR), Implementing Decision (EU) 2021/915",
  titleDe:
    "Standardvertragsklauseln zwischen Verantwortlichen und Auftragsverarbeitern (Art. 28 Abs. 7 DSGVO), Durchführungsbeschluss (EU) 2021/915",
  authority: "European Commission",
  jurisdiction: "EU",
  sourceUrl: eurLexUrl("32021D0915"),
  evidence: "unverified",
  note: "CELEX number derived from the act's number, not re-fetched (⚠).",
  versions: [
    {
      label: "2021/915 (OJ L 199, 7.6.2021)",
      legalStatus: "in_force",
      publishedAt: "2021-06-07",
      entryIntoForceAt: "2021-06-27",
      sourceUrl: eurLexUrl("32021D0915"),
      evidence: "unverified",
      note: `OJ and entry into force (20th day after publication) recalled. ${NOT_REFETCHED}`,
      provisions: provisionsFromHeadings("eu:2021/915", [
        [
          "annex",
          "Annex",
          "Standard contractual clauses under Art. 28(7) GDPR",
          "Standardvertragsklauseln nach Art. 28 Abs. 7 DSGVO",
        ],
      ]),
    },
  ],
};

const BSIG_SOURCE = "https://digitale-gesetze.de/";
const BSIG_NOTE =
  "The BSIG as rewritten by Art. 1 NIS2UmsuCG (BGBl. 2025 I Nr. 301), in force 6.12.2025 per secondary sources (◐): digitale-gesetze.de, nis2-umsetzung.com (as cited by the review).";

export const BSIG: SnapshotInstrument = {
  key: "de:bsig",
  kind: "national_act",
  citation: "BSIG",
  titleEn:
    "Act on the Federal Office for Information Security (BSIG), as of the NIS2 implementation",
  titleDe:
    "Gesetz über das Bundesamt für Sicherheit in der Informationstechnik (BSI-Gesetz – BSIG)",
  authority: "Bundestag",
  jurisdiction: "DE",
  sourceUrl: BSIG_SOURCE,
  evidence: "secondary",
  note: BSIG_NOTE,
  versions: [
    {
      label: "BSIG 2025 (Art. 1 NIS2UmsuCG, BGBl. 2025 I Nr. 301)",
      legalStatus: "in_force",
      publishedAt: "2025-12-05",
      entryIntoForceAt: "2025-12-06",
      sourceUrl: BSIG_SOURCE,
      evidence: "secondary",
      note: `${BSIG_NOTE} § 30 Abs. 2 Nr. 7–10 mapped to NIS2 Art. 21(2)(g)–(j) by structure only (⚠).`,
      windows: [{ from: "2025-12-06", sourceUrl: BSIG_SOURCE, evidence: "secondary" }],
      provisions: germanProvisions("de:bsig", [
        [
          "par:28",
          "§ 28",
          "Particularly important and important entities",
          "Besonders wichtige Einrichtungen und wichtige Einrichtungen",
        ],
        [
          "par:30",
          "§ 30",
          "Risk-management measures (subsection 2 nos. 1–10 as NIS2 Art. 21(2)(a)–(j))",
          "Risikomanagementmaßnahmen (Abs. 2 Nr. 1–10 entsprechend Art. 21 Abs. 2 lit. a–j NIS-2-RL)",
        ],
        [
          "par:32",
          "§ 32",
          "Reporting obligations: early first report within 24 hours, incident report, final report",
          "Meldepflichten: frühe Erstmeldung binnen 24 Stunden, Meldung, Abschlussmeldung",
        ],
      ]),
    },
  ],
};

const BETRVG_SOURCE = "https://www.gesetze-im-internet.de/betrvg/";

export const BETRVG: SnapshotInstrument = {
  key: "de:betrvg",
  kind: "national_act",
  citation: "BetrVG",
  titleEn: "Works Constitution Act (BetrVG)",
  titleDe: "Betriebsverfassungsgesetz (BetrVG)",
  authority: "Bundestag",
  jurisdiction: "DE",
  sourceUrl: BETRVG_SOURCE,
  evidence: "secondary",
  note: "Official text on gesetze-im-internet.de; provisions as cited by the review (§6.2 topic 8), not re-fetched (⚠).",
  versions: [
    {
      label: "BetrVG (Neufassung BGBl. I 2001 S. 2518, as amended)",
      legalStatus: "in_force",
      sourceUrl: BETRVG_SOURCE,
      evidence: "unverified",
      note: `Consolidated text as amended; the day of its latest amendment is not recorded. ${NOT_REFETCHED}`,
      provisions: germanProvisions("de:betrvg", [
        [
          "par:80",
          "§ 80",
          "General duties of the works council (subsection 3: experts, including on AI)",
          "Allgemeine Aufgaben des Betriebsrats (Abs. 3: Sachverständige, auch bei KI)",
        ],
        [
          "par:87:abs:1:nr:6",
          "§ 87 Abs. 1 Nr. 6",
          "Co-determination on technical devices designed to monitor employees' behaviour or performance",
          "Mitbestimmung bei technischen Einrichtungen, die dazu bestimmt sind, das Verhalten oder die Leistung der Arbeitnehmer zu überwachen",
        ],
        [
          "par:90",
          "§ 90",
          "Information and consultation on planning, including AI (subsection 1 no. 3)",
          "Unterrichtungs- und Beratungsrechte bei der Planung, auch von KI (Abs. 1 Nr. 3)",
        ],
      ]),
    },
  ],
};

const STGB_SOURCE = "https://www.gesetze-im-internet.de/stgb/__203.html";

export const STGB: SnapshotInstrument = {
  key: "de:stgb",
  kind: "national_act",
  citation: "StGB",
  titleEn: "German Criminal Code (StGB)",
  titleDe: "Strafgesetzbuch (StGB)",
  authority: "Bundestag",
  jurisdiction: "DE",
  sourceUrl: STGB_SOURCE,
  evidence: "secondary",
  note: "Official text on gesetze-im-internet.de; § 203 Abs. 3 and 4 (contributing persons) as cited by the review (§6.2 topic 9), not re-fetched (⚠).",
  versions: [
    {
      label: "StGB (as amended; § 203 Abs. 3, 4 since BGBl. I 2017 S. 3618)",
      legalStatus: "in_force",
      sourceUrl: STGB_SOURCE,
      evidence: "unverified",
      note: `Amending act of 2017 recalled. ${NOT_REFETCHED}`,
      provisions: germanProvisions("de:stgb", [
        [
          "par:203",
          "§ 203",
          "Violation of private secrets, including by contributing persons (subsections 3 and 4)",
          "Verletzung von Privatgeheimnissen, auch durch mitwirkende Personen (Abs. 3, 4)",
        ],
      ]),
    },
  ],
};

/** The new instruments, in the order index.ts lists them (after the other referenced ones). */
export const DUE_DILIGENCE_REVIEW_INSTRUMENTS: SnapshotInstrument[] = [
  EDPB_GUIDELINES_05_2021,
  EDPB_GUIDELINES_2_2018,
  EDPB_GUIDELINES_3_2018,
  EDPB_OPINION_28_2024_INSTRUMENT,
  CJEU_C_634_21,
  CJEU_C_203_22,
  DSK_GUIDANCE_AI,
  PROCESSOR_CLAUSES_2021_915,
  BSIG,
  BETRVG,
  STGB,
];
