/**
 * Limits of a template file's text, checked by one linear pass BEFORE the YAML or JSON parser
 * sees it (issue 11): the parsers recurse once per nesting level, and 20,000 nested brackets
 * exhausted the stack (and once V8's memory inside its RegExp compiler, which ended the
 * process). The scan is deliberately simple and errs on the safe side: it counts flow brackets
 * ([ {) outside quotes and comments, block levels by indentation and by the "- ", "? " and
 * "key:" indicators, aliases (*name), entries and key lengths. Block scalars (| >) and quoted
 * text are skipped as text. A real template nests about 8 levels deep.
 */
export const TEMPLATE_TEXT_LIMITS = {
  maxDepth: 32,
  /** Mapping entries, sequence items and flow items together (the bundled 77-question template: about 10,000). */
  maxEntries: 100_000,
  /** Uses of an anchor (*name); YAML itself refuses more than 100 expansions. */
  maxAliases: 100,
  /** A mapping key, in characters (YAML's own limit for implicit keys is 1024). */
  maxKeyLength: 1024,
} as const;

export type TemplateLimitCode = "depth" | "entries" | "aliases" | "keyLength";

/** The bounds one scan enforces: the template's by default; other importers pass their own (framework libraries). */
export interface TextLimits {
  maxDepth: number;
  maxEntries: number;
  maxAliases: number;
  maxKeyLength: number;
}

export interface TemplateTextProblem {
  code: TemplateLimitCode;
  /** 1-based line where the limit was passed. */
  line: number;
  max: number;
  /** English, for the CLI and logs: "nesting deeper than 32 levels at line 3". */
  message: string;
}

function problem(code: TemplateLimitCode, line: number, limits: TextLimits): TemplateTextProblem {
  const max = {
    depth: limits.maxDepth,
    entries: limits.maxEntries,
    aliases: limits.maxAliases,
    keyLength: limits.maxKeyLength,
  }[code];
  const what = {
    depth: `nesting deeper than ${max} levels`,
    entries: `more than ${max} entries`,
    aliases: `more than ${max} aliases (*name)`,
    keyLength: `a key longer than ${max} characters`,
  }[code];
  return { code, line, max, message: `${what} at line ${line}` };
}

/** Thrown inside the scanners to stop at the first problem. */
class Stop {
  constructor(readonly problem: TemplateTextProblem) {}
}

class Counter {
  entries = 0;
  aliases = 0;
  line = 1;
  constructor(private readonly limits: TextLimits) {}
  entry(): void {
    this.entries += 1;
    if (this.entries > this.limits.maxEntries)
      throw new Stop(problem("entries", this.line, this.limits));
  }
  alias(): void {
    this.aliases += 1;
    if (this.aliases > this.limits.maxAliases)
      throw new Stop(problem("aliases", this.line, this.limits));
  }
  depth(depth: number): void {
    if (depth > this.limits.maxDepth) throw new Stop(problem("depth", this.line, this.limits));
  }
  key(length: number): void {
    if (length > this.limits.maxKeyLength)
      throw new Stop(problem("keyLength", this.line, this.limits));
  }
}

export function checkTemplateTextLimits(
  text: string,
  format: "json" | "yaml",
  limits: TextLimits = TEMPLATE_TEXT_LIMITS,
): TemplateTextProblem | null {
  try {
    if (format === "json") scanJson(text, limits);
    else scanYaml(text, limits);
    return null;
  } catch (error) {
    if (error instanceof Stop) return error.problem;
    throw error;
  }
}

function scanJson(text: string, limits: TextLimits): void {
  const count = new Counter(limits);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) count.line += 1;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      count.depth(depth);
      count.entry();
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
    else if (c === 0x2c) count.entry();
    else if (c === 0x22) {
      const start = i;
      i += 1;
      while (i < text.length && text.charCodeAt(i) !== 0x22) {
        if (text.charCodeAt(i) === 0x5c) i += 1;
        else if (text.charCodeAt(i) === 0x0a) count.line += 1;
        i += 1;
      }
      let next = i + 1;
      while (next < text.length && " \t\r\n".includes(text[next]!)) next++;
      if (text[next] === ":") count.key(i - start - 1);
    }
  }
}

