import { LIMITED_SCOPE_NOTES } from "../adequacy-scope-notes";
import { findCountry } from "../countries";
import {
  eurLexUrl,
  type Evidence,
  type SnapshotChangeEvent,
  type SnapshotInstrument,
  type SnapshotProvision,
  type SnapshotVersion,
} from "./snapshot-types";

// EU adequacy decisions (GDPR Art. 45) as instruments whose windows carry the country (scope) and
// whom they cover (condition): the one source of the residency rating's adequacy facts. Written
// from the research doc §1 and shared/data/gdpr/gdpr_adequacy_decisions.csv (ELI and source per row).

/** Whom a decision covers; the same codes as the scoring library's AdequacyScope. */
export type AdequacyCondition = "whole" | "dpf_certified_only" | "commercial_only";

const COMMISSION_LIST =
  "https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en";
const CNPD_LIST =
  "https://cnpd.public.lu/en/dossiers-thematiques/transferts-internationaux-donnees-personnelles/transferts-dehors-eee-protection-adequate.html";
const REVIEW_2024 =
  "The review of 15.1.2024 confirmed the 11 pre-GDPR decisions (grip.globalrelay.com; freeths.co.uk; dig.watch).";

interface AdequacyRow {
  /** ISO country code, or "io:EPO" for an international organisation. */
  scope: string;
  nameEn: string;
  nameDe: string;
  condition: AdequacyCondition;
  /** Whom the decision covers, precisely (shown beside it and, where it limits it, in ratings). */
  scopeNote: string;
  /**
   * The decision covers less than the whole country although the rating cannot tell (Korea's
   * exclusions, Israel's automated transfers): its scope note goes into every rating's reason.
   */
  limitsScope?: true;
  /** The decision's citation, e.g. "Decision 2010/625/EU" (also the label of its first version). */
  reference: string;
  /** The citation shown beside the decision where it differs, e.g. with "[number unverified]". */
  shownReference?: string;
  key: string;
  celex?: string;
  eli?: string;
  validFrom: string;
  sourceUrl: string;
  evidence: Evidence;
  note?: string;
  /** Provisions that questions link to (issue 14 item 4); most decisions need none. */
  provisions?: SnapshotProvision[];
}

function row(
  code: string,
  input: Omit<AdequacyRow, "scope" | "nameEn" | "nameDe"> & { nameEn?: string },
): AdequacyRow {
  const country = findCountry(code);
  if (!country) throw new Error(`adequacy: unknown country ${code}`);
  return { scope: code, nameEn: input.nameEn ?? country.en, nameDe: country.de, ...input };
}

function older(
  code: string,
  reference: string,
  eliPath: string,
  validFrom: string,
  scopeNote = "whole country",
) {
  return row(code, {
    condition: "whole",
    scopeNote,
    reference,
    key: `eu:${reference.replace(/^.*Decision /, "")}`,
    eli: `https://eur-lex.europa.eu/eli/${eliPath}/oj`,
    validFrom,
    sourceUrl: COMMISSION_LIST,
    evidence: "secondary",
    note: `Adopted under Dir. 95/46/EC Art. 25(6), kept in force by GDPR Art. 45(9). ${REVIEW_2024}`,
  });
}

