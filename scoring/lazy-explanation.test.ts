// Explanations are built when they are first read (issue 12: scoring at 20,000 assessments/s with
// explanations). The scores must stay bit-identical and the explanations, when read, deep-equal to
// what the eager implementation built: checked against the eager scorePrepared kept as a test
// oracle (fixtures/eager-oracle/) with fast-check, and against digests of the eager results of 300
// generated cases (fixtures/generated-1.1.0-digests.json, written before explanations became lazy).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scorePrepared as scorePreparedEager } from "./fixtures/eager-oracle/score-prepared";
import { generatedCases, type GeneratedCase } from "./fixtures/generated-cases";
import { GOOD_ANSWERS, OPTIONS_1_1, sampleTemplate } from "./fixtures/sample-template";
import { prepareTemplate, scoreAssessment, scorePrepared, type ScoringResultV1_1 } from "./index";

const pinned = JSON.parse(
  readFileSync(new URL("./fixtures/generated-1.1.0-digests.json", import.meta.url), "utf8"),
) as { seed: number; count: number; digests: string[] };

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function scoreCase(
  scoringCase: GeneratedCase,
  score: typeof scorePrepared = scorePrepared,
): ScoringResultV1_1[] {
  const prepared = prepareTemplate(scoringCase.template, scoringCase.options);
  return scoringCase.assessments.map((assessment) =>
    score(prepared, assessment.answers, {
      residencyFlows: assessment.residencyFlows,
      countryFlowDefaults: assessment.countryFlowDefaults,
    }),
  );
}

/** Everything but the explanation, read without touching it. */
function scoresOf(result: ScoringResultV1_1): Omit<ScoringResultV1_1, "explanation"> {
  const { methodVersion, overall, riskTier, sections, questions, knockOuts, completeness } = result;
  const { weightProfile, transparency, residency } = result;
  return {
    methodVersion,
    overall,
    riskTier,
    sections,
    questions,
    knockOuts,
    completeness,
    weightProfile,
    transparency,
    residency,
  };
}

describe("lazy explanations", () => {
  it("reproduces the eager results of 300 generated cases byte for byte (pinned digests)", () => {
    const cases = generatedCases(pinned.seed, pinned.count);
    const digests = cases.map((scoringCase) => sha256(JSON.stringify(scoreCase(scoringCase))));
    expect(digests).toEqual(pinned.digests);
  });

  it("gives the eager oracle's scores and, when read in any order, its explanations", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (seed, readOrder) => {
          const [scoringCase] = generatedCases(seed, 1);
          const eager = scoreCase(scoringCase!, scorePreparedEager);
          const lazy = scoreCase(scoringCase!);
          // Scores first, before any explanation was built: later calls reuse scratch buffers,
          // so an explanation must not depend on them.
          for (let i = 0; i < lazy.length; i++)
            expect(scoresOf(lazy[i]!)).toEqual(scoresOf(eager[i]!));
          for (const pick of readOrder) {
            const i = pick % lazy.length;
            expect(lazy[i]!.explanation).toEqual(eager[i]!.explanation);
          }
          expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("builds the explanation only when it is read, once, and keeps the key order", () => {
    const result = scoreAssessment({
      template: sampleTemplate(),
      answers: GOOD_ANSWERS,
      options: OPTIONS_1_1,
    }) as ScoringResultV1_1;
    const descriptor = Object.getOwnPropertyDescriptor(result, "explanation")!;
    expect(descriptor.enumerable).toBe(true);
    expect(typeof descriptor.get).toBe("function");
    expect(Object.keys(result).at(-1)).toBe("explanation");
    expect(result.explanation).toBe(result.explanation);
    expect({ ...result }.explanation).toBe(result.explanation);
    expect(structuredClone(result)).toEqual(JSON.parse(JSON.stringify(result)));
  });

  it("lets a caller replace the explanation like any other field", () => {
    const prepared = prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    const result = scorePrepared(prepared, GOOD_ANSWERS);
    const replacement = { ...scorePreparedEager(prepared, GOOD_ANSWERS).explanation };
    result.explanation = replacement;
    expect(result.explanation).toBe(replacement);
    expect(JSON.parse(JSON.stringify(result)).explanation).toEqual(replacement);
  });

  it("explains a result the caller froze before reading the explanation", () => {
    const prepared = prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    const result = Object.freeze(scorePrepared(prepared, GOOD_ANSWERS));
    const expected = scorePreparedEager(prepared, GOOD_ANSWERS).explanation;
    expect(result.explanation).toEqual(expected);
    expect(result.explanation).toBe(result.explanation);
    expect(JSON.stringify(result)).toBe(JSON.stringify(scorePreparedEager(prepared, GOOD_ANSWERS)));
  });
});
