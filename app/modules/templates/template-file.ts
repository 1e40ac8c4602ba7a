// Template files (JSON or YAML) ↔ template definitions. Pure: no I/O. A broken file never
// throws; it gives a list of messages that name where the problem is: the line and column of a
// syntax error, or the path inside the definition (e.g. `sections[2].questions[5].options`) of a
// schema error, so an author can find it in the file.

import { parseDocument, stringify } from "yaml";
import {
  parseTemplateDefinition,
  templateError,
  type TemplateDefinition,
  type TemplateDefinitionError,
} from "../questionnaires/template-definition";
import { translate, type MessageKey } from "../../utils/i18n";
import { checkTemplateTextLimits, type TemplateLimitCode } from "./template-text-limits";

export const TEMPLATE_FILE_FORMATS = ["json", "yaml"] as const;
export type TemplateFileFormat = (typeof TEMPLATE_FILE_FORMATS)[number];

/** Imports larger than this are refused before they are parsed (UI and CLI alike). */
export const TEMPLATE_FILE_MAX_BYTES = 2 * 1024 * 1024;

export interface TemplateFileError extends TemplateDefinitionError {
  line?: number;
  column?: number;
  /** A limit of the import (template-text-limits.ts, or the parser worker's time and memory). */
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

/** Why a JSON text cannot continue at an offset: the message key (its text takes line and column). */
type JsonSyntaxKey = MessageKey &
  (
    | "templateErrors.jsonUnexpectedEnd"
    | "templateErrors.jsonUnexpectedCharacter"
    | "templateErrors.jsonExpectedName"
    | "templateErrors.jsonExpectedColon"
    | "templateErrors.jsonExpectedCommaOrBrace"
    | "templateErrors.jsonExpectedCommaOrBracket"
    | "templateErrors.jsonBadUnicodeEscape"
    | "templateErrors.jsonBadEscape"
    | "templateErrors.jsonControlCharacter"
    | "templateErrors.jsonUnterminatedString"
    | "templateErrors.jsonTrailingContent"
  );

export interface JsonSyntaxError {
  offset: number;
  key: JsonSyntaxKey;
  /** The character found there, JSON-quoted (`"}"`), where the message names it. */
  character?: string;
  /** English, without the position: "unterminated string". */
  message: string;
}

/**
 * Where JSON.parse gave up. V8's messages do not always carry a position, so a small
 * scanner walks the grammar and reports the first offset that cannot continue a JSON text.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (key: JsonSyntaxKey, withCharacter = false): never => {
    // At the end of the input there is no character to name, whatever was expected.
    if (withCharacter && i >= text.length) key = "templateErrors.jsonUnexpectedEnd";
    const character = withCharacter && i < text.length ? JSON.stringify(text[i]) : undefined;
    const full = translate("en", key, { line: 0, column: 0, ...(character ? { character } : {}) });
    throw {
      offset: i,
      key,
      ...(character ? { character } : {}),
      message: full.replace(/^invalid JSON at line 0, column 0: /, ""),
    } satisfies JsonSyntaxError;
  };
  const unexpected = () => fail("templateErrors.jsonUnexpectedCharacter", true);
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else unexpected();
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
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail("templateErrors.jsonBadUnicodeEscape");
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail("templateErrors.jsonBadEscape");
      } else if (c < " ") fail("templateErrors.jsonControlCharacter");
      else i++;
    }
    fail("templateErrors.jsonUnterminatedString");
  };
  // Linear: the optional groups each start with a distinct literal ('.', 'e'), nothing can backtrack.
  // eslint-disable-next-line security/detect-unsafe-regex
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const number = () => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) unexpected();
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
        if (text[i] !== '"') fail("templateErrors.jsonExpectedName", true);
        string();
        ws();
        if (text[i] !== ":") fail("templateErrors.jsonExpectedColon", true);
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
        fail("templateErrors.jsonExpectedCommaOrBrace", true);
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
        fail("templateErrors.jsonExpectedCommaOrBracket", true);
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    unexpected();
  };
  try {
    value();
    ws();
    if (i < text.length) fail("templateErrors.jsonTrailingContent", true);
    return null;
  } catch (error) {
    if (typeof error === "object" && error !== null && "offset" in error)
      return error as JsonSyntaxError;
    throw error;
  }
}

function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; errors: TemplateFileError[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // JSON.parse failed, so the scanner finds where; should it not, the start is the best guess.
    const located = locateJsonSyntaxError(text) ?? {
      offset: 0,
      key: "templateErrors.jsonUnexpectedCharacter" as const,
      character: JSON.stringify(text[0] ?? ""),
    };
    const at = lineColumnAt(text, located.offset);
    const params = { ...at, ...(located.character ? { character: located.character } : {}) };
    return { ok: false, errors: [{ ...templateError("(file)", located.key, params), ...at }] };
  }
}

/** yaml's error codes that have a sentence of their own; every other code is named as it is. */
const YAML_ERROR_KEYS: Partial<Record<string, MessageKey>> = {
  DUPLICATE_KEY: "templateErrors.yamlDuplicateKey",
  BAD_INDENT: "templateErrors.yamlBadIndent",
  MISSING_CHAR: "templateErrors.yamlMissingCharacter",
};

function parseYaml(
  text: string,
): { ok: true; value: unknown } | { ok: false; errors: TemplateFileError[] } {
  // Core schema: no YAML 1.1 surprises (`no` → false, timestamps → Date). Aliases are capped by
  // the library (maxAliasCount) so an alias bomb cannot blow up memory.
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, schema: "core" });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.slice(0, 20).map((error) => {
        const position = error.linePos?.[0];
        const at = { line: position?.line ?? 1, column: position?.col ?? 1 };
        const key = YAML_ERROR_KEYS[error.code] ?? "templateErrors.yamlInvalid";
        return { ...templateError("(file)", key, { ...at, code: error.code }), ...at };
      }),
    };
  }
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    // toJS refuses an alias bomb or a broken reference; the library's sentence stays in the log text.
    const code = error instanceof ReferenceError ? "BAD_ALIAS" : "RESOURCE_LIMIT";
    return {
      ok: false,
      errors: [templateError("(file)", "templateErrors.yamlUnreadable", { code })],
    };
  }
}

