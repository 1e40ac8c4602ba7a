import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rateResidency } from "../../scoring";
import {
  ADEQUACY_DECISIONS,
  adequacyDecisionsForScoring,
  wholeCountryAdequacyCodes,
} from "./adequacy-decisions";
import { EU_EEA_CODES, isCountryCode } from "./countries";

// The shared reference data sits next to the repository (../shared relative to the repo root).
const ADEQUACY_CSV = fileURLToPath(
  new URL("../../../shared/data/gdpr/gdpr_adequacy_decisions.csv", import.meta.url),
);

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; a BOM is ignored. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ""));
}

function readRows(file: string): Record<string, string>[] {
  const [header = [], ...lines] = parseCsv(readFileSync(file, "utf8"));
  const columns = header.map((column) => column.trim());
  return lines.map((cells) =>
    Object.fromEntries(columns.map((column, i) => [column, (cells[i] ?? "").trim()])),
  );
}

/** The scope kind a CSV scope text stands for. */
function scopeKind(text: string): string {
  if (/Data Privacy Framework/i.test(text)) return "dpf_certified_only";
  if (/commercial organisations/i.test(text)) return "commercial_only";
  return "whole";
}

describe("adequacy decisions", () => {
  it("lists each ISO country once with a scope kind and valid dates", () => {
    const codes = ADEQUACY_DECISIONS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const decision of ADEQUACY_DECISIONS) {
      expect(isCountryCode(decision.code)).toBe(true);
      expect(EU_EEA_CODES).not.toContain(decision.code);
      expect(["whole", "dpf_certified_only", "commercial_only"]).toContain(decision.scope);
      expect(decision.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (decision.validUntil !== undefined)
        expect(decision.validUntil > decision.validFrom).toBe(true);
    }
  });

  it.each([
    ["2000-07-25", []],
    ["2000-07-26", ["CH"]],
    ["2025-06-30", ["AD", "AR", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY"]],
    [
      "2026-01-26",
      ["AD", "AR", "BR", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY"],
    ],
    [
      "2031-12-27",
      ["AD", "AR", "BR", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY"],
    ],
    ["2031-12-28", ["AD", "AR", "BR", "CH", "FO", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY"]],
  ])("whole-country decisions in force on %s", (onDate, expected) => {
    expect([...wholeCountryAdequacyCodes(onDate)].sort()).toEqual(expected);
  });

  it("gives the scoring library every decision with its scope and dates", () => {
    const refs = adequacyDecisionsForScoring();
    expect(refs).toHaveLength(ADEQUACY_DECISIONS.length);
    expect(refs.find((d) => d.code === "US")).toEqual({
      code: "US",
      scope: "dpf_certified_only",
      validFrom: "2023-07-10",
    });
    expect(refs.find((d) => d.code === "GB")).toEqual({
      code: "GB",
      scope: "whole",
      validFrom: "2021-06-28",
      validUntil: "2031-12-27",
    });
  });

  it("lets the residency rating apply the partial scopes and the dates", () => {
    const reference = { euEea: [...EU_EEA_CODES], adequacy: adequacyDecisionsForScoring() };
    const flows = [
      {
        kind: "subprocessor" as const,
        label: "certified",
        country: "US",
        recipient: { dpfCertified: true },
      },
      {
        kind: "subprocessor" as const,
        label: "not certified",
        country: "US",
        recipient: { dpfCertified: false },
      },
      {
        kind: "support" as const,
        label: "commercial",
        country: "CA",
        recipient: { commercial: true },
      },
      { kind: "storage" as const, label: "Brazil", country: "BR" },
    ];
    const before = rateResidency(flows, reference, "2025-06-30");
    expect(before.flows.map((f) => f.class)).toEqual([
      "adequacy",
      "third_country_no_safeguards",
      "adequacy",
      "third_country_no_safeguards",
    ]);
    const after = rateResidency(flows, reference, "2026-02-01");
    expect(after.flows[3]?.class).toBe("adequacy");
  });

  // The shared data folder exists next to the repository on the team's machines and in CI; a bare
  // clone without it skips this comparison (the checks above still run).
  it.skipIf(!existsSync(ADEQUACY_CSV))(
    "matches the adequacy reference file: codes, scopes and decision dates",
    () => {
      const rows = readRows(ADEQUACY_CSV);
      const countries = rows.filter((row) => /^[A-Z]{2}$/.test(row.iso2 ?? ""));
      const others = rows.filter((row) => !/^[A-Z]{2}$/.test(row.iso2 ?? ""));
      // Only international organisations are left out (they are not a place data can be stored).
      for (const row of others) expect(row.scope).toBe("international organisation");

      const fromCsv = countries
        .map((row) => ({
          code: row.iso2,
          scope: scopeKind(row.scope ?? ""),
          validFrom: row.decision_date,
        }))
        .sort((a, b) => (a.code! < b.code! ? -1 : 1));
      const ours = ADEQUACY_DECISIONS.map(({ code, scope, validFrom }) => ({
        code,
        scope,
        validFrom,
      })).sort((a, b) => (a.code < b.code ? -1 : 1));
      expect(ours).toEqual(fromCsv);

      // A renewal "until <date>" in the CSV is the end of validity here.
      for (const row of countries) {
        const until = /until (\d{1,2}) (\w{3}) (\d{4})/.exec(row.status_note ?? "");
        const ourDecision = ADEQUACY_DECISIONS.find((d) => d.code === row.iso2);
        if (!until) {
          expect(ourDecision?.validUntil).toBeUndefined();
          continue;
        }
        const months = [
          "Jan",
          "Feb",
          "Mar",
          "Apr",
          "May",
          "Jun",
          "Jul",
          "Aug",
          "Sep",
          "Oct",
          "Nov",
          "Dec",
        ];
        const month = String(months.indexOf(until[2]!) + 1).padStart(2, "0");
        expect(ourDecision?.validUntil).toBe(`${until[3]}-${month}-${until[1]!.padStart(2, "0")}`);
      }
    },
  );
});
