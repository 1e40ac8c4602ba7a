// Issue 21, content of the transparency-indicator (TI) and data-residency (DR) templates as the
// content review (shared/research/compliance-review.md §2–§5) asks: every wrong or doubtful
// reference corrected, the missing ones added, the letters of the AI Act and the controls of
// ISO/IEC 42001 instead of whole articles and objectives, help texts that say when a provision
// binds only high-risk systems or systemic-risk models, German terminology (G9, G13, G14, G16),
// and the scores of S1, S2 and S7.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REGULATION_SNAPSHOT } from "../regulations";
import { versionInForce } from "../regulations/version-in-force";
import {
  parseTemplateDefinition,
  questionsOf,
  type TemplateDefinition,
  type TemplateQuestion,
} from "../../modules/questionnaires/template-definition";

const DIR = fileURLToPath(new URL(".", import.meta.url));

function load(file: string): TemplateDefinition {
  const parsed = parseTemplateDefinition(JSON.parse(readFileSync(join(DIR, file), "utf8")));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => e.message).join("; ")}`);
  return parsed.definition;
}

const TI = load("ai-transparency-indicators.json");
const DR = load("data-residency-transfers.json");

function question(definition: TemplateDefinition, key: string): TemplateQuestion {
  const found = questionsOf(definition).find((q) => q.key === key);
  if (!found) throw new Error(`no question ${key}`);
  return found;
}

const AI = "eu:2024/1689";
const GDPR = "eu:2016/679";

/** [template, question, keys it must cite, keys it must no longer cite] per review row. */
const REVIEW_ROWS: Array<[TemplateDefinition, string, string[], string[]]> = [
  // §2 #2 (wrong): model updates are AI Act Art. 13(3)(c)/(e), not GDPR Art. 28(3)(h).
  [
    TI,
    "downstream.model_updates",
    [`${AI}:art:13:par:3:pt:c`, `${AI}:art:13:par:3:pt:e`, "iso:27001:annex-a:5.22"],
    [`${GDPR}:art:28:par:3:pt:h`, `${AI}:art:13`],
  ],
  // §2 #11, #12: a change of hosting country is not a change of processor.
  [
    DR,
    "flows.location_change_notice_days",
    [`${GDPR}:art:28:par:3:pt:a`, "eu:2022/2554:art:30:par:2:pt:b"],
    [`${GDPR}:art:28:par:2`],
  ],
  [
    DR,
    "commitments.locations_in_contract",
    [`${GDPR}:art:28:par:3:pt:a`, "eu:2022/2554:art:30:par:2:pt:b"],
    [`${GDPR}:art:28:par:2`],
  ],
  // §2 #14: Data Act Art. 32 kept with its scope, plus Art. 28(1)(a).
  [
    DR,
    "government_access.foreign_laws",
    ["eu:2023/2854:art:32", "eu:2023/2854:art:1:par:2:pt:f", "eu:2023/2854:art:28:par:1:pt:a"],
    [],
  ],
  // §2 #16: acceptable-use policies are Annex XII point 1(b), not Art. 13.
  [
    TI,
    "downstream.usage_policy",
    [`${AI}:art:5`, `${AI}:art:53:par:1:pt:b`, `${AI}:annex:xii:pt:1:pt:b`],
    [`${AI}:art:13`],
  ],
  // §2 #17–#19: no AI Act provision; related ISO/IEC 42001 controls only.
  [
    TI,
    "downstream.policy_enforcement",
    ["iso:42001:annex-a:a.9.2", "iso:42001:annex-a:a.10.4"],
    [`${AI}:art:13`],
  ],
  [TI, "downstream.behavior_policy", ["iso:42001:annex-a:a.9.4"], [`${AI}:art:13`]],
  [TI, "downstream.impact", ["iso:42001:annex-a:a.8.3"], [`${AI}:art:73`]],
  // §2 #20: an FMTI indicator without a legal basis.
  [TI, "upstream.data_labor", [], ["iso:42001:annex-a:a.7"]],
  // §3: the missing references.
  [TI, "upstream.copyright_policy", [`${AI}:art:53:par:1:pt:c`, "de:urhg:par:44b"], []],
  [TI, "downstream.vulnerability_disclosure", ["eu:2024/2847:annex:i:part:ii"], []],
  [
    DR,
    "flows.storage_countries",
    [
      "bsi:c5:domain:pss:crit:pss-12",
      "eu:2023/2854:art:28:par:1:pt:a",
      `${GDPR}:art:28:par:3:pt:a`,
    ],
    [],
  ],
  [DR, "flows.support_countries", ["edpb:guidelines:05/2021:transfer-criteria"], []],
  [
    DR,
    "flows.backup_countries",
    ["iso:27001:annex-a:8.13", "bsi:c5:domain:ops:crit:ops-09", `${GDPR}:art:32:par:1:pt:c`],
    [],
  ],
  [DR, "transfers.safeguard", ["edpb:guidelines:2/2018:art-49"], []],
  [DR, "transfers.tia", ["eu:2021/914:annex:clause:14"], []],
  // §3.1 item 4: letters of Art. 50.
  [TI, "downstream.ai_disclosure", [`${AI}:art:50:par:1`, `${AI}:art:50:par:2`], [`${AI}:art:50`]],
];

/** AI Act articles that bind only providers or deployers of high-risk AI systems. */
const HIGH_RISK_ARTICLES = ["9", "13", "14", "15", "25", "26", "72", "73"];

function articleOf(key: string): string | null {
  const match = new RegExp(`^${AI}:art:(\\d+)`).exec(key);
  return match ? match[1]! : null;
}

describe("transparency indicators and data residency: references (issue 21 item 2)", () => {
  it.each(REVIEW_ROWS.map((row) => [row[1], row] as const))(
    "%s cites what the review asks for",
    (_key, [definition, key, cites, dropped]) => {
      const references = question(definition, key).references;
      for (const reference of cites) expect(references, key).toContain(reference);
      for (const reference of dropped) expect(references, key).not.toContain(reference);
    },
  );

  it("cites Art. 53 and Art. 50 AI Act with their letters and ISO/IEC 42001 by control, never whole", () => {
    for (const definition of [TI, DR])
      for (const q of questionsOf(definition))
        for (const reference of q.references) {
          expect(reference, q.key).not.toMatch(new RegExp(`^${AI}:art:(53|50)$`));
          expect(reference, q.key).not.toMatch(/^iso:42001:annex-a:a\.\d+$/);
          expect(reference, q.key).not.toMatch(/^iso:42001:cl:/);
        }
  });

  it("says in the help where a cited AI Act provision binds only high-risk systems or systemic-risk models", () => {
    for (const definition of [TI, DR])
      for (const q of questionsOf(definition)) {
        const articles = q.references.map(articleOf).filter((a): a is string => a !== null);
        if (articles.some((a) => HIGH_RISK_ARTICLES.includes(a))) {
          expect(q.help?.en, q.key).toMatch(/high-risk AI systems only/);
          expect(q.help?.de, q.key).toMatch(/nur für Hochrisiko-KI-Systeme/);
        }
        if (articles.includes("55")) {
          expect(q.help?.en, q.key).toMatch(/systemic risk/);
          expect(q.help?.de, q.key).toMatch(/systemischem Risiko/);
        }
      }
  });

  it("never cites Art. 32 Data Act without its scope (non-personal data, Art. 1(2)(f))", () => {
    for (const definition of [TI, DR])
      for (const q of questionsOf(definition)) {
        if (!q.references.includes("eu:2023/2854:art:32")) continue;
        expect(q.references, q.key).toContain("eu:2023/2854:art:1:par:2:pt:f");
        expect(q.help?.en, q.key).toMatch(/only non-personal data.*Art\. 1\(2\)\(f\)/);
        expect(q.help?.de, q.key).toMatch(
          /nur nicht personenbezogene Daten.*Art\. 1 Abs\. 2 lit\. f/,
        );
      }
  });

  it("tells an indicator without a legal basis apart in its help text", () => {
    const labor = question(TI, "upstream.data_labor");
    expect(labor.references).toEqual([]);
    expect(labor.help?.en).toMatch(/No law requires this disclosure/);
    expect(labor.help?.de).toMatch(/Keine Rechtsvorschrift verlangt diese Angabe/);
    for (const key of [
      "downstream.policy_enforcement",
      "downstream.behavior_policy",
      "downstream.impact",
    ])
      expect(question(TI, key).help?.en, key).toMatch(/No law requires this disclosure/);
  });
});

describe("data residency: scoring (issue 21 item 4, S1, S2, S7)", () => {
  it("S1: Art. 49 derogations earn nothing and knock the vendor out, as no safeguards do", () => {
    const safeguard = question(DR, "transfers.safeguard");
    const derogation = safeguard.options!.find((o) => o.value === "derogation")!;
    expect(derogation.points).toBe(0);
    expect(derogation.safeguard).toBe("none");
    expect(safeguard.knockOut?.when).toEqual(
      expect.arrayContaining(["derogation", "no_safeguards"]),
    );
    expect(safeguard.help?.en).toMatch(
      /occasional, non-repetitive transfers.*EDPB Guidelines 2\/2018/,
    );
  });

  it("S2: Data Privacy Framework certification is informational but still feeds the residency rating", () => {
    const dpf = question(DR, "transfers.dpf_certified");
    expect(dpf.weight).toBe(0);
    expect(dpf.residency).toEqual({ role: "dpf_certified" });
  });

  it("S7: foreign access with supplementary measures and key control score as in the due-diligence template", () => {
    const points = (key: string) =>
      Object.fromEntries(question(DR, key).options!.map((o) => [o.value, o.points]));
    expect(points("government_access.foreign_laws")).toEqual({
      not_subject: 1,
      subject_mitigated: 0.6,
      subject: 0,
    });
    expect(points("encryption.key_control")).toMatchObject({ hyok: 1, byok: 0.8, vendor: 0.3 });
  });
});

describe("data residency and transparency: German terminology (issue 21 item 3)", () => {
  const germanOf = (definition: TemplateDefinition) =>
    JSON.stringify(definition, (key, value: unknown) => (key === "en" ? undefined : value));

  it("G9: transfer mechanism (Chapter V), not legal basis", () => {
    expect(DR.description?.de).toContain("Übermittlungsgrundlage (Kapitel V DSGVO)");
    expect(DR.description?.en).toContain("transfer mechanism");
    const transfers = DR.sections.find((s) => s.key === "transfers")!;
    expect(transfers.description?.de).toContain("Übermittlungsgrundlage (Kapitel V DSGVO)");
    expect(transfers.description?.en).toContain("transfer mechanism");
    expect(germanOf(DR)).not.toMatch(/Rechtsgrundlage/);
  });

  it("G13, G14, G16: Transfer-Folgenabschätzung (TIA), Standarddatenschutzklauseln, EU-US-Datenschutzrahmen", () => {
    const german = germanOf(DR);
    // Every "Folgenabschätzung" is a Transfer-Folgenabschätzung, never one read as a DPIA.
    expect(german.match(/Folgenabschätzung/g)?.length).toBe(
      german.match(/Transfer-Folgenabschätzung/g)?.length,
    );
    expect(question(DR, "transfers.tia").label.de).toContain("Transfer-Folgenabschätzung (TIA)");
    expect(german).not.toMatch(/Standardvertragsklauseln/);
    expect(german).toContain("Standarddatenschutzklauseln");
    expect(german).not.toMatch(/EU-US Data Privacy Framework/);
    expect(question(DR, "transfers.dpf_certified").label.de).toContain("EU-US-Datenschutzrahmen");
  });

  it("G15: one gendering style for persons (Nutzende), no generic masculine", () => {
    for (const definition of [TI, DR]) expect(germanOf(definition)).not.toMatch(/\bNutzern?\b/);
  });
});

describe("data residency and transparency: AI Act dates from the catalogue (issue 21 item 6)", () => {
  const TODAY = "2026-12-07";
  /** Every {{applies:<key>|<condition>}} placeholder of a template's texts. */
  const placeholders = (definition: TemplateDefinition) =>
    JSON.stringify(definition)
      .split("{{applies:")
      .slice(1)
      .map((rest) => {
        const [key = "", condition] = rest.slice(0, rest.indexOf("}}")).split("|");
        return { key, condition: condition ?? null };
      });

  it("writes no AI Act date by hand, and each placeholder names a provision with a window in force today", () => {
    const found = [...placeholders(TI), ...placeholders(DR)];
    expect(found.length).toBeGreaterThan(0);
    for (const { key, condition } of found) {
      const instrument = REGULATION_SNAPSHOT.instruments.find((i) => key.startsWith(`${i.key}:`));
      const version = versionInForce(
        instrument!.versions.map((v) => ({ ...v, entryIntoForceAt: v.entryIntoForceAt ?? null })),
        TODAY,
      );
      const provision = version?.provisions.find((p) => p.key === key);
      const windows = provision?.windows ?? [];
      expect(
        windows.some((w) => (condition === null ? true : w.condition === condition)),
        `${key}|${condition}`,
      ).toBe(true);
    }
    // No day written out in an English or German date style in the help texts.
    for (const definition of [TI, DR])
      for (const q of questionsOf(definition))
        for (const text of [q.help?.en ?? "", q.help?.de ?? "", q.label.en, q.label.de])
          expect(text, q.key).not.toMatch(
            /\b\d{1,2}\.? (January|February|March|April|May|June|July|August|September|October|November|December|Januar|Februar|März|Juni|Juli|Oktober|Dezember) 20\d\d\b/,
          );
  });
});
