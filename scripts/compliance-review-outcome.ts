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

const DATA_ACT_SCOPE =
  "Kept with the scope note the review asks for (in the help text): Chapter VII of the Data Act covers non-personal data held in the Union by data processing service providers (Art. 1(2)(f)); for personal data Art. 48 GDPR governs. Data Act Art. 28(1)(a) added.";

/** Why a reference the review called wrong or doubtful is still cited (decided with the content). */
const KEPT_REASONS: Record<string, string> = {
  "residency.foreign_access_laws|EU Data Act Art. 32": DATA_ACT_SCOPE,
  "government_access.foreign_laws|EU Data Act Art. 32": DATA_ACT_SCOPE,
  "monitoring.incident_notification_hours|DORA Art. 30(2)(f)":
    "Kept for what it is: the vendor's assistance when an ICT incident occurs. The notice period itself is now cited as DORA Art. 30(3)(b), GDPR Art. 28(3)(f) and § 32 BSIG.",
};
/** Why a reference the review found fitting is no longer cited (decided with the content). */
const DROPPED_REASONS: Record<string, string> = {
  "transparency.usage_policy|AI Act Art. 13":
    "Art. 13 is the instructions for use of high-risk systems; a usage policy is information for downstream providers under Art. 53(1)(b) and Annex XII point 1(b) (as row 16 of the review for the transparency template).",
  "compliance.ai_act_classification|AI Act Art. 53":
    "The classification asks for the system's role and risk class: the definitions of Art. 3 replace the GPAI provider duties of Art. 53 (review §3.1 item 4).",
};

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
  const missing: string[] = [];
  const rows = review.map((row) => {
    const question = field(row, "question");
    const reference = field(row, "reference");
    const verdict = field(row, "verdict");
    const id = `${TEMPLATE_KEYS[field(row, "template")]}|${question}`;
    const key = keyOf(reference);
    const now = cited.get(id) ?? [];
    const precise = now.filter((k) => k.startsWith(`${key}:`) || k.startsWith(`${key}.`));
    const added = now.filter((k) => !before.get(id)!.has(k));
    // The review's reason and its proposal, so each row reads on its own ("same as above" does not).
    const reviewReason = [field(row, "why"), field(row, "correct_reference")]
      .filter(Boolean)
      .join(" — review proposal: ");
    let outcome: string;
    let nowCited: string[] = [];
    let reason = "";
    if (now.includes(key)) {
      outcome = "confirmed";
      if (verdict !== "ok") {
        reason = KEPT_REASONS[`${question}|${reference}`] ?? "";
        if (!reason) missing.push(`kept "${question}|${reference}"`);
      }
    } else if (precise.length > 0) {
      outcome = "corrected";
      nowCited = precise;
      reason = "now cited precisely (paragraph, point or control)";
    } else if (verdict === "ok") {
      outcome = "removed";
      reason = DROPPED_REASONS[`${question}|${reference}`] ?? "";
      if (!reason) missing.push(`dropped "${question}|${reference}"`);
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
  if (missing.length > 0) {
    console.error(`reasons needed (KEPT_REASONS / DROPPED_REASONS):\n${missing.join("\n")}`);
    process.exit(1);
  }
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
