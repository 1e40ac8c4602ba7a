import { describe, expect, it } from "vitest";
import {
  parseTemplateDefinition,
  type TemplateDefinition,
} from "../questionnaires/template-definition";
import { updateQuestion, type FormValues } from "./draft-edits";

// Issue 21: the per-question form must never drop what it does not show or what it edits
// separately: the catalogue references, a knock-out's start day, an option's not-applicable mark.

function definition(): TemplateDefinition {
  const parsed = parseTemplateDefinition({
    key: "edit-fixture",
    title: { en: "Fixture", de: "Vorlage" },
    sections: [
      {
        key: "s",
        title: { en: "S", de: "S" },
        weight: 1,
        questions: [
          {
            key: "s.q",
            type: "single_choice",
            label: { en: "Q", de: "F" },
            required: true,
            references: ["eu:2016/679:art:28:par:1", "eu:2024/1689:art:9"],
            options: [
              { value: "ready", label: { en: "Ready", de: "Bereit" }, points: 1 },
              {
                value: "not_ai",
                label: { en: "Not an AI system", de: "Kein KI-System" },
                points: 0,
                notApplicable: true,
              },
              { value: "no", label: { en: "No", de: "Nein" }, points: 0 },
            ],
            knockOut: {
              when: ["no"],
              label: { en: "KO", de: "KO" },
              from: "eu:2024/1689:art:6:par:2",
            },
          },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.definition;
}

/** The form as the page posts it (without the fields a caller leaves out). */
function form(values: Record<string, string>): FormValues {
  const all: Record<string, string> = {
    key: "s.q",
    type: "single_choice",
    labelEn: "Q",
    labelDe: "F",
    required: "on",
    weight: "1",
    optionCount: "3",
    "options[0].value": "ready",
    "options[0].labelEn": "Ready",
    "options[0].labelDe": "Bereit",
    "options[0].points": "1",
    "options[1].value": "not_ai",
    "options[1].labelEn": "Not an AI system",
    "options[1].labelDe": "Kein KI-System",
    "options[1].points": "0",
    "options[2].value": "no",
    "options[2].labelEn": "No",
    "options[2].labelDe": "Nein",
    "options[2].points": "0",
    knockOutWhen: "no",
    knockOutLabelEn: "KO",
    knockOutLabelDe: "KO",
    ...values,
  };
  return {
    get: (name) => all[name] ?? null,
    getAll: (name) => (all[name] === undefined ? [] : [all[name]!]),
  };
}

const edited = (values: Record<string, string>) => {
  const next = updateQuestion(definition(), "s.q", form(values));
  const parsed = parseTemplateDefinition(next);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.definition.sections[0]!.questions[0]!;
};

describe("editing a question in the form", () => {
  it("keeps its catalogue references, knock-out start and not-applicable mark", () => {
    const question = edited({ labelEn: "Reworded" });
    expect(question.label.en).toBe("Reworded");
    expect(question.references).toEqual(["eu:2016/679:art:28:par:1", "eu:2024/1689:art:9"]);
    expect(question.knockOut?.from).toBe("eu:2024/1689:art:6:par:2");
    expect(question.options?.find((o) => o.value === "not_ai")?.notApplicable).toBe(true);
  });

  it("adds and removes catalogue references by key", () => {
    const question = edited({ references: "eu:2016/679:art:28:par:1\neu:2016/679:art:32\n" });
    expect(question.references).toEqual(["eu:2016/679:art:28:par:1", "eu:2016/679:art:32"]);
    expect(edited({ references: "" }).references).toEqual([]);
  });
});
