import { describe, expect, it } from "vitest";
import { BUNDLED_TEMPLATES } from "../../modules/questionnaires/bundled-templates.server";
import { datePlaceholderErrors } from "../../modules/questionnaires/date-placeholder-errors";
import { placeholderTexts } from "../../modules/questionnaires/date-placeholders";
import {
  parseTemplateDefinition,
  questionsOf,
  type TemplateDefinition,
} from "../../modules/questionnaires/template-definition";
import {
  bundledCitationCatalogue,
  citationOf,
} from "../../modules/regulations/citations/cite-provision";
import { snapshotWindowsOn } from "../../modules/regulations/snapshot-windows";

// Issue 21 item 9: every reference of every bundled template is a catalogue provision and reads
// as a proper citation in both styles. Rules, not counts: the content changes under this test.

/** What must never appear in a German citation, and in an English one. */
const NOT_GERMAN = ["GDPR", "AI Act", "NIS2 Art.", "CJEU", "Implementing Decision", "EDPB"];
const NOT_ENGLISH = ["DSGVO", "KI-VO", "Abs.", "lit."];

function bundledDefinitions(): TemplateDefinition[] {
  return BUNDLED_TEMPLATES.map((raw) => {
    const parsed = parseTemplateDefinition(raw);
    if (!parsed.ok) throw new Error(`bundled template invalid: ${parsed.errors[0]?.message}`);
    return parsed.definition;
  });
}

const citedKeys = () =>
  bundledDefinitions().flatMap((definition) =>
    questionsOf(definition).flatMap((q) =>
      q.references.map((key) => ({ key, at: `${definition.key}/${q.key}` })),
    ),
  );

describe("the bundled templates' references", () => {
  it("cite keys the bundled catalogue holds", () => {
    const catalogue = bundledCitationCatalogue();
    const unknown = citedKeys().filter(({ key }) => !catalogue.provision(key));
    expect(unknown).toEqual([]);
  });

  it("render as a citation in both styles, German ones German and English ones English", () => {
    const problems: string[] = [];
    for (const { key, at } of citedKeys()) {
      const de = citationOf(key, "de");
      const en = citationOf(key, "en");
      if (!de.exact || !en.exact)
        problems.push(
          `${at}: ${key} has no citation style (add a row or key shape to citation-styles.ts)`,
        );
      if (de.text.includes(key) || en.text.includes(key)) problems.push(`${at}: raw key ${key}`);
      for (const word of NOT_GERMAN)
        if (de.text.includes(word)) problems.push(`${at}: German "${de.text}" contains "${word}"`);
      for (const word of NOT_ENGLISH)
        if (en.text.includes(word)) problems.push(`${at}: English "${en.text}" contains "${word}"`);
    }
    expect(problems).toEqual([]);
  });

  it("have date placeholders that resolve against the bundled catalogue", () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const definition of bundledDefinitions()) {
      expect(datePlaceholderErrors(definition, snapshotWindowsOn(today)), definition.key).toEqual(
        [],
      );
      // And no hard-coded braces survive: every placeholder is well formed (the schema checks it).
      for (const { text } of placeholderTexts(definition))
        expect(`${text.en}${text.de}`).not.toMatch(/\{\{(?!applies:)/);
    }
  });
});
