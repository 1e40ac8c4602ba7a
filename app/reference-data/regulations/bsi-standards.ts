import { provisionsFromHeadings, type Heading } from "./provision-headings";
import type { SnapshotChangeEvent, SnapshotInstrument } from "./snapshot-types";

// BSI C5 and AIC4 (research doc §1). Standards have no entry into force: a version's
// entryIntoForceAt is its publication day, and when audits must use it is a window.

const C5_ARCHIVE = "https://www.bsi.bund.de/";

// The C5 domains the bundled templates refer to (issue 14 item 4), by their C5:2020 abbreviations
// and names; criteria texts stay with the BSI. The same keys in both versions, so a link to a
// domain survives the revision.
const C5_DOMAINS: Heading[] = [
  ["criteria", "C5 criteria", "All criteria of the catalogue", "Alle Kriterien des Katalogs"],
  ["domain:ops", "OPS", "Operations", "Regelbetrieb"],
  [
    "domain:idm",
    "IDM",
    "Identity and access management",
    "Identitäts- und Berechtigungsmanagement",
  ],
  ["domain:cry", "CRY", "Cryptography and key management", "Kryptographie und Schlüsselmanagement"],
  ["domain:pi", "PI", "Portability and interoperability", "Portabilität und Interoperabilität"],
  [
    "domain:dev",
    "DEV",
    "Procurement, development and modification of information systems",
    "Beschaffung, Entwicklung und Änderung von Informationssystemen",
  ],
  [
    "domain:sso",
    "SSO",
    "Control and monitoring of service providers and suppliers",
    "Steuerung und Überwachung von Dienstleistern und Lieferanten",
  ],
  [
    "domain:bcm",
    "BCM",
    "Business continuity management",
    "Kontinuität des Geschäftsbetriebs und Notfallmanagement",
  ],
  [
    "domain:inq",
    "INQ",
    "Dealing with investigation requests from government agencies",
    "Umgang mit Ermittlungsanfragen staatlicher Stellen",
  ],
];

// Single C5:2020 criteria the DPO review of issue 21 names (review §3), under their domains. IDs
// as in the ciso-assistant library bsi-c5-2020.yaml the review used; titles are our short
// summaries, not the BSI's wording. C5:2026 renumbered criteria (e.g. PSS-12 became GC-01), so
// these hang on the C5:2020 version only.
const C5_2020_CRITERIA: Heading[] = [
  ["domain:hr", "HR", "Human resources", "Personal"],
  ["domain:pss", "PSS", "Product safety and security", "Produktsicherheit"],
  ["domain:sim", "SIM", "Security incident management", "Umgang mit Sicherheitsvorfällen"],
  [
    "domain:hr:crit:hr-03",
    "HR-03",
    "Security training and awareness programme",
    "Sicherheitsschulung und Sensibilisierung",
  ],
  ["domain:hr:crit:hr-06", "HR-06", "Confidentiality agreements", "Vertraulichkeitsvereinbarungen"],
  [
    "domain:idm:crit:idm-05",
    "IDM-05",
    "Regular review of access rights",
    "Regelmäßige Überprüfung der Zugangsberechtigungen",
  ],
  [
    "domain:idm:crit:idm-07",
    "IDM-07",
    "Access to cloud customer data",
    "Zugriff auf Daten der Cloud-Kunden",
  ],
  ["domain:ops:crit:ops-09", "OPS-09", "Backup storage location", "Speicherort der Datensicherung"],
  [
    "domain:ops:crit:ops-13",
    "OPS-13",
    "Logging and monitoring: detecting events and anomalies",
    "Protokollierung und Überwachung: Erkennen von Ereignissen und Anomalien",
  ],
  ["domain:ops:crit:ops-19", "OPS-19", "Penetration tests", "Penetrationstests"],
  [
    "domain:ops:crit:ops-24",
    "OPS-24",
    "Separation of data sets in the cloud infrastructure",
    "Separierung der Datenbestände in der Cloud-Infrastruktur",
  ],
  [
    "domain:pi:crit:pi-02",
    "PI-02",
    "Contractual agreements for the provision of data",
    "Vertragliche Vereinbarungen zur Bereitstellung von Daten",
  ],
  ["domain:pi:crit:pi-03", "PI-03", "Secure deletion of data", "Sichere Löschung von Daten"],
  ["domain:pss:crit:pss-05", "PSS-05", "Authentication mechanisms", "Authentisierungsmechanismen"],
  [
    "domain:pss:crit:pss-08",
    "PSS-08",
    "Secure authentication of users",
    "Sichere Anmeldung von Benutzern",
  ],
  ["domain:pss:crit:pss-09", "PSS-09", "Authorisation mechanisms", "Autorisierungsmechanismen"],
  [
    "domain:pss:crit:pss-12",
    "PSS-12",
    "Locations of data processing and storage",
    "Standorte der Datenverarbeitung und -speicherung",
  ],
  [
    "domain:sim:crit:sim-01",
    "SIM-01",
    "Policy for security incident management",
    "Richtlinie für den Umgang mit Sicherheitsvorfällen",
  ],
  [
    "domain:sim:crit:sim-03",
    "SIM-03",
    "Documentation and reporting of security incidents",
    "Dokumentation und Berichterstattung über Sicherheitsvorfälle",
  ],
  [
    "domain:sso:crit:sso-01",
    "SSO-01",
    "Policy for managing service providers and suppliers",
    "Richtlinie für die Steuerung von Dienstleistern und Lieferanten",
  ],
  [
    "domain:sso:crit:sso-03",
    "SSO-03",
    "Directory of service providers and suppliers",
    "Verzeichnis der Dienstleister und Lieferanten",
  ],
];

