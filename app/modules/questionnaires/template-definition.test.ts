import { translate } from "../../utils/i18n";
import { describe, it, expect } from "vitest";
import { SCORING_METHOD_VERSION, scoreAssessment } from "../../../scoring";
import seedTemplate from "../../reference-data/templates/ai-vendor-due-diligence.json";
import {
  formatIssuePath,
  parseTemplateDefinition,
  questionsOf,
  templateDefinitionSchema,
  toScoringTemplate,
  type TemplateDefinitionInput,
} from "./template-definition";

function minimal(): TemplateDefinitionInput {
  return {
    key: "mini-template",
    title: { en: "Mini", de: "Mini" },
    sections: [
      {
        key: "security",
        title: { en: "Security", de: "Sicherheit" },
        weight: 1,
        questions: [
          {
            key: "security.mfa",
            type: "yes_no",
            label: { en: "MFA?", de: "MFA?" },
            required: true,
          },
          {
            key: "security.level",
            type: "single_choice",
            label: { en: "Level", de: "Stufe" },
            required: false,
            weight: 2,
            options: [
              { value: "high", label: { en: "High", de: "Hoch" }, points: 1 },
              { value: "low", label: { en: "Low", de: "Niedrig" }, points: 0.2 },
            ],
            knockOut: { when: ["low"], label: { en: "Low level", de: "Niedrige Stufe" } },
          },
        ],
      },
    ],
  };
}

/** Path and English text (what the CLI prints) of each error. */
function errorsOf(json: unknown) {
  const result = parseTemplateDefinition(json);
  if (result.ok) throw new Error("expected the definition to be rejected");
  return result.errors.map(({ path, message }) => ({ path, message }));
}

