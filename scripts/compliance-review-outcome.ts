// Writes docs/compliance-review-outcome.csv: for every reference the December 2026 content review
// checked (its per-reference table, shared/research/compliance-references.csv — not part of the
// repository), what became of it in the bundled templates: confirmed (still cited), corrected
// (replaced by more precise or other provisions, named) or removed (with the review's reason).
// The outcome is derived from the templates, not typed by hand; compliance-review-outcome.test.ts
// checks the committed file against the templates, so it cannot drift.
//
//   npx tsx scripts/compliance-review-outcome.ts ../shared/research/compliance-references.csv

import { readFileSync, writeFileSync } from "node:fs";
import { BUNDLED_TEMPLATES } from "../app/modules/questionnaires/bundled-templates.server";
import {
  parseTemplateDefinition,
  questionsOf,
} from "../app/modules/questionnaires/template-definition";
import { TEMPLATE_REFERENCE_LINKS } from "../app/reference-data/template-provision-links";
import { parseCsv } from "../app/modules/fmti/parse-csv";
import { toCsv } from "../app/modules/exports/spreadsheet";

const TEMPLATE_KEYS: Record<string, string> = {
  DD: "ai-vendor-due-diligence",
  TI: "ai-transparency-indicators",
  DR: "data-residency-transfers",
};

/** Why a reference the review called wrong or doubtful is still cited (decided with the content). */
const KEPT_REASONS: Record<string, string> = {};
/** Why a reference the review found fitting is no longer cited (decided with the content). */
const DROPPED_REASONS: Record<string, string> = {};

function main(reviewPath: string) {
  const review = parseCsv(readFileSync(reviewPath, "utf8")).map((r) => r.fields);
  const header = review.shift()!;
  const field = (row: string[], name: string) => row[header.indexOf(name)] ?? "";
  const cited = new Map<string, string[]>();
  for (const raw of BUNDLED_TEMPLATES) {
    const parsed = parseTemplateDefinition(raw);
    if (!parsed.ok) throw new Error("bundled template invalid");
    for (const q of questionsOf(parsed.definition))
      cited.set(`${parsed.definition.key}|${q.key}`, q.references);
  }
  const keyOf = (reference: string) => {
    const links = TEMPLATE_REFERENCE_LINKS[reference];
    if (links?.length !== 1) throw new Error(`no single key for ${reference}`);
    return links[0]!.provisionKey;
  };
  // What each question cited before, from the review's own rows.
  const before = new Map<string, Set<string>>();
  for (const row of review) {
    const id = `${TEMPLATE_KEYS[field(row, "template")]}|${field(row, "question")}`;
    before.set(id, (before.get(id) ?? new Set()).add(keyOf(field(row, "reference"))));
  }
  const rows = review.map((row) => {
    const question = field(row, "question");
    const reference = field(row, "reference");
    const verdict = field(row, "verdict");
    const id = `${TEMPLATE_KEYS[field(row, "template")]}|${question}`;
    const key = keyOf(reference);
    const now = cited.get(id) ?? [];
    const precise = now.filter((k) => k.startsWith(`${key}:`) || k.startsWith(`${key}.`));
    const added = now.filter((k) => !before.get(id)!.has(k));
    const reviewReason = field(row, "why") || field(row, "correct_reference");
    let outcome: string;
    let nowCited: string[] = [];
    let reason = "";
    if (now.includes(key)) {
      outcome = "confirmed";
      if (verdict !== "ok") {
        reason = KEPT_REASONS[`${question}|${reference}`] ?? "";
        if (!reason) throw new Error(`still cited, reason needed: ${question} ${reference}`);
      }
    } else if (precise.length > 0) {
      outcome = "corrected";
      nowCited = precise;
      reason = "now cited precisely (paragraph, point or control)";
    } else if (verdict === "ok") {
      outcome = "removed";
      reason = DROPPED_REASONS[`${question}|${reference}`] ?? "";
      if (!reason) throw new Error(`a fitting reference disappeared: ${question} ${reference}`);
    } else if (added.length > 0) {
      outcome = "corrected";
      nowCited = added;
      reason = reviewReason;
    } else {
      outcome = "removed";
      reason = reviewReason;
    }
    return [
      field(row, "template"),
      question,
      reference,
      verdict,
      key,
      outcome,
      nowCited.join(" "),
      reason,
    ];
  });
  const headers = ["template", "question", "reference", "verdict", "provision_key", "outcome"];
  // Plain UTF-8 with LF line ends (a repository file), not the spreadsheet export's BOM/CRLF.
  const csv = toCsv([...headers, "now_cited", "reason"], rows)
    .replace(/^\uFEFF/, "")
    .replace(/\r\n/g, "\n");
  writeFileSync("docs/compliance-review-outcome.csv", csv);
  const count = (o: string) => rows.filter((r) => r[5] === o).length;
  console.log(
    `rows=${rows.length} confirmed=${count("confirmed")} corrected=${count("corrected")} removed=${count("removed")}`,
  );
}

main(process.argv[2] ?? "../shared/research/compliance-references.csv");
