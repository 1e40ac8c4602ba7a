import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTemplateFile, serializeTemplate } from "./template-file";
import { checkTemplateTextLimits, TEMPLATE_TEXT_LIMITS } from "./template-text-limits";
import { HOSTILE_TEMPLATE_FILES } from "./testing/hostile-template-files";

/**
 * Hostile template files (issue 11, item 3) are refused by a linear scan before any parser runs,
 * with a message that names the limit and the line; real templates pass.
 */
function limitOf(text: string, format?: "json" | "yaml") {
  const result = parseTemplateFile(text, format);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error("parsed");
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
}

describe("template files beyond the limits are refused before parsing", () => {
  it.each(HOSTILE_TEMPLATE_FILES)("$name", ({ text, format, limit, line }) => {
    const error = limitOf(text, format);
    expect(error.limit?.code).toBe(limit);
    expect(error.line).toBe(line);
    expect(error.path).toBe("(file)");
  });

  it("names the limit and the line in the message", () => {
    const text = `key: value\nother:\n  list: ${"[".repeat(40)}${"]".repeat(40)}\n`;
    expect(limitOf(text)).toMatchObject({
      message: "nesting deeper than 32 levels at line 3",
      line: 3,
      limit: { code: "depth", max: 32 },
    });
  });

  it("is not fooled by quotes inside plain text, brackets inside quotes, tabs or block scalars", () => {
    const deep = "[".repeat(5_000);
    const tricks = [
      `key: [a'b, ${deep}`, // a quote inside plain text opens no quoted text
      `key: ["${"]".repeat(100)}", ${deep}`, // brackets inside quoted text close nothing
      `key:\t${deep}`, // a tab before the flow
      `a:\n  b: |\n        text\n      c:\n${Array.from({ length: 100 }, (_, i) => `${" ".repeat(8 + i)}d${i}:`).join("\n")}`, // structure after a block scalar's end
      `--- ${deep}`, // after a document marker
      `? ${deep}`, // an explicit key
      `key: !!seq &anchor ${deep}`, // after a tag and an anchor
    ];
    for (const text of tricks)
      expect(limitOf(text, "yaml").limit?.code, text.slice(0, 60)).toBe("depth");
  });
});

describe("real templates pass", () => {
  const root = path.resolve(import.meta.dirname, "../../..");
  it.each(["ai-vendor-due-diligence", "ai-transparency-indicators", "data-residency-transfers"])(
    "%s as YAML and JSON",
    (name) => {
      const json = readFileSync(
        path.join(root, "app/reference-data/templates", `${name}.json`),
        "utf8",
      );
      const parsed = parseTemplateFile(json, "json");
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
      for (const format of ["yaml", "json"] as const) {
        const text = serializeTemplate(parsed.definition, format);
        expect(checkTemplateTextLimits(text, format)).toBeNull();
        expect(checkTemplateTextLimits(text, "yaml")).toBeNull();
        expect(parseTemplateFile(text, format).ok).toBe(true);
      }
    },
  );

  it("YAML written by hand with anchors, block scalars, quotes and comments", () => {
    const text = [
      "# a hand-written template",
      "key: hand",
      "yes_no: &yn",
      "  - { value: yes, label: { en: 'Yes', de: 'Ja' } }",
      "  - { value: no, label: { en: \"No [really]\", de: 'Nein' } }",
      "help: |",
      "  Text with [brackets and {braces",
      "    - and what looks like a list",
      "list:",
      "- a: *yn",
      "- b: *yn",
      "  c: >",
      "    folded ] text",
    ].join("\n");
    expect(checkTemplateTextLimits(text, "yaml")).toBeNull();
  });

  it(`keeps its limits where the issue sets them`, () => {
    expect(TEMPLATE_TEXT_LIMITS).toMatchObject({
      maxDepth: 32,
      maxAliases: 100,
      maxKeyLength: 1024,
    });
  });
});
