import { referencedAiActProvisions } from "./ai-act-referenced";
import {
  eurLexUrl,
  type SnapshotChangeEvent,
  type SnapshotInstrument,
  type SnapshotProvision,
} from "./snapshot-types";

// EU AI Act, Regulation (EU) 2024/1689, and the 2026 AI omnibus (research doc §1–2). Two
// versions: as enacted (Art. 113 dates) and as amended by the omnibus. "What applied on D" takes
// the version in force on D, so between the provisional agreement (7.5.2026) and the omnibus's
// entry into force the original dates were still the law.

const KEY = "eu:2024/1689";
const ACT = eurLexUrl("32024R1689");
const ART_113 = "https://legalviz.eu/aia/article/113";
const OMNIBUS_PROPOSAL = eurLexUrl("52025PC0836");
// The Council's press release of 29.6.2026 as mirrored by pubt.io (the research doc's source).
const OMNIBUS_ADOPTED = "https://pubt.io/";
const OMNIBUS_NOTE =
  "Omnibus content as adopted: several secondary sources agree and the Council press release mirror confirms the high-risk dates (◐).";

/** Entry into force of the omnibus: the research doc gives only "July 2026 (expected), 3rd day after OJ publication" (⚠). */
export const AI_OMNIBUS_ENTRY_INTO_FORCE = "2026-08-01";
const OMNIBUS_EIF_NOTE =
  "OJ number, CELEX and publication day not confirmed (⚠): the doc expects OJ publication in July 2026 with entry into force on the 3rd day after. 2026-08-01 is the latest day consistent with it postponing dates of 2.8.2026; correct it once EUR-Lex is checked.";

const art113 = { sourceUrl: ART_113, evidence: "primary" as const };

function provisions(amended: boolean): SnapshotProvision[] {
  const omnibus = {
    sourceUrl: OMNIBUS_ADOPTED,
    evidence: "secondary" as const,
    note: OMNIBUS_NOTE,
  };
  const list: SnapshotProvision[] = [
    {
      key: `${KEY}:art:4`,
      kind: "article",
      label: "Art. 4",
      titleEn: "AI literacy",
      titleDe: "KI-Kompetenz",
      assessable: true,
      windows: [{ from: "2025-02-02", ...art113 }],
    },
    {
      key: `${KEY}:art:5`,
      kind: "article",
      label: "Art. 5",
      titleEn: "Prohibited AI practices",
      titleDe: "Verbotene Praktiken im KI-Bereich",
      assessable: true,
      windows: [{ from: "2025-02-02", ...art113 }],
    },
    {
      key: `${KEY}:ch:v`,
      kind: "group",
      label: "Chapter V",
      titleEn: "General-purpose AI models",
      titleDe: "KI-Modelle mit allgemeinem Verwendungszweck",
      assessable: true,
      windows: [{ from: "2025-08-02", ...art113 }],
    },
    {
      key: `${KEY}:art:6:par:1`,
      parentKey: `${KEY}:art:6`,
      kind: "paragraph",
      label: "Art. 6(1), Annex I",
      titleEn: "High-risk AI systems embedded in products (Annex I)",
      titleDe: "Hochrisiko-KI-Systeme in Produkten (Anhang I)",
      assessable: true,
      windows: [amended ? { from: "2028-08-02", ...omnibus } : { from: "2027-08-02", ...art113 }],
    },
    {
      key: `${KEY}:art:6:par:2`,
      parentKey: `${KEY}:art:6`,
      kind: "paragraph",
      label: "Art. 6(2), Annex III",
      titleEn: "Stand-alone high-risk AI systems (Annex III)",
      titleDe: "Eigenständige Hochrisiko-KI-Systeme (Anhang III)",
      assessable: true,
      windows: [amended ? { from: "2027-12-02", ...omnibus } : { from: "2026-08-02", ...art113 }],
    },
    {
      key: `${KEY}:art:50`,
      kind: "article",
      label: "Art. 50",
      titleEn: "Transparency obligations",
      titleDe: "Transparenzpflichten",
      assessable: true,
      windows: [{ from: "2026-08-02", ...art113 }],
    },
    {
      key: `${KEY}:art:50:par:2`,
      parentKey: `${KEY}:art:50`,
      kind: "paragraph",
      label: "Art. 50(2)",
      titleEn: "Machine-readable marking of AI-generated content",
      titleDe: "Maschinenlesbare Kennzeichnung KI-generierter Inhalte",
      assessable: true,
      windows: amended
        ? [
            { from: "2026-08-02", condition: "placed_on_market_from_2026-08-02", ...art113 },
            {
              from: "2026-12-02",
              condition: "placed_on_market_before_2026-08-02",
              sourceUrl: OMNIBUS_ADOPTED,
              evidence: "unverified",
              note: "Grace period for systems already on the market: 2.12.2026 per the doc; trilogue shortened it to 3/4 months and sources differ (⚠).",
            },
          ]
        : [{ from: "2026-08-02", ...art113 }],
    },
  ];
  if (amended) {
    list.splice(2, 0, {
      key: `${KEY}:art:5:omnibus-intimate-imagery`,
      parentKey: `${KEY}:art:5`,
      kind: "point",
      label: "Art. 5 (new point, AI omnibus)",
      titleEn:
        "Prohibition: generating non-consensual intimate imagery or child sexual abuse material",
      titleDe:
        "Verbot: Erzeugung nicht einvernehmlicher intimer Bilder oder von Darstellungen sexuellen Kindesmissbrauchs",
      assessable: true,
      windows: [
        {
          from: "2026-12-02",
          ...omnibus,
          note: `${OMNIBUS_NOTE} The letter of the new point is not confirmed (⚠), hence the descriptive key.`,
        },
      ],
    });
  }
  list.push(...referencedAiActProvisions(KEY, amended, { art113, omnibus }));
  return list;
}

