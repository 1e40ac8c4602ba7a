import type { SnapshotProvision, SnapshotWindow } from "./snapshot-types";

// The AI Act articles and annexes the bundled templates refer to (issue 14 item 4), beyond those
// ai-act.ts models for the omnibus dates. Titles are the Act's headings. Application follows
// Art. 113: Chapters I–II from 2.2.2025; Chapter V (general-purpose AI models) from 2.8.2025;
// the rest from 2.8.2026, except that the high-risk obligations follow the high-risk dates,
// which the AI omnibus moved (Annex III systems 2.12.2027, Annex I products 2.8.2028).

type Heading = [suffix: string, label: string, titleEn: string, titleDe: string];

/** Chapters I–II: apply from 2.2.2025 in both versions. */
const EARLY: Heading[] = [["art:3", "Art. 3", "Definitions", "Begriffsbestimmungen"]];

/** Chapter V, general-purpose AI models: from 2.8.2025 in both versions. */
const GPAI: Heading[] = [
  [
    "art:51",
    "Art. 51",
    "Classification of general-purpose AI models as models with systemic risk",
    "Einstufung von KI-Modellen mit allgemeinem Verwendungszweck als solche mit systemischem Risiko",
  ],
  [
    "art:53",
    "Art. 53",
    "Obligations for providers of general-purpose AI models",
    "Pflichten der Anbieter von KI-Modellen mit allgemeinem Verwendungszweck",
  ],
  [
    "art:54",
    "Art. 54",
    "Authorised representatives of providers of general-purpose AI models",
    "Bevollmächtigte der Anbieter von KI-Modellen mit allgemeinem Verwendungszweck",
  ],
  [
    "art:55",
    "Art. 55",
    "Obligations for providers of general-purpose AI models with systemic risk",
    "Pflichten der Anbieter von KI-Modellen mit allgemeinem Verwendungszweck mit systemischem Risiko",
  ],
  ["art:56", "Art. 56", "Codes of practice", "Praxisleitfäden"],
  [
    "annex:xi",
    "Annex XI",
    "Technical documentation of general-purpose AI models (Art. 53(1)(a))",
    "Technische Dokumentation von KI-Modellen mit allgemeinem Verwendungszweck (Art. 53 Abs. 1 Buchst. a)",
  ],
  [
    "annex:xii",
    "Annex XII",
    "Transparency information for downstream providers (Art. 53(1)(b))",
    "Transparenzinformationen für nachgelagerte Anbieter (Art. 53 Abs. 1 Buchst. b)",
  ],
  // Issue 21: the letters of Art. 53(1) and Annex XII point 1(b), cited instead of the bare article.
  [
    "art:53:par:1:pt:a",
    "Art. 53(1)(a)",
    "Technical documentation of the model, incl. training, testing and evaluation (Annex XI)",
    "Technische Dokumentation des Modells einschließlich Training, Tests und Bewertung (Anhang XI)",
  ],
  [
    "art:53:par:1:pt:b",
    "Art. 53(1)(b)",
    "Information and documentation for downstream providers (Annex XII)",
    "Informationen und Dokumentation für nachgelagerte Anbieter (Anhang XII)",
  ],
  [
    "art:53:par:1:pt:c",
    "Art. 53(1)(c)",
    "Policy to comply with Union copyright law, incl. reservations of rights (Art. 4(3) Directive (EU) 2019/790)",
    "Strategie zur Einhaltung des Urheberrechts der Union einschließlich Nutzungsvorbehalten (Art. 4 Abs. 3 RL (EU) 2019/790)",
  ],
  [
    "art:53:par:1:pt:d",
    "Art. 53(1)(d)",
    "Publicly available summary of the content used for training",
    "Öffentlich verfügbare Zusammenfassung der für das Training verwendeten Inhalte",
  ],
  [
    "annex:xii:pt:1:pt:b",
    "Annex XII, point 1(b)",
    "The acceptable use policies applicable",
    "Die geltenden Regelungen zur akzeptablen Nutzung",
  ],
];