export const BSI_C5: SnapshotInstrument = {
  key: "bsi:c5",
  kind: "standard",
  titleEn: "BSI Cloud Computing Compliance Criteria Catalogue (C5)",
  titleDe: "BSI Cloud Computing Compliance Criteria Catalogue (C5)",
  authority: "Bundesamt für Sicherheit in der Informationstechnik (BSI)",
  jurisdiction: "DE",
  sourceUrl: C5_ARCHIVE,
  evidence: "secondary",
  note: "BSI C5 archive; kpmg.com/de (09/2025); g-lorenzen.de. § 393 SGB V requires a C5 attestation for health and social data in the cloud since 1.7.2024 (◐).",
  versions: [
    {
      label: "C5:2020",
      legalStatus: "published",
      sourceUrl: C5_ARCHIVE,
      evidence: "secondary",
      note: "121 criteria; current until the new version. Its publication day is not in the research doc (⚠). Criterion IDs per ciso-assistant bsi-c5-2020.yaml as used by the issue 21 review (◐); titles are summaries.",
      provisions: provisionsFromHeadings("bsi:c5", [...C5_DOMAINS, ...C5_2020_CRITERIA]),
    },
    {
      label: "C5:2026",
      legalStatus: "published",
      publishedAt: "2026-04-07",
      entryIntoForceAt: "2026-04-07",
      sourceUrl: "https://www.kpmg.com/de/",
      evidence: "unverified",
      note: 'Final version published 7.4.2026 as "C5:2026", aligned with EUCS (◐⚠). The 2025 community draft had 169 criteria.',
      windows: [
        {
          from: "2027-01-01",
          condition: "audit_periods_starting_from_2027-01-01",
          sourceUrl: "https://www.kpmg.com/de/",
          evidence: "unverified",
          note: "KPMG said of the draft that it becomes binding for audit periods starting 1.1.2027 (⚠).",
        },
      ],
      provisions: provisionsFromHeadings("bsi:c5", C5_DOMAINS),
    },
  ],
};

export const BSI_AIC4: SnapshotInstrument = {
  key: "bsi:aic4",
  kind: "standard",
  titleEn: "BSI AI Cloud Service Compliance Criteria Catalogue (AIC4)",
  titleDe: "BSI AI Cloud Service Compliance Criteria Catalogue (AIC4)",
  authority: "Bundesamt für Sicherheit in der Informationstechnik (BSI)",
  jurisdiction: "DE",
  sourceUrl: "https://www.bsi.bund.de/aic4",
  evidence: "primary",
  note: "An extension of C5: an AIC4 audit requires a valid C5 attestation; English only (✅). No successor found, which is not confirmed (⚠).",
  versions: [
    {
      label: "AIC4 (2021)",
      legalStatus: "published",
      sourceUrl: "https://www.bsi.bund.de/aic4",
      evidence: "primary",
      note: "Published in 2021; the day is not in the research doc.",
      provisions: [
        "security & robustness",
        "performance & functionality",
        "reliability",
        "data quality",
        "data management",
        "explainability",
        "bias",
      ].map((area) => ({
        key: `bsi:aic4:area:${area.replace(/ & /g, "-").replace(/ /g, "-")}`,
        kind: "group" as const,
        label: area,
        titleEn: area,
      })),
    },
  ],
};

export const BSI_CHANGES: SnapshotChangeEvent[] = [
  {
    key: "c5:2025-community-draft",
    instrumentKey: "bsi:c5",
    type: "standard_revision",
    detectedAt: "2025-07-14",
    legalStatus: "proposal",
    affectedProvisionKeys: [],
    changes: [],
    summaryEn: "C5:2025 community draft with 169 criteria; comments until 15 Sep 2025.",
    summaryDe: "Community-Entwurf C5:2025 mit 169 Kriterien; Kommentare bis zum 15.9.2025.",
    sourceUrl: "https://www.kpmg.com/de/",
    evidence: "secondary",
  },
  {
    key: "c5:2026-published",
    instrumentKey: "bsi:c5",
    type: "standard_revision",
    detectedAt: "2026-04-07",
    effectiveAt: "2026-04-07",
    legalStatus: "published",
    fromVersionLabel: "C5:2020",
    toVersionLabel: "C5:2026",
    affectedProvisionKeys: [],
    changes: [{ field: "version", from: "C5:2020", to: "C5:2026" }],
    summaryEn:
      "C5:2026 published (aligned with EUCS); reportedly binding for audit periods starting 1 Jan 2027.",
    summaryDe:
      "C5:2026 veröffentlicht (an EUCS ausgerichtet); Berichten zufolge verbindlich für Prüfzeiträume ab dem 1.1.2027.",
    sourceUrl: "https://www.kpmg.com/de/",
    evidence: "unverified",
    note: "Publication as C5:2026 per secondary sources (◐⚠); the binding date was said of the draft (⚠).",
  },
];
