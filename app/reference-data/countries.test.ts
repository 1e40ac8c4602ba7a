import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rateResidency } from "../../scoring";
import {
  COUNTRIES,
  COUNTRY_CODES,
  countriesSortedByName,
  countryName,
  EEA_EFTA_CODES,
  EU_EEA_CODES,
  EU_EEA_STATE_CODES,
  EU_MEMBER_CODES,
  EU_TERRITORY_CODES,
  isCountryCode,
  isEuEea,
} from "./countries";
import {
  DATA_CATEGORIES,
  DATA_CATEGORY_KEYS,
  dataCategoryLabel,
  isDataCategoryKey,
} from "./data-categories";

// The shared reference data sits next to the repository (../shared relative to the repo root).
const EU_EEA_CSV = fileURLToPath(
  new URL("../../../shared/data/gdpr/eu_eea_members.csv", import.meta.url),
);

function readCsvRows(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const columns = (header ?? "").split(",").map((c) => c.trim());
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((column, i) => [column, (cells[i] ?? "").trim()]));
  });
}

describe("countries", () => {
  it("lists every ISO 3166-1 alpha-2 code once, sorted, with both names", () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRIES.length);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
    for (const country of COUNTRIES) {
      expect(country.code).toMatch(/^[A-Z]{2}$/);
      expect(country.en.trim()).not.toBe("");
      expect(country.de.trim()).not.toBe("");
    }
  });

  it("names countries in both languages and leaves unknown codes as they are", () => {
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName("DE", "de")).toBe("Deutschland");
    expect(countryName("at", "de")).toBe("Österreich");
    expect(countryName("US", "de")).toBe("Vereinigte Staaten");
    expect(countryName("XX", "en")).toBe("XX");
    expect(isCountryCode("GB")).toBe(true);
    expect(isCountryCode("EL")).toBe(false);
    expect(isCountryCode("UK")).toBe(false);
  });

  it("sorts by the localised name (umlauts in place)", () => {
    const german = countriesSortedByName("de").map((c) => c.code);
    expect(german.indexOf("EG")).toBeLessThan(german.indexOf("AL")); // Ägypten before Albanien
    expect(german.indexOf("AT")).toBeGreaterThan(german.indexOf("NO")); // Österreich after Norwegen
  });

  it("knows the 30 EU/EEA states, each a listed country", () => {
    expect(EU_MEMBER_CODES).toHaveLength(27);
    expect(EEA_EFTA_CODES).toHaveLength(3);
    expect(EU_EEA_STATE_CODES).toHaveLength(30);
    for (const code of EU_EEA_STATE_CODES) expect(EU_EEA_CODES).toContain(code);
    for (const code of EU_EEA_CODES) expect(isCountryCode(code)).toBe(true);
    expect(isEuEea("DE")).toBe(true);
    expect(isEuEea("no")).toBe(true);
    expect(isEuEea("CH")).toBe(false);
    expect(isEuEea("GB")).toBe(false);
    expect(isEuEea("US")).toBe(false);
  });

  it("counts the EU's outermost regions with an ISO code of their own and Åland as EU/EEA, not SJ, GL, BL, PM or GI (issue 21 item 7)", () => {
    for (const code of ["GF", "GP", "MQ", "RE", "YT", "MF", "AX"]) {
      expect(isCountryCode(code), code).toBe(true);
      expect(isEuEea(code), code).toBe(true);
      expect(EU_TERRITORY_CODES, code).toContain(code);
    }
    for (const code of ["SJ", "GL", "BL", "PM", "GI"]) {
      expect(isCountryCode(code), code).toBe(true);
      expect(isEuEea(code), code).toBe(false);
    }
    expect(EU_EEA_CODES).toHaveLength(37);
  });

  it("rates data in Réunion or Åland as EU/EEA and in Greenland as a third country", () => {
    const rating = rateResidency(
      [
        { kind: "storage", label: "Saint-Denis", country: "RE" },
        { kind: "backup", label: "Mariehamn", country: "AX" },
        { kind: "support", label: "Nuuk", country: "GL", safeguard: "scc" },
      ],
      { euEea: [...EU_EEA_CODES], adequacy: [] },
      "2026-12-07",
    );
    expect(rating.flows.map((f) => f.class)).toEqual([
      "eu_eea",
      "eu_eea",
      "third_country_safeguards",
    ]);
  });

  // The shared data folder exists next to the repository on the team's machines and in CI; a bare
  // clone without it skips this comparison (the hard-coded list above is still checked).
  it.skipIf(!existsSync(EU_EEA_CSV))("matches the EU/EEA membership reference file", () => {
    const rows = readCsvRows(EU_EEA_CSV);
    const fromCsv = rows.map((row) => row.iso2).sort();
    expect(EU_EEA_STATE_CODES).toEqual(fromCsv);
    expect(EU_MEMBER_CODES.slice().sort()).toEqual(
      rows
        .filter((r) => r.bloc === "EU")
        .map((r) => r.iso2)
        .sort(),
    );
    expect([...EEA_EFTA_CODES].sort()).toEqual(
      rows
        .filter((r) => r.bloc === "EEA-EFTA")
        .map((r) => r.iso2)
        .sort(),
    );
  });
});

describe("data categories", () => {
  it("has unique keys with English and German labels", () => {
    expect(DATA_CATEGORIES.map((c) => c.key)).toEqual([...DATA_CATEGORY_KEYS]);
    for (const category of DATA_CATEGORIES) {
      expect(category.en).not.toBe("");
      expect(category.de).not.toBe("");
      expect(category.de).not.toBe(category.en);
    }
    expect(dataCategoryLabel("special_categories", "de")).toContain("Art. 9 DSGVO");
    expect(dataCategoryLabel("unknown_key", "en")).toBe("unknown_key");
    expect(isDataCategoryKey("health")).toBe(true);
    expect(isDataCategoryKey("Health")).toBe(false);
  });

  it("has the categories a German DPO expects, sensitive, and no special category twice (issue 21 item 7)", () => {
    const expected: Record<string, { en: RegExp; de: RegExp }> = {
      biometric_genetic: {
        en: /Biometric and genetic.*Art\. 9 GDPR/,
        de: /Biometrische und genetische.*Art\. 9 DSGVO/,
      },
      criminal_offences: {
        en: /criminal convictions.*Art\. 10 GDPR/,
        de: /strafrechtliche Verurteilungen.*Art\. 10 DSGVO/,
      },
      professional_secrecy: {
        en: /professional secrecy.*§ 203/,
        de: /Berufsgeheimnis.*§ 203 StGB/,
      },
      social_data: { en: /§ 35 SGB I, § 67 SGB X/, de: /Sozialdaten \(§ 35 SGB I, § 67 SGB X\)/ },
      communications_content: { en: /TDDDG/, de: /TDDDG/ },
    };
    for (const [key, labels] of Object.entries(expected)) {
      const category = DATA_CATEGORIES.find((c) => c.key === key);
      expect(category?.en, key).toMatch(labels.en);
      expect(category?.de, key).toMatch(labels.de);
      expect(category?.sensitive, key).toBe(true);
    }
    // Health is a special category of its own key: the general one says it holds the others.
    expect(dataCategoryLabel("health", "de")).toContain("besondere Kategorie, Art. 9 DSGVO");
    expect(dataCategoryLabel("special_categories", "en")).toMatch(/^Other special categories/);
    expect(dataCategoryLabel("special_categories", "de")).toMatch(/^Sonstige besondere Kategorien/);
    expect(DATA_CATEGORY_KEYS[DATA_CATEGORY_KEYS.length - 1]).toBe("none");
  });
});