/** One decision per row, with no later version (the UK and its renewals follow below). */
const SINGLE_VERSION_DECISIONS: AdequacyRow[] = [
  older("AD", "Decision 2010/625/EU", "dec/2010/625", "2010-10-19"),
  older("AR", "Decision 2003/490/EC", "dec/2003/490", "2003-06-30"),
  {
    ...older("CA", "Decision 2002/2/EC", "dec/2002/2", "2001-12-20", LIMITED_SCOPE_NOTES.CA!.en),
    condition: "commercial_only",
    sourceUrl: CNPD_LIST,
  },
  older("CH", "Decision 2000/518/EC", "dec/2000/518", "2000-07-26"),
  older("FO", "Decision 2010/146/EU", "dec/2010/146", "2010-03-05", "whole territory"),
  older("GG", "Decision 2003/821/EC", "dec/2003/821", "2003-11-21", "whole territory"),
  {
    ...older("IL", "Decision 2011/61/EU", "dec/2011/61", "2011-01-31", LIMITED_SCOPE_NOTES.IL!.en),
    limitsScope: true,
    note: `Adopted under Dir. 95/46/EC Art. 25(6), kept in force by GDPR Art. 45(9); amended by Implementing Decision (EU) 2016/2295 (EUR-Lex consolidated version 02011D0061-20161217). ${REVIEW_2024}`,
  },
  older("IM", "Decision 2004/411/EC", "dec/2004/411", "2004-04-28", "whole territory"),
  older("JE", "Decision 2008/393/EC", "dec/2008/393", "2008-05-08", "whole territory"),
  older("NZ", "Implementing Decision 2013/65/EU", "dec_impl/2013/65", "2012-12-19"),
  older("UY", "Implementing Decision 2012/484/EU", "dec_impl/2012/484", "2012-08-21"),
  row("JP", {
    condition: "commercial_only",
    scopeNote: LIMITED_SCOPE_NOTES.JP!.en,
    reference: "Implementing Decision (EU) 2019/419",
    key: "eu:2019/419",
    eli: "https://eur-lex.europa.eu/eli/dec_impl/2019/419/oj",
    validFrom: "2019-01-23",
    sourceUrl: CNPD_LIST,
    evidence: "secondary",
    note: "Mutual adequacy; first review report 4.4.2023.",
  }),
  row("KR", {
    condition: "whole",
    scopeNote: LIMITED_SCOPE_NOTES.KR!.en,
    limitsScope: true,
    reference: "Implementing Decision (EU) 2022/254",
    key: "eu:2022/254",
    eli: "https://eur-lex.europa.eu/eli/dec_impl/2022/254/oj",
    validFrom: "2021-12-17",
    sourceUrl: COMMISSION_LIST,
    evidence: "secondary",
  }),
  row("US", {
    condition: "dpf_certified_only",
    scopeNote: LIMITED_SCOPE_NOTES.US!.en,
    reference: "Implementing Decision (EU) 2023/1795",
    key: "eu:2023/1795",
    celex: "32023D1795",
    eli: "https://eur-lex.europa.eu/eli/dec_impl/2023/1795/oj",
    validFrom: "2023-07-10",
    sourceUrl: eurLexUrl("62025CN0703"),
    evidence: "primary",
    note: "EU-US Data Privacy Framework (OJ L 231, 2023, p. 118 ✅; CELEX derived ⚠). Upheld by the General Court in T-553/23 Latombe (3.9.2025); appeal C-703/25 P pending.",
    provisions: [
      {
        key: "eu:2023/1795:art:1",
        kind: "article",
        label: "Art. 1",
        titleEn:
          "Adequate protection for transfers to organisations on the Data Privacy Framework List",
        titleDe:
          "Angemessenes Schutzniveau für Übermittlungen an Organisationen auf der Datenschutzrahmen-Liste",
        assessable: true,
      },
    ],
  }),
  row("BR", {
    condition: "whole",
    scopeNote: "whole country (LGPD)",
    reference: "Implementing Decision (EU) 2026/179",
    shownReference: "Implementing Decision (EU) 2026/179 [number unverified]",
    key: "eu:2026/179",
    celex: "32026D0179",
    validFrom: "2026-01-26",
    sourceUrl:
      "https://europalov.no/rettsakt/beskyttelse-av-personopplysninger-ved-datautveksling-med-brasil/id-34841",
    evidence: "secondary",
    note: "Adopted 26/27.1.2026, OJ 28.1.2026 (◐); the number 2026/179 comes only from an EEA/EFTA tracker page, CELEX derived from it and the day it takes effect not confirmed (⚠). Mutual adequacy; review after 4 years.",
  }),
  {
    scope: "io:EPO",
    nameEn: "European Patent Organisation",
    nameDe: "Europäische Patentorganisation",
    condition: "whole",
    scopeNote: "international organisation",
    reference: "Implementing Decision (EU) 2025/1382",
    key: "eu:2025/1382",
    celex: "32025D1382",
    validFrom: "2025-07-15",
    sourceUrl: eurLexUrl("32025D1382"),
    evidence: "primary",
    note: "First adequacy decision for an international organisation; takes effect on notification (OJ L 2025/1382, 18.7.2025).",
  },
];

