import { provisionsFromHeadings, type Heading } from "./provision-headings";
import { DUE_DILIGENCE_REVIEW_INSTRUMENTS } from "./review-instruments";
import { eurLexUrl, type SnapshotInstrument } from "./snapshot-types";

// Instruments the bundled templates refer to that the research doc's catalogue did not hold
// (issue 14 item 4): two ISO standards, the copyright directive's text-and-data-mining article,
// the EDPB's transfer recommendations and Schrems II. Standards are copyrighted: label and title
// only, never their text.

const ISO_TITLE_NOTE =
  "Control titles as commonly cited from the standard's Annex A; not checked against a purchased copy (⚠). German titles are our translation.";

const ISO_27001_CONTROLS: Heading[] = [
  [
    "cl:4-10",
    "Clauses 4–10",
    "Requirements for an information security management system",
    "Anforderungen an ein Informationssicherheits-Managementsystem",
  ],
  ["annex-a:5.15", "A.5.15", "Access control", "Zugangssteuerung"],
  ["annex-a:5.18", "A.5.18", "Access rights", "Zugangsrechte"],
  [
    "annex-a:5.20",
    "A.5.20",
    "Addressing information security within supplier agreements",
    "Informationssicherheit in Lieferantenvereinbarungen",
  ],
  [
    "annex-a:5.21",
    "A.5.21",
    "Managing information security in the ICT supply chain",
    "Informationssicherheit in der IKT-Lieferkette",
  ],
  [
    "annex-a:5.24",
    "A.5.24",
    "Information security incident management planning and preparation",
    "Planung und Vorbereitung der Handhabung von Informationssicherheitsvorfällen",
  ],
  [
    "annex-a:5.27",
    "A.5.27",
    "Learning from information security incidents",
    "Erkenntnisse aus Informationssicherheitsvorfällen",
  ],
  [
    "annex-a:5.30",
    "A.5.30",
    "ICT readiness for business continuity",
    "IKT-Bereitschaft für die Betriebskontinuität",
  ],
  [
    "annex-a:6.3",
    "A.6.3",
    "Information security awareness, education and training",
    "Informationssicherheitsbewusstsein, -ausbildung und -schulung",
  ],
  ["annex-a:8.2", "A.8.2", "Privileged access rights", "Privilegierte Zugangsrechte"],
  ["annex-a:8.3", "A.8.3", "Information access restriction", "Informationszugangsbeschränkung"],
  ["annex-a:8.5", "A.8.5", "Secure authentication", "Sichere Authentifizierung"],
  [
    "annex-a:8.8",
    "A.8.8",
    "Management of technical vulnerabilities",
    "Handhabung von technischen Schwachstellen",
  ],
  ["annex-a:8.10", "A.8.10", "Information deletion", "Löschung von Informationen"],
  ["annex-a:8.15", "A.8.15", "Logging", "Protokollierung"],
  ["annex-a:8.16", "A.8.16", "Monitoring activities", "Überwachungstätigkeiten"],
  ["annex-a:8.24", "A.8.24", "Use of cryptography", "Verwendung von Kryptografie"],
  [
    "annex-a:8.25",
    "A.8.25",
    "Secure development life cycle",
    "Lebenszyklus einer sicheren Entwicklung",
  ],
  ["annex-a:8.28", "A.8.28", "Secure coding", "Sichere Codierung"],
  [
    "annex-a:8.29",
    "A.8.29",
    "Security testing in development and acceptance",
    "Sicherheitsprüfung bei Entwicklung und Abnahme",
  ],
  // Issue 21 (DPO review of the due diligence template)
  ["annex-a:5.7", "A.5.7", "Threat intelligence", "Informationen über die Bedrohungslage"],
  [
    "annex-a:5.22",
    "A.5.22",
    "Monitoring, review and change management of supplier services",
    "Überwachung, Überprüfung und Änderungsmanagement von Lieferantendienstleistungen",
  ],
  [
    "annex-a:5.23",
    "A.5.23",
    "Information security for use of cloud services",
    "Informationssicherheit für die Nutzung von Cloud-Diensten",
  ],
  [
    "annex-a:6.6",
    "A.6.6",
    "Confidentiality or non-disclosure agreements",
    "Vertraulichkeits- oder Geheimhaltungsvereinbarungen",
  ],
  ["annex-a:8.11", "A.8.11", "Data masking", "Datenmaskierung"],
  ["annex-a:8.12", "A.8.12", "Data leakage prevention", "Verhinderung von Datenlecks"],
  ["annex-a:8.13", "A.8.13", "Information backup", "Sicherung von Information"],
  ["annex-a:8.22", "A.8.22", "Segregation of networks", "Trennung von Netzwerken"],
  [
    "annex-a:8.26",
    "A.8.26",
    "Application security requirements",
    "Anforderungen an die Anwendungssicherheit",
  ],
  [
    "annex-a:8.27",
    "A.8.27",
    "Secure system architecture and engineering principles",
    "Sichere Systemarchitektur und Entwicklungsgrundsätze",
  ],
];

