/**
 * A generated CISO Assistant-style library the size of a real large one (the AI Act library:
 * 848 kB, 1,200 nodes, 347 assessable, tree depth 6), for the test that it parses and for
 * bench/framework-import.ts. Deterministic: the same options give the same text. Invented text,
 * no third-party content.
 */
export interface GeneratedLibraryOptions {
  nodes: number;
  version?: number;
  /** Characters of each description (the default, 345, makes 1,200 nodes ≈ 850 kB). */
  descriptionLength?: number;
}

const WORDS =
  "the provider shall ensure that each system keeps records of its operation and informs the deployer about risks to health safety and fundamental rights before placing it on the market".split(
    " ",
  );

const DEPTH_PATTERN = [1, 2, 3, 4, 4, 5, 6, 6, 5, 4, 3, 3, 2, 3, 4, 4, 3, 2, 3, 3];

function sentence(seed: number, length: number): string {
  let out = "";
  let i = seed;
  while (out.length < length) {
    out += `${WORDS[i % WORDS.length]} `;
    i = (i * 7 + 3) % 9973;
  }
  return out.trim();
}

/** `key: text` wrapped at about 80 columns, as PyYAML writes long scalars. */
function wrapped(key: string, text: string, quoted: boolean): string[] {
  const words = text.split(" ");
  const rows: string[] = [];
  let row = "";
  for (const word of words) {
    if (row !== "" && row.length + word.length > 72) {
      rows.push(row);
      row = "";
    }
    row = row === "" ? word : `${row} ${word}`;
  }
  rows.push(row);
  if (!quoted) return rows.map((r, index) => (index === 0 ? `      ${key}: ${r}` : `        ${r}`));
  // Double-quoted, as PyYAML writes it: a line ending in a backslash continues without a
  // space, a line starting with "\ " keeps its space; \u escapes and an escaped quote.
  const BS = "\\";
  return rows.map((r, index) => {
    const first = index === 0;
    const last = index === rows.length - 1;
    const body = first ? `"${BS}u2018${r}` : `${BS} ${r}`;
    const end = last ? `${BS}u2019 ${BS}"end${BS}""` : BS;
    return `${first ? `      ${key}: ` : "        "}${body}${end}`;
  });
}

/**
 * Shape: chapters (depth 1) → articles (2) → paragraphs (3) → points (4) → sub-points (5) →
 * items (6), every fourth node assessable below the chapter level; each node has a German
 * translation of its name.
 */
export function generateLibraryYaml({
  nodes,
  version = 1,
  descriptionLength = 345,
}: GeneratedLibraryOptions): { text: string; assessable: number } {
  const urn = (i: number) => `urn:vetted:risk:req_node:generated:n${i}`;
  const lines = [
    "urn: urn:vetted:risk:library:generated",
    "locale: en",
    "ref_id: generated",
    "name: Generated library",
    "description: A generated library for tests and benchmarks.",
    `version: ${version}`,
    "provider: Vetted",
    "packager: vetted",
    "objects:",
    "  framework:",
    "    urn: urn:vetted:risk:framework:generated",
    "    ref_id: generated",
    "    name: Generated library",
    "    requirement_nodes:",
  ];
  // The open path of ancestors: index per depth.
  const open: number[] = [];
  let assessable = 0;
  for (let i = 0; i < nodes; i++) {
    // Down to depth 6 and back up, never more than one level below the previous node.
    const depth = Math.min(open.length + 1, DEPTH_PATTERN[i % DEPTH_PATTERN.length]!);
    open.length = depth - 1;
    const parent = open.at(-1);
    const isAssessable = depth >= 3 && i % 2 === 0;
    if (isAssessable) assessable += 1;
    // PyYAML's layout, as the CISO Assistant converter writes it: the list at the key's
    // indentation, long text wrapped over lines, plain or double-quoted with escapes and "\"
    // line continuations.
    lines.push(`    - urn: ${urn(i)}`);
    lines.push(`      assessable: ${isAssessable}`);
    lines.push(`      depth: ${depth}`);
    if (parent !== undefined) lines.push(`      parent_urn: ${urn(parent)}`);
    lines.push(`      ref_id: "${depth}.${i}"`);
    lines.push(`      name: Provision ${i} ${sentence(i, 30)}`);
    lines.push(...wrapped("description", sentence(i + 1, descriptionLength), i % 2 === 1));
    lines.push("      translations:");
    lines.push("        de:");
    lines.push(`          name: Bestimmung ${i} über „Pflichten“`);
    open.push(i);
  }
  return { text: `${lines.join("\n")}\n`, assessable };
}
