import {
  DATA_ACT_REFERENCED,
  DORA_REFERENCED,
  GDPR_REFERENCED,
  NIS2_REFERENCED,
} from "./eu-acts-referenced";
import { provisionsFromHeadings } from "./provision-headings";
import { eurLexUrl, type SnapshotInstrument } from "./snapshot-types";

// EU acts of the research doc §1 other than the AI Act and the adequacy decisions. Where the doc
// names a source only by its site, the URL is the site and the note names the page.

const DERIVED_CELEX = "CELEX number derived from the act's number, not re-fetched (⚠).";

export const GDPR: SnapshotInstrument = {
  key: "eu:2016/679",
  kind: "eu_regulation",
  celex: "32016R0679",
  eli: "http://data.europa.eu/eli/reg/2016/679/oj",
  titleEn: "General Data Protection Regulation (GDPR), Regulation (EU) 2016/679",
  titleDe: "Datenschutz-Grundverordnung (DSGVO), Verordnung (EU) 2016/679",
  authority: "European Parliament and Council",
  jurisdiction: "EU",
  sourceUrl: eurLexUrl("32016R0679"),
  evidence: "primary",
  note: "CELEX used in public CELLAR code; OJ L 119 confirmed via a citation of Dir. 2016/680.",
  versions: [
    {
      label: "2016/679 (OJ L 119, 4.5.2016)",
      legalStatus: "in_force",
      publishedAt: "2016-05-04",
      entryIntoForceAt: "2016-05-24",
      sourceUrl: eurLexUrl("32016R0679"),
      evidence: "unverified",
      note: "Dates well known but not re-fetched in December 2026 (⚠).",
      windows: [
        {
          from: "2018-05-25",
          sourceUrl: eurLexUrl("32016R0679"),
          evidence: "unverified",
          note: "Art. 99: applies from 25.5.2018 (not re-fetched, ⚠).",
        },
      ],
      provisions: [
        {
          key: "eu:2016/679:art:28",
          kind: "article",
          label: "Art. 28",
          titleEn: "Processor",
          titleDe: "Auftragsverarbeiter",
          assessable: true,
        },
        {
          key: "eu:2016/679:art:33:par:1",
          parentKey: "eu:2016/679:art:33",
          kind: "paragraph",
          label: "Art. 33(1)",
          titleEn: "Notification of a personal data breach to the supervisory authority (72 hours)",
          titleDe: "Meldung einer Datenschutzverletzung an die Aufsichtsbehörde (72 Stunden)",
          assessable: true,
        },
        {
          key: "eu:2016/679:art:45",
          kind: "article",
          label: "Art. 45",
          titleEn: "Transfers on the basis of an adequacy decision",
          titleDe: "Datenübermittlung auf der Grundlage eines Angemessenheitsbeschlusses",
          assessable: true,
        },
        {
          key: "eu:2016/679:art:46",
          kind: "article",
          label: "Art. 46",
          titleEn: "Transfers subject to appropriate safeguards (SCCs, BCRs)",
          titleDe: "Datenübermittlung vorbehaltlich geeigneter Garantien (SCC, BCR)",
          assessable: true,
        },
        {
          key: "eu:2016/679:art:88:par:2",
          parentKey: "eu:2016/679:art:88",
          kind: "paragraph",
          label: "Art. 88(2)",
          titleEn: "More specific rules for processing in the employment context",
          titleDe: "Spezifischere Vorschriften für die Datenverarbeitung im Beschäftigungskontext",
          assessable: false,
        },
        ...provisionsFromHeadings("eu:2016/679", GDPR_REFERENCED),
      ],
    },
  ],
};

