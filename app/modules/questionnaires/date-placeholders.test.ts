import { describe, expect, it } from "vitest";
import { snapshotWindowsOn } from "../regulations/snapshot-windows";
import { datePlaceholderErrors } from "./date-placeholder-errors";
import {
  placeholdersIn,
  resolveDefinitionPlaceholders,
  resolvePlaceholders,
} from "./date-placeholders";
import { parseTemplateDefinition, type TemplateDefinitionInput } from "./template-definition";

// Issue 21 item 6, with the bundled AI Act: the AI omnibus (in force 1.8.2026 in the catalogue)
// moved Annex III high-risk obligations (Art. 6(2)) from 2.8.2026 to 2.12.2027.
const AFTER_OMNIBUS = snapshotWindowsOn("2026-12-07");
const BEFORE_OMNIBUS = snapshotWindowsOn("2026-07-01");
const cite = (key: string) => `[${key}]`;

function fixture(label: TemplateDefinitionInput["sections"][number]["questions"][number]["label"]) {
  return {
    key: "placeholder-fixture",
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
            label,
            help: {
              en: "Annex III systems: from {{applies:eu:2024/1689:art:9|annex_iii_high_risk_systems}}.",
              de: "Anhang-III-Systeme: ab dem {{applies:eu:2024/1689:art:9|annex_iii_high_risk_systems}}.",
            },
            required: true,
            options: [
              {
                value: "a",
                label: {
                  en: "Ready by {{applies:eu:2024/1689:art:6:par:1}}",
                  de: "Bereit bis {{applies:eu:2024/1689:art:6:par:1}}",
                },
                points: 1,
              },
              { value: "b", label: { en: "Not ready", de: "Nicht bereit" }, points: 0 },
            ],
          },
        ],
      },
    ],
  } satisfies TemplateDefinitionInput;
}

describe("date placeholders", () => {
  it("read as the day the provision applies from in the version in force, in the text's language", () => {
    const text = "Obligations apply from {{applies:eu:2024/1689:art:6:par:2}}.";
    expect(resolvePlaceholders(text, "en", AFTER_OMNIBUS, cite)).toBe(
      "Obligations apply from 2 December 2027.",
    );
    expect(
      resolvePlaceholders("ab dem {{applies:eu:2024/1689:art:6:par:2}}", "de", AFTER_OMNIBUS, cite),
    ).toBe("ab dem 2. Dezember 2027");
    // Before the omnibus entered into force, the original Art. 113 date was the law.
    expect(resolvePlaceholders(text, "en", BEFORE_OMNIBUS, cite)).toBe(
      "Obligations apply from 2 August 2026.",
    );
  });

  it("choose the window of a condition", () => {
    expect(
      resolvePlaceholders(
        "{{applies:eu:2024/1689:art:9|annex_i_product_systems}}",
        "de",
        AFTER_OMNIBUS,
        cite,
      ),
    ).toBe("2. August 2028");
  });

  it("resolve every text of a definition (label, help, option labels), the stored one unchanged", () => {
    const parsed = parseTemplateDefinition(
      fixture({
        en: "High-risk from {{applies:eu:2024/1689:art:6:par:2}}?",
        de: "Hochrisiko ab dem {{applies:eu:2024/1689:art:6:par:2}}?",
      }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const resolved = resolveDefinitionPlaceholders(parsed.definition, AFTER_OMNIBUS, cite);
    const question = resolved.sections[0]!.questions[0]!;
    expect(question.label).toEqual({
      en: "High-risk from 2 December 2027?",
      de: "Hochrisiko ab dem 2. Dezember 2027?",
    });
    expect(question.help?.de).toBe("Anhang-III-Systeme: ab dem 2. Dezember 2027.");
    expect(question.options?.[0]?.label).toEqual({
      en: "Ready by 2 August 2028",
      de: "Bereit bis 2. August 2028",
    });
    expect(parsed.definition.sections[0]!.questions[0]!.label.en).toContain("{{applies:");
    expect(datePlaceholderErrors(parsed.definition, AFTER_OMNIBUS)).toEqual([]);
  });

  it("are template errors when malformed, unknown, without such a window or ambiguous", () => {
    expect(placeholdersIn("from {{applies:eu:2024/1689:art:6:par:2").malformed).toBe(true);
    const malformed = parseTemplateDefinition(
      fixture({ en: "From {{applies eu:2016/679}}", de: "Ab {{applies:}}" }),
    );
    expect(malformed.ok).toBe(false);
    if (!malformed.ok)
      expect(malformed.errors.map((e) => [e.path, e.key])).toEqual([
        ["sections[0].questions[0].label.en", "templateErrors.placeholderMalformed"],
        ["sections[0].questions[0].label.de", "templateErrors.placeholderMalformed"],
      ]);

    const parsed = parseTemplateDefinition(
      fixture({
        en: "{{applies:eu:2024/1689:art:999}} {{applies:eu:2024/1689:art:6}}",
        de: "{{applies:eu:2024/1689:art:6:par:2|no_such_condition}}",
      }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const errors = datePlaceholderErrors(parsed.definition, AFTER_OMNIBUS);
    expect(errors.map((e) => [e.path, e.key])).toEqual([
      ["sections[0].questions[0].label.en", "templateErrors.placeholderUnknownProvision"],
      ["sections[0].questions[0].label.en", "templateErrors.placeholderAmbiguous"],
      ["sections[0].questions[0].label.de", "templateErrors.placeholderNoWindow"],
    ]);
    expect(errors[1]!.message).toContain("annex_i_product_systems");
  });
});
