import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { translate } from "../../../utils/i18n";
import { provisionRowsOf } from "./framework-catalogue-rows";
import { FRAMEWORK_IMPORT_LIMITS } from "./framework-import-limits";
import {
  formatImportMessage,
  formatImportSummary,
  provisionCounts,
  type FrameworkParseResult,
  type ImportedFramework,
} from "./imported-framework";
import { parseCisoAssistantLibrary } from "./parse-ciso-assistant-library";
import { generateLibraryYaml } from "./testing/generated-library";

/** Our own fixtures (tests/fixtures/frameworks/README.md): no third-party library is copied. */
const fixture = (name: string) =>
  readFileSync(new URL(`../../../../tests/fixtures/frameworks/${name}`, import.meta.url), "utf8");

function parsed(result: FrameworkParseResult): ImportedFramework {
  if (!result.ok) throw new Error(result.errors.map(formatImportMessage).join("\n"));
  return result.framework;
}

function problems(result: FrameworkParseResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatImportMessage);
}

const NODE = "urn:vetted:risk:req_node:example-ai-governance";

describe("parseCisoAssistantLibrary: a library", () => {
  it("reads every requirement node as a provision; assessable: true ones are assessable", () => {
    const framework = parsed(parseCisoAssistantLibrary(fixture("example-library-v1.yaml")));
    expect(provisionCounts(framework)).toEqual({ provisions: 10, assessable: 7 });
    expect(formatImportSummary(framework)).toBe(
      "imported urn:vetted:risk:library:example-ai-governance version=1 provisions=10 assessable=7",
    );
    expect(framework).toMatchObject({
      format: "ciso_assistant",
      id: "urn:vetted:risk:library:example-ai-governance",
      version: "1",
      locale: "en",
      name: "Example AI governance framework",
      provider: "Vetted",
      copyright: "Vetted test fixture (CC0)",
      notices: [],
    });
    expect(framework.provisions.map((p) => [p.refId, p.depth, p.kind])).toEqual([
      ["GOV", 1, "group"],
      ["GOV.1", 2, "requirement"],
      ["GOV.2", 2, "requirement"],
      ["DATA", 1, "group"],
      ["DATA.1", 2, "requirement"],
      ["DATA.2", 2, "requirement"],
      ["DATA.3", 2, "requirement"],
      ["OPS", 1, "group"],
      ["OPS.1", 2, "requirement"],
      ["OPS.2", 2, "requirement"],
    ]);
    expect(framework.provisions[1]).toEqual({
      key: `${NODE}:gov.1`,
      parentKey: `${NODE}:gov`,
      depth: 2,
      kind: "requirement",
      refId: "GOV.1",
      name: "AI policy",
      description: "The vendor maintains a written AI policy that its management approved.",
      assessable: true,
      translations: {
        en: {
          name: "AI policy",
          description: "The vendor maintains a written AI policy that its management approved.",
        },
        de: {
          name: "KI-Richtlinie",
          description:
            "Der Anbieter führt eine schriftliche, von der Leitung genehmigte KI-Richtlinie.",
        },
      },
      order: 1,
    });
    // A block scalar's final line break is not part of the text.
    expect(framework.provisions[6]!.description).toBe(
      "Prompts that contain personal data are not used for training\nunless the customer agreed in writing.",
    );
  });

  it("maps translations, keeps ref_ids as written, lower-cases URNs and reports what it leaves out", () => {
    const framework = parsed(parseCisoAssistantLibrary(fixture("translations-library.yaml")));
    expect(provisionCounts(framework)).toEqual({ provisions: 3, assessable: 2 });
    expect(framework.locale).toBe("de");
    expect(framework.version).toBe("3");
    // `ref_id: 1.10` is the number 1.1 to YAML; the label keeps what the file shows.
    expect(framework.provisions.map((p) => p.refId)).toEqual(["1", "1.10", "1.2"]);
    expect(framework.provisions[1]!.parentKey).toBe(
      "urn:vetted:risk:req_node:beispiel-lieferkette:1",
    );
    expect(framework.provisions[0]!.translations).toEqual({
      de: { name: "Unterauftragnehmer", description: null },
      en: { name: "Subcontractors", description: null },
    });
    expect(framework.provisions[1]!.translations.en).toEqual({
      name: "List of subcontractors",
      description: "The vendor keeps an up-to-date list of its subcontractors.",
    });
    expect(framework.notices.map(formatImportMessage)).toEqual([
      "(root): unknown field(s) ignored: custom_library_field",
      "objects.framework.requirement_nodes: unknown field(s) ignored: custom_node_field",
      "objects.framework.requirement_nodes: 1 node(s) carry questions, which are not imported",
      "objects.reference_controls: 2 entries of objects.reference_controls are not imported (only the framework)",
      "translations into fr are not imported (only de and en)",
    ]);
  });

  it("says when the file's own language is shown as English, and labels nodes that have only a text", () => {
    const yaml = [
      "urn: urn:vetted:risk:library:exemple-fr",
      "locale: fr",
      "ref_id: EX-FR",
      "name: Exemple",
      "version: 1",
      "objects:",
      "  framework:",
      "    urn: urn:vetted:risk:framework:exemple-fr",
      "    name: Exemple",
      "    requirement_nodes:",
      "    - urn: urn:vetted:risk:req_node:exemple-fr:r1",
      "      assessable: false",
      "      depth: 1",
      "      ref_id: R1",
      "    - urn: urn:vetted:risk:req_node:exemple-fr:r1:1",
      "      parent_urn: urn:vetted:risk:req_node:exemple-fr:r1",
      "      assessable: true",
      "      depth: 2",
      "      description: Il est recommandé de désactiver l'authentification par mot de passe sur tous les serveurs exposés.",
      "",
    ].join("\n");
    const framework = parsed(parseCisoAssistantLibrary(yaml));
    expect(framework.notices.map(formatImportMessage)).toContain(
      'locale: the file is written in "fr": its own texts are shown where English texts are shown',
    );
    expect(provisionRowsOf(framework).map((row) => row.label)).toEqual([
      "R1",
      "Il est recommandé de désactiver l'authentification par mot…",
    ]);
  });

  it("parses a generated library of 1,200 nodes and about 850 kB", () => {
    const { text, assessable } = generateLibraryYaml({ nodes: 1200 });
    expect(Buffer.byteLength(text)).toBeGreaterThan(800_000);
    expect(Buffer.byteLength(text)).toBeLessThan(900_000);
    const framework = parsed(parseCisoAssistantLibrary(text));
    expect(provisionCounts(framework)).toEqual({ provisions: 1200, assessable });
    expect(Math.max(...framework.provisions.map((p) => p.depth))).toBe(6);
  });
});