/** Obligations about high-risk AI systems: they follow the high-risk application dates. */
const HIGH_RISK: Heading[] = [
  [
    "art:6",
    "Art. 6",
    "Classification rules for high-risk AI systems",
    "Einstufungsvorschriften für Hochrisiko-KI-Systeme",
  ],
  ["art:9", "Art. 9", "Risk management system", "Risikomanagementsystem"],
  ["art:12", "Art. 12", "Record-keeping", "Aufzeichnungspflichten"],
  [
    "art:13",
    "Art. 13",
    "Transparency and provision of information to deployers",
    "Transparenz und Bereitstellung von Informationen für die Betreiber",
  ],
  ["art:14", "Art. 14", "Human oversight", "Menschliche Aufsicht"],
  [
    "art:15",
    "Art. 15",
    "Accuracy, robustness and cybersecurity",
    "Genauigkeit, Robustheit und Cybersicherheit",
  ],
  [
    "art:16",
    "Art. 16",
    "Obligations of providers of high-risk AI systems",
    "Pflichten der Anbieter von Hochrisiko-KI-Systemen",
  ],
  ["art:17", "Art. 17", "Quality management system", "Qualitätsmanagementsystem"],
  [
    "art:22",
    "Art. 22",
    "Authorised representatives of providers of high-risk AI systems",
    "Bevollmächtigte der Anbieter von Hochrisiko-KI-Systemen",
  ],
  [
    "art:25",
    "Art. 25",
    "Responsibilities along the AI value chain",
    "Verantwortlichkeiten entlang der KI-Wertschöpfungskette",
  ],
  [
    "art:26",
    "Art. 26",
    "Obligations of deployers of high-risk AI systems",
    "Pflichten der Betreiber von Hochrisiko-KI-Systemen",
  ],
  [
    "art:27",
    "Art. 27",
    "Fundamental rights impact assessment for high-risk AI systems",
    "Grundrechte-Folgenabschätzung für Hochrisiko-KI-Systeme",
  ],
  ["art:43", "Art. 43", "Conformity assessment", "Konformitätsbewertung"],
  ["art:47", "Art. 47", "EU declaration of conformity", "EU-Konformitätserklärung"],
  ["art:49", "Art. 49", "Registration", "Registrierung"],
  [
    "art:72",
    "Art. 72",
    "Post-market monitoring by providers of high-risk AI systems",
    "Beobachtung nach dem Inverkehrbringen durch die Anbieter von Hochrisiko-KI-Systemen",
  ],
  ["art:73", "Art. 73", "Reporting of serious incidents", "Meldung schwerwiegender Vorfälle"],
  [
    "art:86",
    "Art. 86",
    "Right to explanation of individual decision-making",
    "Recht auf Erläuterung der Entscheidungsfindung im Einzelfall",
  ],
  [
    "annex:iii",
    "Annex III",
    "High-risk AI systems referred to in Art. 6(2)",
    "Hochrisiko-KI-Systeme gemäß Art. 6 Abs. 2",
  ],
  // Issue 21: the points of Art. 13(3) that the model-update indicator rests on.
  [
    "art:13:par:3:pt:c",
    "Art. 13(3)(c)",
    "Instructions for use: changes to the system and its performance pre-determined by the provider",
    "Betriebsanleitung: vom Anbieter vorab bestimmte Änderungen des Systems und seiner Leistung",
  ],
  [
    "art:13:par:3:pt:e",
    "Art. 13(3)(e)",
    "Instructions for use: expected lifetime, maintenance and care measures, incl. software updates",
    "Betriebsanleitung: erwartete Lebensdauer sowie Wartungs- und Pflegemaßnahmen einschließlich Software-Updates",
  ],
];

// Issue 21 (DPO review §3.1 item 4): paragraphs and points instead of whole articles. Each hangs
// under its article (or paragraph) and applies when the article does.

/** Chapter I definitions: from 2.2.2025. */
const EARLY_DETAIL: Heading[] = [
  ["art:3:pt:1", "Art. 3(1)", "Definition of an AI system", "Begriffsbestimmung „KI-System“"],
  ["art:3:pt:3", "Art. 3(3)", "Definition of a provider", "Begriffsbestimmung „Anbieter“"],
  ["art:3:pt:4", "Art. 3(4)", "Definition of a deployer", "Begriffsbestimmung „Betreiber“"],
];

/** Art. 50(1): from 2.8.2026 like the rest of Art. 50. */
const TRANSPARENCY_DETAIL: Heading[] = [
  [
    "art:50:par:1",
    "Art. 50(1)",
    "Informing natural persons that they interact with an AI system",
    "Information natürlicher Personen, dass sie mit einem KI-System interagieren",
  ],
];

