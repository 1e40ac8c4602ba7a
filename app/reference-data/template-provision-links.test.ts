import { describe, expect, it } from "vitest";
import { BUNDLED_TEMPLATES } from "../modules/questionnaires/bundled-templates.server";
import {
  parseTemplateDefinition,
  questionsOf,
} from "../modules/questionnaires/template-definition";
import { REGULATION_SNAPSHOT } from "./regulations";
import {
  LINK_RELATIONSHIPS,
  PROVISION_LINK_DEFAULTS,
  TEMPLATE_REFERENCE_LINKS,
} from "./template-provision-links";

/** Every provision key every bundled template cites, with the questions that cite it. */
function bundledReferences(): Map<string, string[]> {
  const references = new Map<string, string[]>();
  for (const raw of BUNDLED_TEMPLATES) {
    const parsed = parseTemplateDefinition(raw);
    if (!parsed.ok) throw new Error("bundled template invalid");
    for (const question of questionsOf(parsed.definition)) {
      expect(question.regulationRefs, question.key).toEqual([]);
      for (const reference of question.references)
        references.set(reference, [
          ...(references.get(reference) ?? []),
          `${parsed.definition.key}/${question.key}`,
        ]);
    }
  }
  return references;
}

/** Provision key → the labels of the bundled versions that hold it, per instrument. */
function snapshotProvisions() {
  const found = new Map<string, { instrumentKey: string; versions: string[] }>();
  for (const instrument of REGULATION_SNAPSHOT.instruments)
    for (const version of instrument.versions)
      for (const provision of version.provisions) {
        const entry = found.get(provision.key) ?? { instrumentKey: instrument.key, versions: [] };
        entry.versions.push(version.label);
        found.set(provision.key, entry);
      }
  return found;
}

describe("links from the bundled templates' references to provisions", () => {
  it("cites only provisions of the snapshot, each with a link default", () => {
    const provisions = snapshotProvisions();
    const references = bundledReferences();
    expect(references.size).toBeGreaterThan(80);
    for (const [key, questions] of references) {
      expect(provisions.has(key), `${key} (${questions.join(", ")})`).toBe(true);
      const link = PROVISION_LINK_DEFAULTS[key];
      expect(link, `link default for ${key}`).toBeDefined();
      expect(LINK_RELATIONSHIPS).toContain(link!.relationship);
      expect(link!.rationale.trim().length, key).toBeGreaterThan(10);
      expect(link!.rationale, key).not.toMatch(/\n/);
    }
  });

  it("keeps every legacy reference string resolvable for the versions published before", () => {
    const provisions = snapshotProvisions();
    expect(Object.keys(TEMPLATE_REFERENCE_LINKS).length).toBeGreaterThan(100);
    for (const [reference, links] of Object.entries(TEMPLATE_REFERENCE_LINKS))
      for (const link of links)
        expect(provisions.has(link.provisionKey), `${reference} → ${link.provisionKey}`).toBe(true);
  });

  it("gives a linked AI Act provision the same key in every bundled AI Act version", () => {
    const aiAct = REGULATION_SNAPSHOT.instruments.find((i) => i.key === "eu:2024/1689")!;
    const linked = new Set(
      [...bundledReferences().keys()].filter((key) => key.startsWith("eu:2024/1689:")),
    );
    expect(linked.size).toBeGreaterThan(20);
    for (const version of aiAct.versions)
      for (const key of linked)
        expect(
          version.provisions.map((p) => p.key),
          `${version.label}: ${key}`,
        ).toContain(key);
  });

  it("gives every standard's provision a label and title only, never the standard's text", () => {
    for (const instrument of REGULATION_SNAPSHOT.instruments.filter((i) => i.kind === "standard"))
      for (const version of instrument.versions)
        for (const provision of version.provisions) {
          expect(provision.textEn, provision.key).toBeUndefined();
          expect(provision.textDe, provision.key).toBeUndefined();
        }
  });
});