describe("templateDefinitionSchema", () => {
  it("accepts a minimal definition and fills defaults", () => {
    const result = parseTemplateDefinition(minimal());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first] = questionsOf(result.definition);
    expect(first).toMatchObject({
      key: "security.mfa",
      sectionKey: "security",
      weight: 1,
      tags: [],
      regulationRefs: [],
    });
  });

  it("rejects duplicate question keys across sections", () => {
    const definition = minimal();
    const section = definition.sections[0]!;
    definition.sections.push({ ...section, key: "other", questions: [section.questions[0]!] });
    expect(errorsOf(definition)).toContainEqual({
      path: "sections[1].questions[0].key",
      message:
        "duplicate question key 'security.mfa' (question keys must be unique across the template)",
    });
  });

  it("rejects duplicate section keys", () => {
    const definition = minimal();
    const section = definition.sections[0]!;
    definition.sections.push({
      ...section,
      questions: [{ ...section.questions[0]!, key: "security.other" }],
    });
    expect(errorsOf(definition)).toContainEqual({
      path: "sections[1].key",
      message: "duplicate section key 'security'",
    });
  });

  it("rejects duplicate option values", () => {
    const definition = minimal();
    const options = definition.sections[0]!.questions[1]!.options!;
    options.push({ ...options[0]!, label: { en: "Again", de: "Nochmal" } });
    expect(errorsOf(definition)).toContainEqual({
      path: "sections[0].questions[1].options[2].value",
      message: "duplicate option value 'high'",
    });
  });

  it("requires options for choice types and refuses them elsewhere", () => {
    const missing = minimal();
    delete missing.sections[0]!.questions[1]!.options;
    delete missing.sections[0]!.questions[1]!.knockOut;
    expect(errorsOf(missing)).toContainEqual({
      path: "sections[0].questions[1].options",
      message: "single_choice questions need at least 2 options",
    });

    const extra = minimal();
    extra.sections[0]!.questions[0]!.options = [
      { value: "a", label: { en: "A", de: "A" }, points: 1 },
    ];
    expect(errorsOf(extra).map((error) => error.path)).toContain(
      "sections[0].questions[0].options",
    );
  });

  it("rejects knock-out values that are not valid answers for the type", () => {
    const definition = minimal();
    definition.sections[0]!.questions[1]!.knockOut = {
      when: ["medium"],
      label: { en: "x", de: "x" },
    };
    definition.sections[0]!.questions[0]!.knockOut = {
      when: ["no", "nope"],
      label: { en: "x", de: "x" },
    };
    const errors = errorsOf(definition);
    expect(errors).toContainEqual({
      path: "sections[0].questions[1].knockOut.when[0]",
      message: "'medium' is not a valid answer value for a single_choice question",
    });
    expect(errors).toContainEqual({
      path: "sections[0].questions[0].knockOut.when[1]",
      message: "'nope' is not a valid answer value for a yes_no question",
    });
  });

  it("accepts reserved and residency tokens in knock-outs where they make sense", () => {
    const definition = minimal();
    definition.sections[0]!.questions.push({
      key: "residency.storage",
      type: "countries",
      label: { en: "Where?", de: "Wo?" },
      required: true,
      knockOut: { when: ["third_country", "unknown", "RU"], label: { en: "x", de: "x" } },
    });
    expect(parseTemplateDefinition(definition).ok).toBe(true);

    definition.sections[0]!.questions.push({
      key: "monitoring.hours",
      type: "number",
      label: { en: "Hours", de: "Stunden" },
      required: true,
      knockOut: { when: ["72"], label: { en: "x", de: "x" } },
    });
    expect(errorsOf(definition).map((error) => error.path)).toContain(
      "sections[0].questions[3].knockOut",
    );
  });

  it("validates keys, weights, points and thresholds", () => {
    const definition = minimal();
    definition.key = "Not Kebab";
    definition.sections[0]!.weight = -1;
    definition.sections[0]!.questions[0]!.key = "Security MFA";
    definition.sections[0]!.questions[1]!.options![0]!.points = 2;
    definition.sections[0]!.questions.push({
      key: "monitoring.hours",
      type: "number",
      label: { en: "Hours", de: "Stunden" },
      required: true,
      thresholds: {
        kind: "steps",
        steps: [
          { min: 10, points: 1 },
          { min: 5, points: 0 },
        ],
      },
    });
    const paths = errorsOf(definition).map((error) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "key",
        "sections[0].weight",
        "sections[0].questions[0].key",
        "sections[0].questions[1].options[0].points",
      ]),
    );
    // refinements of a question run once its own fields parse
    const onlyThresholds = minimal();
    onlyThresholds.sections[0]!.questions.push({
      key: "monitoring.hours",
      type: "number",
      label: { en: "Hours", de: "Stunden" },
      required: true,
      thresholds: { kind: "linear", min: 10, max: 5, higherIsBetter: false },
    });
    expect(errorsOf(onlyThresholds)).toContainEqual({
      path: "sections[0].questions[2].thresholds.max",
      message: "max must be greater than min",
    });
  });

  it("rejects unknown fields and reserved option values", () => {
    const definition = minimal() as unknown as {
      sections: Array<{ questions: Array<Record<string, unknown>> }>;
    };
    definition.sections[0]!.questions[0]!.requried = true;
    expect(errorsOf(definition).map((error) => error.path)).toContain("sections[0].questions[0]");

    const reserved = minimal();
    reserved.sections[0]!.questions[1]!.options![1]!.value = "unknown";
    expect(errorsOf(reserved).map((error) => error.path)).toContain(
      "sections[0].questions[1].options[1].value",
    );
  });

  it("never throws on junk", () => {
    for (const junk of [null, 42, "template", [], { sections: "none" }]) {
      const result = parseTemplateDefinition(junk);
      expect(result.ok).toBe(false);
    }
    expect(errorsOf(null)[0]?.path).toBe("(root)");
  });
});

describe("formatIssuePath", () => {
  it("formats paths like sections[2].questions[5].options", () => {
    expect(formatIssuePath(["sections", 2, "questions", 5, "options"])).toBe(
      "sections[2].questions[5].options",
    );
    expect(formatIssuePath([])).toBe("(root)");
  });
});

describe("toScoringTemplate", () => {
  it("maps a definition to the scoring input", () => {
    const result = parseTemplateDefinition(minimal());
    if (!result.ok) throw new Error("minimal template must parse");
    expect(toScoringTemplate(result.definition, "de")).toEqual({
      sections: [
        {
          key: "security",
          weight: 1,
          questions: [
            { key: "security.mfa", type: "yes_no", weight: 1, required: true },
            {
              key: "security.level",
              type: "single_choice",
              weight: 2,
              required: false,
              options: [
                { value: "high", points: 1 },
                { value: "low", points: 0.2 },
              ],
              knockOut: { when: ["low"], label: "Niedrige Stufe" },
            },
          ],
        },
      ],
    });
  });
});

