import { describe, expect, it } from "vitest";
import { formFieldErrors, readVendorForm, vendorFormValuesOf } from "./vendor-fields";
import { vendorFieldsSchema } from "./vendor-schemas";
import {
  formatTags,
  parseStoredTags,
  portfolioTagHref,
  splitTags,
  TAG_MAX,
  TAGS_MAX_COUNT,
} from "./vendor-tags";

const base = { name: "Acme AI", criticality: "LOW" };

function parseTags(tags: unknown) {
  return vendorFieldsSchema.safeParse({ ...base, tags });
}

function tagsOf(tags: unknown): string[] {
  const parsed = parseTags(tags);
  if (!parsed.success)
    throw new Error(`expected valid tags, got ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data.tags;
}

function tagErrorOf(tags: unknown): string | undefined {
  const parsed = parseTags(tags);
  expect(parsed.success, `expected ${JSON.stringify(tags)} to be refused`).toBe(false);
  return parsed.success ? undefined : formFieldErrors(parsed.error.issues).tags;
}

describe("splitTags", () => {
  it.each([
    ["strategic, llm", ["strategic", "llm"]],
    ["strategic,llm", ["strategic", "llm"]],
    ["  strategic  ,   llm  ", ["strategic", "llm"]],
    ["", []],
    ["   ", []],
    [",", []],
    [" , ,, ", []],
    ["strategic,,llm,", ["strategic", "llm"]],
    ["data   protection", ["data protection"]],
    ["data\tprotection,\nllm\r\n", ["data protection", "llm"]],
    ["a\u00a0\u2003b", ["a b"]], // no-break and em space are whitespace too
    ["Strategic, strategic, STRATEGIC, llm", ["Strategic", "llm"]],
    ["llm, LLM , Llm", ["llm"]],
    ["Über, über, ÜBER", ["Über"]],
    ["Straße, straße", ["Straße"]],
    ["e\u0301tude, \u00e9tude", ["\u00e9tude"]], // decomposed and composed é are one tag (NFC)
    ['a_b, 50%, q"t, b\\s', ["a_b", "50%", 'q"t', "b\\s"]],
    ["🤖 ai, 🤖 AI", ["🤖 ai"]],
  ])("%j → %j", (text, expected) => {
    expect(splitTags(text)).toEqual(expected);
  });

  it("keeps the order of first appearance", () => {
    expect(splitTags("zeta, alpha, Zeta, beta")).toEqual(["zeta", "alpha", "beta"]);
  });

  it("splits list items too and is idempotent", () => {
    const once = splitTags(["strategic, llm", " Strategic ", "eu  only"]);
    expect(once).toEqual(["strategic", "llm", "eu only"]);
    expect(splitTags(once)).toEqual(once);
    expect(splitTags(formatTags(once))).toEqual(once);
  });
});

describe("splitTags cleans each tag like every other name", () => {
  it.each([
    "\u0000",
    "\u0007",
    "\u001b",
    "\u007f",
    "\u0085",
    "\u009b",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
  ])("removes %j", (char) => {
    expect(splitTags(`a${char}b`)).toEqual(["ab"]);
  });
  it.each(["strategic", "Straße", "a-b_c.d", "🤖", "日本語"])("keeps %j", (tag) => {
    expect(splitTags(tag)).toEqual([tag]);
  });
});

describe("the vendor schema's tags", () => {
  it("parses the form's text into a normalised list", () => {
    expect(tagsOf(" strategic ,LLM,  llm , eu   only,, ")).toEqual(["strategic", "LLM", "eu only"]);
  });

  it("treats a missing or empty field as no tags", () => {
    expect(tagsOf(undefined)).toEqual([]);
    expect(tagsOf(null)).toEqual([]);
    expect(tagsOf("")).toEqual([]);
    expect(tagsOf(" , ")).toEqual([]);
    expect(vendorFieldsSchema.parse(base).tags).toEqual([]);
  });

  it("accepts a list, and parsing parsed output gives the same value", () => {
    const parsed = vendorFieldsSchema.parse({ ...base, tags: "strategic, LLM, llm" });
    expect(vendorFieldsSchema.parse(parsed)).toEqual(parsed);
    expect(tagsOf(["strategic", "llm"])).toEqual(["strategic", "llm"]);
  });

  it(`accepts tags of exactly ${TAG_MAX} characters and exactly ${TAGS_MAX_COUNT} tags`, () => {
    expect(tagsOf("x".repeat(TAG_MAX))).toEqual(["x".repeat(TAG_MAX)]);
    const many = Array.from({ length: TAGS_MAX_COUNT }, (_, i) => `tag${i}`);
    expect(tagsOf(many.join(", "))).toEqual(many);
    // Duplicates do not count: 25 spellings of one tag plus 19 others are 20 tags.
    expect(
      tagsOf([...Array.from({ length: 25 }, () => "Same"), ...many.slice(1)].join(",")),
    ).toHaveLength(TAGS_MAX_COUNT);
    // Whitespace collapses before the length is checked.
    expect(tagsOf(`${"x".repeat(TAG_MAX - 2)}      y`)).toEqual([`${"x".repeat(TAG_MAX - 2)} y`]);
  });

  it("refuses a tag longer than TAG_MAX with its own message", () => {
    expect(tagErrorOf(`strategic, ${"x".repeat(TAG_MAX + 1)}`)).toBe("vendors.errorTagTooLong");
  });

  it("refuses more than TAGS_MAX_COUNT different tags", () => {
    const many = Array.from({ length: TAGS_MAX_COUNT + 1 }, (_, i) => `tag${i}`).join(",");
    expect(tagErrorOf(many)).toBe("vendors.errorTooManyTags");
  });

  it.each([
    ["bad\u0000tag", "badtag"],
    ["bell\u0007", "bell"],
    ["esc\u001b[0m", "esc[0m"],
    ["rtl\u202eoverride", "rtloverride"],
    ["zero\u200bwidth", "zerowidth"],
  ])("removes control, bidi and invisible characters: %j", (tag, clean) => {
    expect(tagsOf(`strategic, ${tag}`)).toEqual(["strategic", clean]);
  });
  it("drops a tag of only invisible characters", () => {
    expect(tagsOf("strategic, \u202e\u200b")).toEqual(["strategic"]);
  });

  it("refuses values that are neither text nor a list of text", () => {
    expect(tagErrorOf(42)).toBe("vendors.errorInvalid");
    expect(tagErrorOf([1, 2])).toBe("vendors.errorInvalid");
  });
});

describe("form helpers", () => {
  it("reads the tags text as typed and shows stored tags comma-separated", () => {
    const form = new FormData();
    form.set("name", "Acme");
    form.set("tags", "  strategic,,LLM ");
    expect(readVendorForm(form).tags).toBe("  strategic,,LLM ");
    expect(readVendorForm(new FormData()).tags).toBe("");
    const values = vendorFormValuesOf({
      name: "Acme",
      website: null,
      country: null,
      criticality: "LOW",
      description: null,
      tags: ["strategic", "eu only"],
    });
    expect(values.tags).toBe("strategic, eu only");
  });

  it("reads stored JSON defensively", () => {
    expect(parseStoredTags('["strategic","llm"]')).toEqual(["strategic", "llm"]);
    expect(parseStoredTags("[]")).toEqual([]);
    expect(parseStoredTags('["ok", 3, null]')).toEqual(["ok"]);
    expect(parseStoredTags('{"a":1}')).toEqual([]);
    expect(parseStoredTags("not json")).toEqual([]);
    expect(parseStoredTags(null)).toEqual([]);
  });

  it("links a tag to the portfolio with the tag URL-encoded", () => {
    expect(portfolioTagHref("strategic")).toBe("/portfolio?tag=strategic");
    expect(portfolioTagHref("eu only & ü/ß#1")).toBe(
      "/portfolio?tag=eu%20only%20%26%20%C3%BC%2F%C3%9F%231",
    );
    expect(new URL(portfolioTagHref("a+b=c?"), "http://x").searchParams.get("tag")).toBe("a+b=c?");
  });
});
