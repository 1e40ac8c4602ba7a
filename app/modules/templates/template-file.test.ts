import { describe, expect, it } from "vitest";
import seed from "../../reference-data/templates/ai-vendor-due-diligence.json";
import { parseTemplateDefinition } from "../questionnaires/template-definition";
import { templateChecksum } from "./publish-template-version.server";
import {
  formatTemplateFileError,
  locateJsonSyntaxError,
  parseTemplateFile,
  serializeTemplate,
} from "./template-file";

const definition = (() => {
  const parsed = parseTemplateDefinition(seed);
  if (!parsed.ok) throw new Error("seed template invalid");
  return parsed.definition;
})();

describe("template files", () => {
  it.each(["json", "yaml"] as const)(
    "round-trips a definition through %s with the same checksum",
    (format) => {
      const text = serializeTemplate(definition, format);
      const parsed = parseTemplateFile(text, format);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(templateChecksum(parsed.definition)).toBe(templateChecksum(definition));
    },
  );

  it("guesses JSON from a leading brace and YAML otherwise", () => {
    expect(parseTemplateFile(serializeTemplate(definition, "json")).format).toBe("json");
    expect(parseTemplateFile(serializeTemplate(definition, "yaml")).format).toBe("yaml");
  });

  it("names line and column of a JSON syntax error", () => {
    const result = parseTemplateFile('{\n  "key": "x",\n  "title": }\n', "json");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ path: "(file)", line: 3, column: 12 });
      expect(result.errors[0]!.message).toMatch(
        /^invalid JSON at line 3, column 12: unexpected character "}"/,
      );
    }
  });

  it("locates trailing commas, bad escapes and unterminated strings", () => {
    expect(locateJsonSyntaxError('{"a": [1, 2,]}')).toMatchObject({ offset: 12 });
    expect(locateJsonSyntaxError('{"a": "\\x"}')?.message).toBe("invalid escape in string");
    expect(locateJsonSyntaxError('{"a": "open')?.message).toBe("unterminated string");
    expect(locateJsonSyntaxError('{"a": 1} x')?.message).toMatch(/after the end/);
    expect(locateJsonSyntaxError('{"a": -1.5e3, "b": [true, false, null]}')).toBeNull();
  });

  it("names line and column of a YAML syntax error, and refuses duplicate keys", () => {
    const broken = parseTemplateFile("key: x\ntitle: [en, de\nsections: []\n", "yaml");
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.errors[0]!.message).toMatch(/^invalid YAML at line \d+, column \d+/);
    const duplicate = parseTemplateFile("key: a\nkey: b\n", "yaml");
    expect(duplicate.ok).toBe(false);
    if (!duplicate.ok) expect(duplicate.errors[0]!.line).toBe(2);
  });

  it("lists schema errors with their path inside the file", () => {
    const yaml = serializeTemplate(definition, "yaml");
    const broken = structuredClone(definition) as unknown as {
      sections: { questions: { options?: unknown[] }[] }[];
    };
    const question = broken.sections[2]!.questions.findIndex((q) => Array.isArray(q.options));
    broken.sections[2]!.questions[question]!.options = broken.sections[2]!.questions[
      question
    ]!.options!.slice(0, 1);
    const result = parseTemplateFile(JSON.stringify(broken), "json");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map(formatTemplateFileError)).toContain(
        `sections[2].questions[${question}].options: single_choice questions need at least 2 options`,
      );
    }
    expect(yaml.length).toBeGreaterThan(0);
  });

  it("refuses empty files, YAML 1.1 booleans stay strings, and aliases are capped", () => {
    expect(parseTemplateFile("   ")).toMatchObject({
      ok: false,
      errors: [{ message: "the file is empty" }],
    });
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ),
    ].join("\n");
    const result = parseTemplateFile(bomb, "yaml");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/invalid YAML/);
  });
});