export const ISO_27001: SnapshotInstrument = {
  key: "iso:27001",
  kind: "standard",
  citation: "ISO/IEC 27001:2022",
  titleEn: "ISO/IEC 27001:2022 Information security management systems — Requirements",
  titleDe: "ISO/IEC 27001:2022 Informationssicherheits-Managementsysteme — Anforderungen",
  authority: "ISO/IEC JTC 1/SC 27",
  jurisdiction: "INT",
  sourceUrl: "https://www.iso.org/standard/27001",
  evidence: "secondary",
  note: "Catalogue page of the standard at iso.org; the text itself is sold by ISO and not bundled.",
  versions: [
    {
      label: "ISO/IEC 27001:2022",
      legalStatus: "published",
      publishedAt: "2022-10-25",
      entryIntoForceAt: "2022-10-25",
      sourceUrl: "https://www.iso.org/standard/27001",
      evidence: "unverified",
      note: `Publication day 25.10.2022 recalled, not re-fetched (⚠). ${ISO_TITLE_NOTE}`,
      provisions: provisionsFromHeadings("iso:27001", ISO_27001_CONTROLS),
    },
  ],
};

const ISO_42001_CONTROLS: Heading[] = [
  [
    "cl:4-10",
    "Clauses 4–10",
    "Requirements for an AI management system",
    "Anforderungen an ein KI-Managementsystem",
  ],
  ["annex-a:a.6", "A.6", "AI system life cycle", "Lebenszyklus von KI-Systemen"],
  ["annex-a:a.7", "A.7", "Data for AI systems", "Daten für KI-Systeme"],
  [
    "annex-a:a.8",
    "A.8",
    "Information for interested parties of AI systems",
    "Informationen für interessierte Parteien von KI-Systemen",
  ],
  [
    "annex-a:a.10",
    "A.10",
    "Third-party and customer relationships",
    "Beziehungen zu Dritten und Kunden",
  ],
  // Issue 21: controls instead of whole control objectives.
  [
    "annex-a:a.6.2.4",
    "A.6.2.4",
    "AI system verification and validation",
    "Verifizierung und Validierung des KI-Systems",
  ],
  ["annex-a:a.7.5", "A.7.5", "Data provenance", "Datenherkunft"],
  ["annex-a:a.7.6", "A.7.6", "Data preparation", "Datenaufbereitung"],
  [
    "annex-a:a.6.2.6",
    "A.6.2.6",
    "AI system operation and monitoring",
    "Betrieb und Überwachung von KI-Systemen",
  ],
  [
    "annex-a:a.8.2",
    "A.8.2",
    "System documentation and information for users",
    "Systemdokumentation und Informationen für Benutzer",
  ],
  ["annex-a:a.8.3", "A.8.3", "External reporting", "Externe Berichterstattung"],
  [
    "annex-a:a.9.2",
    "A.9.2",
    "Processes for responsible use of AI systems",
    "Prozesse für den verantwortungsvollen Einsatz von KI-Systemen",
  ],
  [
    "annex-a:a.9.4",
    "A.9.4",
    "Intended use of the AI system",
    "Bestimmungsgemäße Verwendung des KI-Systems",
  ],
  ["annex-a:a.10.4", "A.10.4", "Customers", "Kunden"],
  ["annex-a:a.8.4", "A.8.4", "Communication of incidents", "Kommunikation von Vorfällen"],
  ["annex-a:a.10.3", "A.10.3", "Suppliers", "Lieferanten"],
];

