import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFrameworkFormat } from "./detect-framework-format";
import { FRAMEWORK_FILE_MAX_BYTES } from "./framework-import-limits";
import {
  formatImportMessage,
  provisionCounts,
  type FrameworkParseResult,
} from "./imported-framework";
import { parseFrameworkBytes } from "./parse-framework-bytes";

const fixtureBytes = (name: string) =>
  new Uint8Array(
    readFileSync(new URL(`../../../../tests/fixtures/frameworks/${name}`, import.meta.url)),
  );

function problems(result: FrameworkParseResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatImportMessage);
}

describe("detectFrameworkFormat", () => {
  it.each([
    ["library.yaml", "urn: x\nlocale: en\nobjects:\n  framework: {}\n", "ciso_assistant"],
    ["library.yml", "# comment\nurn: x\n", "ciso_assistant"],
    ["upload", "urn: x\nobjects: {}\n", "ciso_assistant"],
    ["catalog.json", '{"catalog": {}}', "oscal"],
    ["upload", '\uFEFF  {\n  "catalog": {}}', "oscal"],
    ["catalog.yaml", "catalog:\n  uuid: x\n", "oscal"],
    ["other.json", '{"profile": {}}', "oscal"],
    ["notes.txt", '{"profile": {}}', null],
    ["notes.txt", "hello: world\n", null],
    ["catalog.xml", '<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0"/>', null],
  ])("%s %j → %s", (fileName, text, expected) => {
    expect(detectFrameworkFormat(fileName, text)).toBe(expected);
  });
});

describe("parseFrameworkBytes", () => {
  it("parses each format from its bytes", () => {
    const library = parseFrameworkBytes(fixtureBytes("example-library-v1.yaml"), "v1.yaml");
    const catalog = parseFrameworkBytes(fixtureBytes("example-catalog.json"), "catalog.json");
    expect(library.ok && provisionCounts(library.framework)).toEqual({
      provisions: 10,
      assessable: 7,
    });
    expect(catalog.ok && provisionCounts(catalog.framework)).toEqual({
      provisions: 10,
      assessable: 7,
    });
  });

  it.each([
    ["an empty file", new Uint8Array(), "x.yaml", ["the file is empty"]],
    ["blank text", new TextEncoder().encode(" \n\n"), "x.yaml", ["the file is empty"]],
    [
      "bytes that are not UTF-8",
      new Uint8Array([0x75, 0x72, 0x6e, 0x3a, 0xff, 0xfe]),
      "x.yaml",
      ["the file is not UTF-8 text"],
    ],
    [
      "OSCAL XML",
      new TextEncoder().encode(
        '<?xml version="1.0"?>\n<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0"/>',
      ),
      "catalog.xml",
      ["OSCAL XML is not supported: export the catalog as JSON"],
    ],
    [
      "an unknown format",
      new TextEncoder().encode("hello: world\n"),
      "notes.txt",
      [
        "the format is not recognised: expected a CISO Assistant library (YAML) or an OSCAL catalog (JSON)",
      ],
    ],
  ])("%s gives a message", (_, bytes, fileName, expected) => {
    expect(problems(parseFrameworkBytes(bytes, fileName))).toEqual(expected);
  });

  it("refuses bytes over the largest size limit before decoding them", () => {
    const bytes = new Uint8Array(FRAMEWORK_FILE_MAX_BYTES + 1);
    expect(problems(parseFrameworkBytes(bytes, "big.json"))).toEqual([
      `the file has ${FRAMEWORK_FILE_MAX_BYTES + 1} bytes; at most ${FRAMEWORK_FILE_MAX_BYTES} bytes can be imported`,
    ]);
  });
});
