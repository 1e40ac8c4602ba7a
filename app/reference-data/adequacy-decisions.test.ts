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
import { LIMITED_SCOPE_NOTES, limitedScopeNotes } from "./adequacy-scope-notes";
import {
  ADEQUACY_INSTRUMENTS,
  ADEQUACY_SCOPE_NOTES,
  CORRECTED_SCOPE_LABELS,
} from "./regulations/adequacy";

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
  // Canada (PIPEDA) and Japan (private-sector operators under the APPI, issue 21 item 7).
  if (/commercial organisations|private-sector operators/i.test(text)) return "commercial_only";
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
    ["2025-06-30", ["AD", "AR", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "KR", "NZ", "UY"]],
    ["2026-01-26", ["AD", "AR", "BR", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "KR", "NZ", "UY"]],
    ["2031-12-27", ["AD", "AR", "BR", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "KR", "NZ", "UY"]],
    ["2031-12-28", ["AD", "AR", "BR", "CH", "FO", "GG", "IL", "IM", "JE", "KR", "NZ", "UY"]],
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
      scopeNote: expect.stringContaining("EU-US Data Privacy Framework") as unknown as string,
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

  describe("partial scopes (issue 21 item 7, compliance-review.md §7 A1–A7)", () => {
    const reference = () => ({ euEea: [...EU_EEA_CODES], adequacy: adequacyDecisionsForScoring() });
    const decision = (code: string) => ADEQUACY_DECISIONS.find((d) => d.code === code)!;

    it("Japan covers private-sector business operators under the APPI only: a public body there is not adequacy-rated", () => {
      expect(decision("JP").scope).toBe("commercial_only");
      expect(decision("JP").scopeNote).toMatch(
        /private sector.*APPI.*public authorities is not covered/,
      );
      const rating = rateResidency(
        [
          { kind: "storage", label: "vendor", country: "JP", recipient: { commercial: true } },
          { kind: "support", label: "ministry", country: "JP", recipient: { commercial: false } },
        ],
        reference(),
        "2026-12-07",
      );
      expect(rating.flows.map((f) => f.class)).toEqual(["adequacy", "third_country_no_safeguards"]);
      // The explanation names the scope, for the covered and the uncovered recipient alike.
      for (const flow of rating.flows) expect(flow.reason).toMatch(/APPI/);
    });

    it("Korea and Israel keep a whole-country rating, but their reasons name the exclusions and the territorial scope", () => {
      expect(decision("KR").scope).toBe("whole");
      expect(decision("KR").scopeNote).toMatch(
        /religious organisations.*political parties.*Credit Information Act.*Financial Services Commission/,
      );
      expect(decision("IL").scope).toBe("whole");
      expect(decision("IL").scopeNote).toMatch(
        /automated international transfers.*Golan Heights.*West Bank.*East Jerusalem.*Gaza/,
      );
      const rating = rateResidency(
        [
          { kind: "storage", label: "Seoul", country: "KR" },
          { kind: "storage", label: "Tel Aviv", country: "IL" },
        ],
        reference(),
        "2026-12-07",
      );
      expect(rating.flows.map((f) => f.class)).toEqual(["adequacy", "adequacy"]);
      expect(rating.flows[0]!.reason).toMatch(/Credit Information Act/);
      expect(rating.flows[1]!.reason).toMatch(/automated international transfers/);
    });

    it("whole-country decisions without limits carry no scope note into the rating", () => {
      const refs = adequacyDecisionsForScoring();
      for (const code of ["CH", "NZ", "UY", "GB", "BR"])
        expect(refs.find((d) => d.code === code)!.scopeNote, code).toBeUndefined();
    });

    it("cites the UK renewal of 19 Dec 2025 until 2031-12-27 and marks unconfirmed decision numbers as such", () => {
      expect(decision("GB").reference).toMatch(/19 December 2025 \[number unverified\]/);
      expect(decision("GB").validUntil).toBe("2031-12-27");
      expect(decision("BR").reference).toMatch(/2026\/179 \[number unverified\]/);
      expect(decision("IL").reference).toBe("Decision 2011/61/EU");
      expect(decision("US").scopeNote).toMatch(/appeal C-703\/25 P.*T-553\/23 Latombe is pending/);
    });

    it("shows the same limiting scope notes in both languages on the assessment page as in the rating", () => {
      expect([...ADEQUACY_SCOPE_NOTES.keys()].sort()).toEqual(
        Object.keys(LIMITED_SCOPE_NOTES).sort(),
      );
      for (const [code, note] of ADEQUACY_SCOPE_NOTES)
        expect(LIMITED_SCOPE_NOTES[code]!.en, code).toBe(note);
      expect(limitedScopeNotes(["DE", "JP", "US", "JP", "CH"], "de")).toEqual([
        { code: "JP", note: expect.stringContaining("Privatwirtschaft") as unknown as string },
        {
          code: "US",
          note: expect.stringContaining("EU-US-Datenschutzrahmen") as unknown as string,
        },
      ]);
      expect(limitedScopeNotes(["DE", "CH", "GB"], "en")).toEqual([]);
    });

    it("keeps the first reading of Japan's scope as an unchanged first version and corrects it in a later one", () => {
      const japan = ADEQUACY_INSTRUMENTS.find((i) => i.key === "eu:2019/419")!;
      expect(japan.versions.map((v) => v.label)).toEqual([
        "Implementing Decision (EU) 2019/419",
        CORRECTED_SCOPE_LABELS.JP,
      ]);
      expect(japan.versions[0]!.windows![0]!.condition).toBeUndefined();
      expect(japan.versions[1]!.windows![0]!.condition).toBe("commercial_only");
      // The catalogue orders versions of one day by label: the correction must come last.
      expect(japan.versions[0]!.label < japan.versions[1]!.label).toBe(true);
    });
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