export const NIS2: SnapshotInstrument = {
  key: "eu:2022/2555",
  kind: "eu_directive",
  celex: "32022L2555",
  eli: "http://data.europa.eu/eli/dir/2022/2555/oj",
  titleEn: "NIS 2 Directive, Directive (EU) 2022/2555",
  titleDe: "NIS-2-Richtlinie, Richtlinie (EU) 2022/2555",
  authority: "European Parliament and Council",
  jurisdiction: "EU",
  sourceUrl: eurLexUrl("32022L2555"),
  evidence: "primary",
  note: "springlex.eu NIS2 Art. 41; trusq.io (CELEX); encavibs.uni.lu.",
  versions: [
    {
      label: "2022/2555 (OJ L 333, 27.12.2022, p. 80)",
      legalStatus: "in_force",
      publishedAt: "2022-12-27",
      entryIntoForceAt: "2023-01-16",
      sourceUrl: eurLexUrl("32022L2555"),
      evidence: "primary",
      windows: [
        {
          from: "2024-10-18",
          sourceUrl: "https://springlex.eu/",
          evidence: "primary",
          note: "Art. 41: transposition by 17.10.2024, measures apply from 18.10.2024 (springlex.eu NIS2 Art. 41).",
        },
      ],
      provisions: [
        {
          key: "eu:2022/2555:art:41",
          kind: "article",
          label: "Art. 41",
          titleEn: "Transposition",
          titleDe: "Umsetzung",
        },
        ...provisionsFromHeadings("eu:2022/2555", NIS2_REFERENCED),
      ],
    },
  ],
};

const NIS2_IR_SOURCE =
  "https://github.com/intuitem/ciso-assistant-community/blob/main/backend/library/libraries/annex-nis2-regulation--2024-2690-with-technical-implementation-guidance-by-enisa.yaml";

export const NIS2_IMPLEMENTING_REGULATION: SnapshotInstrument = {
  key: "eu:2024/2690",
  kind: "eu_regulation",
  celex: "32024R2690",
  titleEn:
    "Commission Implementing Regulation (EU) 2024/2690: technical and methodological requirements of NIS2 risk-management measures (digital providers incl. cloud and SaaS)",
  titleDe:
    "Durchführungsverordnung (EU) 2024/2690 der Kommission: technische und methodische Anforderungen an die Risikomanagementmaßnahmen nach NIS 2 (digitale Anbieter einschließlich Cloud und SaaS)",
  authority: "European Commission",
  jurisdiction: "EU",
  sourceUrl: eurLexUrl("32024R2690"),
  evidence: "unverified",
  note: `${DERIVED_CELEX} OJ and dates not in the research doc (⚠).`,
  versions: [
    {
      label: "2024/2690",
      legalStatus: "in_force",
      sourceUrl: NIS2_IR_SOURCE,
      evidence: "unverified",
      note: "In force per the research doc; its entry-into-force day is not given, so no date query selects it yet (⚠).",
      provisions: [
        {
          key: "eu:2024/2690:annex:5.1.7",
          kind: "requirement",
          label: "Annex 5.1.7",
          titleEn: "Supplier monitoring, unscheduled reviews",
          titleDe: "Überwachung von Lieferanten, außerplanmäßige Überprüfungen",
          assessable: true,
        },
        {
          key: "eu:2024/2690:annex:11.2.3",
          kind: "requirement",
          label: "Annex 11.2.3",
          titleEn: "Reviews of access rights",
          titleDe: "Überprüfung von Zugriffsrechten",
          assessable: true,
        },
        {
          key: "eu:2024/2690:annex:11.7",
          kind: "requirement",
          label: "Annex 11.7",
          titleEn: "Multi-factor authentication",
          titleDe: "Multi-Faktor-Authentifizierung",
          assessable: true,
        },
      ],
    },
  ],
};

export const DORA: SnapshotInstrument = {
  key: "eu:2022/2554",
  kind: "eu_regulation",
  celex: "32022R2554",
  titleEn: "Digital Operational Resilience Act (DORA), Regulation (EU) 2022/2554",
  titleDe:
    "Verordnung über die digitale operationale Resilienz im Finanzsektor (DORA), Verordnung (EU) 2022/2554",
  authority: "European Parliament and Council",
  jurisdiction: "EU",
  sourceUrl: eurLexUrl("32022R2554"),
  evidence: "unverified",
  note: DERIVED_CELEX,
  versions: [
    {
      label: "2022/2554 (OJ L 333, 27.12.2022, p. 1)",
      legalStatus: "in_force",
      publishedAt: "2022-12-27",
      entryIntoForceAt: "2023-01-16",
      sourceUrl: "https://springlex.eu/",
      evidence: "unverified",
      note: "OJ confirmed (✅); the doc gives entry into force as 16/17.1.2023, so the day is not certain (⚠).",
      windows: [
        {
          from: "2025-01-17",
          sourceUrl: "https://springlex.eu/",
          evidence: "primary",
          note: "Art. 64: applies from 17.1.2025 (springlex.eu DORA Art. 64).",
        },
      ],
      provisions: provisionsFromHeadings("eu:2022/2554", DORA_REFERENCED),
    },
  ],
};

