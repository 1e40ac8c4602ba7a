import { describe, expect, it } from "vitest";
import { foldForSearch, matchesSearch } from "./search-text";

describe("search folding", () => {
  it("ignores case, accents and umlaut marks", () => {
    expect(foldForSearch("Über AI GmbH")).toBe("uber ai gmbh");
    expect(foldForSearch("  ÜBER   ai ")).toBe("uber ai");
    expect(foldForSearch("Straße")).toBe("strasse");
    expect(foldForSearch("Société Générale")).toBe("societe generale");
  });

  it("matches every word of the query anywhere in the name", () => {
    expect(matchesSearch("Über AI GmbH", "über")).toBe(true);
    expect(matchesSearch("Über AI GmbH", "ÜBER")).toBe(true);
    expect(matchesSearch("Über AI GmbH", "uber gmbh")).toBe(true);
    expect(matchesSearch("Über AI GmbH", "gmbh über")).toBe(true);
    expect(matchesSearch("Über AI GmbH", "acme")).toBe(false);
    expect(matchesSearch("Acme AI", "")).toBe(true);
  });
});
