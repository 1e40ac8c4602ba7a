import { eurLexUrl, type SnapshotChangeEvent } from "./snapshot-types";

// The Digital Omnibus COM(2025) 837 (research doc §3): a PENDING change. It is not law, so it is
// no version of the acts it would amend, only change events with legalStatus "proposal" and no
// effective date; vendor questions about breach notification keep conditional wording until then.

const PROPOSAL = eurLexUrl("52025PC0837");
const NOTE =
  "CELEX derived (⚠). Proposals ◐ per taylorwessing.com.cn, swisssecurityinsights.ch, sourcingspeak.com, bpv-legal.com; no agreement as of 18.6.2026 (noerr.com), status after June 2026 unknown (⚠).";

export const DIGITAL_OMNIBUS_CHANGES: SnapshotChangeEvent[] = [
  {
    key: "digital-omnibus:gdpr-breach-notification",
    instrumentKey: "eu:2016/679",
    type: "amendment",
    detectedAt: "2025-11-19",
    legalStatus: "proposal",
    affectedProvisionKeys: ["eu:2016/679:art:33:par:1"],
    changes: [
      {
        provisionKey: "eu:2016/679:art:33:par:1",
        field: "notificationDeadlineHours",
        from: "72",
        to: "96",
      },
      {
        provisionKey: "eu:2016/679:art:33:par:1",
        field: "notificationThreshold",
        from: "risk",
        to: "high risk",
      },
    ],
    summaryEn:
      'Pending (Digital Omnibus COM(2025) 837): personal data breach notification from 72 h to 96 h, threshold raised to "high risk".',
    summaryDe:
      "Anhängig (digitaler Omnibus COM(2025) 837): Meldung von Datenschutzverletzungen binnen 96 statt 72 Stunden, Schwelle auf „hohes Risiko“ angehoben.",
    sourceUrl: PROPOSAL,
    evidence: "secondary",
    note: NOTE,
  },
  {
    key: "digital-omnibus:nis2-single-entry-point",
    instrumentKey: "eu:2022/2555",
    type: "amendment",
    detectedAt: "2025-11-19",
    legalStatus: "proposal",
    affectedProvisionKeys: [],
    changes: [{ field: "incidentReportingChannel", from: null, to: "ENISA single entry point" }],
    summaryEn:
      "Pending (Digital Omnibus COM(2025) 837): an ENISA-run single entry point for incident reports under NIS2, GDPR, DORA, CER and eIDAS, operational 18 (up to 24) months after entry into force.",
    summaryDe:
      "Anhängig (digitaler Omnibus COM(2025) 837): eine von der ENISA betriebene zentrale Meldestelle für Vorfälle nach NIS 2, DSGVO, DORA, CER und eIDAS, betriebsbereit 18 (bis 24) Monate nach Inkrafttreten.",
    sourceUrl: PROPOSAL,
    evidence: "secondary",
    note: NOTE,
  },
  {
    key: "digital-omnibus:data-act-consolidation",
    instrumentKey: "eu:2023/2854",
    type: "amendment",
    detectedAt: "2025-11-19",
    legalStatus: "proposal",
    affectedProvisionKeys: [],
    changes: [
      {
        field: "absorbs",
        from: null,
        to: "Regulation (EU) 2022/868 (DGA), Directive (EU) 2019/1024",
      },
    ],
    summaryEn:
      "Pending (Digital Omnibus COM(2025) 837): the Data Governance Act and the Open Data Directive are folded into the Data Act.",
    summaryDe:
      "Anhängig (digitaler Omnibus COM(2025) 837): Daten-Governance-Rechtsakt und Open-Data-Richtlinie gehen in der Datenverordnung auf.",
    sourceUrl: eurLexUrl("52025SC0836"),
    evidence: "primary",
    note: "Amended and repealed acts from the title of SWD(2025) 836 (✅).",
  },
];