export const ISO_42001: SnapshotInstrument = {
  key: "iso:42001",
  kind: "standard",
  citation: "ISO/IEC 42001:2023",
  titleEn: "ISO/IEC 42001:2023 Artificial intelligence — Management system",
  titleDe: "ISO/IEC 42001:2023 Künstliche Intelligenz — Managementsystem",
  authority: "ISO/IEC JTC 1/SC 42",
  jurisdiction: "INT",
  sourceUrl: "https://www.iso.org/standard/42001",
  evidence: "secondary",
  note: "Catalogue page of the standard at iso.org; the text itself is sold by ISO and not bundled.",
  versions: [
    {
      label: "ISO/IEC 42001:2023",
      legalStatus: "published",
      publishedAt: "2023-12-18",
      entryIntoForceAt: "2023-12-18",
      sourceUrl: "https://www.iso.org/standard/42001",
      evidence: "unverified",
      note: `Publication day 18.12.2023 recalled, not re-fetched (⚠). Annex A control objectives. ${ISO_TITLE_NOTE}`,
      provisions: provisionsFromHeadings("iso:42001", ISO_42001_CONTROLS),
    },
  ],
};

const DSM = eurLexUrl("32019L0790");

export const COPYRIGHT_DSM_DIRECTIVE: SnapshotInstrument = {
  key: "eu:2019/790",
  kind: "eu_directive",
  celex: "32019L0790",
  eli: "http://data.europa.eu/eli/dir/2019/790/oj",
  titleEn: "Directive (EU) 2019/790 on copyright and related rights in the Digital Single Market",
  titleDe:
    "Richtlinie (EU) 2019/790 über das Urheberrecht und die verwandten Schutzrechte im digitalen Binnenmarkt",
  authority: "European Parliament and Council",
  jurisdiction: "EU",
  sourceUrl: DSM,
  evidence: "unverified",
  note: "CELEX number derived from the act's number, not re-fetched (⚠).",
  versions: [
    {
      label: "2019/790 (OJ L 130, 17.5.2019, p. 92)",
      legalStatus: "in_force",
      publishedAt: "2019-05-17",
      entryIntoForceAt: "2019-06-06",
      sourceUrl: DSM,
      evidence: "unverified",
      note: "Dates recalled (20th day after publication; transposition by 7.6.2021, Art. 29), not re-fetched (⚠).",
      windows: [
        {
          from: "2021-06-07",
          sourceUrl: DSM,
          evidence: "unverified",
          note: "Art. 29: transposition deadline 7.6.2021 (⚠).",
        },
      ],
      provisions: provisionsFromHeadings("eu:2019/790", [
        [
          "art:4",
          "Art. 4",
          "Exception or limitation for text and data mining (opt-out by rightholders)",
          "Ausnahme oder Beschränkung für Text und Data Mining (Nutzungsvorbehalt der Rechteinhaber)",
        ],
      ]),
    },
  ],
};

const EDPB_REC =
  "https://www.edpb.europa.eu/our-work-tools/our-documents/recommendations/recommendations-012020-measures-supplement-transfer_en";

