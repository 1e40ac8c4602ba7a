import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { normaliseLabel } from "./find-edition-files";
import { computeFmtiTotals, formatFmtiTotals, meanFmtiTotal, sortFmtiTotals } from "./fmti-totals";
import { parseCsv } from "./parse-csv";
import { FmtiReadError, readFmtiEdition, type FmtiEdition } from "./read-fmti-edition";

const MAY_2024 = path.resolve(import.meta.dirname, "../../../../shared/data/fmti/May2024");

const root = mkdtempSync(path.join(tmpdir(), "fmti-editions-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let editionCount = 0;
/** Writes an edition folder; keys are relative paths, values the file contents. */
function writeEdition(files: Record<string, string | Buffer>): string {
  const folder = path.join(root, `edition-${++editionCount}`);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(folder, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return folder;
}

const crlf = (lines: string[]) => `${lines.join("\r\n")}\r\n`;
const lf = (lines: string[]) => `${lines.join("\n")}\n`;
const BOM = "\uFEFF";

// A small edition: 4 indicators in 3 domains, 3 developers. Alpha Labs 3, Beta 1, Gamma AI 3.
const CATALOGUE = crlf([
  `${BOM}Domain,Subdomain ,Indicator,Definition,Notes`,
  'Upstream,Data,Data size ,"For the data, is its size disclosed?",n',
  'Upstream,Compute,Compute usage,"Is the ""compute"" disclosed?",n',
  'Model,Basics,Model size,"Is the model size disclosed?\r\nIn parameters.",n',
  "Downstream,Usage policy,Usage policy,,n",
]);
const MATRIX_ROWS = [
  "Data size ,1,0,1",
  "Compute usage,1,1,0",
  "Model size,0,0,1",
  "Usage policy,1,0,1",
];
const MATRIX_HEADER = `${BOM}Indicator ,Alpha Labs , Beta,Gamma AI`;
const EXPECTED_TOTALS = "Alpha Labs\t3\nGamma AI\t3\nBeta\t1\n";
const UNRELATED = {
  "published.csv": lf(["edition,developer,published_total", "2024,Alpha Labs,3"]),
  "reports/Alpha Labs_report.csv": lf([
    "Indicator,Definition,Notes,Disclosure,References,Score,Justification",
    "Data size,d,n,x,y,1,j",
  ]),
};

async function readError(folder: string): Promise<FmtiReadError> {
  try {
    await readFmtiEdition(folder);
  } catch (error) {
    if (error instanceof FmtiReadError) return error;
    throw error;
  }
  throw new Error("expected an FmtiReadError");
}

const totalsOf = (edition: FmtiEdition) => formatFmtiTotals(computeFmtiTotals(edition));

describe("readFmtiEdition on synthetic editions", () => {
  it("copes with BOM, CRLF, trailing spaces, quoted fields, a Total row, arbitrary file names and unrelated CSV files", async () => {
    const folder = writeEdition({
      "x1.csv": crlf([MATRIX_HEADER, ...MATRIX_ROWS, "Total ,3,1,3"]),
      "whatever.csv": CATALOGUE,
      ...UNRELATED,
    });
    const edition = await readFmtiEdition(folder);
    expect(edition.developers).toEqual(["Alpha Labs", "Beta", "Gamma AI"]);
    expect(edition.indicators).toEqual([
      {
        domain: "Upstream",
        subdomain: "Data",
        name: "Data size",
        definition: "For the data, is its size disclosed?",
      },
      {
        domain: "Upstream",
        subdomain: "Compute",
        name: "Compute usage",
        definition: 'Is the "compute" disclosed?',
      },
      {
        domain: "Model",
        subdomain: "Basics",
        name: "Model size",
        definition: "Is the model size disclosed? In parameters.",
      },
      { domain: "Downstream", subdomain: "Usage policy", name: "Usage policy" },
    ]);
    expect(edition.scores).toEqual([
      [1, 0, 1],
      [1, 1, 0],
      [0, 0, 1],
      [1, 0, 1],
    ]);
    expect(edition.files).toEqual({ matrix: "x1.csv", indicators: "whatever.csv" });
    expect(edition.notices).toEqual([
      "score matrix: x1.csv (3 developers, 4 indicators); indicators: whatever.csv; 2 other CSV file(s) ignored",
      "x1.csv: Total row on line 6 not counted as an indicator",
    ]);
    expect(totalsOf(edition)).toBe(EXPECTED_TOTALS);
  });

  it("does not count a Total column as a developer", async () => {
    const folder = writeEdition({
      "m.csv": lf([
        `${MATRIX_HEADER},Total`,
        ...MATRIX_ROWS.map(
          (row) =>
            `${row},${row
              .split(",")
              .slice(1)
              .map(Number)
              .reduce((a, b) => a + b)}`,
        ),
      ]),
      "i.csv": CATALOGUE,
    });
    const edition = await readFmtiEdition(folder);
    expect(edition.developers).toEqual(["Alpha Labs", "Beta", "Gamma AI"]);
    expect(edition.notices).toContain('m.csv: "Total" column not counted as a developer');
    expect(totalsOf(edition)).toBe(EXPECTED_TOTALS);
  });

  it("reads a matrix without any Total", async () => {
    const edition = await readFmtiEdition(
      writeEdition({ "m.csv": lf([MATRIX_HEADER, ...MATRIX_ROWS]), "i.csv": CATALOGUE }),
    );
    expect(edition.notices).toEqual([
      "score matrix: m.csv (3 developers, 4 indicators); indicators: i.csv",
    ]);
    expect(totalsOf(edition)).toBe(EXPECTED_TOTALS);
  });

  it("reads a matrix that carries Domain and Subdomain itself (no indicators file), with Total row and column", async () => {
    const folder = writeEdition({
      "oct.csv": lf([
        "Domain,Subdomain,Indicator,Alpha Labs,Beta,Gamma AI,Total",
        "Upstream,Data,Data size,1,0,1,2",
        "Upstream,Compute,Compute usage,1,1,0,2",
        "Model,Basics,Model size,0,0,1,1",
        "Downstream,Usage policy,Usage policy,1,0,1,2",
        ",,Total,3,1,3,",
      ]),
      ...UNRELATED,
    });
    const edition = await readFmtiEdition(folder);
    expect(edition.files).toEqual({ matrix: "oct.csv", indicators: null });
    expect(edition.indicators.map((i) => `${i.domain}/${i.subdomain}/${i.name}`)).toEqual([
      "Upstream/Data/Data size",
      "Upstream/Compute/Compute usage",
      "Model/Basics/Model size",
      "Downstream/Usage policy/Usage policy",
    ]);
    expect(edition.notices[0]).toBe(
      "score matrix: oct.csv (3 developers, 4 indicators); domains and subdomains from the matrix; 2 other CSV file(s) ignored",
    );
    expect(totalsOf(edition)).toBe(EXPECTED_TOTALS);
  });

  it("uses an indicators file beside a matrix with domains for the definitions", async () => {
    const folder = writeEdition({
      "oct.csv": lf([
        "Domain,Subdomain,Indicator,Alpha Labs,Beta,Gamma AI",
        ...["Upstream,Data,", "Upstream,Compute,", "Model,Basics,", "Downstream,Usage policy,"].map(
          (prefix, i) => prefix + MATRIX_ROWS[i],
        ),
      ]),
      "i.csv": CATALOGUE,
    });
    const edition = await readFmtiEdition(folder);
    expect(edition.indicators[0]!.definition).toBe("For the data, is its size disclosed?");
    expect(totalsOf(edition)).toBe(EXPECTED_TOTALS);
  });

  it("joins by name when the files list the indicators in another order, ignoring punctuation and case", async () => {
    const folder = writeEdition({
      "m.csv": lf([
        MATRIX_HEADER,
        "usage-policy,1,0,1",
        "Model size,0,0,1",
        "DATA SIZE,1,0,1",
        "Compute usage,1,1,0",
      ]),
      "i.csv": CATALOGUE,
    });
    const edition = await readFmtiEdition(folder);
    expect(edition.indicators.map((i) => i.name)).toEqual([
      "Usage policy",
      "Model size",
      "Data size",
      "Compute usage",
    ]);
    expect(edition.indicators[0]!.domain).toBe("Downstream");
    expect(edition.notices).toHaveLength(1);
    expect(totalsOf(edition)).toBe(EXPECTED_TOTALS);
  });

  it("joins by position, with a notice, when names differ but the counts match", async () => {
    const folder = writeEdition({
      "m.csv": lf([
        MATRIX_HEADER,
        "Data size,1,0,1",
        "Compute used,1,1,0",
        "Model size,0,0,1",
        "Policy,1,0,1",
      ]),
      "i.csv": CATALOGUE,
    });
    const edition = await readFmtiEdition(folder);
    expect(edition.indicators.map((i) => i.name)).toEqual([
      "Data size",
      "Compute usage",
      "Model size",
      "Usage policy",
    ]);
    const notice = edition.notices.find((n) => n.includes("joined by position"));
    expect(notice).toContain("indicator names differ in 2 of 4 rows between m.csv and i.csv");
    expect(notice).toContain('#2 "Compute used" (m.csv line 3) ↔ "Compute usage" (i.csv line 3)');
    expect(notice).toContain('#4 "Policy" (m.csv line 5) ↔ "Usage policy" (i.csv line 6)');
    expect(totalsOf(edition)).toBe(EXPECTED_TOTALS);
  });

  it("refuses to join by position when the files list the indicators in another order", async () => {
    const folder = writeEdition({
      "m.csv": lf([
        MATRIX_HEADER,
        "Compute usage,1,1,0",
        "Data size,1,0,1",
        "Model size,0,0,1",
        "Policy,1,0,1",
      ]),
      "i.csv": CATALOGUE,
    });
    const error = await readError(folder);
    expect(error.code).toBe("JOIN");
    expect(error.message).toContain(
      `${path.join(folder, "m.csv")}:2: cannot join by position: "Compute usage" is indicator 1 of m.csv but indicator 2 of i.csv`,
    );
  });

  it("fails when names differ and the counts do not match", async () => {
    const folder = writeEdition({
      "m.csv": lf([MATRIX_HEADER, "Data size,1,0,1", "Compute used,1,1,0", "Model size,0,0,1"]),
      "i.csv": CATALOGUE,
    });
    const error = await readError(folder);
    expect(error.code).toBe("JOIN");
    expect(error.line).toBe(3);
    expect(error.message).toContain("m.csv lists 3 indicators, i.csv lists 4");
    expect(error.message).toContain('"Compute used" (line 3) is not in i.csv');
  });

  it("joins by name when the indicators file lists more indicators, and says which are unused", async () => {
    const folder = writeEdition({
      "m.csv": lf([MATRIX_HEADER, ...MATRIX_ROWS.slice(0, 3)]),
      "i.csv": CATALOGUE,
    });
    const edition = await readFmtiEdition(folder);
    expect(edition.indicators).toHaveLength(3);
    expect(edition.notices).toContain(
      'i.csv: 1 indicator(s) not in the score matrix, ignored: "Usage policy" (line 6)',
    );
  });

  it("reports a Total row that disagrees with the scores", async () => {
    const folder = writeEdition({
      "m.csv": lf([MATRIX_HEADER, ...MATRIX_ROWS, "Total,3,2,3"]),
      "i.csv": CATALOGUE,
    });
    const edition = await readFmtiEdition(folder);
    expect(edition.notices).toContain(
      "m.csv: the Total row on line 6 disagrees with the indicators for Beta 2 (counted 1); the counted totals are used",
    );
    expect(totalsOf(edition)).toBe(EXPECTED_TOTALS);
  });

  it("reads an indicators file with an unknown text column as the indicators file, not as a second matrix", async () => {
    const catalogue = lf([
      "Domain,Subdomain,Indicator,Category",
      "Upstream,Data,Data size,disclosure",
      "Upstream,Compute,Compute usage,disclosure",
      "Model,Basics,Model size,property",
      "Downstream,Usage policy,Usage policy,policy",
    ]);
    const folder = writeEdition({
      "m.csv": lf([MATRIX_HEADER, ...MATRIX_ROWS]),
      "i.csv": catalogue,
    });
    const edition = await readFmtiEdition(folder);
    expect(edition.files).toEqual({ matrix: "m.csv", indicators: "i.csv" });
    expect(edition.notices).toContain(
      'i.csv: its column(s) "Category" hold text, not scores; read as an indicators file',
    );
    expect(totalsOf(edition)).toBe(EXPECTED_TOTALS);
  });

  it("accepts scores written as 1.0 and 0.0", async () => {
    const folder = writeEdition({
      "m.csv": lf([MATRIX_HEADER, "Data size,1.0,0.0,1", ...MATRIX_ROWS.slice(1)]),
      "i.csv": CATALOGUE,
    });
    expect(totalsOf(await readFmtiEdition(folder))).toBe(EXPECTED_TOTALS);
  });

  describe("errors name the file and the line", () => {
    it("a score that is not 0 or 1", async () => {
      const folder = writeEdition({
        "scores-2024.csv": crlf([
          MATRIX_HEADER,
          MATRIX_ROWS[0]!,
          "Compute usage,1,2,0",
          ...MATRIX_ROWS.slice(2),
        ]),
        "i.csv": CATALOGUE,
      });
      const error = await readError(folder);
      expect(error).toMatchObject({
        code: "BAD_SCORE",
        file: path.join(folder, "scores-2024.csv"),
        line: 3,
      });
      expect(error.message).toBe(
        `${path.join(folder, "scores-2024.csv")}:3: score "2" is not 0 or 1 for developer "Beta" (column 3), indicator "Compute usage"`,
      );
    });

    it("a missing score", async () => {
      const folder = writeEdition({
        "m.csv": lf([MATRIX_HEADER, "Data size,1,,1"]),
        "i.csv": CATALOGUE,
      });
      expect((await readError(folder)).message).toContain(
        'm.csv:2: no score for developer "Beta" (column 3), indicator "Data size"',
      );
    });

    it("a ragged row (after a quoted multi-line field, so the line is the physical one)", async () => {
      const folder = writeEdition({
        "m.csv": lf([MATRIX_HEADER, ...MATRIX_ROWS]),
        "cat.csv": lf([
          "Domain,Subdomain,Indicator,Definition",
          'U,D,Data size,"two\nlines"',
          "U,C,Compute usage,x,extra",
          "M,B,Model size,x",
          "D,P,Usage policy,x",
        ]),
      });
      const error = await readError(folder);
      expect(error).toMatchObject({ code: "RAGGED_ROW", line: 4 });
      expect(error.message).toBe(
        `${path.join(folder, "cat.csv")}:4: row has 5 fields but the header (line 1) has 4`,
      );
    });

    it("a ragged row in the matrix", async () => {
      const folder = writeEdition({
        "m.csv": lf([MATRIX_HEADER, MATRIX_ROWS[0]!, "Compute usage,1,1"]),
        "i.csv": CATALOGUE,
      });
      expect((await readError(folder)).message).toContain(
        "m.csv:3: row has 3 fields but the header (line 1) has 4",
      );
    });

    it("an unterminated quoted field", async () => {
      const folder = writeEdition({
        "m.csv": lf([MATRIX_HEADER, ...MATRIX_ROWS]),
        "i.csv": `${CATALOGUE}Model,Basics,"Broken,x,y\n`,
      });
      const error = await readError(folder);
      expect(error).toMatchObject({ code: "CSV_SYNTAX", line: 7 });
      expect(error.message).toContain("i.csv:7: quoted field opened on line 7 is never closed");
    });

    it("an empty indicator name and a duplicate developer", async () => {
      const empty = writeEdition({
        "m.csv": lf([MATRIX_HEADER, ...MATRIX_ROWS, " ,1,0,1"]),
        "i.csv": CATALOGUE,
      });
      expect((await readError(empty)).message).toContain("m.csv:6: the Indicator cell is empty");
      const duplicate = writeEdition({
        "m.csv": lf(["Indicator,Beta,beta ", "Data size,1,0"]),
        "i.csv": CATALOGUE,
      });
      expect((await readError(duplicate)).message).toContain(
        'm.csv:1: developer "beta" appears twice (columns 2 and 3)',
      );
    });

    it("a missing folder", async () => {
      const missing = path.join(root, "no-such-edition");
      const error = await readError(missing);
      expect(error).toMatchObject({ code: "FOLDER", file: missing, line: null });
      expect(error.message).toBe(`${missing}: edition folder not found`);
    });

    it("no score matrix", async () => {
      const folder = writeEdition({ "i.csv": CATALOGUE, ...UNRELATED });
      const error = await readError(folder);
      expect(error.code).toBe("NO_MATRIX");
      expect(error.message).toContain(`${folder}: no score matrix found`);
      expect(error.message).toContain("published.csv (no Indicator column)");
    });

    it("two candidate matrices", async () => {
      const folder = writeEdition({
        "a.csv": lf([MATRIX_HEADER, ...MATRIX_ROWS]),
        "sub/b.csv": lf([MATRIX_HEADER, ...MATRIX_ROWS]),
        "i.csv": CATALOGUE,
      });
      const error = await readError(folder);
      expect(error.code).toBe("AMBIGUOUS_MATRIX");
      expect(error.message).toContain("2 files look like the score matrix: a.csv, sub/b.csv");
    });

    it("no indicators file for a matrix without domains", async () => {
      const folder = writeEdition({ "m.csv": lf([MATRIX_HEADER, ...MATRIX_ROWS]), ...UNRELATED });
      const error = await readError(folder);
      expect(error.code).toBe("NO_INDICATORS");
      expect(error.message).toContain(
        "m.csv has no Domain and Subdomain columns and no indicators file",
      );
    });

    it("a matrix that is not UTF-8 is explained", async () => {
      const folder = writeEdition({
        "m.csv": Buffer.from("Indicator,Caf\xe9\n", "latin1"),
        "i.csv": CATALOGUE,
      });
      const error = await readError(folder);
      expect(error.code).toBe("NO_MATRIX");
      expect(error.message).toContain("m.csv (not UTF-8 text)");
    });
  });
});

describe("the May 2024 edition", () => {
  const published = parseCsv(readFileSync(path.join(MAY_2024, "published_totals.csv"), "utf8"))
    .slice(1)
    .map((record) => ({ developer: record.fields[1]!, total: Number(record.fields[3]) }));

  /**
   * Label rule: the two files label some developers differently ("BigCode" vs
   * "BigCode/Hugging Face/ServiceNow", "Stability" vs "Stability AI"). A matrix label matches a
   * published label when its words are the first words of the published label (words: letters and
   * digits, case ignored). Each side must match exactly one label of the other.
   */
  const words = (label: string) =>
    normaliseLabel(label)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const labelMatches = (matrixLabel: string, publishedLabel: string) => {
    const [short, long] = [words(matrixLabel), words(publishedLabel)];
    return (
      short.length > 0 && short.length <= long.length && short.every((word, i) => long[i] === word)
    );
  };

  it("reproduces every published total, with the mean 57.93", async () => {
    const edition = await readFmtiEdition(MAY_2024);
    expect(edition.developers).toHaveLength(14);
    expect(edition.indicators).toHaveLength(100);
    expect(new Set(edition.indicators.map((i) => i.domain))).toEqual(
      new Set(["Upstream", "Model", "Downstream"]),
    );
    expect(edition.files).toEqual({
      matrix: "May2024_scores.csv",
      indicators: "fmti-indicators.csv",
    });
    expect(edition.notices.some((n) => n.includes("joined by position"))).toBe(true);

    const totals = computeFmtiTotals(edition);
    expect(published).toHaveLength(14);
    const matched = published.map((entry) => {
      const candidates = totals.filter((t) => labelMatches(t.developer, entry.developer));
      expect(candidates, `exactly one matrix developer for "${entry.developer}"`).toHaveLength(1);
      return { published: entry, computed: candidates[0]! };
    });
    expect(new Set(matched.map((m) => m.computed.developer)).size).toBe(14);
    expect(
      matched.find((m) => m.published.developer === "BigCode/Hugging Face/ServiceNow")?.computed
        .developer,
    ).toBe("BigCode");
    expect(matched.find((m) => m.published.developer === "Stability AI")?.computed.developer).toBe(
      "Stability",
    );
    for (const { published: entry, computed } of matched) {
      expect(computed.total, entry.developer).toBe(entry.total);
    }
    expect(meanFmtiTotal(totals)!.toFixed(2)).toBe("57.93");

    // The published file is in ranking order: total descending, ties by name.
    expect(sortFmtiTotals(totals).map((t) => t.total)).toEqual(published.map((p) => p.total));
    expect(
      sortFmtiTotals(totals)
        .map((t) => t.developer)
        .slice(0, 3),
    ).toEqual(["BigCode", "AI21 Labs", "Aleph Alpha"]);
  });

  it("counts domain and subdomain subtotals that add up to the total", async () => {
    const edition = await readFmtiEdition(MAY_2024);
    for (const entry of computeFmtiTotals(edition)) {
      expect(entry.indicators).toBe(100);
      expect(entry.byDomain.map((d) => [d.domain, d.total])).toEqual([
        ["Upstream", 32],
        ["Model", 33],
        ["Downstream", 35],
      ]);
      expect(entry.byDomain.reduce((sum, d) => sum + d.satisfied, 0)).toBe(entry.total);
      for (const domain of entry.byDomain) {
        expect(domain.subdomains.reduce((sum, s) => sum + s.satisfied, 0)).toBe(domain.satisfied);
      }
    }
    const bigCode = computeFmtiTotals(edition).find((t) => t.developer === "BigCode")!;
    expect(bigCode.byDomain.find((d) => d.domain === "Upstream")!.subdomains[0]).toMatchObject({
      subdomain: "Data",
    });
  });
});

describe("fmti totals", () => {
  it("sorts by total descending, then by name regardless of case", () => {
    const sorted = sortFmtiTotals([
      { developer: "beta", total: 2 },
      { developer: "Alpha", total: 2 },
      { developer: "Zed", total: 5 },
      { developer: "alpha", total: 2 },
    ]);
    expect(sorted.map((t) => `${t.developer} ${t.total}`)).toEqual([
      "Zed 5",
      "Alpha 2",
      "alpha 2",
      "beta 2",
    ]);
    expect(meanFmtiTotal([])).toBeNull();
  });
});
