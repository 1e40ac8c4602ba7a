// Property tests on the real AI vendor due diligence template (issue 21, review §5): whatever the
// vendor answers elsewhere, the better practice of a question the review found mis-scored never
// scores lower than the worse one. Answers are random but valid; knock-out answers are left out
// of the background so that a comparison measures the question under test.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeScore } from "../../modules/assessments/compute-score";
import {
  parseTemplateDefinition,
  questionsOf,
  type TemplateDefinition,
  type TemplateQuestion,
} from "../../modules/questionnaires/template-definition";

const DIR = fileURLToPath(new URL(".", import.meta.url));
const AS_OF = "2026-12-07";
const RUNS = { numRuns: 40 };

function load(): TemplateDefinition {
  const parsed = parseTemplateDefinition(
    JSON.parse(readFileSync(join(DIR, "ai-vendor-due-diligence.json"), "utf8")),
  );
  if (!parsed.ok) throw new Error("the due diligence template does not parse");
  return parsed.definition;
}

const DEFINITION = load();
const QUESTIONS = questionsOf(DEFINITION);
const COUNTRIES = ["DE", "FR", "AT", "CH", "GB", "JP", "US", "IN"];

/** A random valid answer that triggers no knock-out. */
function answerOf(question: TemplateQuestion): fc.Arbitrary<unknown> {
  const knockOut = new Set(question.knockOut?.when ?? []);
  const options = (question.options ?? []).filter((o) => !knockOut.has(o.value));
  switch (question.type) {
    case "yes_no":
      return fc.constantFrom(...["yes", "partial", "no"].filter((v) => !knockOut.has(v)));
    case "single_choice":
      return fc.constantFrom(...options.map((o) => o.value));
    case "multi_choice": {
      const combinable = options.filter((o) => !o.exclusive).map((o) => o.value);
      const exclusive = options.filter((o) => o.exclusive).map((o) => [o.value]);
      return fc.oneof(
        fc.subarray(combinable, { minLength: 1 }),
        ...(exclusive.length > 0 ? [fc.constantFrom(...exclusive)] : []),
      );
    }
    case "number":
      return fc.integer({ min: question.min ?? 0, max: question.max ?? 365 });
    case "date":
      return fc
        .integer({ min: 0, max: 1000 })
        .map((days) =>
          new Date(Date.UTC(2026, 11, 7) - days * 86_400_000).toISOString().slice(0, 10),
        );
    case "countries":
      return fc.subarray(COUNTRIES, { minLength: 1 });
    case "subprocessors":
      return fc.constantFrom(COUNTRIES).map((countries) =>
        countries.slice(0, 2).map((country, i) => ({
          name: `Sub ${i}`,
          purpose: "Hosting",
          country,
          mechanism: country === "US" ? "scc" : "not_needed",
        })),
      );
    case "text":
    case "long_text":
      return fc.constant("Documented at https://vendor.example/trust");
    case "evidence":
      return fc.constant("na");
  }
}

const ANSWERS: fc.Arbitrary<Record<string, unknown>> = fc.record(
  Object.fromEntries(QUESTIONS.map((q) => [q.key, answerOf(q)])),
);

function score(answers: Record<string, unknown>) {
  return computeScore(DEFINITION, answers, AS_OF);
}

/** Overall score of the background with `better` answers, and with `worse` ones. */
function compare(
  background: Record<string, unknown>,
  better: Record<string, unknown>,
  worse: Record<string, unknown>,
) {
  const high = score({ ...background, ...better });
  const low = score({ ...background, ...worse });
  return { high, low };
}

function neverLower(better: Record<string, unknown>, worse: Record<string, unknown>) {
  fc.assert(
    fc.property(ANSWERS, (background) => {
      const { high, low } = compare(background, better, worse);
      expect(high.overall!).toBeGreaterThanOrEqual(low.overall!);
      expect(high.knockOuts.length).toBeLessThanOrEqual(low.knockOuts.length);
    }),
    RUNS,
  );
}