export const EDPB_RECOMMENDATIONS_01_2020: SnapshotInstrument = {
  key: "edpb:rec:01/2020",
  kind: "guidance",
  citation: "EDPB Recommendations 01/2020",
  titleEn: "EDPB Recommendations 01/2020 on measures that supplement transfer tools",
  titleDe: "EDSA-Empfehlungen 01/2020 zu Maßnahmen zur Ergänzung von Übermittlungstools",
  authority: "European Data Protection Board",
  jurisdiction: "EU",
  sourceUrl: EDPB_REC,
  evidence: "secondary",
  note: "Guidance, not law: it says how the EDPB reads Art. 46 GDPR after Schrems II.",
  versions: [
    {
      label: "Version 2.0 (18.6.2021)",
      legalStatus: "published",
      publishedAt: "2021-06-18",
      entryIntoForceAt: "2021-06-18",
      sourceUrl: EDPB_REC,
      evidence: "unverified",
      note: "Adoption day of version 2.0 recalled, not re-fetched (⚠).",
      provisions: provisionsFromHeadings("edpb:rec:01/2020", [
        [
          "roadmap",
          "Steps 1–6",
          "Roadmap: transfer impact assessment and supplementary measures",
          "Fahrplan: Übermittlungsfolgenabschätzung und ergänzende Maßnahmen",
        ],
      ]),
    },
  ],
};

const SCHREMS_II = eurLexUrl("62018CJ0311");

export const CJEU_C_311_18: SnapshotInstrument = {
  key: "eu:cjeu:C-311/18",
  kind: "court_ruling",
  celex: "62018CJ0311",
  titleEn: "CJEU C-311/18 (Schrems II): Privacy Shield invalid, SCCs with case-by-case assessment",
  titleDe: "EuGH C-311/18 (Schrems II): Privacy Shield ungültig, SCC mit Einzelfallprüfung",
  authority: "Court of Justice of the European Union",
  jurisdiction: "EU",
  sourceUrl: SCHREMS_II,
  evidence: "secondary",
  note: "Judgment well known; the EUR-Lex page was not re-fetched in December 2026.",
  versions: [
    {
      label: "Judgment of 16.7.2020",
      legalStatus: "published",
      publishedAt: "2020-07-16",
      entryIntoForceAt: "2020-07-16",
      sourceUrl: SCHREMS_II,
      evidence: "secondary",
      provisions: provisionsFromHeadings("eu:cjeu:C-311/18", [
        [
          "ruling",
          "Operative part",
          "Transfers under SCCs need an assessment of the third country's law and, where needed, supplementary measures",
          "Übermittlungen auf Grundlage von SCC erfordern eine Prüfung des Drittlandsrechts und gegebenenfalls ergänzende Maßnahmen",
        ],
      ]),
    },
  ],
};

// Issue 21: German law the transparency template cites (the EDPB guidance is in review-instruments.ts). Not
// fetched in December 2026 (no network): the marks say so.

const URHG_URL = "https://www.gesetze-im-internet.de/urhg/__44b.html";

export const GERMAN_COPYRIGHT_ACT: SnapshotInstrument = {
  key: "de:urhg",
  kind: "national_act",
  titleEn: "German Copyright Act (UrhG)",
  titleDe: "Urheberrechtsgesetz (UrhG)",
  authority: "Bundestag",
  jurisdiction: "DE",
  sourceUrl: URHG_URL,
  evidence: "secondary",
  note: "§ 44b UrhG implements Art. 4 Directive (EU) 2019/790 (Gesetz zur Anpassung des Urheberrechts an die Erfordernisse des digitalen Binnenmarktes); cited by the content review, not re-fetched here.",
  versions: [
    {
      label: "UrhG as amended with effect from 7.6.2021",
      legalStatus: "in_force",
      entryIntoForceAt: "2021-06-07",
      sourceUrl: URHG_URL,
      evidence: "unverified",
      note: "Day § 44b took effect recalled (7.6.2021), not re-fetched (⚠).",
      provisions: provisionsFromHeadings("de:urhg", [
        [
          "par:44b",
          "§ 44b",
          "Text and data mining (reservation of use in machine-readable form)",
          "Text und Data Mining (Nutzungsvorbehalt in maschinenlesbarer Form)",
        ],
      ]),
    },
  ],
};

/** The new instruments, in the order index.ts lists them. */
export const REFERENCED_INSTRUMENTS: SnapshotInstrument[] = [
  ISO_27001,
  ISO_42001,
  COPYRIGHT_DSM_DIRECTIVE,
  EDPB_RECOMMENDATIONS_01_2020,
  CJEU_C_311_18,
  GERMAN_COPYRIGHT_ACT,
  ...DUE_DILIGENCE_REVIEW_INSTRUMENTS,
];
