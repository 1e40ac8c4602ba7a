import { createHash } from "node:crypto";
import { citeProvision } from "../regulations/citations/cite-provision";
import type { ReportInput, ReportLanguage } from "./report-input";

/**
 * A realistic, deterministic ReportInput for tests and the benchmark: any number of questions and
 * findings, German or English text with the characters the font must carry (ä ö ü ß € „quotes“).
 * Everything derives from a seeded PRNG, so equal options give equal inputs (and equal PDFs).
 */
export interface SampleReportOptions {
  language?: ReportLanguage;
  questionCount?: number;
  findingCount?: number;
  sectionCount?: number;
  vendorName?: string;
  seed?: number;
  generatedAt?: Date;
}

/** mulberry32: small seeded PRNG (test data only, not for security). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXT = {
  en: {
    org: "Müller & Söhne Versicherung AG",
    product: "Assistant Pro „Enterprise“",
    title: "Annual AI due diligence 2026",
    template: "AI vendor due diligence",
    outcome: "Approved with conditions",
    rationale:
      "The vendor stores all customer data in Frankfurt and Dublin; support access from the US is covered by SCCs. Pricing of 1.250 € per seat was not part of the review. Open findings must be closed before go-live.",
    recommendation: "Reject",
    override:
      "The knock-out concerns a pilot region that we will not use; the DPO accepts the remaining risk.",
    conditions: [
      "Deliver the ISO/IEC 27001 certificate for 2026.",
      "Disable training on customer prompts („opt-out“) for all tenants.",
    ],
    tier: "Medium",
    sections: [
      "Governance",
      "Security",
      "Data residency",
      "Transparency",
      "Model risks",
      "Data use",
      "Incident response",
      "Contracts & exit",
    ],
    question: (n: number) =>
      `Q${n}. Does the vendor document how customer data (e.g. prompts from Düsseldorf offices) is handled in process step ${n}?`,
    answers: [
      "Yes",
      "Partially — rollout planned for Q3 (budget 25.000 €)",
      "No",
      "Unknown",
      "Not applicable",
      "Data is encrypted at rest with AES-256 and keys are managed in a dedicated HSM in Frankfurt am Main; rotation every 90 days.",
    ],
    severities: ["Low", "Medium", "High", "Critical"],
    statuses: ["Open", "In progress", "Resolved", "Risk accepted"],
    finding: (n: number) =>
      `Finding ${n}: sub-processor list incomplete for „Support-Dienstleister“`,
    description:
      "The sub-processor table omits the support provider in Zürich; its transfer mechanism is not documented. Größere Änderungen müssen angekündigt werden.",
    remediation: "Ask the vendor to update the list and provide the transfer impact assessment.",
    owner: "Jürgen Weiß",
    kinds: ["Storage", "Processing", "Support access", "Inference", "Backup"],
    countries: ["Germany", "Ireland", "United States", "Switzerland", "Japan"],
    classes: [
      "EU/EEA",
      "EU/EEA",
      "Third country with safeguards",
      "Adequacy decision",
      "Adequacy decision",
    ],
    bases: [
      "–",
      "–",
      "Standard contractual clauses",
      "Adequacy decision (Art. 45 GDPR)",
      "Adequacy decision (Art. 45 GDPR)",
    ],
    overallClass: "Third country with safeguards",
    domains: ["Upstream", "Model", "Downstream"],
    ai: null,
  },
  de: {
    org: "Müller & Söhne Versicherung AG",
    product: "Assistent Pro „Enterprise“",
    title: "Jährliche KI-Anbieterbewertung 2026",
    template: "KI-Anbieterbewertung",
    outcome: "Freigegeben mit Auflagen",
    rationale:
      "Der Anbieter speichert alle Kundendaten in Frankfurt und Dublin; Supportzugriffe aus den USA sind über Standardvertragsklauseln abgesichert. Der Preis von 1.250 € je Platz war nicht Teil der Prüfung. Offene Feststellungen müssen vor dem Produktivstart geschlossen werden.",
    recommendation: "Ablehnen",
    override:
      "Das K.-o.-Kriterium betrifft eine Pilotregion, die wir nicht nutzen; die DSB trägt das verbleibende Risiko.",
    conditions: [
      "ISO/IEC-27001-Zertifikat für 2026 vorlegen.",
      "Training mit Kunden-Prompts („Opt-out“) für alle Mandanten abschalten.",
    ],
    tier: "Mittel",
    sections: [
      "Governance",
      "Sicherheit",
      "Datenresidenz",
      "Transparenz",
      "Modellrisiken",
      "Datennutzung",
      "Vorfallbehandlung",
      "Verträge & Ausstieg",
    ],
    question: (n: number) =>
      `F${n}. Dokumentiert der Anbieter, wie Kundendaten (z. B. Prompts aus den Büros in Düsseldorf) im Prozessschritt ${n} verarbeitet werden?`,
    answers: [
      "Ja",
      "Teilweise – Einführung für Q3 geplant (Budget 25.000 €)",
      "Nein",
      "Unbekannt",
      "Nicht zutreffend",
      "Daten werden im Ruhezustand mit AES-256 verschlüsselt; die Schlüssel liegen in einem eigenen HSM in Frankfurt am Main und werden alle 90 Tage gewechselt (Größe: ≥ 256 Bit).",
    ],
    severities: ["Niedrig", "Mittel", "Hoch", "Kritisch"],
    statuses: ["Offen", "In Arbeit", "Behoben", "Risiko akzeptiert"],
    finding: (n: number) =>
      `Feststellung ${n}: Unterauftragsverarbeiter-Liste für „Support-Dienstleister“ unvollständig`,
    description:
      "Die Tabelle der Unterauftragsverarbeiter nennt den Supportdienstleister in Zürich nicht; sein Übermittlungsmechanismus ist nicht dokumentiert. Größere Änderungen müssen angekündigt werden.",
    remediation:
      "Den Anbieter um eine aktualisierte Liste und die Transfer-Folgenabschätzung bitten.",
    owner: "Jürgen Weiß",
    kinds: ["Speicherung", "Verarbeitung", "Supportzugriff", "Inferenz", "Sicherung"],
    countries: ["Deutschland", "Irland", "Vereinigte Staaten", "Schweiz", "Japan"],
    classes: [
      "EU/EWR",
      "EU/EWR",
      "Drittland mit Garantien",
      "Angemessenheitsbeschluss",
      "Angemessenheitsbeschluss",
    ],
    bases: [
      "–",
      "–",
      "Standardvertragsklauseln",
      "Angemessenheitsbeschluss (Art. 45 DSGVO)",
      "Angemessenheitsbeschluss (Art. 45 DSGVO)",
    ],
    overallClass: "Drittland mit Garantien",
    domains: ["Upstream", "Modell", "Downstream"],
    ai: null,
  },
} as const;

/** Catalogue keys, cited in the sample's language like a real report (issue 21). */
const REFERENCE_KEYS = [
  "eu:2016/679:art:28",
  "eu:2016/679:art:32",
  "eu:2016/679:art:44",
  "eu:2024/1689:art:13",
  "eu:2024/1689:art:50",
  "eu:2022/2555:art:21",
  "eu:2022/2554:art:28",
];