const DATA_ACT_SOURCE = "https://data-act-text.com/";

export const DATA_ACT: SnapshotInstrument = {
  key: "eu:2023/2854",
  kind: "eu_regulation",
  celex: "32023R2854",
  titleEn: "Data Act, Regulation (EU) 2023/2854",
  titleDe: "Datenverordnung (Data Act), Verordnung (EU) 2023/2854",
  authority: "European Parliament and Council",
  jurisdiction: "EU",
  sourceUrl: eurLexUrl("32023R2854"),
  evidence: "primary",
  versions: [
    {
      label: "2023/2854 (OJ L, 22.12.2023)",
      legalStatus: "in_force",
      publishedAt: "2023-12-22",
      entryIntoForceAt: "2024-01-11",
      sourceUrl: eurLexUrl("32023R2854"),
      evidence: "primary",
      windows: [
        {
          from: "2025-09-12",
          sourceUrl: DATA_ACT_SOURCE,
          evidence: "primary",
          note: "Art. 50 (data-act-text.com, EN/DE).",
        },
      ],
      provisions: [
        {
          key: "eu:2023/2854:art:3:par:1",
          parentKey: "eu:2023/2854:art:3",
          kind: "paragraph",
          label: "Art. 3(1)",
          titleEn: "Design obligations: product data accessible by default",
          titleDe: "Gestaltungspflichten: Produktdaten standardmäßig zugänglich",
          assessable: true,
          windows: [
            {
              from: "2026-09-12",
              condition: "placed_on_market_after_2026-09-12",
              sourceUrl: DATA_ACT_SOURCE,
              evidence: "primary",
              note: "Art. 50: products placed on the market after 12.9.2026.",
            },
          ],
        },
        {
          key: "eu:2023/2854:ch:iv",
          kind: "group",
          label: "Chapter IV",
          titleEn: "Unfair contractual terms on data access and use",
          titleDe: "Missbräuchliche Vertragsklauseln über Datenzugang und -nutzung",
          assessable: true,
          windows: [
            {
              from: "2025-09-12",
              condition: "contracts_concluded_after_2025-09-12",
              sourceUrl: DATA_ACT_SOURCE,
              evidence: "primary",
              note: "Art. 50.",
            },
            {
              from: "2027-09-12",
              condition: "older_contracts_indefinite_or_expiring_10y_after_2024-01-11",
              sourceUrl: DATA_ACT_SOURCE,
              evidence: "primary",
              note: "Art. 50: older contracts of indefinite duration or expiring at least 10 years after 11.1.2024.",
            },
          ],
        },
        {
          key: "eu:2023/2854:art:29",
          kind: "article",
          label: "Art. 29",
          titleEn: "Reduced switching charges (phase-out)",
          titleDe: "Reduzierte Wechselentgelte (Auslaufen)",
          windows: [
            {
              from: "2025-09-12",
              until: "2027-01-11",
              sourceUrl: DATA_ACT_SOURCE,
              evidence: "unverified",
              note: "The phase-out ends 12.1.2027 per the doc (recalled, ⚠): reduced charges allowed until the day before.",
            },
          ],
        },
        ...provisionsFromHeadings("eu:2023/2854", DATA_ACT_REFERENCED),
      ],
    },
  ],
};

const CRA_SOURCE = "https://cra.orcwg.org/";

