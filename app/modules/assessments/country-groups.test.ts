import { describe, expect, it } from "vitest";
import { ADEQUACY_DECISIONS } from "../../reference-data/adequacy-decisions";
import { EU_EEA_CODES } from "../../reference-data/countries";
import { countryGroups, residencyReferenceDay } from "./country-groups.server";

/** The vendor portal's country groups follow the residency rating's data on the given day. */
describe("countryGroups", () => {
  it("groups by the decisions in force on the day: the United Kingdom until 2031-12-27, Brazil from 2026-01-26", () => {
    const december2026 = countryGroups("2026-12-15");
    expect(december2026.adequacy).toEqual(
      expect.arrayContaining(["GB", "BR", "CH", "JP", "US", "CA"]),
    );
    // Japan's decision covers only private-sector operators under the APPI (issue 21 item 7).
    expect(december2026.partial.sort()).toEqual(["CA", "JP", "US"]);
    expect(countryGroups("2031-12-27").adequacy).toContain("GB");
    expect(countryGroups("2031-12-28").adequacy).not.toContain("GB");
    expect(countryGroups("2026-01-25").adequacy).not.toContain("BR");
    expect(countryGroups("2026-01-26").adequacy).toContain("BR");
    expect(countryGroups("2020-01-01").adequacy).not.toContain("KR");
  });

  it("EU/EEA states are their own group, and every decision in the reference data is seen on a day it is in force", () => {
    const groups = countryGroups("2026-12-15");
    expect(groups.euEea.sort()).toEqual([...EU_EEA_CODES].sort());
    for (const decision of ADEQUACY_DECISIONS)
      expect(countryGroups(decision.validFrom).adequacy, decision.code).toContain(decision.code);
    expect(groups.adequacy.filter((code) => groups.euEea.includes(code))).toEqual([]);
  });

  it("the reference day is the submission day, before that the day the assessment was started", () => {
    expect(
      residencyReferenceDay({ createdAt: new Date("2025-06-15T09:00:00Z"), submittedAt: null }),
    ).toBe("2025-06-15");
    expect(
      residencyReferenceDay({
        createdAt: new Date("2025-06-15T09:00:00Z"),
        submittedAt: new Date("2026-02-01T23:00:00Z"),
      }),
    ).toBe("2026-02-01");
  });
});