describe("scoring method 1.2.0 fields", () => {
  function withFields(from: string) {
    const definition = minimal();
    const level = definition.sections[0]!.questions[1]!;
    level.knockOut = { ...level.knockOut!, from };
    level.options = [
      ...level.options!,
      {
        value: "not_used",
        label: { en: "Not used", de: "Nicht genutzt" },
        points: 0,
        notApplicable: true,
      },
    ];
    return definition;
  }

  it("accepts a day or a provision key (with a window condition) as a knock-out's from", () => {
    for (const from of [
      "2027-12-02",
      "eu:2024/1689:art:6:par:2",
      "eu:2024/1689:art:50:par:2|placed_on_market_before_2026-08-02",
    ]) {
      expect(parseTemplateDefinition(withFields(from)).ok).toBe(true);
    }
  });

  it("refuses a from that is neither, with a message in both languages", () => {
    for (const from of ["2027-02-30", "next year", "eu:2024/1689:art:6|", "02.12.2027"]) {
      const result = parseTemplateDefinition(withFields(from));
      if (result.ok) throw new Error(`${from} must be refused`);
      expect(result.errors).toEqual([
        expect.objectContaining({
          path: "sections[0].questions[1].knockOut.from",
          key: "templateErrors.knockOutFrom",
          params: { value: from },
        }),
      ]);
      expect(translate("de", "templateErrors.knockOutFrom", { value: from })).toContain(
        "Regelwerkkatalog",
      );
    }
  });

  it("maps notApplicable always and the knock-out's day only when resolved days are given", () => {
    const result = parseTemplateDefinition(withFields("eu:2024/1689:art:6:par:2"));
    if (!result.ok) throw new Error("must parse");
    const level = (days: Record<string, string> | null) =>
      toScoringTemplate(result.definition, "en", undefined, days).sections[0]!.questions[1]!;
    expect(level(null).options!.at(-1)).toEqual({
      value: "not_used",
      points: 0,
      notApplicable: true,
    });
    expect(level(null).knockOut).toEqual({ when: ["low"], label: "Low level" });
    expect(level({ "security.level": "2027-12-02" }).knockOut).toEqual({
      when: ["low"],
      label: "Low level",
      from: "2027-12-02",
    });
  });
});

describe("definition errors in the reader's language", () => {
  function keyedErrorsOf(json: unknown) {
    const result = parseTemplateDefinition(json);
    if (result.ok) throw new Error("expected the definition to be rejected");
    return result.errors;
  }

  it("every error carries a message key with its parameters, and reads in German", () => {
    const definition = minimal();
    delete definition.sections[0]!.questions[1]!.options;
    delete definition.sections[0]!.questions[1]!.knockOut;
    const [tooFew] = keyedErrorsOf(definition).filter(
      (e) => e.path === "sections[0].questions[1].options",
    );
    expect(tooFew).toEqual({
      path: "sections[0].questions[1].options",
      key: "templateErrors.tooFewOptions",
      params: { type: "single_choice", count: 2 },
      message: "single_choice questions need at least 2 options",
    });
    expect(translate("de", tooFew!.key, tooFew!.params)).toBe(
      "Fragen vom Typ single_choice brauchen mindestens 2 Optionen",
    );
  });

  it("zod's structural issues (unknown fields, wrong types, enums, bounds) become keys too, never zod's English", () => {
    const definition = minimal() as unknown as {
      key: unknown;
      title: { en: string };
      sections: Array<{ weight: unknown; questions: Array<Record<string, unknown>> }>;
    };
    definition.sections[0]!.questions[0]!.requried = true;
    definition.sections[0]!.questions[0]!.type = "essay";
    definition.sections[0]!.weight = "heavy";
    definition.title.en = "x".repeat(2001);
    const errors = keyedErrorsOf(definition);
    for (const error of errors) {
      expect(error.key.startsWith("templateErrors."), `${error.path}: ${error.key}`).toBe(true);
      expect(translate("de", error.key, error.params)).not.toMatch(
        /Invalid|expected|Unrecognized|Too big/,
      );
    }
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: "sections[0].questions[0]",
        key: "templateErrors.unknownFields",
        params: { keys: "requried" },
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: "sections[0].questions[0].type",
        key: "templateErrors.questionTypeInvalid",
        params: expect.objectContaining({ types: expect.stringContaining("single_choice") }),
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: "sections[0].weight",
        key: "templateErrors.weightNotANumber",
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: "title.en",
        key: "templateErrors.tooLong",
        params: { max: 2000 },
      }),
    );
  });
});

