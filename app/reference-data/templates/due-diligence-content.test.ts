// The content of the AI vendor due diligence template after the DPO review of issue 21: every
// reference the review found wrong or doubtful is corrected, the missing ones are added, help
// texts say the law correctly, German terms are the statutory ones, scores reward the right
// behaviour, the ten missing topics are asked, and AI Act dates come from the catalogue.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  parseTemplateDefinition,
  questionsOf,
  type TemplateDefinition,
  type TemplateQuestionWithSection,
} from "../../modules/questionnaires/template-definition";
import { REGULATION_SNAPSHOT } from "../regulations";
import { versionInForce } from "../regulations/version-in-force";

const DIR = fileURLToPath(new URL(".", import.meta.url));

function dueDiligence(): TemplateDefinition {
  const parsed = parseTemplateDefinition(
    JSON.parse(readFileSync(join(DIR, "ai-vendor-due-diligence.json"), "utf8")),
  );
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return parsed.definition;
}

function byKey(): Map<string, TemplateQuestionWithSection> {
  return new Map(questionsOf(dueDiligence()).map((q) => [q.key, q]));
}

function question(key: string): TemplateQuestionWithSection {
  const found = byKey().get(key);
  if (!found) throw new Error(`no question ${key}`);
  return found;
}

/** Every text of the template a reader sees, with where it is. */
function texts(definition: TemplateDefinition): Array<{ where: string; en: string; de: string }> {
  const out = [{ where: "title", ...definition.title }];
  if (definition.description) out.push({ where: "description", ...definition.description });
  for (const section of definition.sections) {
    out.push({ where: `${section.key} title`, ...section.title });
    if (section.description)
      out.push({ where: `${section.key} description`, ...section.description });
  }
  for (const q of questionsOf(definition)) {
    out.push({ where: `${q.key} label`, ...q.label });
    if (q.help) out.push({ where: `${q.key} help`, ...q.help });
    if (q.knockOut) out.push({ where: `${q.key} knock-out`, ...q.knockOut.label });
    for (const o of q.options ?? []) out.push({ where: `${q.key}:${o.value}`, ...o.label });
  }
  return out;
}

const GDPR = "eu:2016/679";
const AI = "eu:2024/1689";
const DORA = "eu:2022/2554";
const DATA_ACT = "eu:2023/2854";

/**
 * The review's §2 rows on this template: the reference that goes and the ones that carry the
 * question instead (compliance-review.md §2, rows 1, 3–10, 13, 15, 21).
 */
const CORRECTED: Array<[row: number, question: string, removed: string[], added: string[]]> = [
  [1, "compliance.certifications", [`${GDPR}:art:42`], [`${GDPR}:art:28:par:1`, `${GDPR}:art:40`]],
  [
    3,
    "data_use.training_details",
    [`${GDPR}:art:21`],
    [
      `${GDPR}:art:28:par:3:pt:a`,
      `${GDPR}:art:28:par:10`,
      `${GDPR}:art:6:par:4`,
      "edpb:opinion:28/2024:ai-models",
    ],
  ],
  [
    4,
    "data_use.model_training",
    [`${AI}:art:53`],
    [`${GDPR}:art:28:par:10`, `${GDPR}:art:6:par:4`, "edpb:opinion:28/2024:ai-models"],
  ],
  [5, "data_use.training_details", [`${AI}:art:53`], []],
  [6, "monitoring.ai_output_monitoring", [`${AI}:art:53`], [`${AI}:art:72`, `${AI}:art:26:par:5`]],
  [7, "monitoring.ai_incident_reporting", [`${AI}:art:26`], [`${AI}:art:20:par:1`, `${AI}:art:73`]],
  [
    8,
    "monitoring.incident_notification_hours",
    [],
    [
      `${DORA}:art:30:par:3:pt:b`,
      `${DORA}:art:30:par:2:pt:f`,
      `${GDPR}:art:28:par:3:pt:f`,
      "de:bsig:par:32",
    ],
  ],
  [
    9,
    "transparency.change_notice_days",
    [`${GDPR}:art:28`],
    [`${DORA}:art:30:par:3:pt:b`, "iso:27001:annex-a:5.22"],
  ],
  [
    10,
    "access_control.customer_content_access",
    [`${GDPR}:art:28:par:3:pt:b`],
    [
      `${GDPR}:art:28:par:3:pt:a`,
      `${GDPR}:art:29`,
      `${GDPR}:art:32:par:4`,
      "bsi:c5:domain:idm:crit:idm-07",
    ],
  ],
  [13, "residency.foreign_access_laws", [], [`${GDPR}:art:48`, `${DATA_ACT}:art:28:par:1:pt:a`]],
  [
    15,
    "security.pentest",
    [`${DORA}:art:25`],
    [`${DORA}:art:30:par:3:pt:d`, "bsi:c5:domain:ops:crit:ops-19"],
  ],
  [
    21,
    "ai_act.upstream_gpai_information",
    [`${AI}:art:25`],
    [`${AI}:art:53:par:1:pt:b`, `${AI}:annex:xii`],
  ],
];