export const AI_ACT: SnapshotInstrument = {
  key: KEY,
  kind: "eu_regulation",
  celex: "32024R1689",
  eli: "http://data.europa.eu/eli/reg/2024/1689/oj",
  titleEn: "Artificial Intelligence Act, Regulation (EU) 2024/1689",
  titleDe: "KI-Verordnung (KI-VO), Verordnung (EU) 2024/1689",
  authority: "European Parliament and Council",
  jurisdiction: "EU",
  sourceUrl: ACT,
  evidence: "primary",
  note: "German title is the doc's short name; the official DE title from CELLAR is not fetched yet.",
  versions: [
    {
      label: "2024/1689 (OJ L, 12.7.2024)",
      legalStatus: "in_force",
      publishedAt: "2024-07-12",
      entryIntoForceAt: "2024-08-01",
      sourceUrl: ACT,
      evidence: "primary",
      windows: [{ from: "2026-08-02", ...art113, note: "Art. 113: general application." }],
      provisions: provisions(false),
    },
    {
      label: "2024/1689 as amended by the AI omnibus (2026)",
      legalStatus: "in_force",
      entryIntoForceAt: AI_OMNIBUS_ENTRY_INTO_FORCE,
      sourceUrl: OMNIBUS_ADOPTED,
      evidence: "unverified",
      note: OMNIBUS_EIF_NOTE,
      windows: [{ from: "2026-08-02", ...art113, note: "Art. 113: general application." }],
      provisions: provisions(true),
    },
  ],
};

const FROM = AI_ACT.versions[0]!.label;
const TO = AI_ACT.versions[1]!.label;

