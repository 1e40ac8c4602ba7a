import { eurLexUrl, type SnapshotChangeEvent, type SnapshotInstrument } from "./snapshot-types";

// German law of the research doc §1: the NIS2 implementation act and the BDSG, with the CJEU
// ruling C-34/21 that undermines § 26 BDSG.

const NIS2UMSUCG_NOTE =
  "Secondary sources only (◐): btl-recht.de, uneedsecurity.com, dataagenda.de, securatrust.de.";

export const GERMAN_NIS2_ACT: SnapshotInstrument = {
  key: "de:nis2umsucg",
  kind: "national_act",
  citation: "BGBl. 2025 I Nr. 301",
  titleEn:
    "German NIS2 Implementation and Cybersecurity Strengthening Act (NIS2UmsuCG; BSIG rewritten)",
  titleDe: "NIS-2-Umsetzungs- und Cybersicherheitsstärkungsgesetz (NIS2UmsuCG; neues BSIG)",
  authority: "Bundestag",
  jurisdiction: "DE",
  sourceUrl: "https://btl-recht.de/",
  evidence: "secondary",
  note: NIS2UMSUCG_NOTE,
  versions: [
    {
      label: "BGBl. 2025 I Nr. 301",
      legalStatus: "in_force",
      publishedAt: "2025-12-05",
      entryIntoForceAt: "2025-12-06",
      sourceUrl: "https://btl-recht.de/",
      evidence: "secondary",
      note: `${NIS2UMSUCG_NOTE} No general transition period.`,
      windows: [{ from: "2025-12-06", sourceUrl: "https://btl-recht.de/", evidence: "secondary" }],
      provisions: [
        {
          key: "de:nis2umsucg:registration",
          kind: "requirement",
          label: "Registration with the BSI",
          titleEn: "Register with the BSI within 3 months (BSI portal open from 6 Jan 2026)",
          titleDe: "Registrierung beim BSI innerhalb von 3 Monaten (BSI-Portal ab 6.1.2026)",
          assessable: true,
          windows: [
            {
              from: "2025-12-06",
              until: "2026-03-06",
              condition: "entities_in_scope_from_2025-12-06",
              sourceUrl: "https://uneedsecurity.com/",
              evidence: "secondary",
              note: NIS2UMSUCG_NOTE,
            },
          ],
        },
      ],
    },
  ],
};

export const BDSG: SnapshotInstrument = {
  key: "de:bdsg",
  kind: "national_act",
  citation: "BGBl. I 2017 S. 2097",
  titleEn: "Federal Data Protection Act (BDSG)",
  titleDe: "Bundesdatenschutzgesetz (BDSG)",
  authority: "Bundestag",
  jurisdiction: "DE",
  sourceUrl: "https://www.gesetze-im-internet.de/bdsg_2018/",
  evidence: "primary",
  note: "Citation confirmed (✅); the official text is published on gesetze-im-internet.de.",
  versions: [
    {
      label: "BDSG 2018 (BGBl. I 2017 S. 2097)",
      legalStatus: "in_force",
      entryIntoForceAt: "2018-05-25",
      sourceUrl: "https://www.gesetze-im-internet.de/bdsg_2018/",
      evidence: "secondary",
      note: "Entry into force 25.5.2018 (◐).",
      provisions: [
        {
          key: "de:bdsg:par:26",
          kind: "article",
          label: "§ 26",
          titleEn: "Data processing for employment purposes",
          titleDe: "Datenverarbeitung für Zwecke des Beschäftigungsverhältnisses",
          assessable: true,
        },
        {
          key: "de:bdsg:par:38",
          kind: "article",
          label: "§ 38",
          titleEn: "Data protection officers of private bodies",
          titleDe: "Datenschutzbeauftragte nichtöffentlicher Stellen",
          assessable: true,
        },
        // Issue 21 (DPO review §6.2 topics 1 and 9).
        {
          key: "de:bdsg:par:22",
          kind: "article",
          label: "§ 22",
          titleEn: "Processing of special categories of personal data (subsection 2: safeguards)",
          titleDe:
            "Verarbeitung besonderer Kategorien personenbezogener Daten (Abs. 2: Schutzmaßnahmen)",
          assessable: true,
        },
        {
          key: "de:bdsg:par:37",
          kind: "article",
          label: "§ 37",
          titleEn: "Automated individual decisions, including profiling (insurance contracts)",
          titleDe:
            "Automatisierte Entscheidungen im Einzelfall einschließlich Profiling (Versicherungsverträge)",
          assessable: true,
        },
      ],
    },
  ],
};

