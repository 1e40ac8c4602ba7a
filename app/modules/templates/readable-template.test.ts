import { describe, expect, it } from "vitest";
import { bundledCitationCatalogue } from "../regulations/citations/cite-provision";
import {
  parseTemplateDefinition,
  type TemplateDefinition,
} from "../questionnaires/template-definition";
import { readableTemplate } from "./readable-template";

const text = (en: string, de: string) => ({ en, de });

function definition(): TemplateDefinition {
  const parsed = parseTemplateDefinition({
    key: "reading-test",
    title: text("Reading test", "Lesetest"),
    sections: [
      {
        key: "main",
        title: text("Main", "Haupt"),
        weight: 1,
        questions: [
          {
            key: "hosting",
            type: "single_choice",
            label: text("Where do you host?", "Wo hosten Sie?"),
            required: true,
            options: [
              {
                value: "own_dc",
                label: text("Own data centre", "Eigenes Rechenzentrum"),
                points: 1,
              },
              { value: "cloud_eu", label: text("EU cloud", "EU-Cloud"), points: 0.75 },
              {
                value: "no_hosting",
                label: text("We host nothing", "Wir hosten nichts"),
                points: 0,
                notApplicable: true,
              },
            ],
          },
          {
            key: "regions",
            type: "countries",
            label: text("Which countries?", "Welche Länder?"),
            required: false,
            knockOut: { when: ["third_country", "US"], label: text("Outside", "Außerhalb") },
          },
          {
            key: "notice",
            type: "number",
            label: text("Notice period?", "Vorlauf?"),
            required: false,
            unit: "days",
            thresholds: { kind: "linear", min: 0, max: 30, higherIsBetter: true },
            showIf: {
              any: [
                { question: "hosting", in: ["cloud_eu", "own_dc"] },
                { question: "regions", in: ["DE"] },
              ],
            },
          },
          {
            key: "remarks",
            type: "text",
            label: text("Remarks", "Anmerkungen"),
            required: false,
            weight: 0,
            references: ["eu:2016/679:art:28:par:3:pt:a"],
          },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.definition;
}

const read = (locale: "en" | "de") =>
  readableTemplate(definition(), locale, {
    citations: bundledCitationCatalogue(),
    knockOutDays: null,
  }).sections[0]!.questions;

describe("readableTemplate", () => {
  it("writes options, knock-outs and conditions with labels and names, never keys", () => {
    const [hosting, regions, notice] = read("en");
    expect(hosting!.options).toEqual([
      { label: "Own data centre", scoring: "full points" },
      { label: "EU cloud", scoring: "75 % of the points" },
      { label: "We host nothing", scoring: "marks the question as not applicable" },
    ]);
    expect(regions!.knockOut!.rule).toBe("Answered “Third country” or “United States”: Outside");
    expect(notice!.condition).toEqual({
      lead: "one of these holds:",
      tests: [
        "“Where do you host?” is answered “EU cloud” or “Own data centre”",
        "“Which countries?” is answered “Germany”",
      ],
    });
    expect(JSON.stringify(read("en"))).not.toMatch(/own_dc|cloud_eu|no_hosting|third_country/);
  });

  it("says the scoring rule in the reader's language, units included", () => {
    const [, , notice, remarks] = read("de");
    expect(notice!.scoring).toContain(
      "0 Tage oder weniger: keine Punkte; 30 Tage oder mehr: volle Punktzahl; dazwischen gleichmäßig steigend.",
    );
    expect(notice!.answerFacts).toEqual(["Einheit: Tage"]);
    expect(remarks!.scoring).toEqual(["Fließt nicht in die Bewertung ein (Gewichtung 0)."]);
    expect(remarks!.references).toEqual(["Art. 28 Abs. 3 lit. a DSGVO"]);
    expect(read("en")[3]!.references).toEqual(["GDPR Art. 28(3)(a)"]);
  });
});