function titleOf(entry: AdequacyRow, reference: string) {
  return {
    titleEn: `Adequacy decision: ${entry.nameEn} (${reference})`,
    titleDe: `Angemessenheitsbeschluss: ${entry.nameDe} (${reference.replace("Implementing Decision", "Durchführungsbeschluss").replace("Decision", "Entscheidung")})`,
  };
}

/**
 * Our first reading of a decision's scope, kept as its first version (a stored version never
 * changes) when a later version corrects it: Japan was read as the whole country until the
 * content review of December 2026 (A2).
 */
const FIRST_READING: Readonly<Record<string, { condition: AdequacyCondition; scopeNote: string }>> =
  {
    JP: {
      condition: "whole",
      scopeNote: "private-sector operators under APPI and the Supplementary Rules",
    },
  };

/** The label of the version that corrects the first reading. */
export const CORRECTED_SCOPE_LABELS: Readonly<Record<string, string>> = {
  JP: "Implementing Decision (EU) 2019/419 (scope corrected: private sector only)",
};

function singleVersionInstrument(entry: AdequacyRow): SnapshotInstrument {
  const first = FIRST_READING[entry.scope];
  if (!first) return oneVersion(entry);
  const original = oneVersion({ ...entry, ...first });
  const corrected = oneVersion(entry);
  return {
    ...corrected,
    versions: [
      original.versions[0]!,
      {
        ...corrected.versions[0]!,
        label: CORRECTED_SCOPE_LABELS[entry.scope]!,
        note: "Same decision; the first version read its scope as the whole country. It covers only personal information handling business operators under the APPI and the Supplementary Rules, not the public sector (EUR-Lex 2019/419 recital 10; COM(2023) 275).",
      },
    ],
  };
}

function oneVersion(entry: AdequacyRow): SnapshotInstrument {
  const fact = { sourceUrl: entry.sourceUrl, evidence: entry.evidence, note: entry.note };
  return {
    key: entry.key,
    kind: "eu_decision",
    ...(entry.celex ? { celex: entry.celex } : {}),
    ...(entry.eli ? { eli: entry.eli } : {}),
    citation: entry.reference,
    ...titleOf(entry, entry.reference),
    authority: "European Commission",
    jurisdiction: "EU",
    ...fact,
    versions: [
      {
        label: entry.reference,
        legalStatus: "in_force",
        entryIntoForceAt: entry.validFrom,
        ...fact,
        windows: [
          {
            from: entry.validFrom,
            scope: entry.scope,
            // Null covers everyone in the scope; a condition narrows it (DPF, PIPEDA).
            ...(entry.condition === "whole" ? {} : { condition: entry.condition }),
            ...fact,
            note: [entry.scopeNote, entry.note].filter(Boolean).join(". "),
          },
        ],
        provisions: entry.provisions ?? [],
      },
    ],
  };
}

// United Kingdom (research doc §1): a 4-year sunset, a 6-month extension, then a renewal. Each is
// a version of the same decision whose window says until when the UK is adequate, so a rating as
// of 20.6.2025 still sees the sunset of 27.6.2025 that was the law then.
const UK_SOURCE = "https://www.dpocentre.com/news/eu-renews-uk-personal-data-adequacy-decisions";
const UK_ROW = row("GB", {
  condition: "whole",
  scopeNote: "whole country (GDPR; separate LED decision)",
  reference: "Implementing Decision (EU) 2021/1772",
  shownReference:
    "Implementing Decision (EU) 2021/1772, renewed by the Implementing Decision of 19 December 2025 [number unverified], valid until 2031-12-27",
  key: "eu:2021/1772",
  celex: "32021D1772",
  eli: "https://eur-lex.europa.eu/eli/dec_impl/2021/1772/oj",
  validFrom: "2021-06-28",
  sourceUrl: UK_SOURCE,
  evidence: "secondary",
  note: "CELEX derived (⚠).",
});