describe("seeded template ai-vendor-due-diligence", () => {
  const parsed = templateDefinitionSchema.safeParse(seedTemplate);

  it("is a valid template definition", () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.success).toBe(true);
  });

  it("has at least 24 questions in the eight agreed sections with every question type", () => {
    const definition = templateDefinitionSchema.parse(seedTemplate);
    expect(definition.sections.map((section) => section.key)).toEqual([
      "security",
      "transparency",
      "residency",
      "data_use",
      "access_control",
      "monitoring",
      "compliance",
      "ai_act",
    ]);
    const questions = questionsOf(definition);
    expect(questions.length).toBeGreaterThanOrEqual(24);
    // Residency flows and transparency indicators that feed the ratings.
    const flows = questions.flatMap((q) =>
      q.residency?.role === "flow" ? [q.residency.flow] : [],
    );
    expect(new Set(flows)).toEqual(
      new Set(["storage", "processing", "support", "inference", "backup", "subprocessor"]),
    );
    expect(questions.filter((q) => q.residency?.role === "safeguard")).toHaveLength(1);
    expect(questions.filter((q) => q.residency?.role === "dpf_certified")).toHaveLength(1);
    expect(questions.filter((q) => q.indicator).length).toBeGreaterThanOrEqual(5);
    const types = new Set(questions.map((question) => question.type));
    for (const type of ["yes_no", "single_choice", "multi_choice", "number", "text", "countries"]) {
      expect(types).toContain(type);
    }
    for (const question of questions) {
      expect(question.key.startsWith(`${question.sectionKey}.`)).toBe(true);
      expect(question.tags.length).toBeGreaterThan(0);
    }
    expect(definition.title.de).toBe("Due-Diligence-Prüfung von KI-Dienstleistern");
  });

  it("has the agreed knock-outs (issue 4's five and issue 21's three)", () => {
    const definition = templateDefinitionSchema.parse(seedTemplate);
    const knockOuts = questionsOf(definition)
      .filter((question) => question.knockOut)
      .map((question) => question.sectionKey);
    expect(knockOuts.sort()).toEqual([
      "access_control",
      "ai_act",
      "ai_act",
      "compliance",
      "data_use",
      "data_use",
      "data_use",
      "residency",
    ]);
  });

  it("scores with the scoring library, and a knock-out caps the tier", () => {
    const definition = templateDefinitionSchema.parse(seedTemplate);
    const answers: Record<string, unknown> = {};
    for (const question of questionsOf(definition)) {
      switch (question.type) {
        case "yes_no":
          answers[question.key] = "yes";
          break;
        case "single_choice":
          answers[question.key] = [...(question.options ?? [])].sort(
            (a, b) => b.points - a.points,
          )[0]?.value;
          break;
        case "multi_choice":
          answers[question.key] = (question.options ?? [])
            .filter((option) => !option.exclusive)
            .map((option) => option.value);
          break;
        case "number":
          // Notice periods earn more the longer they are; every other number the shorter.
          answers[question.key] = question.key.endsWith("notice_days") ? 30 : 0;
          break;
        case "countries":
          answers[question.key] = ["DE", "FR"];
          break;
        case "text":
        case "long_text":
          answers[question.key] = "Acme GmbH, Berlin";
          break;
        case "date":
          answers[question.key] = "2025-03-01";
          break;
        case "subprocessors":
          // What the scoring library sees of a sub-processor table: its countries (scoring-answers.ts).
          answers[question.key] = ["DE"];
          break;
        case "evidence":
          // Evidence is not scored; without a file it is answered "not applicable".
          answers[question.key] = "na";
          break;
      }
    }
    const options = {
      methodVersion: SCORING_METHOD_VERSION,
      euEeaCountries: ["DE", "FR"],
      adequacyCountries: ["CH"],
      // Date questions with thresholds score the age of the date on this day.
      asOf: "2025-06-01",
    };
    const best = scoreAssessment({ template: toScoringTemplate(definition), answers, options });
    expect(best.overall).toBe(100);
    expect(best.riskTier).toBe("low");
    expect(best.completeness.ratio).toBe(1);

    const knockedOut = scoreAssessment({
      template: toScoringTemplate(definition),
      answers: { ...answers, "access_control.admin_mfa": "no_mfa" },
      options,
    });
    expect(knockedOut.riskTier).toBe("high");
    expect(knockedOut.knockOuts).toEqual([
      {
        questionKey: "access_control.admin_mfa",
        label: "No multi-factor authentication for administrative access",
      },
    ]);
  });
});
