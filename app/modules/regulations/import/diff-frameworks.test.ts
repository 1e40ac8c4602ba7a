import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffFrameworks, formatDiffSummary } from "./diff-frameworks";
import {
  formatImportMessage,
  type ImportedFramework,
  type ImportedProvision,
} from "./imported-framework";
import { parseCisoAssistantLibrary } from "./parse-ciso-assistant-library";

const fixture = (name: string): ImportedFramework => {
  const text = readFileSync(
    new URL(`../../../../tests/fixtures/frameworks/${name}`, import.meta.url),
    "utf8",
  );
  const result = parseCisoAssistantLibrary(text);
  if (!result.ok) throw new Error(result.errors.map(formatImportMessage).join("\n"));
  return result.framework;
};

const NODE = "urn:vetted:risk:req_node:example-ai-governance";

function provision(key: string, overrides: Partial<ImportedProvision> = {}): ImportedProvision {
  return {
    key,
    parentKey: null,
    depth: 1,
    kind: "requirement",
    refId: key.toUpperCase(),
    name: `Name ${key}`,
    description: `Text of ${key}`,
    assessable: true,
    translations: {},
    order: 0,
    ...overrides,
  };
}

describe("diffFrameworks", () => {
  it("v1 → v2 of one library: one added, one changed, one removed; a merely moved node is no change", () => {
    const diff = diffFrameworks(
      fixture("example-library-v1.yaml"),
      fixture("example-library-v2.yaml"),
    );
    expect(diff.summary).toEqual({ added: 1, changed: 1, removed: 1 });
    expect(formatDiffSummary(diff)).toBe("changes added=1 changed=1 removed=1");
    expect(diff.added.map((p) => p.key)).toEqual([`${NODE}:data.4`]);
    expect(diff.removed.map((p) => p.key)).toEqual([`${NODE}:data.2`]);
    expect(diff.changed.map((change) => [change.key, change.fields])).toEqual([
      [
        `${NODE}:ops.1`,
        [
          {
            field: "description",
            before: "Serious incidents are reported to the customer within 72 hours.",
            after: "Serious incidents are reported to the customer within 96 hours.",
          },
        ],
      ],
    ]);
    // gov.2 now comes before gov.1: both keep their content, so neither is changed.
    expect(diff.moved).toContain(`${NODE}:gov.2`);
    expect(diff.changed.map((change) => change.key)).not.toContain(`${NODE}:gov.2`);
    expect(diff.unchanged + diff.moved.length + diff.changed.length).toBe(9);
  });

  it("the same version against itself: nothing changed", () => {
    const v1 = fixture("example-library-v1.yaml");
    const diff = diffFrameworks(v1, v1);
    expect(diff.summary).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(diff.moved).toEqual([]);
    expect(diff.unchanged).toBe(10);
  });

  it("a new parent, name, label, assessability or translation is a change, each field with before and after", () => {
    const previous = {
      provisions: [
        provision("a", { assessable: false, kind: "group" }),
        provision("b", { assessable: false, kind: "group" }),
        provision("c", { parentKey: "a", depth: 2 }),
        provision("d", { translations: { de: { name: "Alt", description: null } } }),
        provision("e"),
      ],
    };
    const next = {
      provisions: [
        provision("a", { assessable: false, kind: "group" }),
        provision("b", { assessable: false, kind: "group" }),
        provision("c", { parentKey: "b", depth: 2 }),
        provision("d", { translations: { de: { name: "Neu", description: null } } }),
        provision("e", { name: "Renamed", refId: "E-1", assessable: false }),
      ],
    };
    const diff = diffFrameworks(previous, next);
    expect(diff.summary).toEqual({ added: 0, changed: 3, removed: 0 });
    expect(Object.fromEntries(diff.changed.map((change) => [change.key, change.fields]))).toEqual({
      c: [{ field: "parentKey", before: "a", after: "b" }],
      d: [{ field: "translations.de.name", before: "Alt", after: "Neu" }],
      e: [
        { field: "name", before: "Name e", after: "Renamed" },
        { field: "refId", before: "E", after: "E-1" },
        { field: "assessable", before: true, after: false },
      ],
    });
  });

  it("inserting or removing provisions does not make the others count as moved", () => {
    const previous = { provisions: [provision("a"), provision("b", { order: 1 })] };
    const next = {
      provisions: [provision("new"), provision("a", { order: 1 }), provision("b", { order: 2 })],
    };
    const diff = diffFrameworks(previous, next);
    expect(diff.summary).toEqual({ added: 1, changed: 0, removed: 0 });
    expect(diff.moved).toEqual([]);
    expect(diff.unchanged).toBe(2);
  });

  it("different line ends or trailing blank lines in the file are not a change", () => {
    const v1 = readFileSync(
      new URL("../../../../tests/fixtures/frameworks/example-library-v1.yaml", import.meta.url),
      "utf8",
    );
    const crlf = parseCisoAssistantLibrary(v1.replace(/\n/g, "\r\n"));
    expect(crlf.ok).toBe(true);
    if (crlf.ok)
      expect(diffFrameworks(fixture("example-library-v1.yaml"), crlf.framework).summary).toEqual({
        added: 0,
        changed: 0,
        removed: 0,
      });
  });
});