/** The review's §3 additions for questions of this template. */
const MISSING: Array<[question: string, added: string[]]> = [
  ["security.pentest", ["bsi:c5:domain:ops:crit:ops-19"]],
  [
    "security.awareness_training",
    ["iso:27001:annex-a:6.6", "bsi:c5:domain:hr:crit:hr-03", "bsi:c5:domain:hr:crit:hr-06"],
  ],
  [
    "security.tenant_isolation",
    ["bsi:c5:domain:ops:crit:ops-24", "iso:27001:annex-a:8.22", "iso:27001:annex-a:5.23"],
  ],
  ["security.ai_red_teaming", [`${AI}:art:15:par:5`]],
  [
    "transparency.explainability",
    ["eu:cjeu:C-203/22:ruling", "eu:cjeu:C-634/21:ruling", `${AI}:art:13:par:3:pt:b:pt:iv`],
  ],
  [
    "residency.storage_countries",
    ["bsi:c5:domain:pss:crit:pss-12", `${DATA_ACT}:art:28:par:1:pt:a`, `${GDPR}:art:28:par:3:pt:a`],
  ],
  ["residency.support_countries", ["edpb:guidelines:05/2021:transfer-criteria"]],
  [
    "residency.backup_countries",
    ["iso:27001:annex-a:8.13", "bsi:c5:domain:ops:crit:ops-09", `${GDPR}:art:32:par:1:pt:c`],
  ],
  ["residency.tia_available", ["eu:2021/914:annex:clause:14"]],
  ["data_use.model_training", [`${GDPR}:art:28:par:10`, "edpb:opinion:28/2024:ai-models"]],
  ["data_use.dsar_support", [`${GDPR}:art:16`, `${GDPR}:art:21`]],
  ["data_use.deletion", ["bsi:c5:domain:pi:crit:pi-03"]],
  [
    "access_control.customer_auth",
    [
      "bsi:c5:domain:pss:crit:pss-05",
      "bsi:c5:domain:pss:crit:pss-08",
      "bsi:c5:domain:pss:crit:pss-09",
      "eu:2022/2555:art:21:par:2:pt:j",
    ],
  ],
  ["access_control.customer_mfa_enforcement", ["bsi:c5:domain:pss:crit:pss-05"]],
  ["access_control.access_reviews", ["bsi:c5:domain:idm:crit:idm-05"]],
  ["access_control.customer_content_access", ["bsi:c5:domain:idm:crit:idm-07"]],
  [
    "monitoring.incident_notification_hours",
    [
      `${GDPR}:art:28:par:3:pt:f`,
      "bsi:c5:domain:sim:crit:sim-01",
      "bsi:c5:domain:sim:crit:sim-03",
      "de:bsig:par:32",
    ],
  ],
  ["monitoring.incident_plan_tested", [`${GDPR}:art:32:par:1:pt:c`]],
  ["monitoring.recovery_time_hours", [`${GDPR}:art:32:par:1:pt:c`]],
  ["monitoring.ai_incident_reporting", [`${AI}:art:20:par:1`]],
  ["compliance.dpia_support", [`${AI}:art:26:par:9`]],
  ["compliance.certifications", [`${GDPR}:art:40`, "eu:2022/2555:art:24"]],
  ["ai_act.high_risk_conformity", [`${AI}:art:11`, `${AI}:art:48`]],
  ["compliance.nis2_status", ["de:bsig:par:28", "de:bsig:par:30", "de:bsig:par:32"]],
];