export const CYBER_RESILIENCE_ACT: SnapshotInstrument = {
  key: "eu:2024/2847",
  kind: "eu_regulation",
  celex: "32024R2847",
  titleEn: "Cyber Resilience Act, Regulation (EU) 2024/2847",
  titleDe: "Cyberresilienzverordnung (CRA), Verordnung (EU) 2024/2847",
  authority: "European Parliament and Council",
  jurisdiction: "EU",
  sourceUrl: eurLexUrl("32024R2847"),
  evidence: "unverified",
  note: DERIVED_CELEX,
  versions: [
    {
      label: "2024/2847 (OJ L, 20.11.2024)",
      legalStatus: "in_force",
      publishedAt: "2024-11-20",
      entryIntoForceAt: "2024-12-10",
      sourceUrl: CRA_SOURCE,
      evidence: "primary",
      note: "springlex.eu CRA Art. 71; cra.orcwg.org FAQ (Commission text). cenitia.com wrongly gives 11.12.2024.",
      windows: [
        { from: "2027-12-11", sourceUrl: CRA_SOURCE, evidence: "primary", note: "Art. 71." },
      ],
      provisions: [
        {
          key: "eu:2024/2847:art:14",
          kind: "article",
          label: "Art. 14",
          titleEn: "Reporting of actively exploited vulnerabilities and severe incidents",
          titleDe: "Meldung aktiv ausgenutzter Schwachstellen und schwerwiegender Vorfälle",
          assessable: true,
          windows: [{ from: "2026-09-11", sourceUrl: CRA_SOURCE, evidence: "primary" }],
        },
        {
          key: "eu:2024/2847:ch:iv",
          kind: "group",
          label: "Chapter IV (Arts. 35–51)",
          titleEn: "Notification of conformity assessment bodies",
          titleDe: "Notifizierung von Konformitätsbewertungsstellen",
          windows: [{ from: "2026-06-11", sourceUrl: CRA_SOURCE, evidence: "primary" }],
        },
        // Issue 21: what the due diligence template asks of delivered software components.
        ...provisionsFromHeadings("eu:2024/2847", [
          [
            "art:12",
            "Art. 12",
            "High-risk AI systems: conformity with the CRA's essential requirements",
            "Hochrisiko-KI-Systeme: Erfüllung der grundlegenden Anforderungen der CRA",
          ],
          ["art:13", "Art. 13", "Obligations of manufacturers", "Pflichten der Hersteller"],
          [
            "annex:i:part:i",
            "Annex I, Part I",
            "Cybersecurity requirements relating to the properties of products with digital elements",
            "Cybersicherheitsanforderungen an die Eigenschaften von Produkten mit digitalen Elementen",
          ],
          [
            "annex:i:part:ii",
            "Annex I, Part II",
            "Vulnerability handling requirements",
            "Anforderungen an die Behandlung von Schwachstellen",
          ],
        ]),
        {
          key: "eu:2024/2847:art:69",
          kind: "article",
          label: "Art. 69",
          titleEn: "Transition: existing EU-type examination certificates",
          titleDe: "Übergang: bestehende EU-Baumusterprüfbescheinigungen",
          windows: [
            {
              from: "2024-12-10",
              until: "2028-06-11",
              sourceUrl: CRA_SOURCE,
              evidence: "primary",
              note: "Old EU-type certificates valid until 11.6.2028.",
            },
          ],
        },
      ],
    },
  ],
};

export const STANDARD_CONTRACTUAL_CLAUSES: SnapshotInstrument = {
  key: "eu:2021/914",
  kind: "eu_decision",
  celex: "32021D0914",
  titleEn:
    "Standard contractual clauses for transfers to third countries, Implementing Decision (EU) 2021/914",
  titleDe:
    "Standardvertragsklauseln für Übermittlungen in Drittländer, Durchführungsbeschluss (EU) 2021/914",
  authority: "European Commission",
  jurisdiction: "EU",
  sourceUrl: eurLexUrl("32021D0914"),
  evidence: "unverified",
  note: "Not re-checked in December 2026 (⚠); needed for the SCC/BCR tier of the residency rating.",
  versions: [
    {
      label: "2021/914",
      legalStatus: "in_force",
      sourceUrl: eurLexUrl("32021D0914"),
      evidence: "unverified",
      note: "OJ and dates not in the research doc (⚠).",
      // Issue 21: the clauses the due diligence template cites (review §3, §6.2 topic 5).
      provisions: provisionsFromHeadings("eu:2021/914", [
        [
          "annex:clause:9",
          "Annex, Clause 9",
          "Use of sub-processors (Modules 2 and 3: prior specific or general written authorisation, notice of changes)",
          "Einsatz von Unterauftragsverarbeitern (Module 2 und 3: vorherige gesonderte oder allgemeine schriftliche Genehmigung, Unterrichtung über Änderungen)",
        ],
        [
          "annex:clause:14",
          "Annex, Clause 14",
          "Local laws and practices affecting compliance with the clauses (transfer impact assessment)",
          "Lokale Rechtsvorschriften und Gepflogenheiten, die sich auf die Einhaltung der Klauseln auswirken (Transfer-Folgenabschätzung)",
        ],
      ]),
    },
  ],
};