export function sampleReportInput(options: SampleReportOptions = {}): ReportInput {
  const language = options.language ?? "en";
  const text = TEXT[language];
  const REFERENCES = REFERENCE_KEYS.map((key) => citeProvision(key, language));
  const random = seededRandom(options.seed ?? 0x5eed_0005);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const questionCount = options.questionCount ?? 40;
  const findingCount = options.findingCount ?? 5;
  const sectionCount = Math.min(options.sectionCount ?? 8, text.sections.length);
  const date = (day: number) =>
    language === "de" ? `${String(day).padStart(2, "0")}.09.2026` : `${day} Sept 2026`;

  const answers = text.sections
    .slice(0, sectionCount)
    .map((title) => ({ title, answers: [] as ReportInput["answers"][number]["answers"] }));
  const referenceCounts = new Map<string, number>();
  for (let q = 1; q <= questionCount; q++) {
    const references = [pick(REFERENCES), pick(REFERENCES)].filter(
      (ref, index, all) => all.indexOf(ref) === index,
    );
    for (const ref of references) referenceCounts.set(ref, (referenceCounts.get(ref) ?? 0) + 1);
    const answer = pick(text.answers);
    const scored = random() < 0.85;
    const evidence =
      random() < 0.2
        ? [`ISO-27001-Zertifikat_${q}.pdf`, `Auftragsverarbeitungsvertrag (AVV) ${q}.docx`]
            .slice(0, 1 + Math.floor(random() * 2))
            .map((fileName) => ({
              fileName,
              sha256: createHash("sha256").update(fileName).digest("hex"),
            }))
        : [];
    answers[(q - 1) % sectionCount]!.answers.push({
      question: text.question(q),
      answer,
      points: scored ? `${(Math.round(random() * 10) / 10).toFixed(1)} / 1` : "–",
      references,
      evidence,
    });
  }

  const findings = Array.from({ length: findingCount }, (_, index) => ({
    title: text.finding(index + 1),
    severity: pick(text.severities),
    status: pick(text.statuses),
    owner: text.owner,
    dueDate: date(1 + (index % 28)),
    description: text.description,
    remediation: text.remediation,
    questions: questionCount > 0 ? [text.question(1 + (index % questionCount))] : [],
  }));

  const vendorName = options.vendorName ?? "Nordlicht KI GmbH";
  return {
    language,
    organizationName: text.org,
    vendorName,
    productName: text.product,
    assessment: {
      id: "cm0sample0assessment0001",
      title: text.title,
      templateName: text.template,
      templateVersion: "3",
      scoringMethodVersion: "1.2.0",
      submittedAt: date(2),
    },
    decision: {
      outcomeCode: "APPROVED_WITH_CONDITIONS",
      outcome: text.outcome,
      rationale: text.rationale,
      conditions: text.conditions.map((condition, index) => ({
        text: condition,
        dueDate: date(20 + index),
      })),
      decidedBy: "Dr. Anna Groß",
      decidedAt: date(15),
      recommendation: text.recommendation,
      againstRecommendation: true,
      overrideReason: text.override,
    },
    signerName: "Dr. Anna Groß",
    summary: { overallScore: 72, riskTier: text.tier, completeness: 96 },
    sections: text.sections.slice(0, sectionCount).map((title, index) => ({
      title,
      score: index === 4 ? null : Math.round(40 + random() * 60),
      weight: pick([1, 1, 2, 3]),
    })),
    knockOuts: [
      {
        question: text.question(3),
        label:
          language === "de"
            ? "Keine Garantien für Übermittlungen in Drittländer"
            : "No safeguards for third-country transfers",
      },
    ],
    transparency: text.domains.map((domain, index) => ({
      domain,
      earned: 4 + index * 3,
      total: 12,
    })),
    residency: {
      overallClass: text.overallClass,
      flows: text.kinds.map((kind, index) => ({
        kind,
        label: `${kind} – ${["Rechenzentrum Frankfurt", "Dublin DC", "Support Zürich & Austin", "GPU cluster", "Cold storage"][index]}`,
        country: text.countries[index]!,
        residencyClass: text.classes[index]!,
        legalBasis: text.bases[index]!,
      })),
    },
    findings,
    answers,
    references: [...referenceCounts]
      .sort(([a], [b]) => a.localeCompare(b, "en"))
      .map(([reference, questionCount]) => ({ reference, questionCount })),
    aiAssistance: text.ai,
    auditHead: { seq: 1287, hash: createHash("sha256").update("audit-head").digest("hex") },
    verifyUrl: "https://vetted.example.org/verify",
    generatedAt: options.generatedAt ?? new Date("2026-09-15T10:30:00Z"),
  };
}