describe("AI vendor due diligence: references after the DPO review", () => {
  it.each(CORRECTED)(
    "§2 row %i: %s drops the wrong reference and cites the right one",
    (_, key, removed, added) => {
      const references = question(key).references;
      for (const reference of removed)
        expect(references, `${key} still cites ${reference}`).not.toContain(reference);
      for (const reference of added)
        expect(references, `${key} lacks ${reference}`).toContain(reference);
    },
  );

  it.each(MISSING)("§3: %s cites the missing references", (key, added) => {
    const references = question(key).references;
    for (const reference of added)
      expect(references, `${key} lacks ${reference}`).toContain(reference);
  });

  it("never cites GDPR Art. 42 for attestations or Art. 21 for the customer's training choice", () => {
    expect(question("compliance.certifications").references).not.toContain(`${GDPR}:art:42`);
    expect(question("data_use.training_details").references).not.toContain(`${GDPR}:art:21`);
  });

  it("cites AI Act Art. 53 and Art. 50 only by letter or paragraph, ISO/IEC 42001 only by control", () => {
    for (const q of byKey().values())
      for (const reference of q.references) {
        expect([`${AI}:art:53`, `${AI}:art:50`], `${q.key}: ${reference}`).not.toContain(reference);
        // Certification is against the clauses; every other question cites a control.
        if (reference.startsWith("iso:42001:") && reference !== "iso:42001:cl:4-10")
          expect(reference, q.key).toMatch(/^iso:42001:annex-a:a\.\d+\.\d+[.\d]*$/);
      }
  });

  it("asks for the 2022 edition of ISO/IEC 27001 (2013 certificates expired on 31 Oct 2025)", () => {
    const iso = question("security.iso27001");
    expect(iso.label.en).toContain("ISO/IEC 27001:2022");
    expect(iso.label.de).toContain("ISO/IEC 27001:2022");
  });

  it("says the law correctly in the help texts the review flagged", () => {
    const representative = question("ai_act.eu_representative").help!;
    expect(representative.en).toMatch(/Art\. 3\(2\) GDPR/);
    expect(representative.de).toMatch(/Art\. 3 Abs\. 2 DSGVO/);
    const role = question("ai_act.role").help!;
    expect(role.en).toMatch(/Art\. 25\(1\)[^.]*high-risk/);
    expect(role.de).toMatch(/Art\. 25 Abs\. 1[^.]*Hochrisiko/);
    const notification = question("monitoring.incident_notification_hours").help!;
    expect(notification.de).toContain("frühe Erstmeldung (§ 32 BSIG)");
    expect(notification.de).toMatch(/besonders wichtige oder wichtige Einrichtung/);
    expect(notification.en).toMatch(/significant incident/);
    expect(notification.en).toMatch(/important entit/);
  });
});