const ukVersion = (
  label: string,
  entryIntoForceAt: string,
  until: string,
  fact: { sourceUrl: string; evidence: Evidence; note: string },
): SnapshotVersion => ({
  label,
  legalStatus: "in_force",
  entryIntoForceAt,
  ...fact,
  windows: [{ from: UK_ROW.validFrom, until, scope: "GB", ...fact }],
  provisions: [],
});

export const UK_VERSION_LABELS = {
  original: "2021/1772 (4-year sunset)",
  extended: "2021/1772 extended by 6 months (2025)",
  renewed: "2021/1772 renewed until 2031 (19.12.2025)",
} as const;

const UK_ADEQUACY: SnapshotInstrument = {
  ...singleVersionInstrument(UK_ROW),
  versions: [
    ukVersion(UK_VERSION_LABELS.original, "2021-06-28", "2025-06-27", {
      sourceUrl: "https://europalov.no/",
      evidence: "secondary",
      note: "Adopted 28.6.2021 with a 4-year sunset on 27.6.2025 (europalov.no).",
    }),
    ukVersion(UK_VERSION_LABELS.extended, "2025-06-26", "2025-12-27", {
      sourceUrl: "https://europalov.no/",
      evidence: "unverified",
      note: "Extended by 6 months to 27.12.2025: the LED counterpart is Implementing Decision (EU) 2025/1225 of 24.6.2025, OJ 26.6.2025 (✅); the GDPR decision is probably 2025/1226 (⚠). Effective day taken as the OJ day.",
    }),
    ukVersion(UK_VERSION_LABELS.renewed, "2025-12-19", "2031-12-27", {
      sourceUrl: UK_SOURCE,
      evidence: "secondary",
      note: "Renewed by the Commission's Implementing Decision of 19.12.2025 until 27.12.2031; immigration-data exclusion dropped (◐). Renewal decision numbers not confirmed [number unverified] (⚠).",
    }),
  ],
};

export const ADEQUACY_INSTRUMENTS: SnapshotInstrument[] = [
  ...SINGLE_VERSION_DECISIONS.map(singleVersionInstrument),
  UK_ADEQUACY,
];

/** Names and notes the app shows beside a decision, by scope (country code or "io:…"). */
export const ADEQUACY_LABELS: ReadonlyMap<
  string,
  { name: string; scopeNote: string; reference: string }
> = new Map(
  [...SINGLE_VERSION_DECISIONS, UK_ROW].map((entry) => [
    entry.scope,
    {
      name: entry.nameEn,
      scopeNote:
        entry.scope === "GB"
          ? "whole country (renewed on 2025-12-19 until 2031-12-27)"
          : entry.scopeNote,
      reference: entry.shownReference ?? entry.reference,
    },
  ]),
);

/**
 * The scope note of every decision whose scope limits it (a recipient condition, or exclusions
 * the rating cannot tell), by country code: the residency rating shows it in a flow's reason.
 */
export const ADEQUACY_SCOPE_NOTES: ReadonlyMap<string, string> = new Map(
  SINGLE_VERSION_DECISIONS.filter(
    (entry) => /^[A-Z]{2}$/.test(entry.scope) && (entry.condition !== "whole" || entry.limitsScope),
  ).map((entry) => [entry.scope, entry.scopeNote]),
);

