import { describe, expect, it } from "vitest";
import { SCORING_METHOD_VERSION } from "../../../scoring";
import { computeScore } from "../assessments/compute-score";
import { residencyFlowsFromAnswers } from "../assessments/residency-flows";
import { hiddenQuestionKeys, visibleAnswers } from "./conditions";
import { answersForScoring } from "./scoring-answers";
import {
  parseTemplateDefinition,
  type TemplateDefinition,
  type TemplateDefinitionInput,
} from "./template-definition";

const text = (en: string) => ({ en, de: `${en} (de)` });

function template(): TemplateDefinitionInput {
  return {
    key: "conditional",
    title: text("Conditional"),
    sections: [
      {
        key: "cert",
        title: text("Certification"),
        weight: 1,
        questions: [
          { key: "iso", type: "yes_no", label: text("ISO 27001 certified?"), required: true },
          {
            key: "iso.certificate",
            type: "evidence",
            label: text("Certificate"),
            required: true,
            evidence: { documentTypes: ["iso27001_certificate"], expiryRequired: true },
            showIf: { question: "iso", in: ["yes", "partial"] },
          },
          {
            key: "iso.scope",
            type: "long_text",
            label: text("Scope"),
            required: true,
            showIf: { all: [{ question: "iso", in: ["yes"] }] },
          },
          { key: "regions", type: "countries", label: text("Regions"), required: false },
          {
            key: "transfer.details",
            type: "text",
            label: text("Transfer details"),
            required: true,
            showIf: {
              any: [
                { question: "regions", in: ["US"] },
                { question: "regions", in: ["unknown"] },
              ],
            },
          },
        ],
      },
      {
        key: "subs",
        title: text("Sub-processors"),
        weight: 1,
        questions: [
          {
            key: "subprocessors",
            type: "subprocessors",
            label: text("Sub-processors"),
            required: true,
            residency: { role: "flow", flow: "subprocessor" },
            knockOut: { when: ["third_country"], label: text("Third country sub-processor") },
          },
        ],
      },
    ],
  };
}