describe("AI vendor due diligence: a better practice never scores lower (method 1.2.0 content)", () => {
  it("S3: disclosing incidents never lowers the score (the history is informational)", () => {
    fc.assert(
      fc.property(
        ANSWERS,
        fc.constantFrom("no_customer_impact", "customer_impact"),
        (background, disclosed) => {
          const { high, low } = compare(
            background,
            { "monitoring.incidents_24_months": disclosed },
            { "monitoring.incidents_24_months": "none" },
          );
          expect(high.overall).toBe(low.overall);
        },
      ),
      RUNS,
    );
  });

  it("S4: classifying the system as high-risk (with conformity done) never lowers the score", () => {
    for (const lower of ["minimal_risk", "transparency_only"])
      neverLower(
        { "ai_act.risk_class": "high_risk", "ai_act.high_risk_conformity": "completed" },
        { "ai_act.risk_class": lower },
      );
  });

  it("S5: deployer only and not an AI system score as well as any assessed role, better than none", () => {
    for (const role of [["deployer_only"], ["not_ai_system"]]) {
      neverLower({ "ai_act.role": role }, { "ai_act.role": ["not_assessed"] });
      neverLower({ "ai_act.role": ["provider_ai_system"] }, { "ai_act.role": role });
      neverLower({ "ai_act.role": role }, { "ai_act.role": ["provider_ai_system"] });
    }
  });

  it("S6: training only on instruction (opt-in) never scores below opt-out by default", () => {
    neverLower({ "data_use.model_training": "opt_in" }, { "data_use.model_training": "opt_out" });
    neverLower({ "data_use.model_training": "never" }, { "data_use.model_training": "opt_in" });
  });

  it("S7: HYOK ≥ BYOK ≥ provider-managed keys; foreign access with measures ≥ without", () => {
    neverLower({ "security.key_management": "hyok" }, { "security.key_management": "byok" });
    neverLower(
      { "security.key_management": "byok" },
      { "security.key_management": "provider_managed" },
    );
    neverLower(
      { "residency.foreign_access_laws": "subject_mitigated" },
      { "residency.foreign_access_laws": "subject" },
    );
  });

  it("S7/S1: SCCs with a TIA beat an Art. 49 derogation, which is a knock-out", () => {
    neverLower(
      { "residency.transfer_safeguards": "scc_with_tia", "residency.tia_available": "yes" },
      { "residency.transfer_safeguards": "derogation" },
    );
    fc.assert(
      fc.property(ANSWERS, (background) => {
        const result = score({ ...background, "residency.transfer_safeguards": "derogation" });
        expect(result.knockOuts.map((k) => k.questionKey)).toContain(
          "residency.transfer_safeguards",
        );
      }),
      { numRuns: 10 },
    );
  });

  it("S10: deleting data at contract end never scores below not deleting, which is a knock-out", () => {
    neverLower(
      { "data_use.deletion": "yes", "data_use.deletion_days": 30 },
      { "data_use.deletion": "no" },
    );
  });

  it("new topics: safeguards for automated decisions and a longer sub-processor notice never lower the score", () => {
    neverLower(
      { "data_use.automated_decisions": "automated_with_safeguards" },
      { "data_use.automated_decisions": "automated_without_safeguards" },
    );
    neverLower(
      { "data_use.automated_decisions": "decision_support_human_review" },
      { "data_use.automated_decisions": "automated_with_safeguards" },
    );
    fc.assert(
      fc.property(ANSWERS, fc.integer({ min: 0, max: 364 }), (background, days) => {
        const { high, low } = compare(
          background,
          { "data_use.subprocessor_notice_days": days + 1 },
          { "data_use.subprocessor_notice_days": days },
        );
        expect(high.overall!).toBeGreaterThanOrEqual(low.overall!);
      }),
      RUNS,
    );
  });
});