const isBlank = (c: string | undefined) => c === " " || c === "\t" || c === "\r" || c === undefined;
const isFlowIndicator = (c: string | undefined) =>
  c === "," || c === "[" || c === "]" || c === "{" || c === "}";
const startsAnchorName = (c: string | undefined) =>
  c !== undefined && !isBlank(c) && !isFlowIndicator(c);

/**
 * The line-by-line YAML scan. Where it cannot tell structure from text it counts the text as
 * structure (a false "too deep" for odd but harmless files), never the other way round: a quote
 * opens quoted text only where YAML starts a node, block scalars end where YAML ends them.
 */
function scanYaml(text: string, limits: TextLimits): void {
  const count = new Counter(limits);
  /** Columns of the open block collections, innermost last. */
  const levels: number[] = [];
  /** Inside flow collections: their nesting, and the block depth the outermost started at. */
  let flowDepth = 0;
  let flowBase = 0;
  /** Inside a quoted scalar (which may continue on the next line). */
  let quote = null as string | null;
  /** In a flow collection: the next non-blank character starts a node (so a quote opens text). */
  let nodeStart = false;
  /** The last token was quoted text or a closed collection: a ":" right after it is a value indicator. */
  let afterJsonLike = false;
  /** Inside a block scalar (| >): lines indented more than `parent` (then at least `content`) are its text. */
  let blockScalar = null as { parent: number; content: number | null } | null;
  /** The previous line was "key:" (its value follows) at this column. */
  let openKeyColumn = null as number | null;

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    let indent = 0;
    while (line[indent] === " ") indent++;
    const blank = indent === line.length || line[indent] === "\r" || line[indent] === "#";

    if (
      blockScalar &&
      (blank ||
        (blockScalar.content === null
          ? indent > blockScalar.parent
          : indent >= blockScalar.content))
    ) {
      if (!blank && blockScalar.content === null) blockScalar.content = indent;
    } else if (quote !== null || flowDepth > 0) {
      blockScalar = null;
      scanInline(line, 0);
    } else if (!blank) {
      blockScalar = null;
      let at = indent;
      if ((line.startsWith("---") || line.startsWith("...")) && isBlank(line[3])) {
        levels.length = 0;
        at = skipBlanks(line, 3);
      }
      // "key:" followed by "- item" at the same column: the sequence is the key's value.
      const nestedSequence =
        openKeyColumn === indent && line[indent] === "-" && isBlank(line[indent + 1]);
      while (
        levels.length > 0 &&
        (levels.at(-1)! > indent || (levels.at(-1)! === indent && !nestedSequence))
      )
        levels.pop();
      openKeyColumn = null;
      scanBlockLine(line, at);
    }
    count.line += 1;
    lineStart = lineEnd + 1;
  }

  function skipBlanks(line: string, at: number): number {
    while (line[at] === " " || line[at] === "\t") at++;
    return at;
  }

  function push(column: number): void {
    if (levels.at(-1) !== column) levels.push(column);
    count.depth(levels.length);
  }

  /** A line in block context from `at`: indicators, node properties, then a key and/or a value. */
  function scanBlockLine(line: string, at: number): void {
    // "- ", "? " and ": " (explicit value) each open a collection at their column.
    while ((line[at] === "-" || line[at] === "?" || line[at] === ":") && isBlank(line[at + 1])) {
      push(at);
      count.entry();
      at = skipBlanks(line, at + 1);
    }
    if (at >= line.length || line[at] === "#" || line[at] === "\r") {
      openKeyColumn = at;
      return;
    }
    at = skipProperties(line, at);
    const keyColumn = at;
    const key = findKeyEnd(line, at);
    if (!key) {
      scanBlockValue(line, at, keyColumn);
      return;
    }
    count.key(key.length);
    push(keyColumn);
    count.entry();
    const value = skipBlanks(line, key.valueStart);
    if (value >= line.length || line[value] === "#" || line[value] === "\r") {
      openKeyColumn = keyColumn;
      return;
    }
    scanBlockValue(line, value, keyColumn);
  }

  /** A value in block context at `at`; `parent` is the column of the node it belongs to. */
  function scanBlockValue(line: string, at: number, parent: number): void {
    at = skipProperties(line, at);
    const c = line[at];
    if (c === "[" || c === "{") {
      flowBase = levels.length;
      scanInline(line, at);
    } else if (c === '"' || c === "'") {
      quote = c;
      afterJsonLike = false;
      scanInline(line, at + 1);
    } else if (c === "|" || c === ">") {
      blockScalar = { parent, content: null };
    }
  }

  /** Anchors (&a) and tags (!t) before a node are skipped; an alias (*a) is counted. */
  function skipProperties(line: string, at: number): number {
    for (;;) {
      const c = line[at];
      if (c === "*" && startsAnchorName(line[at + 1])) count.alias();
      if (c !== "&" && c !== "!") return at;
      while (at < line.length && !isBlank(line[at])) at++;
      at = skipBlanks(line, at);
    }
  }

  /** Where a plain or single-line quoted key ends ("key: value"); null when the line holds no key. */
  function findKeyEnd(line: string, at: number): { length: number; valueStart: number } | null {
    const q = line[at];
    if (q === '"' || q === "'") {
      let end = at + 1;
      while (end < line.length && line[end] !== q) end += line[end] === "\\" && q === '"' ? 2 : 1;
      if (end >= line.length) return null; // quoted text over several lines: a value
      const colon = skipBlanks(line, end + 1);
      return line[colon] === ":" && isBlank(line[colon + 1])
        ? { length: end + 1 - at, valueStart: colon + 1 }
        : null;
    }
    if (q === "[" || q === "{") return null;
    for (let end = at; end < line.length; end++) {
      if (line[end] === "#" && (end === at || isBlank(line[end - 1]))) return null;
      if (line[end] === ":" && isBlank(line[end + 1]))
        return { length: end - at, valueStart: end + 1 };
    }
    return null;
  }

  /** Quoted text and flow collections, which may continue over several lines. */
  function scanInline(line: string, from: number): void {
    for (let i = from; i < line.length; i++) {
      const c = line[i]!;
      if (quote !== null) {
        if (quote === '"' && c === "\\") i += 1;
        else if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i += 1;
          else {
            quote = null;
            nodeStart = false;
            afterJsonLike = true;
            if (flowDepth === 0) return; // a block value ends with its quote
          }
        }
        continue;
      }
      if (c === " " || c === "\t" || c === "\r") continue;
      if (c === "#" && (i === 0 || isBlank(line[i - 1]))) return;
      if (c === "[" || c === "{") {
        flowDepth += 1;
        count.depth(flowBase + flowDepth);
        count.entry();
        nodeStart = true;
        afterJsonLike = false;
      } else if (c === "]" || c === "}") {
        flowDepth = Math.max(0, flowDepth - 1);
        nodeStart = false;
        afterJsonLike = true;
        if (flowDepth === 0) return;
      } else if (c === ",") {
        count.entry();
        nodeStart = true;
        afterJsonLike = false;
      } else if (
        c === ":" &&
        (nodeStart || afterJsonLike || isBlank(line[i + 1]) || isFlowIndicator(line[i + 1]))
      ) {
        nodeStart = true;
        afterJsonLike = false;
      } else if (c === "?" && nodeStart && isBlank(line[i + 1])) {
        // explicit key: the node starts after it
      } else if ((c === '"' || c === "'") && nodeStart) {
        quote = c;
      } else if ((c === "&" || c === "!") && nodeStart) {
        while (i + 1 < line.length && !isBlank(line[i + 1]) && !isFlowIndicator(line[i + 1])) i++;
      } else if (c === "*" && nodeStart && startsAnchorName(line[i + 1])) {
        count.alias();
        nodeStart = false;
        afterJsonLike = false;
      } else {
        // a character of plain text: quotes inside it are text
        nodeStart = false;
        afterJsonLike = false;
      }
    }
  }
}
