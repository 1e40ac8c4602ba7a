import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { sha256Hex, utf8Bytes } from "./sha256";
import { ScoringInputError } from "./types";

describe("sha256Hex", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("hashes the FIPS 180-4 example %j", (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it("matches node:crypto on any text, including non-ASCII and lone surrogates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
      }),
      { numRuns: 1_000 },
    );
    for (const text of [
      "ä ö ü ß",
      "€",
      "𝄞",
      "\ud800",
      "\udc00x",
      "a".repeat(55),
      "a".repeat(64),
      "b".repeat(1000),
    ]) {
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });

  it("encodes UTF-8 like TextEncoder", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 100 }), (text) => {
        expect([...utf8Bytes(text)]).toEqual([...new TextEncoder().encode(text)]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and drops undefined properties", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: "x" }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });

  it("is independent of the order keys were written in", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())),
        (record) => {
          const reversed = Object.fromEntries(Object.entries(record).reverse());
          expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        },
      ),
    );
  });

  it("rejects what JSON cannot carry exactly", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(ScoringInputError);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(/non-finite/);
    expect(() => canonicalJson(() => 1)).toThrow(/function/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
  });
});