describe("AI vendor due diligence: German terminology", () => {
  it("uses the statutory German terms and one style of address and gendering", () => {
    const definition = dueDiligence();
    expect(definition.title.de).toBe("Due-Diligence-Prüfung von KI-Dienstleistern");
    const aiAct = definition.sections.find((s) => s.key === "ai_act")!;
    expect(aiAct.description!.de).toContain("Dienstleisters");
    expect(aiAct.description!.de).not.toMatch(/Anbieters/);
    const forbidden: Array<[RegExp, string]> = [
      [/Gebrauchsanweisung/, "Betriebsanleitung (Art. 3 Nr. 15 KI-VO)"],
      [/Verhaltenskodex für KI-Modelle/, "Praxisleitfaden (Art. 56 KI-VO)"],
      [/(?<!z\. B\. )Basismodell/, "KI-Modell mit allgemeinem Verwendungszweck"],
      [
        /wesentliche oder wichtige Einrichtung/,
        "besonders wichtige oder wichtige Einrichtung (§ 28 BSIG)",
      ],
      [/Frühwarnung/, "frühe Erstmeldung (§ 32 BSIG)"],
      [/im Ruhezustand/, "bei der Speicherung (ruhende Daten)"],
      [/Auftragnehmer/, "externe Mitarbeitende"],
      [/EU-US Data Privacy Framework(?! \()/, "EU-US-Datenschutzrahmen"],
      // Art. 46(2)(c) says Standarddatenschutzklauseln; the Art. 28(7) clauses are Standardvertragsklauseln.
      [
        /Standardvertragsklauseln(?! der Kommission nach Art\. 28 Abs\. 7)/,
        "Standarddatenschutzklauseln (Art. 46 Abs. 2 lit. c DSGVO)",
      ],
      [/\b(du|dein|deine|dich|dir)\b/i, "Sie"],
      [
        /\b(End)?[Nn]utzer(n|rückmeldungen)?\b|\bMitarbeiter\b|\bPrüfer\b|Bewerber/,
        "one gendering style (Nutzende, Mitarbeitende)",
      ],
    ];
    for (const text of texts(definition))
      for (const [pattern, instead] of forbidden)
        expect(text.de, `${text.where}: ${instead}`).not.toMatch(pattern);
    // The customer's choice on training is an instruction, not the data subject's consent or
    // objection (Art. 7, Art. 21 GDPR); elsewhere (Art. 49(1)(a), objection rights) the terms fit.
    for (const text of texts(definition).filter((t) =>
      /^data_use\.(model_training|training_details)/.test(t.where),
    ))
      expect(text.de, text.where).not.toMatch(/Einwilligung|widerspricht|Widerspruch/);
    const trainingChoice = question("data_use.model_training")
      .options!.map((o) => o.label.de)
      .join(" ");
    expect(trainingChoice).toContain("abwählt");
    expect(question("ai_act.gpai_obligations").help!.de).toContain("Praxisleitfaden");
    expect(
      question("transparency.documentation").options!.find(
        (o) => o.value === "instructions_for_use",
      )!.label.de,
    ).toContain("Betriebsanleitung");
    const representative = question("ai_act.eu_representative")
      .options!.map((o) => o.label.de)
      .join(" ");
    expect(representative).toContain("Vertreter (Art. 27 DSGVO)");
    expect(
      question("residency.transfer_safeguards")
        .options!.map((o) => o.label.de)
        .join(" "),
    ).toContain("Standarddatenschutzklauseln");
  });
});

describe("AI vendor due diligence: scores that reward the right behaviour (method 1.2.0)", () => {
  const points = (key: string) =>
    Object.fromEntries(question(key).options!.map((o) => [o.value, o.points]));

  it("S3/S4/S7: incident history, risk class and DPF certification inform without scoring", () => {
    expect(question("monitoring.incidents_24_months").weight).toBe(0);
    expect(question("ai_act.risk_class").weight).toBe(0);
    expect(question("ai_act.risk_class").knockOut?.when).toEqual(["prohibited_practice"]);
    expect(question("residency.dpf_certified").weight).toBe(0);
    expect(question("residency.dpf_certified").residency).toEqual({ role: "dpf_certified" });
  });

  it("S5/S6: deployer-only and not-an-AI-system score like a role; opt-out by default earns nothing", () => {
    expect(points("ai_act.role")).toMatchObject({ deployer_only: 1, not_ai_system: 1 });
    expect(points("data_use.model_training")).toMatchObject({ opt_out: 0, no_opt_out: 0 });
  });

  it("S7: foreign access, keys and safeguards score as in the residency template", () => {
    expect(points("residency.foreign_access_laws").subject_mitigated).toBe(0.6);
    expect(points("security.key_management")).toMatchObject({
      hyok: 1,
      byok: 0.8,
      provider_managed: 0.3,
    });
    const safeguards = question("residency.transfer_safeguards");
    const derogation = safeguards.options!.find((o) => o.value === "derogation")!;
    expect(derogation.points).toBe(0);
    expect(safeguards.knockOut!.when).toEqual(
      expect.arrayContaining(["no_safeguards", "derogation"]),
    );
  });

  it("S8: DORA support and the EU representative have a not-applicable option the help explains", () => {
    for (const key of ["compliance.dora_support", "ai_act.eu_representative"]) {
      const q = question(key);
      expect(q.options!.filter((o) => o.notApplicable).length, key).toBe(1);
      expect(q.help!.en, key).toMatch(/not applicable/i);
      expect(q.help!.de, key).toMatch(/Nicht anwendbar/);
    }
  });

  it("S10: knock-outs for no deletion and for high-risk conformity not started once Annex III applies", () => {
    expect(question("data_use.deletion").knockOut?.when).toEqual(["no"]);
    const conformity = question("ai_act.high_risk_conformity").knockOut!;
    expect(conformity.when).toEqual(["not_started"]);
    expect(conformity.from).toBe(`${AI}:art:6:par:2`);
    expect(question("data_use.automated_decisions").knockOut?.when).toEqual([
      "automated_without_safeguards",
    ]);
  });
});

/** The ten topics of §6.2 and the CRA question: key, section, the references each must cite. */
const NEW_QUESTIONS: Array<[key: string, references: string[]]> = [
  ["data_use.automated_decisions", [`${GDPR}:art:22`, "de:bdsg:par:37", "eu:cjeu:C-634/21:ruling"]],
  ["data_use.data_minimisation", [`${GDPR}:art:5:par:1:pt:c`, `${GDPR}:art:25:par:2`]],
  ["security.ai_runtime_protection", [`${AI}:art:15:par:5`, "iso:27001:annex-a:8.12"]],
  ["monitoring.anomaly_detection", ["iso:27001:annex-a:5.7", "iso:27001:annex-a:8.16"]],
  ["data_use.subprocessor_notice_days", [`${GDPR}:art:28:par:2`, "eu:2021/914:annex:clause:9"]],
  ["data_use.subprocessor_objection", [`${GDPR}:art:28:par:2`]],
  ["compliance.dpa_contents", [`${GDPR}:art:28:par:3:pt:a`, `${GDPR}:art:28:par:3:pt:h`]],
  ["compliance.processing_record", [`${GDPR}:art:30:par:2`]],
  ["data_use.output_accuracy", [`${GDPR}:art:5:par:1:pt:d`, `${GDPR}:art:16`, `${GDPR}:art:17`]],
  ["data_use.employee_usage_data", ["de:betrvg:par:87:abs:1:nr:6", "de:bdsg:par:26"]],
  ["data_use.professional_secrecy", ["de:stgb:par:203"]],
  ["data_use.special_categories_use", [`${GDPR}:art:9`, "de:bdsg:par:22"]],
  ["compliance.switching_exit", [`${DATA_ACT}:art:23`, `${DATA_ACT}:art:25`]],
  ["compliance.cra_components", ["eu:2024/2847:annex:i:part:i", "eu:2024/2847:art:14"]],
];

describe("AI vendor due diligence: the missing topics", () => {
  it.each(NEW_QUESTIONS)(
    "asks %s in both languages, with help, tags and its references",
    (key, references) => {
      const q = question(key);
      expect(q.label.en.trim().length, key).toBeGreaterThan(20);
      expect(q.label.de.trim().length, key).toBeGreaterThan(20);
      expect(q.label.de, key).not.toBe(q.label.en);
      expect(q.help?.en.trim(), key).toBeTruthy();
      expect(q.help?.de.trim(), key).toBeTruthy();
      expect(q.tags.length, key).toBeGreaterThan(0);
      for (const reference of references)
        expect(q.references, `${key} lacks ${reference}`).toContain(reference);
    },
  );

  it("scores the sub-processor notice and objection, and offers the new certifications", () => {
    expect(question("data_use.subprocessor_notice_days").thresholds).toBeDefined();
    expect(question("data_use.subprocessor_notice_days").weight).toBeGreaterThan(0);
    expect(question("data_use.subprocessor_objection").weight).toBeGreaterThan(0);
    const values = question("compliance.certifications").options!.map((o) => o.value);
    expect(values).toEqual(
      expect.arrayContaining([
        "bsi_aic4",
        "tisax",
        "iso27017",
        "iso27018",
        "eu_cloud_coc",
        "europrivacy",
      ]),
    );
  });
});

/** A date written out ("2 August 2026", "2. Dezember 2027", "2.8.2026"); ISO days name model versions. */
const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember";
const WRITTEN_DATE = new RegExp(
  `\\b\\d{1,2}\\.? (?:${MONTHS}) \\d{4}\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b`,
);
/** Dates the template may write (none from the AI Act): the Data Act's end of switching charges, the end of ISO/IEC 27001:2013 certificates. */
const ALLOWED_DATES = /12 January 2027|12\. Januar 2027|31 October 2025|31\. Oktober 2025/g;

describe("AI vendor due diligence: AI Act dates from the catalogue", () => {
  it("writes no date by hand; each placeholder names a provision with a window in force today", () => {
    const today = "2026-12-07";
    const windows = new Map<string, Array<{ from: string; condition?: string }>>();
    for (const instrument of REGULATION_SNAPSHOT.instruments) {
      const version = versionInForce(
        instrument.versions.map((v) => ({ ...v, entryIntoForceAt: v.entryIntoForceAt ?? null })),
        today,
      );
      for (const provision of version?.provisions ?? [])
        windows.set(provision.key, provision.windows ?? version?.windows ?? []);
    }
    let placeholders = 0;
    for (const text of texts(dueDiligence()))
      for (const language of ["en", "de"] as const) {
        const value = text[language];
        const written = value.replace(/\{\{applies:[^}]+\}\}/g, "").replace(ALLOWED_DATES, "");
        expect(written, `${text.where} (${language})`).not.toMatch(WRITTEN_DATE);
        for (const match of value.matchAll(/\{\{applies:([^}|]+)\|?([^}]*)\}\}/g)) {
          placeholders++;
          const [, key, condition] = match;
          const found = windows.get(key!);
          expect(found?.length, `${text.where}: ${key} has no window`).toBeGreaterThan(0);
          if (condition)
            expect(
              found!.map((w) => w.condition),
              `${text.where}: ${key}|${condition}`,
            ).toContain(condition);
        }
      }
    expect(placeholders).toBeGreaterThanOrEqual(5);
  });

  it("reflects the AI omnibus in the help of AI literacy, conformity, risk class and output marking", () => {
    expect(question("ai_act.ai_literacy").help!.en).toMatch(/omnibus/i);
    expect(question("ai_act.ai_literacy").help!.en).toMatch(/unverified|not verified/i);
    expect(question("ai_act.high_risk_conformity").help!.en).toContain(
      `{{applies:${AI}:art:6:par:2}}`,
    );
    expect(question("ai_act.risk_class").help!.en).toContain(
      `{{applies:${AI}:art:5:omnibus-intimate-imagery}}`,
    );
    expect(question("transparency.output_marking").help!.en).toContain(
      `{{applies:${AI}:art:50:par:2|placed_on_market_before_2026-08-02}}`,
    );
  });
});
