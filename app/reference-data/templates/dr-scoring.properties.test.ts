// Issue 21 item 4, property tests on the real data-residency template: a better practice never
// scores lower (S1 Art. 49 derogations, S2 Data Privacy Framework, S7 foreign access and key
// control, harmonised with the due-diligence template), whatever the vendor answered elsewhere.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScoringResult } from "../../../scoring";
import { computeScore } from "../../modules/assessments/compute-score";
import {
  parseTemplateDefinition,
  questionsOf,
  TRANSFER_MECHANISMS,
  type TemplateDefinition,
  type TemplateQuestion,
} from "../../modules/questionnaires/template-definition";

const DIR = fileURLToPath(new URL(".", import.meta.url));
const parsed = parseTemplateDefinition(
  JSON.parse(readFileSync(join(DIR, "data-residency-transfers.json"), "utf8")),
);
if (!parsed.ok) throw new Error("data-residency-transfers.json does not parse");
const DR: TemplateDefinition = parsed.definition;
const QUESTIONS = questionsOf(DR);
const AS_OF = "2026-12-07";
const RUNS = { numRuns: 60 };
const COUNTRIES = ["DE", "FR", "AT", "US", "JP", "CH", "GB", "IN", "CN", "BR"];

type Answers = Record<string, unknown>;

/** Any valid answer to one question of the template (including "not applicable" where offered). */
function answerOf(question: TemplateQuestion): fc.Arbitrary<unknown> {
  switch (question.type) {
    case "yes_no":
      return fc.constantFrom("yes", "partial", "no", "na");
    case "single_choice":
      return fc.constantFrom(...question.options!.map((o) => o.value));
    case "countries":
      return fc.uniqueArray(fc.constantFrom(...COUNTRIES), { minLength: 1, maxLength: 3 });
    case "number":
      return fc.integer({ min: question.min ?? 0, max: question.max ?? 365 });
    case "subprocessors":
      return fc.array(
        fc.record({
          name: fc.constantFrom("Hoster", "Model provider", "Support desk"),
          purpose: fc.constant("Service"),
          country: fc.constantFrom(...COUNTRIES),
          mechanism: fc.constantFrom(...TRANSFER_MECHANISMS),
        }),
        { minLength: 1, maxLength: 3 },
      );
    default:
      throw new Error(`no generator for ${question.type}`);
  }
}

const answers: fc.Arbitrary<Answers> = fc.record(
  Object.fromEntries(QUESTIONS.map((q) => [q.key, answerOf(q)])),
);

const score = (a: Answers): ScoringResult => computeScore(DR, a, AS_OF);
const overall = (a: Answers) => score(a).overall ?? 0;

/** Overall scores never fall along `better` (best first), all else equal. */
function neverLowerAlong(key: string, better: string[]) {
  fc.assert(
    fc.property(answers, (base) => {
      const scores = better.map((value) => overall({ ...base, [key]: value }));
      for (let i = 1; i < scores.length; i++)
        expect(scores[i - 1]!, `${key}: ${better[i - 1]} vs ${better[i]}`).toBeGreaterThanOrEqual(
          scores[i]!,
        );
    }),
    RUNS,
  );
}

describe("data residency: a better practice never scores lower (issue 21, S1, S2, S7)", () => {
  it("S7: the customer holding the keys (HYOK) ≥ BYOK ≥ vendor keys in the EU ≥ provider-managed keys", () => {
    neverLowerAlong("encryption.key_control", ["hyok", "byok", "vendor_eu", "vendor"]);
  });

  it("S7: no foreign disclosure laws ≥ exposed with supplementary measures ≥ exposed without", () => {
    neverLowerAlong("government_access.foreign_laws", [
      "not_subject",
      "subject_mitigated",
      "subject",
    ]);
  });

  it("S1: SCCs (with any transfer impact assessment) never score below Art. 49 derogations, which knock out", () => {
    fc.assert(
      fc.property(answers, (base) => {
        const scc = score({ ...base, "transfers.safeguard": "scc" });
        const derogation = score({ ...base, "transfers.safeguard": "derogation" });
        expect(scc.overall ?? 0).toBeGreaterThanOrEqual(derogation.overall ?? 0);
        expect(derogation.knockOuts.map((k) => k.questionKey)).toContain("transfers.safeguard");
        expect(scc.knockOuts.map((k) => k.questionKey)).not.toContain("transfers.safeguard");
      }),
      RUNS,
    );
  });

  it("S2: a US vendor on SCCs with a TIA and without DPF certification loses nothing on the transfer questions against the same vendor with it", () => {
    fc.assert(
      fc.property(answers, (base) => {
        const usVendor = {
          ...base,
          "transfers.safeguard": "scc",
          "transfers.tia": "shared",
        };
        const without = score({ ...usVendor, "transfers.dpf_certified": "no" });
        const withDpf = score({ ...usVendor, "transfers.dpf_certified": "yes" });
        // Only the countries the residency rating judges may differ (the adequacy decision covers
        // certified recipients): every other question, the DPF question included, earns the same.
        const rated = new Set(
          QUESTIONS.filter((q) => q.residency?.role === "flow" || q.type === "countries").map(
            (q) => q.key,
          ),
        );
        const points = (result: ScoringResult) =>
          result.questions
            .filter((q) => !rated.has(q.key))
            .map((q) => [q.key, q.contributionToOverall]);
        expect(points(without)).toEqual(points(withDpf));
        const lost = (result: ScoringResult, key: string) => {
          const q = result.questions.find((x) => x.key === key)!;
          return q.maxContributionToOverall - q.contributionToOverall;
        };
        expect(lost(without, "transfers.dpf_certified")).toBe(0);
      }),
      RUNS,
    );
  });
});