/**
 * Parses a template file; never throws. `format` defaults to a guess from the content. Nesting,
 * entries, aliases and key lengths are checked by a linear scan before any parser runs. On a
 * server, call it through parse-template-file.server.ts (in a parser worker, ADR 0014).
 */
export function parseTemplateFile(
  text: string,
  format: TemplateFileFormat = guessFormat(text),
): ParseTemplateFileResult {
  const source = text.replace(/^\uFEFF/, "");
  if (source.trim() === "")
    return { ok: false, format, errors: [templateError("(file)", "templateErrors.fileEmpty")] };
  const tooMuch = checkTemplateTextLimits(source, format);
  if (tooMuch) {
    const limitError = templateError("(file)", LIMIT_KEYS[tooMuch.code], {
      max: tooMuch.max,
      line: tooMuch.line,
    });
    return {
      ok: false,
      format,
      errors: [
        {
          ...limitError,
          message: tooMuch.message,
          line: tooMuch.line,
          limit: { code: tooMuch.code, max: tooMuch.max },
        },
      ],
    };
  }
  const raw = format === "json" ? parseJson(source) : parseYaml(source);
  if (!raw.ok) return { ok: false, format, errors: raw.errors };
  const parsed = parseTemplateDefinition(raw.value);
  if (!parsed.ok) return { ok: false, format, errors: parsed.errors };
  return { ok: true, format, definition: parsed.definition };
}

/** The message of each limit of the import (the parser worker's time and memory included). */
export const LIMIT_KEYS: Record<NonNullable<TemplateFileError["limit"]>["code"], MessageKey> = {
  depth: "templates.limitDepth",
  entries: "templates.limitEntries",
  aliases: "templates.limitAliases",
  keyLength: "templates.limitKeyLength",
  time: "templates.limitTime",
  resources: "templates.limitResources",
};

/** One error as a line of English text (the CLI): `sections[2].questions[5].options: single_choice questions need …`. */
export function formatTemplateFileError(error: TemplateFileError): string {
  return error.path === "(file)" ? error.message : `${error.path}: ${error.message}`;
}

/**
 * A definition as a file. Keys keep the schema's order (key, title, sections, …) so the file
 * reads naturally; parsing it again gives the same definition, hence the same checksum.
 */
export function serializeTemplate(
  definition: TemplateDefinition,
  format: TemplateFileFormat,
): string {
  if (format === "json") return `${JSON.stringify(definition, null, 2)}\n`;
  return stringify(definition, { lineWidth: 0, aliasDuplicateObjects: false });
}

export const CONTENT_TYPES: Record<TemplateFileFormat, string> = {
  json: "application/json; charset=utf-8",
  yaml: "application/yaml; charset=utf-8",
};