describe("parseCisoAssistantLibrary: broken files name the path inside the file", () => {
  it.each([
    [
      "missing-parent.yaml",
      [
        "objects.framework.requirement_nodes[3].parent_urn: no node has this URN (urn:vetted:broken:nowhere)",
      ],
    ],
    [
      "duplicate-urn.yaml",
      [
        "objects.framework.requirement_nodes[4].urn: urn:vetted:broken:a1 is used already at objects.framework.requirement_nodes[1]",
      ],
    ],
    [
      "cycle.yaml",
      [
        "objects.framework.requirement_nodes[1].parent_urn: the parents form a cycle: urn:vetted:broken:c1 → urn:vetted:broken:c2 → urn:vetted:broken:c1",
      ],
    ],
    [
      "wrong-depth.yaml",
      [
        "objects.framework.requirement_nodes[1].depth: is 3, but the parent has depth 1 (expected 2)",
        "objects.framework.requirement_nodes[2].depth: is 2, but a node without parent_urn has depth 1",
      ],
    ],
    [
      "wrong-types.yaml",
      [
        "version: must be of type number",
        "objects.framework.requirement_nodes[1].assessable: must be of type boolean",
        "objects.framework.requirement_nodes[2].depth: must be of type number",
        "objects.framework.requirement_nodes[3].urn: is missing",
        "objects.framework.requirement_nodes[3].name: must be of type string",
      ],
    ],
    ["too-deep.yaml", ["the file nests deeper than 32 levels (at line 4)"]],
    [
      "alias-bomb.yaml",
      ["the YAML aliases (*name) cannot be resolved or expand to more data than allowed"],
    ],
  ])("%s", (file, expected) => {
    expect(problems(parseCisoAssistantLibrary(fixture(`broken/${file}`)))).toEqual(expected);
  });

  it("each message has a key and parameters, so a German reader reads German", () => {
    const result = parseCisoAssistantLibrary(fixture("broken/missing-parent.yaml"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [error] = result.errors;
    expect(error).toMatchObject({
      path: "objects.framework.requirement_nodes[3].parent_urn",
      key: "frameworkImport.parentMissing",
      params: { parent: "urn:vetted:broken:nowhere" },
    });
    expect(translate("de", error!.key, error!.params)).toBe(
      "kein Knoten hat diese URN (urn:vetted:broken:nowhere)",
    );
  });

  it("refuses more than 100 aliases before the YAML parser runs", () => {
    const flood = `urn: x\nlocale: en\nversion: 1\nanchor: &a 1\nobjects:\n${Array.from({ length: 101 }, (_, i) => `  k${i}: *a`).join("\n")}\n`;
    expect(problems(parseCisoAssistantLibrary(flood))).toEqual([
      "the file uses more than 100 aliases (*name), at line 106",
    ]);
  });

  it("refuses a file over the size limit before parsing it", () => {
    const text = `urn: x\nlocale: en\nversion: 1\nobjects: {}\n# ${"x".repeat(FRAMEWORK_IMPORT_LIMITS.maxYamlBytes)}\n`;
    const result = parseCisoAssistantLibrary(text);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toMatchObject({
        path: "(file)",
        key: "frameworkImport.fileTooLarge",
        params: { size: Buffer.byteLength(text), max: FRAMEWORK_IMPORT_LIMITS.maxYamlBytes },
      });
  });

  it("refuses more requirement nodes than the limit, before validating them", () => {
    const count = FRAMEWORK_IMPORT_LIMITS.maxProvisions + 1;
    const nodes = Array.from({ length: count }, (_, i) => `      - urn: n${i}`).join("\n");
    const text = `urn: x\nlocale: en\nversion: 1\nobjects:\n  framework:\n    urn: f\n    requirement_nodes:\n${nodes}\n`;
    expect(problems(parseCisoAssistantLibrary(text))).toEqual([
      `objects.framework.requirement_nodes: has ${count} entries; at most 20000 can be imported`,
    ]);
  });

  it("refuses a provision tree deeper than the limit", () => {
    const depth = FRAMEWORK_IMPORT_LIMITS.maxTreeDepth + 1;
    const nodes = Array.from(
      { length: depth },
      (_, i) =>
        `      - urn: n${i}\n        depth: ${i + 1}\n        assessable: true${i > 0 ? `\n        parent_urn: n${i - 1}` : ""}`,
    ).join("\n");
    const text = `urn: x\nlocale: en\nversion: 1\nobjects:\n  framework:\n    urn: f\n    requirement_nodes:\n${nodes}\n`;
    expect(problems(parseCisoAssistantLibrary(text))).toEqual([
      `objects.framework.requirement_nodes[${depth - 1}]: the tree is deeper than 16 levels`,
    ]);
  });

  it("lists at most 50 problems and counts the rest", () => {
    const nodes = Array.from(
      { length: 60 },
      (_, i) => `      - urn: n${i}\n        parent_urn: none`,
    );
    const text = `urn: x\nlocale: en\nversion: 1\nobjects:\n  framework:\n    urn: f\n    requirement_nodes:\n${nodes.join("\n")}\n`;
    const list = problems(parseCisoAssistantLibrary(text));
    expect(list).toHaveLength(51);
    expect(list.at(-1)).toBe("10 more problems are not listed");
  });

  it.each([
    ["a scalar", "42", ["(root): must be of type object"]],
    ["a list", "- a\n- b", ["(root): must be of type object"]],
    ["no objects", "urn: x\nlocale: en\nversion: 1", ["objects: is missing"]],
    [
      "objects without a framework",
      "urn: x\nlocale: en\nversion: 1\nobjects: {}",
      ["objects: the library holds no framework (objects.framework or objects.frameworks)"],
    ],
    [
      "two frameworks",
      "urn: x\nlocale: en\nversion: 1\nobjects:\n  frameworks:\n    - {urn: a, requirement_nodes: [{urn: n}]}\n    - {urn: b, requirement_nodes: [{urn: n}]}",
      ["objects.frameworks: the library holds 2 frameworks; a file can hold one"],
    ],
    [
      "no nodes",
      "urn: x\nlocale: en\nversion: 1\nobjects:\n  framework: {urn: f, requirement_nodes: []}",
      ["objects.framework.requirement_nodes: the framework has no requirement nodes"],
    ],
    [
      "nodes that are not a list",
      "urn: x\nlocale: en\nversion: 1\nobjects:\n  framework: {urn: f, requirement_nodes: x}",
      ["objects.framework.requirement_nodes: must be of type array"],
    ],
    [
      "a node that is null",
      "urn: x\nlocale: en\nversion: 1\nobjects:\n  framework: {urn: f, requirement_nodes: [null]}",
      ["objects.framework.requirement_nodes[0]: must be of type object"],
    ],
    [
      "a YAML syntax error",
      "urn: x\nlocale: [en\n",
      ["invalid YAML at line 3, column 1 (BAD_INDENT)"],
    ],
    ["a duplicate key", "urn: x\nurn: y\n", ["invalid YAML at line 2, column 1 (DUPLICATE_KEY)"]],
  ])("%s gives messages, never an exception", (_, text, expected) => {
    expect(problems(parseCisoAssistantLibrary(text))).toEqual(expected);
  });
});