function parsed(input: TemplateDefinitionInput = template()): TemplateDefinition {
  const result = parseTemplateDefinition(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}

describe("hiddenQuestionKeys", () => {
  it("hides questions whose rule does not hold, and shows them once it does", () => {
    const definition = parsed();
    expect([...hiddenQuestionKeys(definition.sections, {})].sort()).toEqual([
      "iso.certificate",
      "iso.scope",
      "transfer.details",
    ]);
    expect([...hiddenQuestionKeys(definition.sections, { iso: "partial" })].sort()).toEqual([
      "iso.scope",
      "transfer.details",
    ]);
    expect([
      ...hiddenQuestionKeys(definition.sections, { iso: "yes", regions: ["DE", "US"] }),
    ]).toEqual([]);
    expect(
      [...hiddenQuestionKeys(definition.sections, { iso: "no", regions: "unknown" })].sort(),
    ).toEqual(["iso.certificate", "iso.scope"]);
  });

  it("hides a question whose controlling question is itself hidden", () => {
    const input = template();
    input.sections[0]!.questions.push({
      key: "iso.audit",
      type: "yes_no",
      label: text("Audited?"),
      required: false,
    });
    input.sections[0]!.questions.splice(2, 0, {
      key: "iso.surveillance",
      type: "yes_no",
      label: text("Surveillance audit passed?"),
      required: true,
      showIf: { question: "iso", in: ["yes"] },
    });
    input.sections[0]!.questions.push({
      key: "iso.surveillance.report",
      type: "text",
      label: text("Report"),
      required: true,
      showIf: { question: "iso.surveillance", in: ["yes"] },
    });
    const definition = parsed(input);
    // The stored "yes" of the dependent question is ignored once its own controller is hidden.
    expect(
      hiddenQuestionKeys(definition.sections, { iso: "no", "iso.surveillance": "yes" }).has(
        "iso.surveillance.report",
      ),
    ).toBe(true);
    expect(
      hiddenQuestionKeys(definition.sections, { iso: "yes", "iso.surveillance": "yes" }).has(
        "iso.surveillance.report",
      ),
    ).toBe(false);
  });

  it("ignores answers of unexpected shapes instead of throwing", () => {
    const definition = parsed();
    expect(
      hiddenQuestionKeys(definition.sections, { iso: 42, regions: [1, null, { x: 1 }] }).size,
    ).toBe(3);
  });

  it("visibleAnswers keeps only answers of visible questions", () => {
    expect(visibleAnswers({ a: 1, b: 2 }, new Set(["b"]))).toEqual({ a: 1 });
  });
});

describe("show-if rules in the template schema", () => {
  const errorsFor = (mutate: (input: TemplateDefinitionInput) => void) => {
    const input = template();
    mutate(input);
    const result = parseTemplateDefinition(input);
    // Path and English text (what the CLI prints); the keys are checked in template-definition.test.ts.
    return result.ok ? [] : result.errors.map(({ path, message }) => ({ path, message }));
  };

  it("refuses a rule on a later or unknown question, naming the path", () => {
    expect(
      errorsFor(
        (input) => (input.sections[0]!.questions[0]!.showIf = { question: "regions", in: ["DE"] }),
      ),
    ).toEqual([
      {
        path: "sections[0].questions[0].showIf.question",
        message: "'regions' is not an earlier question of this template",
      },
    ]);
    expect(
      errorsFor(
        (input) =>
          (input.sections[0]!.questions[2]!.showIf = {
            all: [
              { question: "iso", in: ["yes"] },
              { question: "nope", in: ["x"] },
            ],
          }),
      ),
    ).toEqual([
      {
        path: "sections[0].questions[2].showIf.all[1].question",
        message: "'nope' is not an earlier question of this template",
      },
    ]);
  });

  it("refuses values the controlling question cannot have and untestable question types", () => {
    expect(
      errorsFor(
        (input) => (input.sections[0]!.questions[1]!.showIf = { question: "iso", in: ["maybe"] }),
      ),
    ).toEqual([
      {
        path: "sections[0].questions[1].showIf.in[0]",
        message: "'maybe' is not a valid answer value of 'iso'",
      },
    ]);
    expect(
      errorsFor(
        (input) => (input.sections[1]!.questions[0]!.showIf = { question: "iso.scope", in: ["x"] }),
      )[0]?.message,
    ).toMatch(/conditions can only test/);
  });

  it("requires the evidence block exactly on evidence questions", () => {
    expect(errorsFor((input) => delete input.sections[0]!.questions[1]!.evidence)[0]).toMatchObject(
      { path: "sections[0].questions[1].evidence" },
    );
    expect(
      errorsFor(
        (input) => (input.sections[0]!.questions[0]!.evidence = { documentTypes: ["dpa"] }),
      )[0],
    ).toMatchObject({ path: "sections[0].questions[0].evidence" });
  });
});

describe("scoring with conditions and the app's own question types", () => {
  const asOf = "2026-11-26";

  it("does not require or score hidden questions: their stored answers are ignored", () => {
    const input = template();
    input.sections[0]!.questions.splice(1, 0, {
      key: "iso.renewed",
      type: "yes_no",
      label: text("Renewed?"),
      required: true,
      showIf: { question: "iso", in: ["yes"] },
    });
    const definition = parsed(input);
    const base = { iso: "no", regions: ["DE"], subprocessors: "na" };
    const withStaleAnswer = computeScore(
      definition,
      { ...base, "iso.renewed": "no", "iso.scope": "everything" },
      asOf,
    );
    const without = computeScore(definition, base, asOf);
    expect(withStaleAnswer.methodVersion).toBe(SCORING_METHOD_VERSION);
    expect(withStaleAnswer.completeness.missingRequired).toEqual([]);
    expect(withStaleAnswer.questions.find((q) => q.key === "iso.renewed")?.status).toBe(
      "not_applicable",
    );
    expect(withStaleAnswer.overall).toBe(without.overall);
    // Once visible, the same question is required and scored.
    const visible = computeScore(definition, { ...base, iso: "yes" }, asOf);
    expect(visible.completeness.missingRequired).toContain("iso.renewed");
  });

  it("requires visible evidence (a file) and visible follow-up questions", () => {
    const definition = parsed();
    const score = computeScore(
      definition,
      {
        iso: "yes",
        regions: ["US"],
        subprocessors: "na",
        "iso.certificate": { documentType: "iso27001_certificate", files: [] },
      },
      asOf,
    );
    expect(score.completeness.missingRequired.sort()).toEqual([
      "iso.certificate",
      "iso.scope",
      "transfer.details",
    ]);
    const withFile = computeScore(
      definition,
      {
        iso: "yes",
        regions: ["US"],
        subprocessors: "na",
        "iso.certificate": {
          documentType: "iso27001_certificate",
          validUntil: "2027-05-01",
          files: ["cm0000000000000000000000a"],
        },
        "iso.scope": "All",
        "transfer.details": "SCC",
      },
      asOf,
    );
    expect(withFile.completeness.missingRequired).toEqual([]);
  });

  it("scores a sub-processor table like its countries and raises the knock-out for a third country", () => {
    const definition = parsed();
    const rows = [
      { name: "Hoster", purpose: "Hosting", country: "DE", mechanism: "not_needed" },
      { name: "Support Inc", purpose: "Support", country: "IN", mechanism: "scc" },
    ];
    const { answers } = answersForScoring(definition, { subprocessors: rows });
    expect(answers.subprocessors).toEqual(["DE", "IN"]);
    const score = computeScore(definition, { iso: "no", subprocessors: rows }, asOf);
    expect(score.knockOuts.map((k) => k.questionKey)).toEqual(["subprocessors"]);
    const euOnly = computeScore(definition, { iso: "no", subprocessors: [rows[0]] }, asOf);
    expect(euOnly.knockOuts).toEqual([]);
  });

  it("turns each sub-processor row into a residency flow with its own transfer mechanism", () => {
    const definition = parsed();
    const flows = residencyFlowsFromAnswers(definition, {
      subprocessors: [
        { name: "A", purpose: "", country: "US", mechanism: "dpf" },
        { name: "B", purpose: "", country: "IN", mechanism: "scc" },
        { name: "C", purpose: "", country: "CN", mechanism: "none" },
      ],
    });
    expect(flows).toEqual([
      {
        kind: "subprocessor",
        label: "A",
        country: "US",
        recipient: { dpfCertified: true, commercial: true },
      },
      {
        kind: "subprocessor",
        label: "B",
        country: "IN",
        safeguard: "scc",
        recipient: { dpfCertified: false, commercial: true },
      },
      {
        kind: "subprocessor",
        label: "C",
        country: "CN",
        safeguard: "none",
        recipient: { dpfCertified: false, commercial: true },
      },
    ]);
    // A hidden flow question contributes no flows.
    expect(
      residencyFlowsFromAnswers(
        definition,
        { subprocessors: [{ name: "A", purpose: "", country: "US", mechanism: "dpf" }] },
        new Set(["subprocessors"]),
      ),
    ).toEqual([]);
  });
});
