import { readFileSync } from "node:fs";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { JSON_TEXT_LIMITS } from "./framework-import-limits";
import {
  formatImportMessage,
  provisionCounts,
  type FrameworkParseResult,
  type ImportedFramework,
} from "./imported-framework";
import { parseOscalCatalog } from "./parse-oscal-catalog";

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

describe("parseOscalCatalog", () => {
  it("reads groups and controls as provisions; controls at any depth are assessable", () => {
    const framework = parsed(parseOscalCatalog(fixture("example-catalog.json")));
    // 3 groups (one nested, without an id) and 7 controls (one at catalog level, an
    // enhancement, and a control within the enhancement).
    expect(provisionCounts(framework)).toEqual({ provisions: 10, assessable: 7 });
    expect(framework).toMatchObject({
      format: "oscal",
      id: "vetted-example-catalog",
      version: "1.0",
      locale: "en",
      name: "Example Control Catalog",
      provider: "Vetted Test Authority",
    });
    expect(framework.notices.map(formatImportMessage)).toEqual([
      "an OSCAL catalog names no language: English is assumed",
    ]);
    expect(framework.provisions.map((p) => [p.key, p.parentKey, p.depth, p.kind, p.refId])).toEqual(
      [
        ["x-1", null, 1, "control", "x-1"],
        ["ac", null, 1, "group", "ac"],
        ["ac-1", "ac", 2, "control", "AC-1"],
        ["ac-2", "ac", 2, "control", "AC-2"],
        ["ac-2.1", "ac-2", 3, "control", "AC-2(1)"],
        ["ac-2.1.1", "ac-2.1", 4, "control", "ac-2.1.1"],
        ["catalog.groups[0].groups[0]", "ac", 2, "group", null],
        ["ac-17", "catalog.groups[0].groups[0]", 3, "control", "AC-17"],
        ["ir", null, 1, "group", "ir"],
        ["ir-6", "ir", 2, "control", "IR-6"],
      ],
    );
    expect(framework.provisions.map((p) => p.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("takes a control's text from its statement, with items and parameters as NIST prints them", () => {
    const framework = parsed(parseOscalCatalog(fixture("example-catalog.json")));
    const ac1 = framework.provisions.find((p) => p.key === "ac-1")!;
    expect(ac1.name).toBe("Policy and Procedures");
    expect(ac1.description).toBe(
      [
        "a. Develop and document an access control policy and disseminate it to [Assignment: organization-defined personnel or roles];",
        "  1. at the [Selection (one or more): organization-level; system-level] level.",
        "b. Review the policy every year.",
      ].join("\n"),
    );
    expect(ac1.translations).toEqual({ en: { name: ac1.name, description: ac1.description } });
    expect(framework.provisions.find((p) => p.key === "ac")!.description).toBe(
      "Controls that limit who can use the system.",
    );
  });

  it("reads the same catalog written as YAML", () => {
    const json = JSON.parse(fixture("example-catalog.json")) as unknown;
    const framework = parsed(parseOscalCatalog(stringify(json), "yaml"));
    expect(provisionCounts(framework)).toEqual({ provisions: 10, assessable: 7 });
  });

  it("identifies a catalog without document-ids by its uuid, and says so", () => {
    const json = JSON.parse(fixture("example-catalog.json")) as {
      catalog: { uuid: string; metadata: Record<string, unknown> };
    };
    delete json.catalog.metadata["document-ids"];
    const framework = parsed(parseOscalCatalog(JSON.stringify(json)));
    expect(framework.id).toBe(`urn:uuid:${json.catalog.uuid}`);
    expect(framework.notices.map((notice) => notice.key)).toContain(
      "frameworkImport.noticeNoDocumentId",
    );
  });

  it("names every problem of a broken catalog with its path", () => {
    expect(problems(parseOscalCatalog(fixture("broken/broken-catalog.json")))).toEqual([
      "catalog.groups[0].controls[1].id: must be of type string",
      "catalog.groups[0].controls[2].title: is missing",
      "catalog.groups[0].controls[3].id: g-1 is used already at catalog.groups[0].controls[0]",
    ]);
  });

  it("names line and column of a JSON syntax error", () => {
    expect(problems(parseOscalCatalog('{\n  "catalog": {\n    "uuid": }\n}'))).toEqual([
      'invalid JSON at line 3, column 13: unexpected character "}"',
    ]);
  });

  it("refuses deep nesting before JSON.parse sees it", () => {
    const depth = JSON_TEXT_LIMITS.maxDepth + 1;
    const text = `{"catalog": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    expect(problems(parseOscalCatalog(text))).toEqual([
      `the file nests deeper than ${depth - 1} levels (at line 1)`,
    ]);
  });

  it.each([
    [
      "no groups and no controls",
      '{"catalog": {"uuid": "u", "metadata": {"title": "t", "version": "1"}}}',
      ["catalog: the framework has no requirement nodes"],
    ],
    ["not an object", "[1, 2]", ["(root): must be of type object"]],
    ["no catalog", '{"profile": {}}', ["catalog: is missing"]],
    ["no metadata", '{"catalog": {"uuid": "u"}}', ["catalog.metadata: is missing"]],
    [
      "groups that are not a list",
      '{"catalog": {"uuid": "u", "metadata": {"title": "t", "version": "1"}, "groups": {}}}',
      ["catalog.groups: must be of type array"],
    ],
    [
      "a control that is not an object",
      '{"catalog": {"uuid": "u", "metadata": {"title": "t", "version": "1"}, "controls": ["x"]}}',
      ["catalog.controls[0]: must be of type object"],
    ],
  ])("%s gives messages, never an exception", (_, text, expected) => {
    expect(problems(parseOscalCatalog(text))).toEqual(expected);
  });
});
