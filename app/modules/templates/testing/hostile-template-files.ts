/**
 * The worst template files we could construct (issue 11, item 3), each with the limit it must
 * hit, the line it must be reported at, and the format to import it as. Each one once answered
 * "Maximum call stack size exceeded", threw out of the parser, or took seconds and hundreds of MB.
 */
/** Each level refers to the previous one ten times: 10^12 nodes once expanded. */
const aliasBomb = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
  .concat(
    Array.from(
      { length: 12 },
      (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(", ")}]`,
    ),
  )
  .join("\n");

export const HOSTILE_TEMPLATE_FILES = [
  {
    name: "20,000 nested flow brackets",
    text: `key: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`,
    format: "yaml",
    limit: "depth",
    line: 1,
  },
  {
    name: "1,900 levels of block indentation",
    text: Array.from({ length: 1_900 }, (_, i) => `${" ".repeat(i)}k:\n`).join(""),
    format: "yaml",
    limit: "depth",
    line: 33,
  },
  {
    name: "900,000 nested sequence dashes on one line",
    text: `${"- ".repeat(900_000)}x\n`,
    format: "yaml",
    limit: "depth",
    line: 1,
  },
  {
    name: "500,000 nested JSON arrays",
    text: "[".repeat(500_000),
    format: "json",
    limit: "depth",
    line: 1,
  },
  {
    name: "an alias bomb (billion laughs)",
    text: aliasBomb,
    format: "yaml",
    limit: "aliases",
    line: 12,
  },
  {
    name: "a 1.9 MB key",
    text: `${"k".repeat(1_900_000)}: 1\n`,
    format: "yaml",
    limit: "keyLength",
    line: 1,
  },
  {
    name: "a 1.9 MB quoted key",
    text: `"${"k".repeat(1_900_000)}": 1\n`,
    format: "yaml",
    limit: "keyLength",
    line: 1,
  },
  {
    name: "600,000 entries",
    text: `[${Array(600_000).fill("1").join(",")}]`,
    format: "yaml",
    limit: "entries",
    line: 1,
  },
] as const;
