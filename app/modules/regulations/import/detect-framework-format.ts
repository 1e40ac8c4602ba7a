import type { FrameworkSourceFormat } from "./imported-framework";

/**
 * Which parser a file needs, from its name and its first bytes (a browser's or a shell's file
 * name is a hint, the content decides when they disagree on syntax):
 *   - an OSCAL catalog has a top-level `catalog` (JSON `{"catalog": …}`, or YAML `catalog:`);
 *   - a CISO Assistant library is YAML with a top-level `objects:` (and `urn:`).
 * null: neither (the caller says which formats it takes). OSCAL XML is recognised apart
 * (`isOscalXml`), to say that it needs JSON instead.
 */
export function detectFrameworkFormat(
  fileName: string,
  text: string,
): FrameworkSourceFormat | null {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  const lower = fileName.toLowerCase();
  if (head.startsWith("{"))
    return /^\{\s*"catalog"\s*:/.test(head) || lower.endsWith(".json") ? "oscal" : null;
  if (head.startsWith("<")) return null;
  const topLevelKeys = topLevelYamlKeys(text);
  if (topLevelKeys.has("catalog")) return "oscal";
  if (topLevelKeys.has("objects") || topLevelKeys.has("urn")) return "ciso_assistant";
  return lower.endsWith(".yaml") || lower.endsWith(".yml") ? "ciso_assistant" : null;
}

/** The file is OSCAL XML (`<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0"…>`). */
export function isOscalXml(text: string): boolean {
  const head = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 4096);
  return head.startsWith("<") && head.includes("http://csrc.nist.gov/ns/oscal");
}

/** The syntax the text is written in: a JSON object starts with `{`. */
export function syntaxOf(text: string): "json" | "yaml" {
  return text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{")
    ? "json"
    : "yaml";
}

/** Keys at column 0 among the first 200 lines (enough: libraries start with urn, locale, …). */
function topLevelYamlKeys(text: string): Set<string> {
  const keys = new Set<string>();
  let start = 0;
  for (let line = 0; line < 200 && start < text.length; line++) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const match = /^([A-Za-z_][\w-]*):(?:\s|$)/.exec(text.slice(start, Math.min(end, start + 200)));
    if (match) keys.add(match[1]!);
    start = end + 1;
  }
  return keys;
}
