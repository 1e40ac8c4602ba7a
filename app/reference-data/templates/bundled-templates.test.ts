// The bundled questionnaire templates (issue 4, item 5): each file is a valid template definition,
// every question is referenced to the law and labelled in both languages, each template has the
// shape its purpose needs, and a best-possible answer set scores 100.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { computeScore } from "../../modules/assessments/compute-score";
import {
  parseTemplateDefinition,
  questionsOf,
  TEMPLATE_QUESTION_TYPES,
  type TemplateDefinition,
  type TemplateQuestion,
} from "../../modules/questionnaires/template-definition";

const DIR = fileURLToPath(new URL(".", import.meta.url));
const FILES = readdirSync(DIR)
  .filter((name) => name.endsWith(".json"))
  .sort();

function raw(file: string): unknown {
  return JSON.parse(readFileSync(join(DIR, file), "utf8"));
}

function load(file: string): TemplateDefinition {
  const parsed = parseTemplateDefinition(raw(file));
  if (!parsed.ok)
    throw new Error(`${file}: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  return parsed.definition;
}

const dueDiligence = () => load("ai-vendor-due-diligence.json");
const indicators = () => load("ai-transparency-indicators.json");
const residency = () => load("data-residency-transfers.json");

/** Keys, types and option values of the first bundled version: answers, demo data and scoring tests rely on them. */
const LEGACY_DUE_DILIGENCE: Record<string, { type: string; options?: string[] }> = {
  "security.iso27001": {
    type: "single_choice",
    options: ["certified_incl_service", "certified_other_scope", "in_progress", "none"],
  },
  "security.encryption": { type: "yes_no" },
  "security.pentest": {
    type: "single_choice",
    options: ["annually", "every_two_years", "irregularly", "never"],
  },
  "security.last_pentest_date": { type: "date" },
  "transparency.model_disclosure": {
    type: "single_choice",
    options: ["full", "provider_only", "not_disclosed"],
  },
  "transparency.ai_interaction_notice": { type: "yes_no" },
  "transparency.documentation": {
    type: "multi_choice",
    options: [
      "model_card",
      "instructions_for_use",
      "known_limitations",
      "evaluation_results",
      "none",
    ],
  },
  "transparency.change_notice_days": { type: "number" },
  "transparency.training_data_sources": { type: "yes_no" },
  "transparency.evaluation_published": { type: "yes_no" },
  "transparency.usage_policy": { type: "yes_no" },
  "transparency.subprocessor_list_public": { type: "yes_no" },
  "residency.storage_countries": { type: "countries" },
  "residency.inference_countries": { type: "countries" },
  "residency.processing_countries": { type: "countries" },
  "residency.support_countries": { type: "countries" },
  "residency.backup_countries": { type: "countries" },
  "residency.dpf_certified": { type: "yes_no" },
  "residency.transfer_safeguards": {
    type: "single_choice",
    options: [
      "no_transfer",
      "adequacy_decision",
      "scc_with_tia",
      "binding_corporate_rules",
      "no_safeguards",
    ],
  },
  "residency.eu_only_option": { type: "yes_no" },
  "data_use.model_training": {
    type: "single_choice",
    options: ["never", "opt_in", "opt_out", "no_opt_out"],
  },
  "data_use.retention_days": { type: "number" },
  "data_use.subprocessors": { type: "text" },
  "data_use.deletion": { type: "yes_no" },
  "access_control.admin_mfa": {
    type: "single_choice",
    options: ["phishing_resistant_mfa", "mfa", "mfa_partial", "no_mfa"],
  },
  "access_control.customer_auth": {
    type: "multi_choice",
    options: ["sso", "mfa", "rbac", "scim", "none"],
  },
  "access_control.access_reviews": {
    type: "single_choice",
    options: ["quarterly", "semi_annually", "annually", "never"],
  },
  "access_control.need_to_know": { type: "yes_no" },
  "monitoring.incident_notification_hours": { type: "number" },
  "monitoring.security_logging": { type: "yes_no" },
  "monitoring.ai_output_monitoring": { type: "yes_no" },
  "compliance.dpa": { type: "single_choice", options: ["standard", "on_request", "no"] },
  "compliance.certifications": {
    type: "multi_choice",
    options: ["bsi_c5", "soc2_type2", "iso27701", "iso42001", "none"],
  },
  "compliance.ai_act_classification": {
    type: "single_choice",
    options: ["documented", "internal_only", "in_progress", "no"],
  },
  "compliance.audit_and_exit": { type: "yes_no" },
  "compliance.dpo_contact": { type: "text" },
};

const AS_OF = "2026-06-01";

/** The answer that earns the most points (or simply an answer, for unscored types). */
function bestAnswer(question: TemplateQuestion): unknown {
  const options = question.options ?? [];
  switch (question.type) {
    case "yes_no":
      return "yes";
    case "single_choice":
      return [...options].sort((a, b) => b.points - a.points)[0]!.value;
    case "multi_choice":
      return options.filter((o) => !o.exclusive && o.points > 0).map((o) => o.value);
    case "number": {
      const t = question.thresholds;
      if (!t) return question.min ?? 0;
      if (t.kind === "linear") return t.higherIsBetter ? t.max : t.min;
      return [...t.steps].sort((a, b) => b.points - a.points || a.min - b.min)[0]!.min;
    }
    case "date":
      return AS_OF;
    case "countries":
      return ["DE", "FR"];
    case "subprocessors":
      return [
        { name: "Hetzner Online GmbH", purpose: "Hosting", country: "DE", mechanism: "not_needed" },
      ];
    case "text":
    case "long_text":
      return "Documented at https://vendor.example/trust";
    case "evidence":
      return {
        documentType: question.evidence!.documentTypes[0],
        validUntil: "2027-12-31",
        files: ["f".repeat(24)],
      };
  }
}

/** Every leaf of a show-if rule. */
function leaves(question: TemplateQuestion) {
  const rule = question.showIf;
  if (!rule) return [];
  return "all" in rule ? rule.all : "any" in rule ? rule.any : [rule];
}

describe("bundled templates", () => {
  it("are the three agreed files, each named after its key", () => {
    expect(FILES).toEqual([
      "ai-transparency-indicators.json",
      "ai-vendor-due-diligence.json",
      "data-residency-transfers.json",
    ]);
    for (const file of FILES) expect(`${load(file).key}.json`).toBe(file);
  });

  describe.each(FILES)("%s", (file) => {
    it("parses, and every question has a regulation reference, a tag and labels in English and German", () => {
      const definition = load(file);
      expect(definition.title.de).not.toBe(definition.title.en);
      for (const section of definition.sections) {
        expect(section.title.en.trim()).not.toBe("");
        expect(section.title.de.trim()).not.toBe("");
      }
      for (const question of questionsOf(definition)) {
        // An indicator without any legal or normative basis cites nothing and says so (issue 21).
        if (question.references.length === 0)
          expect(question.help?.en, question.key).toMatch(/cites no provision/);
        else expect(question.references.length, question.key).toBeGreaterThan(0);
        expect(question.tags.length, question.key).toBeGreaterThan(0);
        expect(question.key.startsWith(`${question.sectionKey}.`), question.key).toBe(true);
        expect(question.label.en.trim(), question.key).not.toBe("");
        expect(question.label.de.trim(), question.key).not.toBe("");
        // A German label that equals the English one was not translated.
        expect(question.label.de, question.key).not.toBe(question.label.en);
        for (const option of question.options ?? [])
          expect(option.label.de.trim(), `${question.key}:${option.value}`).not.toBe("");
      }
    });

    it("show-if rules refer only to earlier questions, and the schema would refuse anything else", () => {
      const definition = load(file);
      const seen = new Set<string>();
      for (const question of questionsOf(definition)) {
        for (const leaf of leaves(question))
          expect(seen.has(leaf.question), `${question.key} → ${leaf.question}`).toBe(true);
        seen.add(question.key);
      }
      // The same file with one conditional question moved to the very front must not parse.
      const json = raw(file) as { sections: Array<{ questions: Array<{ showIf?: unknown }> }> };
      const section = json.sections.find((s) => s.questions.some((q) => q.showIf));
      if (!section) return;
      const index = section.questions.findIndex((q) => q.showIf);
      const [moved] = section.questions.splice(index, 1);
      json.sections[0]!.questions.unshift(moved!);
      const parsed = parseTemplateDefinition(json);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(parsed.errors.some((e) => e.message.includes("is not an earlier question"))).toBe(
          true,
        );
    });

    it("a best-possible answer set scores 100 with every required question answered and no knock-out", () => {
      const definition = load(file);
      const answers = Object.fromEntries(
        questionsOf(definition).map((q) => [q.key, bestAnswer(q)]),
      );
      const result = computeScore(definition, answers, AS_OF);
      expect(result.overall).toBe(100);
      expect(result.knockOuts).toEqual([]);
      expect(result.completeness.ratio).toBe(1);
    });
  });

  describe("AI vendor due diligence", () => {
    it("has 60–95 questions in the eight themes of issue 4 and uses every question type", () => {
      const definition = dueDiligence();
      const questions = questionsOf(definition);
      // Issue 21 added the review's ten missing topics (and the CRA) to the 77 questions of issue 4.
      expect(questions.length).toBeGreaterThanOrEqual(60);
      expect(questions.length).toBeLessThanOrEqual(95);
      expect(definition.sections.map((s) => s.key)).toEqual([
        "security",
        "transparency",
        "residency",
        "data_use",
        "access_control",
        "monitoring",
        "compliance",
        "ai_act",
      ]);
      expect(new Set(questions.map((q) => q.type))).toEqual(new Set(TEMPLATE_QUESTION_TYPES));
      for (const tag of [
        "security",
        "transparency",
        "residency",
        "data-use",
        "access-control",
        "incident",
        "compliance",
        "ai-act",
      ]) {
        expect(
          questions.some((q) => q.tags.includes(tag)),
          tag,
        ).toBe(true);
      }
    });

    it("keeps every key, type and option value of its first version (new options may be added)", () => {
      const byKey = new Map(questionsOf(dueDiligence()).map((q) => [q.key, q]));
      for (const [key, legacy] of Object.entries(LEGACY_DUE_DILIGENCE)) {
        const question = byKey.get(key);
        expect(question?.type, key).toBe(legacy.type);
        const values = question?.options?.map((o) => o.value);
        // Old answers stay valid: every legacy value is still there, in its order.
        expect(
          legacy.options ? values?.filter((v) => legacy.options!.includes(v)) : values,
          key,
        ).toEqual(legacy.options);
      }
    });

    it("has its eight knock-outs, a certificate upload shown only to certified vendors, and conditional follow-ups", () => {
      const questions = questionsOf(dueDiligence());
      const knockOuts = questions.filter((q) => q.knockOut).map((q) => q.key);
      // Issue 21 (review S10) added no deletion, high-risk conformity not started and
      // automated decisions without safeguards to the five of issue 4.
      expect(knockOuts.sort()).toEqual([
        "access_control.admin_mfa",
        "ai_act.high_risk_conformity",
        "ai_act.risk_class",
        "compliance.dpa",
        "data_use.automated_decisions",
        "data_use.deletion",
        "data_use.model_training",
        "residency.transfer_safeguards",
      ]);

      const certificate = questions.find((q) =>
        q.evidence?.documentTypes.includes("iso27001_certificate"),
      );
      expect(certificate?.evidence?.expiryRequired).toBe(true);
      expect(certificate?.showIf).toEqual({
        question: "security.iso27001",
        in: ["certified_incl_service", "certified_other_scope"],
      });

      const subprocessors = questions.find((q) => q.type === "subprocessors");
      expect(subprocessors?.residency).toEqual({ role: "flow", flow: "subprocessor" });
      expect(questions.find((q) => q.key === "monitoring.incident_details")?.showIf).toEqual({
        question: "monitoring.incidents_24_months",
        in: ["no_customer_impact", "customer_impact"],
      });
      expect(questions.find((q) => q.key === "data_use.training_details")?.showIf).toEqual({
        question: "data_use.model_training",
        in: ["opt_in", "opt_out", "no_opt_out"],
      });
      const dated = questions.filter((q) => q.type === "date" && q.thresholds);
      expect(dated.map((q) => q.key)).toContain("security.last_pentest_date");
    });
  });

  describe("AI transparency indicators", () => {
    it("has 25–40 binary indicators, each with its domain and an explicit rule in both languages", () => {
      const definition = indicators();
      const questions = questionsOf(definition);
      expect(questions.length).toBeGreaterThanOrEqual(25);
      expect(questions.length).toBeLessThanOrEqual(40);
      for (const question of questions) {
        expect(question.type, question.key).toBe("yes_no");
        expect(question.indicator?.awardWhen, question.key).toEqual(["yes"]);
        expect(["Upstream", "Model", "Downstream"], question.key).toContain(
          question.indicator?.domain,
        );
        expect(question.indicator?.rule.en, question.key).toMatch(/^One point if /);
        expect(question.indicator?.rule.de, question.key).toMatch(/^Ein Punkt, wenn /);
      }
      // Every section weighs its number of indicators, so the score is the share of points earned.
      for (const section of definition.sections)
        expect(section.weight).toBe(section.questions.length);
      expect(new Set(questions.map((q) => q.indicator!.domain))).toEqual(
        new Set(["Upstream", "Model", "Downstream"]),
      );
    });

    it("counts the indicators earned in the transparency index", () => {
      const definition = indicators();
      const keys = questionsOf(definition).map((q) => q.key);
      const answers = Object.fromEntries(keys.map((key, i) => [key, i % 3 === 0 ? "yes" : "no"]));
      const result = computeScore(definition, answers, AS_OF);
      expect(result.transparency?.satisfied).toBe(keys.filter((_, i) => i % 3 === 0).length);
      expect(result.transparency?.total).toBe(keys.length);
    });
  });

  describe("Data residency & transfers", () => {
    it("has 15–25 questions with every data flow, one safeguard question and one DPF question", () => {
      const questions = questionsOf(residency());
      expect(questions.length).toBeGreaterThanOrEqual(15);
      expect(questions.length).toBeLessThanOrEqual(25);
      const flows = questions.flatMap((q) =>
        q.residency?.role === "flow" ? [q.residency.flow] : [],
      );
      expect(new Set(flows)).toEqual(
        new Set(["storage", "processing", "inference", "support", "backup", "subprocessor"]),
      );
      const safeguard = questions.filter((q) => q.residency?.role === "safeguard");
      expect(safeguard).toHaveLength(1);
      expect(safeguard[0]!.options!.every((o) => o.safeguard)).toBe(true);
      expect(
        questions.filter((q) => q.residency?.role === "dpf_certified").map((q) => q.type),
      ).toEqual(["yes_no"]);
    });

    it("feeds the residency rating: a US sub-processor without safeguards rates the product accordingly", () => {
      const definition = residency();
      const answers = Object.fromEntries(
        questionsOf(definition).map((q) => [q.key, bestAnswer(q)]),
      );
      expect(computeScore(definition, answers, AS_OF).residency?.rating).toBe("eu_eea");
      answers["transfers.subprocessors"] = [
        { name: "Cloudline Hosting Inc.", purpose: "Inference", country: "US", mechanism: "none" },
      ];
      answers["transfers.dpf_certified"] = "no";
      expect(computeScore(definition, answers, AS_OF).residency?.rating).toBe(
        "third_country_no_safeguards",
      );
    });
  });
});
