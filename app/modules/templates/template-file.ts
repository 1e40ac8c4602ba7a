// Template files (JSON or YAML) ↔ template definitions. Pure: no I/O. A broken file never
// throws; it gives a list of messages that name where the problem is: the line and column of a
// syntax error, or the path inside the definition (e.g. `sections[2].questions[5].options`) of a
// schema error, so an author can find it in the file.

import { parseDocument, stringify } from "yaml";
import {
  parseTemplateDefinition,
  type TemplateDefinition,
  type TemplateDefinitionError,
} from "../questionnaires/template-definition";
import { checkTemplateTextLimits, type TemplateLimitCode } from "./template-text-limits";

export const TEMPLATE_FILE_FORMATS = ["json", "yaml"] as const;
export type TemplateFileFormat = (typeof TEMPLATE_FILE_FORMATS)[number];

/** Imports larger than this are refused before they are parsed (UI and CLI alike). */
export const TEMPLATE_FILE_MAX_BYTES = 2 * 1024 * 1024;

export interface TemplateFileError extends TemplateDefinitionError {
  line?: number;
  column?: number;
  /**
   * A limit of the import (template-text-limits.ts, or the parser worker's time and memory):
   * the page shows it in the user's language, the CLI prints `message`.
   */
  limit?: { code: TemplateLimitCode | "time" | "resources"; max?: number };
}

export type ParseTemplateFileResult =
  | { ok: true; definition: TemplateDefinition; format: TemplateFileFormat }
  | { ok: false; errors: TemplateFileError[]; format: TemplateFileFormat };

/** The format a file name announces (`.json`, `.yaml`, `.yml`); null when it announces none. */
export function formatOfFileName(fileName: string): TemplateFileFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  return null;
}

/** Pasted text without a file name: JSON when it starts like a JSON object, YAML otherwise. */
export function guessFormat(text: string): TemplateFileFormat {
  return text.trimStart().startsWith("{") ? "json" : "yaml";
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * Where JSON.parse gave up. V8's messages do not always carry a position, so a small
 * scanner walks the grammar and reports the first offset that cannot continue a JSON text.
 */
export function locateJsonSyntaxError(text: string): { offset: number; message: string } | null {
  let i = 0;
  const fail = (message: string): never => {
    throw { offset: i, message };
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? "unexpected end of input" : `unexpected character ${JSON.stringify(text[i])}`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(describe());
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("invalid \\u escape in string");
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail("invalid escape in string");
      } else if (c < " ") fail("control character in string (newlines must be written as \\n)");
      else i++;
    }
    fail("unterminated string");
  };
  // Linear: the optional groups each start with a distinct literal ('.', 'e'), nothing can backtrack.
  // eslint-disable-next-line security/detect-unsafe-regex
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const number = () => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) fail(describe());
    i += match![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, ${describe()}`);
        string();
        ws();
        if (text[i] !== ":") fail(`expected ':', ${describe()}`);
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail(`expected ',' or '}', ${describe()}`);
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail(`expected ',' or ']', ${describe()}`);
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    fail(describe());
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected content after the end of the JSON value: ${JSON.stringify(text[i])}`);
    return null;
  } catch (error) {
    if (typeof error === "object" && error !== null && "offset" in error) return error as { offset: number; message: string };
    throw error;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; errors: TemplateFileError[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const located = locateJsonSyntaxError(text);
    const fallback = error instanceof Error ? error.message : String(error);
    const at = lineColumnAt(text, located?.offset ?? 0);
    return {
      ok: false,
      errors: [{ path: "(file)", message: `invalid JSON at line ${at.line}, column ${at.column}: ${located?.message ?? fallback}`, ...at }],
    };
  }
}

function parseYaml(text: string): { ok: true; value: unknown } | { ok: false; errors: TemplateFileError[] } {
  // Core schema: no YAML 1.1 surprises (`no` → false, timestamps → Date). Aliases are capped by
  // the library (maxAliasCount) so an alias bomb cannot blow up memory.
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, schema: "core" });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.slice(0, 20).map((error) => {
        const position = error.linePos?.[0];
        const where = position ? ` at line ${position.line}, column ${position.col}` : "";
        return {
          path: "(file)",
          // prettyErrors appends " at line L, column C:" and a code excerpt; keep the sentence only.
          message: `invalid YAML${where}: ${(error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
          ...(position ? { line: position.line, column: position.col } : {}),
        };
      }),
    };
  }
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    return { ok: false, errors: [{ path: "(file)", message: `invalid YAML: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/**
 * Parses a template file; never throws. `format` defaults to a guess from the content. Nesting,
 * entries, aliases and key lengths are checked by a linear scan before any parser runs. On a
 * server, call it through parse-template-file.server.ts (in a parser worker, ADR 0014).
 */
export function parseTemplateFile(text: string, format: TemplateFileFormat = guessFormat(text)): ParseTemplateFileResult {
  const source = text.replace(/^\uFEFF/, "");
  if (source.trim() === "") return { ok: false, format, errors: [{ path: "(file)", message: "the file is empty" }] };
  const tooMuch = checkTemplateTextLimits(source, format);
  if (tooMuch) {
    return { ok: false, format, errors: [{ path: "(file)", message: tooMuch.message, line: tooMuch.line, limit: { code: tooMuch.code, max: tooMuch.max } }] };
  }
  const raw = format === "json" ? parseJson(source) : parseYaml(source);
  if (!raw.ok) return { ok: false, format, errors: raw.errors };
  const parsed = parseTemplateDefinition(raw.value);
  if (!parsed.ok) return { ok: false, format, errors: parsed.errors };
  return { ok: true, format, definition: parsed.definition };
}

/** One error as a line of text: `sections[2].questions[5].options: single_choice questions need …`. */
export function formatTemplateFileError(error: TemplateFileError): string {
  return error.path === "(file)" ? error.message : `${error.path}: ${error.message}`;
}

/**
 * A definition as a file. Keys keep the schema's order (key, title, sections, …) so the file
 * reads naturally; parsing it again gives the same definition, hence the same checksum.
 */
export function serializeTemplate(definition: TemplateDefinition, format: TemplateFileFormat): string {
  if (format === "json") return `${JSON.stringify(definition, null, 2)}\n`;
  return stringify(definition, { lineWidth: 0, aliasDuplicateObjects: false });
}

export const CONTENT_TYPES: Record<TemplateFileFormat, string> = {
  json: "application/json; charset=utf-8",
  yaml: "application/yaml; charset=utf-8",
};
