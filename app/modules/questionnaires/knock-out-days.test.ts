import { describe, expect, it } from "vitest";
import { knockOutDayErrors, knockOutDaysOn } from "./knock-out-days";
import { parseTemplateDefinition, type TemplateDefinition } from "./template-definition";

function definitionWith(...froms: string[]): TemplateDefinition {
  const result = parseTemplateDefinition({
    key: "dated",
    title: { en: "Dated", de: "Datiert" },
    sections: [
      {
        key: "ai",
        title: { en: "AI", de: "KI" },
        weight: 1,
        questions: froms.map((from, index) => ({
          key: `ai.q${index}`,
          type: "yes_no",
          label: { en: "Q", de: "F" },
          required: true,
          knockOut: { when: ["no"], label: { en: "No", de: "Nein" }, from },
        })),
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.definition;
}

describe("knock-out days", () => {
  it("resolves days and provision keys on the reference day", () => {
    const definition = definitionWith("2030-01-01", "eu:2024/1689:art:6:par:2");
    expect(knockOutDaysOn(definition, "2026-07-01")).toEqual({
      "ai.q0": "2030-01-01",
      "ai.q1": "2026-08-02",
    });
    expect(knockOutDaysOn(definition, "2028-01-01")).toEqual({
      "ai.q0": "2030-01-01",
      "ai.q1": "2027-12-02",
    });
    const undated = definitionWith("2030-01-01");
    delete undated.sections[0]!.questions[0]!.knockOut!.from;
    expect(knockOutDaysOn(undated, "2028-01-01")).toBeNull();
  });

  it("reports unknown provisions and ones without a single day, with their path", () => {
    const definition = definitionWith(
      "eu:2024/1689:art:6:par:2",
      "eu:2024/1689:art:999",
      "eu:2024/1689:art:50:par:2",
    );
    expect(knockOutDayErrors(definition)).toEqual([
      expect.objectContaining({
        path: "sections[0].questions[1].knockOut.from",
        key: "templateErrors.knockOutFromUnknown",
        params: { value: "eu:2024/1689:art:999" },
      }),
      expect.objectContaining({
        path: "sections[0].questions[2].knockOut.from",
        key: "templateErrors.knockOutFromAmbiguous",
      }),
    ]);
    expect(() => knockOutDaysOn(definition, "2028-01-01")).toThrow(
      /ai\.q1: 'eu:2024\/1689:art:999' is not a provision of the regulation catalogue/,
    );
  });
});
