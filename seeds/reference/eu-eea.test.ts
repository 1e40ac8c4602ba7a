import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EU_EEA_COUNTRY_CODES } from "./eu-eea";

describe("EU/EEA reference list", () => {
  it("matches the members in shared/data/gdpr/eu_eea_members.csv", () => {
    const csv = readFileSync("../shared/data/gdpr/eu_eea_members.csv", "utf8").replace(/^\uFEFF/, "");
    const codes = csv
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0]!.trim());
    expect([...EU_EEA_COUNTRY_CODES].sort()).toEqual(codes.sort());
    expect(EU_EEA_COUNTRY_CODES).toHaveLength(30);
  });
});
