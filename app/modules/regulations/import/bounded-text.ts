import { parseDocument, type Document } from "yaml";
import type { MessageKey } from "../../../utils/i18n";
import { locateJsonSyntaxError } from "../../templates/template-file";
import {
  checkTemplateTextLimits,
  type TemplateLimitCode,
  type TextLimits,
} from "../../templates/template-text-limits";
import { importMessage, type FrameworkImportMessage } from "./imported-framework";

/**
 * Untrusted text → a plain value, with every bound checked before or while the parser works:
 * the byte size, then one linear scan for nesting, entries, aliases and key lengths (the parsers
 * recurse per nesting level), then the parser, whose alias expansion is capped (an alias bomb
 * stops at maxAliasCount instead of filling memory). Never throws.
 */
export type BoundedRead =
  { ok: true; value: unknown } | { ok: false; errors: FrameworkImportMessage[] };

const LIMIT_KEYS: Record<TemplateLimitCode, MessageKey> = {
  depth: "frameworkImport.limitDepth",
  entries: "frameworkImport.limitEntries",
  aliases: "frameworkImport.limitAliases",
  keyLength: "frameworkImport.limitKeyLength",
};

/** YAML allows this many alias expansions in all (the yaml package's own default is 100). */
const MAX_ALIAS_EXPANSIONS = 100;

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

function precheck(
  text: string,
  syntax: "json" | "yaml",
  maxBytes: number,
  limits: TextLimits,
): FrameworkImportMessage | null {
  const size = byteLength(text);
  if (size > maxBytes)
    return importMessage("(file)", "frameworkImport.fileTooLarge", { size, max: maxBytes });
  if (text.trim() === "") return importMessage("(file)", "frameworkImport.fileEmpty");
  const tooMuch = checkTemplateTextLimits(text, syntax, limits);
  if (tooMuch) {
    return {
      ...importMessage("(file)", LIMIT_KEYS[tooMuch.code], {
        max: tooMuch.max,
        line: tooMuch.line,
      }),
      line: tooMuch.line,
    };
  }
  return null;
}

export function readYamlBounded(
  text: string,
  maxBytes: number,
  limits: TextLimits,
  /** Adjusts the parsed document before it becomes plain values (e.g. keeps a number's source text). */
  prepare?: (document: Document) => void,
): BoundedRead {
  const source = text.replace(/^\uFEFF/, "");
  const refused = precheck(source, "yaml", maxBytes, limits);
  if (refused) return { ok: false, errors: [refused] };
  // Core schema: no YAML 1.1 surprises (`no` → false, dates → Date objects, `<<` merges).
  const document = parseDocument(source, { prettyErrors: true, uniqueKeys: true, schema: "core" });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.slice(0, 20).map((error) => {
        const position = error.linePos?.[0];
        const at = { line: position?.line ?? 1, column: position?.col ?? 1 };
        return {
          ...importMessage("(file)", "frameworkImport.yamlInvalid", { ...at, code: error.code }),
          ...at,
        };
      }),
    };
  }
  prepare?.(document);
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS }) as unknown };
  } catch {
    // toJS refuses an alias bomb ("excessive alias count") or an alias without its anchor.
    return { ok: false, errors: [importMessage("(file)", "frameworkImport.yamlAliasExpansion")] };
  }
}

export function readJsonBounded(text: string, maxBytes: number, limits: TextLimits): BoundedRead {
  const source = text.replace(/^\uFEFF/, "");
  const refused = precheck(source, "json", maxBytes, limits);
  if (refused) return { ok: false, errors: [refused] };
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch {
    const located = locateJsonSyntaxError(source);
    const offset = located?.offset ?? 0;
    const before = source.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    const key = located?.key ?? "templateErrors.jsonUnexpectedCharacter";
    const character = located?.character ?? JSON.stringify(source[offset] ?? "");
    return {
      ok: false,
      errors: [{ ...importMessage("(file)", key, { line, column, character }), line, column }],
    };
  }
}