export const ADEQUACY_CHANGES: SnapshotChangeEvent[] = [
  {
    key: "adequacy:gb-extended-2025",
    instrumentKey: "eu:2021/1772",
    type: "adequacy_renewed",
    detectedAt: "2025-06-26",
    effectiveAt: "2025-06-26",
    legalStatus: "in_force",
    fromVersionLabel: UK_VERSION_LABELS.original,
    toVersionLabel: UK_VERSION_LABELS.extended,
    affectedProvisionKeys: [],
    changes: [{ field: "appliesUntil[GB]", from: "2025-06-27", to: "2025-12-27" }],
    summaryEn: "UK adequacy extended by six months, from 27 Jun 2025 to 27 Dec 2025.",
    summaryDe:
      "Angemessenheit des Vereinigten Königreichs um sechs Monate verlängert, vom 27.6.2025 bis zum 27.12.2025.",
    sourceUrl: "https://europalov.no/",
    evidence: "unverified",
    note: "LED decision 2025/1225 confirmed (✅); GDPR counterpart probably 2025/1226 (⚠).",
  },
  {
    key: "adequacy:gb-renewed-2031",
    instrumentKey: "eu:2021/1772",
    type: "adequacy_renewed",
    detectedAt: "2025-12-19",
    effectiveAt: "2025-12-19",
    legalStatus: "in_force",
    fromVersionLabel: UK_VERSION_LABELS.extended,
    toVersionLabel: UK_VERSION_LABELS.renewed,
    affectedProvisionKeys: [],
    changes: [{ field: "appliesUntil[GB]", from: "2025-12-27", to: "2031-12-27" }],
    summaryEn: "UK adequacy renewed until 27 Dec 2031.",
    summaryDe: "Angemessenheit des Vereinigten Königreichs bis zum 27.12.2031 erneuert.",
    sourceUrl: UK_SOURCE,
    evidence: "secondary",
  },
  {
    key: "adequacy:dpf-t-553-23",
    instrumentKey: "eu:2023/1795",
    type: "court_ruling",
    detectedAt: "2025-09-03",
    effectiveAt: "2025-09-03",
    legalStatus: "in_force",
    affectedProvisionKeys: [],
    changes: [],
    summaryEn:
      "General Court T-553/23 Latombe dismissed the action against the EU-US Data Privacy Framework (ECLI:EU:T:2025:831): the decision stays valid.",
    summaryDe:
      "Das Gericht der EU hat in T-553/23 Latombe die Klage gegen das EU-US Data Privacy Framework abgewiesen (ECLI:EU:T:2025:831): der Beschluss bleibt gültig.",
    sourceUrl: eurLexUrl("62025CN0703"),
    evidence: "primary",
  },
  {
    key: "adequacy:dpf-appeal-c-703-25-p",
    instrumentKey: "eu:2023/1795",
    type: "court_ruling",
    detectedAt: "2025-10-31",
    // Pending: no effective date until the Court of Justice rules.
    legalStatus: "in_force",
    affectedProvisionKeys: [],
    changes: [],
    summaryEn:
      "Appeal C-703/25 P against T-553/23 lodged on 31 Oct 2025 and pending: the EU-US Data Privacy Framework remains in force until the Court of Justice rules.",
    summaryDe:
      "Rechtsmittel C-703/25 P gegen T-553/23 am 31.10.2025 eingelegt und anhängig: das EU-US Data Privacy Framework bleibt bis zur Entscheidung des Gerichtshofs in Kraft.",
    sourceUrl: eurLexUrl("62025CN0703"),
    evidence: "primary",
    note: "OJ C/2025/6610, 22.12.2025.",
  },
  {
    key: "adequacy:epo-2025",
    instrumentKey: "eu:2025/1382",
    type: "adequacy_granted",
    detectedAt: "2025-07-15",
    effectiveAt: "2025-07-15",
    legalStatus: "in_force",
    toVersionLabel: "Implementing Decision (EU) 2025/1382",
    affectedProvisionKeys: [],
    changes: [{ field: "adequacy[io:EPO]", from: null, to: "whole" }],
    summaryEn:
      "First adequacy decision for an international organisation: the European Patent Organisation.",
    summaryDe:
      "Erster Angemessenheitsbeschluss für eine internationale Organisation: die Europäische Patentorganisation.",
    sourceUrl: eurLexUrl("32025D1382"),
    evidence: "primary",
  },
  {
    key: "adequacy:brazil-2026",
    instrumentKey: "eu:2026/179",
    type: "adequacy_granted",
    detectedAt: "2026-01-27",
    effectiveAt: "2026-01-26",
    legalStatus: "in_force",
    toVersionLabel: "Implementing Decision (EU) 2026/179",
    affectedProvisionKeys: [],
    changes: [{ field: "adequacy[BR]", from: null, to: "whole" }],
    summaryEn: "Brazil granted an adequacy decision (mutual adequacy with the LGPD).",
    summaryDe: "Angemessenheitsbeschluss für Brasilien (gegenseitige Angemessenheit mit dem LGPD).",
    sourceUrl:
      "https://europalov.no/rettsakt/beskyttelse-av-personopplysninger-ved-datautveksling-med-brasil/id-34841",
    evidence: "secondary",
  },
];
