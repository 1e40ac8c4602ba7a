import { describe, expect, it } from "vitest";
import { adequacyCountriesOf, isAdequacyChangeType, parseChangeDiff } from "./change-diff";

describe("change diff", () => {
  it("reads the bundle's diff and names the country of an adequacy change", () => {
    const changes = parseChangeDiff(
      JSON.stringify({
        changes: [{ field: "appliesUntil[GB]", from: "2025-12-27", to: "2031-12-27" }],
      }),
    );
    expect(adequacyCountriesOf(changes, ["US"])).toEqual(["GB"]);
  });

  it("falls back to the decision's windows and leaves international organisations out", () => {
    expect(adequacyCountriesOf([], ["io:EPO", "BR", "BR"])).toEqual(["BR"]);
    expect(
      adequacyCountriesOf(
        parseChangeDiff('{"changes":[{"field":"adequacy[io:EPO]","from":null,"to":"whole"}]}'),
        [],
      ),
    ).toEqual([]);
  });

  it("reads a broken diff as no changes", () => {
    expect(parseChangeDiff("not json")).toEqual([]);
    expect(parseChangeDiff('{"changes":[{"field":1}]}')).toEqual([]);
  });

  it("knows the adequacy change types", () => {
    expect(isAdequacyChangeType("adequacy_expiring")).toBe(true);
    expect(isAdequacyChangeType("amendment")).toBe(false);
  });
});