export const AI_ACT_CHANGES: SnapshotChangeEvent[] = [
  {
    key: "ai-omnibus:proposal",
    instrumentKey: KEY,
    type: "amendment",
    detectedAt: "2025-11-19",
    legalStatus: "proposal",
    affectedProvisionKeys: [`${KEY}:art:6:par:1`, `${KEY}:art:6:par:2`],
    changes: [],
    summaryEn:
      "Commission proposal COM(2025) 836 (Digital Omnibus on AI): high-risk application tied to the availability of standards, with a backstop.",
    summaryDe:
      "Kommissionsvorschlag COM(2025) 836 (digitaler Omnibus zur KI): Geltung der Hochrisiko-Pflichten an verfügbare Normen gekoppelt, mit Auffangfrist.",
    sourceUrl: OMNIBUS_PROPOSAL,
    evidence: "primary",
  },
  {
    key: "ai-omnibus:provisional-agreement",
    instrumentKey: KEY,
    type: "amendment",
    detectedAt: "2026-05-07",
    legalStatus: "provisional_agreement",
    affectedProvisionKeys: [`${KEY}:art:6:par:1`, `${KEY}:art:6:par:2`],
    changes: [],
    summaryEn:
      "Provisional political agreement of Council and Parliament: fixed dates replace the conditional mechanism. The original dates remain the law until the amendment enters into force.",
    summaryDe:
      "Vorläufige politische Einigung von Rat und Parlament: feste Termine ersetzen den bedingten Mechanismus. Bis zum Inkrafttreten der Änderung gelten die ursprünglichen Termine.",
    sourceUrl: "https://aiactblog.nl/",
    evidence: "secondary",
    note: "agentmodeai.com cites the Council press release; aiactblog.nl (◐).",
  },
  {
    key: "ai-omnibus:adopted",
    instrumentKey: KEY,
    type: "amendment",
    detectedAt: "2026-06-29",
    legalStatus: "adopted",
    affectedProvisionKeys: [`${KEY}:art:6:par:1`, `${KEY}:art:6:par:2`, `${KEY}:art:50:par:2`],
    changes: [],
    summaryEn:
      "Council final approval of the AI omnibus after the Parliament's vote of 16.6.2026; publication in the Official Journal expected in July 2026.",
    summaryDe:
      "Endgültige Annahme des KI-Omnibus durch den Rat nach der Abstimmung im Parlament am 16.6.2026; Veröffentlichung im Amtsblatt für Juli 2026 erwartet.",
    sourceUrl: OMNIBUS_ADOPTED,
    evidence: "unverified",
    note: "Sources disagree on the day: pubt.io and DLA Piper give 29.6.2026, atlas.eumatrix.app 24.6.2026 (⚠).",
  },
  {
    key: "ai-omnibus:annex-iii-shift",
    instrumentKey: KEY,
    type: "application_date_shift",
    detectedAt: "2026-06-29",
    effectiveAt: AI_OMNIBUS_ENTRY_INTO_FORCE,
    legalStatus: "in_force",
    fromVersionLabel: FROM,
    toVersionLabel: TO,
    affectedProvisionKeys: [`${KEY}:art:6:par:2`],
    changes: [
      {
        provisionKey: `${KEY}:art:6:par:2`,
        field: "appliesFrom",
        from: "2026-08-02",
        to: "2027-12-02",
      },
    ],
    summaryEn:
      "Stand-alone high-risk AI systems (Annex III) apply from 2 Dec 2027 instead of 2 Aug 2026.",
    summaryDe:
      "Eigenständige Hochrisiko-KI-Systeme (Anhang III) gelten ab dem 2.12.2027 statt ab dem 2.8.2026.",
    sourceUrl: OMNIBUS_ADOPTED,
    evidence: "secondary",
    note: `${OMNIBUS_NOTE} ${OMNIBUS_EIF_NOTE}`,
  },
  {
    key: "ai-omnibus:annex-i-shift",
    instrumentKey: KEY,
    type: "application_date_shift",
    detectedAt: "2026-06-29",
    effectiveAt: AI_OMNIBUS_ENTRY_INTO_FORCE,
    legalStatus: "in_force",
    fromVersionLabel: FROM,
    toVersionLabel: TO,
    affectedProvisionKeys: [`${KEY}:art:6:par:1`],
    changes: [
      {
        provisionKey: `${KEY}:art:6:par:1`,
        field: "appliesFrom",
        from: "2027-08-02",
        to: "2028-08-02",
      },
    ],
    summaryEn:
      "High-risk AI systems embedded in products (Annex I) apply from 2 Aug 2028 instead of 2 Aug 2027.",
    summaryDe:
      "Hochrisiko-KI-Systeme in Produkten (Anhang I) gelten ab dem 2.8.2028 statt ab dem 2.8.2027.",
    sourceUrl: OMNIBUS_ADOPTED,
    evidence: "secondary",
    note: `${OMNIBUS_NOTE} ${OMNIBUS_EIF_NOTE}`,
  },
  {
    key: "ai-omnibus:art-50-2-grace",
    instrumentKey: KEY,
    type: "application_date_shift",
    detectedAt: "2026-06-29",
    effectiveAt: AI_OMNIBUS_ENTRY_INTO_FORCE,
    legalStatus: "in_force",
    fromVersionLabel: FROM,
    toVersionLabel: TO,
    affectedProvisionKeys: [`${KEY}:art:50:par:2`],
    changes: [
      {
        provisionKey: `${KEY}:art:50:par:2`,
        field: "appliesFrom[placed_on_market_before_2026-08-02]",
        from: "2026-08-02",
        to: "2026-12-02",
      },
    ],
    summaryEn:
      "Machine-readable marking (Art. 50(2)): systems placed on the market before 2 Aug 2026 have until 2 Dec 2026; the other Art. 50 duties still apply from 2 Aug 2026.",
    summaryDe:
      "Maschinenlesbare Kennzeichnung (Art. 50 Abs. 2): Systeme, die vor dem 2.8.2026 in Verkehr gebracht wurden, haben bis zum 2.12.2026 Zeit; die übrigen Pflichten aus Art. 50 gelten weiter ab dem 2.8.2026.",
    sourceUrl: OMNIBUS_ADOPTED,
    evidence: "unverified",
    note: "The length of the grace period differs between sources (⚠).",
  },
  {
    key: "ai-omnibus:new-prohibition",
    instrumentKey: KEY,
    type: "amendment",
    detectedAt: "2026-06-29",
    effectiveAt: "2026-12-02",
    legalStatus: "in_force",
    fromVersionLabel: FROM,
    toVersionLabel: TO,
    affectedProvisionKeys: [`${KEY}:art:5:omnibus-intimate-imagery`],
    changes: [
      {
        provisionKey: `${KEY}:art:5:omnibus-intimate-imagery`,
        field: "provision",
        from: null,
        to: "added",
      },
    ],
    summaryEn:
      'New prohibition from 2 Dec 2026: AI systems that generate non-consensual intimate imagery or child sexual abuse material ("nudifiers").',
    summaryDe:
      "Neues Verbot ab dem 2.12.2026: KI-Systeme, die nicht einvernehmliche intime Bilder oder Darstellungen sexuellen Kindesmissbrauchs erzeugen („Nudifier“).",
    sourceUrl: OMNIBUS_ADOPTED,
    evidence: "secondary",
    note: OMNIBUS_NOTE,
  },
];