export const CJEU_C_34_21: SnapshotInstrument = {
  key: "eu:cjeu:C-34/21",
  kind: "court_ruling",
  celex: "62021CJ0034",
  titleEn: "CJEU C-34/21 (Hauptpersonalrat): employee data, Art. 88(2) GDPR",
  titleDe: "EuGH C-34/21 (Hauptpersonalrat): Beschäftigtendaten, Art. 88 Abs. 2 DSGVO",
  authority: "Court of Justice of the European Union",
  jurisdiction: "EU",
  sourceUrl: eurLexUrl("62021CJ0034"),
  evidence: "primary",
  versions: [
    {
      label: "Judgment of 30.3.2023",
      legalStatus: "published",
      publishedAt: "2023-03-30",
      entryIntoForceAt: "2023-03-30",
      sourceUrl: eurLexUrl("62021CJ0034"),
      evidence: "primary",
      // Issue 21: cited by the due diligence question on employee usage data.
      provisions: [
        {
          key: "eu:cjeu:C-34/21:ruling",
          kind: "requirement",
          label: "Operative part",
          titleEn:
            "A national rule on employee data must be a more specific rule under Art. 88(2) GDPR, not a repetition of the GDPR",
          titleDe:
            "Eine nationale Regel zu Beschäftigtendaten muss eine spezifischere Vorschrift nach Art. 88 Abs. 2 DSGVO sein, keine Wiederholung der DSGVO",
          assessable: false,
        },
      ],
    },
  ],
};

export const GERMAN_CHANGES: SnapshotChangeEvent[] = [
  {
    key: "bdsg:c-34-21",
    instrumentKey: "de:bdsg",
    type: "court_ruling",
    detectedAt: "2023-03-30",
    effectiveAt: "2023-03-30",
    legalStatus: "published",
    affectedProvisionKeys: ["de:bdsg:par:26", "eu:2016/679:art:88:par:2"],
    changes: [],
    summaryEn:
      'CJEU C-34/21: a national rule that only repeats "necessity" is no more specific rule under Art. 88(2) GDPR; § 26 BDSG can no longer be relied on alone.',
    summaryDe:
      "EuGH C-34/21: Eine nationale Regel, die nur die „Erforderlichkeit“ wiederholt, ist keine spezifischere Vorschrift im Sinne von Art. 88 Abs. 2 DSGVO; § 26 BDSG trägt allein nicht mehr.",
    sourceUrl: eurLexUrl("62021CJ0034"),
    evidence: "primary",
  },
  {
    key: "nis2umsucg:in-force",
    instrumentKey: "de:nis2umsucg",
    type: "new_instrument",
    detectedAt: "2025-12-05",
    effectiveAt: "2025-12-06",
    legalStatus: "in_force",
    toVersionLabel: "BGBl. 2025 I Nr. 301",
    affectedProvisionKeys: ["de:nis2umsucg:registration"],
    changes: [],
    summaryEn:
      "The German NIS2 implementation act is in force from 6 Dec 2025 without a general transition period; entities register with the BSI within 3 months.",
    summaryDe:
      "Das NIS-2-Umsetzungsgesetz gilt ab dem 6.12.2025 ohne allgemeine Übergangsfrist; Einrichtungen registrieren sich innerhalb von 3 Monaten beim BSI.",
    sourceUrl: "https://btl-recht.de/",
    evidence: "secondary",
    note: NIS2UMSUCG_NOTE,
  },
];