/** Details of the high-risk obligations: they follow the high-risk dates. */
const HIGH_RISK_DETAIL: Heading[] = [
  ["art:11", "Art. 11", "Technical documentation", "Technische Dokumentation"],
  [
    "art:13:par:3:pt:b:pt:iv",
    "Art. 13(3)(b)(iv)",
    "Technical capabilities to provide information that explains the system's output",
    "Technische Fähigkeiten, Informationen bereitzustellen, die zur Erläuterung der Ausgabe relevant sind",
  ],
  [
    "art:15:par:4",
    "Art. 15(4)",
    "Resilience against errors, faults and inconsistencies",
    "Widerstandsfähigkeit gegenüber Fehlern, Störungen und Unstimmigkeiten",
  ],
  [
    "art:15:par:5",
    "Art. 15(5)",
    "Resilience against attacks: data and model poisoning, adversarial examples, confidentiality attacks",
    "Widerstandsfähigkeit gegen Angriffe: Vergiftung von Daten und Modellen, feindliche Beispiele, Angriffe auf die Vertraulichkeit",
  ],
  [
    "art:20:par:1",
    "Art. 20(1)",
    "Corrective actions and informing deployers of non-conformity",
    "Korrekturmaßnahmen und Information der Betreiber über Nichtkonformität",
  ],
  [
    "art:25:par:1",
    "Art. 25(1)",
    "When a distributor, importer, deployer or other third party becomes the provider of a high-risk system",
    "Wann Händler, Einführer, Betreiber oder sonstige Dritte zum Anbieter eines Hochrisiko-KI-Systems werden",
  ],
  [
    "art:26:par:5",
    "Art. 26(5)",
    "Deployers monitor operation and inform the provider of risks and serious incidents",
    "Betreiber überwachen den Betrieb und informieren den Anbieter über Risiken und schwerwiegende Vorfälle",
  ],
  [
    "art:26:par:7",
    "Art. 26(7)",
    "Informing workers' representatives and affected workers before use at the workplace",
    "Information der Arbeitnehmervertreter und betroffenen Arbeitnehmer vor dem Einsatz am Arbeitsplatz",
  ],
  [
    "art:26:par:9",
    "Art. 26(9)",
    "Deployers use the Art. 13 information for their data protection impact assessment",
    "Betreiber nutzen die Informationen nach Art. 13 für ihre Datenschutz-Folgenabschätzung",
  ],
  [
    "art:26:par:11",
    "Art. 26(11)",
    "Informing natural persons subject to decisions made or assisted by the system",
    "Information natürlicher Personen, über die das System Entscheidungen trifft oder bei ihnen unterstützt",
  ],
  ["art:48", "Art. 48", "CE marking", "CE-Kennzeichnung"],
];

const KIND_OF_POINT: Record<string, SnapshotProvision["kind"]> = { par: "paragraph", pt: "point" };

function provision(
  instrumentKey: string,
  [suffix, label, titleEn, titleDe]: Heading,
  windows: SnapshotWindow[],
): SnapshotProvision {
  // A paragraph or point ("art:53:par:1:pt:a") hangs under its article or annex.
  const segments = suffix.split(":");
  if (segments.length > 2)
    return {
      key: `${instrumentKey}:${suffix}`,
      parentKey: `${instrumentKey}:${segments.slice(0, -2).join(":")}`,
      kind: KIND_OF_POINT[segments[segments.length - 2]!] ?? "requirement",
      label,
      titleEn,
      titleDe,
      assessable: true,
      windows,
    };
  return {
    key: `${instrumentKey}:${suffix}`,
    kind: suffix.startsWith("annex") ? "annex" : "article",
    label,
    titleEn,
    titleDe,
    assessable: true,
    windows,
  };
}

export interface AiActDateFacts {
  art113: Pick<SnapshotWindow, "sourceUrl" | "evidence" | "note">;
  omnibus: Pick<SnapshotWindow, "sourceUrl" | "evidence" | "note">;
}

/**
 * The referenced provisions of one AI Act version. As enacted, high-risk obligations apply to
 * Annex III systems from 2.8.2026 and to Annex I products from 2.8.2027; as amended, from
 * 2.12.2027 and 2.8.2028. The condition says which systems a window covers.
 */
export function referencedAiActProvisions(
  instrumentKey: string,
  amended: boolean,
  facts: AiActDateFacts,
): SnapshotProvision[] {
  const art113 = facts.art113;
  const highRisk: SnapshotWindow[] = amended
    ? [
        { from: "2027-12-02", condition: "annex_iii_high_risk_systems", ...facts.omnibus },
        { from: "2028-08-02", condition: "annex_i_product_systems", ...facts.omnibus },
      ]
    : [
        { from: "2026-08-02", condition: "annex_iii_high_risk_systems", ...art113 },
        { from: "2027-08-02", condition: "annex_i_product_systems", ...art113 },
      ];
  return [
    ...EARLY.map((h) => provision(instrumentKey, h, [{ from: "2025-02-02", ...art113 }])),
    ...GPAI.map((h) => provision(instrumentKey, h, [{ from: "2025-08-02", ...art113 }])),
    ...HIGH_RISK.map((h) => provision(instrumentKey, h, highRisk)),
    ...EARLY_DETAIL.map((h) => provision(instrumentKey, h, [{ from: "2025-02-02", ...art113 }])),
    ...TRANSPARENCY_DETAIL.map((h) =>
      provision(instrumentKey, h, [{ from: "2026-08-02", ...art113 }]),
    ),
    ...HIGH_RISK_DETAIL.map((h) => provision(instrumentKey, h, highRisk)),
  ];
}
