import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  classifyEditionFiles,
  classifyHeader,
  headerRole,
  readEditionFolder,
} from "./find-edition-files";

describe("headerRole", () => {
  it.each([
    ["Indicator", "indicator"],
    ["\uFEFFIndicator ", "indicator"],
    ["  DOMAIN", "domain"],
    ["Sub-domain", "subdomain"],
    ["Definition", "definition"],
    ["Total", "total"],
    ["", "blank"],
    ["Notes", "descriptive"],
    ["Reference_2", "descriptive"],
    ["Link 1", "descriptive"],
    ["New disclosure?", "descriptive"],
    ["Example disclosure", "descriptive"],
    ["Score", "descriptive"],
    ["AI21 Labs", "developer"],
    ["Stability ", "developer"],
  ])("%j is %s", (header, role) => {
    expect(headerRole(header)).toBe(role);
  });
});

describe("classifyHeader", () => {
  it("recognises the May 2024 files by their headers", () => {
    expect(classifyHeader(["Indicator", "Adept", "AI21 Labs", "Writer"])).toMatchObject({
      kind: "matrix",
    });
    expect(
      classifyHeader([
        "\uFEFFDomain",
        "Subdomain",
        "Indicator",
        "Definition",
        "Notes",
        "Reference_1",
        "Reference_2",
        "Link_1",
        "Link_2",
      ]),
    ).toMatchObject({ kind: "indicators" });
    // Transparency reports and the published totals are not part of the edition.
    expect(
      classifyHeader([
        "Indicator",
        "Definition",
        "Notes",
        "Disclosure",
        "References",
        "Score",
        "Justification",
        "New disclosure?",
      ]),
    ).toBe("neither developer columns nor Domain and Subdomain columns");
    expect(classifyHeader(["Downstream applications", "Definition", "Notes", "Disclosure"])).toBe(
      "no Indicator column",
    );
    expect(classifyHeader(["edition", "developer", "flagship_model", "published_total"])).toBe(
      "no Indicator column",
    );
  });

  it("recognises a matrix that carries Domain, Subdomain and a Total column (October 2023 layout)", () => {
    const classified = classifyHeader([
      "Domain",
      "Subdomain",
      "Indicator",
      "Meta",
      "Hugging Face",
      "Total",
    ]);
    expect(classified).toEqual({
      kind: "matrix",
      roles: ["domain", "subdomain", "indicator", "developer", "developer", "total"],
    });
  });

  it("ignores files with two Indicator columns", () => {
    expect(classifyHeader(["Indicator", "Indicators", "A"])).toBe("more than one Indicator column");
  });

  it("sorts files into matrices, catalogues and ignored files with the reason", () => {
    const classified = classifyEditionFiles([
      { path: "a.csv", text: "Indicator,X,Y\nq,1,0\n" },
      { path: "b.csv", text: "Domain,Subdomain,Indicator\nU,D,q\n" },
      { path: "c.csv", text: "" },
      { path: "d.csv", text: '"unterminated\n' },
      { path: "e.csv", text: "name,value\n" },
    ]);
    expect(classified.matrices.map((m) => m.file.path)).toEqual(["a.csv"]);
    expect(classified.catalogues.map((m) => m.file.path)).toEqual(["b.csv"]);
    expect(classified.ignored).toEqual([
      { path: "c.csv", reason: "empty file" },
      { path: "d.csv", reason: expect.stringMatching(/^header unreadable \(line 1: /) },
      { path: "e.csv", reason: "no Indicator column" },
    ]);
  });
});

describe("readEditionFolder", () => {
  const root = mkdtempSync(path.join(tmpdir(), "fmti-folder-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("reads CSV files of the folder and its subfolders, skips hidden entries, links and other files, reports non-UTF-8 files", async () => {
    const folder = path.join(root, "edition");
    mkdirSync(path.join(folder, "reports", "deeper"), { recursive: true });
    mkdirSync(path.join(folder, ".hidden"));
    writeFileSync(path.join(folder, "scores.CSV"), "Indicator,A\n");
    writeFileSync(path.join(folder, "notes.txt"), "not a csv");
    writeFileSync(path.join(folder, "reports", "r.csv"), "x\n");
    writeFileSync(path.join(folder, "reports", "deeper", "s.csv"), "y\n");
    writeFileSync(path.join(folder, ".hidden", "h.csv"), "h\n");
    writeFileSync(path.join(folder, "latin1.csv"), Buffer.from([0x49, 0x6e, 0x64, 0xe9, 0x0a]));
    symlinkSync(path.join(folder, "scores.CSV"), path.join(folder, "link.csv"));

    const { files, unreadable } = await readEditionFolder(folder);
    expect(files.map((f) => f.path)).toEqual([
      "reports/deeper/s.csv",
      "reports/r.csv",
      "scores.CSV",
    ]);
    expect(files[2]!.text).toBe("Indicator,A\n");
    expect(unreadable).toEqual([{ path: "latin1.csv", reason: "not UTF-8 text" }]);
  });

  it("fails for a missing folder and for a file", async () => {
    await expect(readEditionFolder(path.join(root, "missing"))).rejects.toThrow(
      "edition folder not found",
    );
    writeFileSync(path.join(root, "file.csv"), "x");
    await expect(readEditionFolder(path.join(root, "file.csv"))).rejects.toThrow("not a folder");
  });
});
