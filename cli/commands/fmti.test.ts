import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fmtiCommand, parseFmtiArgs } from "./fmti";

const root = path.resolve(import.meta.dirname, "../..");
const MAY_2024 = path.resolve(root, "../shared/data/fmti/May2024");
const MAY_2024_RANKING = [
  "BigCode\t85",
  "AI21 Labs\t75",
  "Aleph Alpha\t75",
  "IBM\t64",
  "Microsoft\t62",
  "Meta\t60",
  "Stability\t58",
  "Writer\t56",
  "Mistral\t55",
  "Anthropic\t51",
  "OpenAI\t49",
  "Google\t47",
  "Amazon\t41",
  "Adept\t33",
];

const temp = mkdtempSync(path.join(tmpdir(), "fmti-cli-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function writeEdition(name: string, files: Record<string, string>): string {
  const folder = path.join(temp, name);
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
    writeFileSync(path.join(folder, relative), content);
  }
  return folder;
}

const CATALOGUE =
  "\uFEFFDomain,Subdomain,Indicator,Definition\r\nUpstream,Data,Data size,d1\r\nModel,Basics,Model size,d2\r\n";

/** Runs the real CLI without a database: DATABASE_URL is removed from its environment. */
function vetted(args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["cli/vetted.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env,
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command in-process, collecting its output. */
async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  let databasePrepared = false;
  const code = await fmtiCommand(args, {
    prepareDatabase: async () => {
      databasePrepared = true;
    },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return { code, stdout, stderr, databasePrepared };
}

describe("vetted fmti (real CLI)", () => {
  it("prints developer<TAB>total for May 2024 in ranking order, exit 0, without a database", () => {
    const result = vetted(["fmti", MAY_2024]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${MAY_2024_RANKING.join("\n")}\n`);
    for (const line of result.stdout.trimEnd().split("\n")) expect(line).toMatch(/^[^\t]+\t\d+$/);
    expect(result.stderr).toContain(
      "fmti: score matrix: May2024_scores.csv (14 developers, 100 indicators); indicators: fmti-indicators.csv",
    );
    expect(result.stderr).toContain("joined by position");
    expect(result.stderr).not.toContain("DATABASE_URL");
  });

  it("exits 1 with the file and line when a score is not 0 or 1", () => {
    const folder = writeEdition("bad-score", {
      "matrix.csv": "Indicator,Alpha,Beta\r\nData size,1,0\r\nModel size,2,1\r\n",
      "catalogue.csv": CATALOGUE,
    });
    const result = vetted(["fmti", folder]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      `fmti: error: ${path.join(folder, "matrix.csv")}:3: score "2" is not 0 or 1 for developer "Alpha"`,
    );
  });

  it("exits 1 for a missing folder", () => {
    const result = vetted(["fmti", path.join(temp, "nothing-here")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `fmti: error: ${path.join(temp, "nothing-here")}: edition folder not found`,
    );
  });

  it("exits 2 with the usage for a missing folder argument", () => {
    const result = vetted(["fmti"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "Usage: npm run --silent vetted -- fmti <edition-folder> [--import --org <slug>]",
    );
  });
});

describe("fmtiCommand", () => {
  it("exits 1 with file and line for a ragged row", async () => {
    const folder = writeEdition("ragged", {
      "m.csv": "Indicator,Alpha,Beta\nData size,1,0\nModel size,1\n",
      "c.csv": CATALOGUE,
    });
    const result = await run([folder]);
    expect(result).toMatchObject({ code: 1, stdout: "", databasePrepared: false });
    expect(result.stderr).toContain(
      `${path.join(folder, "m.csv")}:3: row has 2 fields but the header (line 1) has 3`,
    );
  });

  it("exits 1 when no score matrix is found", async () => {
    const folder = writeEdition("no-matrix", { "c.csv": CATALOGUE, "notes.csv": "a,b\n1,2\n" });
    const result = await run([folder]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no score matrix found");
    expect(result.stderr).toContain("notes.csv (no Indicator column)");
  });

  it("prints notices on stderr and totals on stdout, without touching the database", async () => {
    const folder = writeEdition("ok", {
      "m.csv": "Indicator,Beta,Alpha\nData size,1,1\nModel size,0,1\nTotal,1,2\n",
      "c.csv": CATALOGUE,
    });
    const result = await run([folder]);
    expect(result).toMatchObject({
      code: 0,
      stdout: "Alpha\t2\nBeta\t1\n",
      databasePrepared: false,
    });
    expect(result.stderr).toContain("fmti: m.csv: Total row on line 4 not counted as an indicator");
  });

  it.each([
    [[], "the edition folder is missing"],
    [["a", "b"], "expected one edition folder, got 2"],
    [["a", "--import"], "--import needs --org <slug>"],
    [["a", "--org", "x"], "--org is only used with --import"],
    [["a", "--verbose"], "Unknown option '--verbose'"],
  ])("exits 2 for %j", async (args, message) => {
    const result = await run(args);
    expect(result).toMatchObject({ code: 2, stdout: "", databasePrepared: false });
    expect(result.stderr).toContain(message);
  });

  it("parses --import --org", () => {
    expect(parseFmtiArgs(["folder", "--import", "--org", "acme"])).toEqual({
      folder: "folder",
      org: "acme",
    });
    expect(parseFmtiArgs(["--import", "--org=acme", "folder"])).toEqual({
      folder: "folder",
      org: "acme",
    });
    expect(parseFmtiArgs(["folder"])).toEqual({ folder: "folder", org: null });
  });
});
