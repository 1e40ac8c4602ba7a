import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../modules/fmti/parse-csv";
import { BUNDLED_TEMPLATES } from "../modules/questionnaires/bundled-templates.server";
import {
  parseTemplateDefinition,
  questionsOf,
} from "../modules/questionnaires/template-definition";

/**
 * Issue 21 "done when": every reference of the December 2026 content review is confirmed,
 * corrected or removed with a reason. docs/compliance-review-outcome.csv (written by
 * scripts/compliance-review-outcome.ts from the review's table) says which; this test holds it
 * to the bundled templates, so the file cannot claim what the templates do not do.
 */
const TEMPLATE_KEYS: Record<string, string> = {
  DD: "ai-vendor-due-diligence",
  TI: "ai-transparency-indicators",
  DR: "data-residency-transfers",
};

const rows = (() => {
  const records = parseCsv(readFileSync("docs/compliance-review-outcome.csv", "utf8"));
  const [header, ...body] = records.map((r) => r.fields);
  return body.map((fields) => Object.fromEntries(header!.map((name, i) => [name, fields[i]!])));
})();

const cited = (() => {
  const map = new Map<string, string[]>();
  for (const raw of BUNDLED_TEMPLATES) {
    const parsed = parseTemplateDefinition(raw);
    if (!parsed.ok) throw new Error("bundled template invalid");
    for (const q of questionsOf(parsed.definition))
      map.set(`${parsed.definition.key}|${q.key}`, q.references);
  }
  return map;
})();

describe("outcome of the content review's references", () => {
  it("has a row for each of the 378 reviewed references, 21 of them wrong or doubtful", () => {
    expect(rows).toHaveLength(378);
    expect(rows.filter((r) => r.verdict !== "ok")).toHaveLength(21);
    for (const row of rows) expect(["confirmed", "corrected", "removed"]).toContain(row.outcome);
  });

  it("matches the bundled templates row by row", () => {
    for (const row of rows) {
      const now = cited.get(`${TEMPLATE_KEYS[row.template!]}|${row.question}`);
      const where = `${row.question}: ${row.reference}`;
      expect(now, where).toBeDefined();
      if (row.outcome === "confirmed") {
        expect(now, where).toContain(row.provision_key);
        if (row.verdict !== "ok") expect(row.reason!.length, where).toBeGreaterThan(10);
        continue;
      }
      expect(now, where).not.toContain(row.provision_key);
      expect(row.reason!.length, where).toBeGreaterThan(10);
      if (row.outcome === "corrected") {
        const replacements = row.now_cited!.split(" ").filter(Boolean);
        expect(replacements.length, where).toBeGreaterThan(0);
        for (const key of replacements) expect(now, where).toContain(key);
      }
    }
  });

  it("keeps no wrong reference", () => {
    for (const row of rows.filter((r) => r.verdict === "wrong"))
      expect(row.outcome, `${row.question}: ${row.reference}`).not.toBe("confirmed");
  });
});
