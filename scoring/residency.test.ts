import { describe, expect, it } from "vitest";
import { ADEQUACY_DECISIONS, EU_EEA } from "./fixtures/sample-template";
import {
  RESIDENCY_CLASS_POINTS,
  classifyCountry,
  prepareResidencyReference,
  rateResidency,
  residencyReferenceFromCodes,
  worseResidencyClass,
} from "./residency";
import {
  RESIDENCY_RATING_CLASSES,
  ScoringInputError,
  type ResidencyFlow,
  type ResidencyReference,
} from "./types";

const reference: ResidencyReference = { euEea: EU_EEA, adequacy: ADEQUACY_DECISIONS };
const prepared = prepareResidencyReference(reference, "2025-06-30");

function flow(country: string, extra: Partial<ResidencyFlow> = {}): ResidencyFlow {
  return { kind: "storage", label: "db", country, ...extra };
}

describe("classifyCountry (one flow)", () => {
  it.each([
    // [country, safeguard, recipient, class, reason]
    ["DE", undefined, undefined, "eu_eea", "DE: in the EU/EEA"],
    ["de", "none", undefined, "eu_eea", "DE: in the EU/EEA"],
    [
      "CH",
      undefined,
      undefined,
      "adequacy",
      "CH: adequacy decision (whole country) in force on 2025-06-30",
    ],
    [
      "US",
      undefined,
      { dpfCertified: true },
      "adequacy",
      "US: adequacy decision (DPF-certified recipients only) in force on 2025-06-30",
    ],
    [
      "US",
      "scc",
      { dpfCertified: false },
      "third_country_safeguards",
      "US: third country (the adequacy decision covers DPF-certified recipients only); safeguard SCC",
    ],
    [
      "US",
      "bcr",
      undefined,
      "third_country_safeguards",
      "US: third country (the adequacy decision covers DPF-certified recipients only); safeguard BCR",
    ],
    [
      "US",
      undefined,
      { commercial: true },
      "third_country_no_safeguards",
      "US: third country (the adequacy decision covers DPF-certified recipients only); no safeguard declared",
    ],
    [
      "CA",
      undefined,
      { commercial: true },
      "adequacy",
      "CA: adequacy decision (commercial organisations only) in force on 2025-06-30",
    ],
    [
      "CA",
      "none",
      { commercial: false },
      "third_country_no_safeguards",
      "CA: third country (the adequacy decision covers commercial organisations only); no safeguard",
    ],
    [
      "BR",
      "scc",
      undefined,
      "third_country_safeguards",
      "BR: third country (adequacy decision valid from 2026-01-26, not in force on 2025-06-30); safeguard SCC",
    ],
    ["CN", "unknown", undefined, "unknown", "CN: third country; safeguard unknown"],
    [
      "CN",
      undefined,
      undefined,
      "third_country_no_safeguards",
      "CN: third country; no safeguard declared",
    ],
    ["unknown", "scc", undefined, "unknown", "country unknown"],
    ["", undefined, undefined, "unknown", "country unknown"],
    ["Germany", undefined, undefined, "unknown", "'Germany' is not an ISO country code"],
  ] as const)(
    "%s with safeguard %s and recipient %j → %s",
    (country, safeguard, recipient, expectedClass, reason) => {
      const result = classifyCountry(country, safeguard, recipient, prepared);
      expect(result.class).toBe(expectedClass);
      expect(result.reason).toBe(reason);
    },
  );

  it("respects validity dates, both ends inclusive", () => {
    const on = (asOf: string) => prepareResidencyReference(reference, asOf);
    expect(classifyCountry("GB", undefined, undefined, on("2021-06-27")).class).toBe(
      "third_country_no_safeguards",
    );
    expect(classifyCountry("GB", undefined, undefined, on("2021-06-28")).class).toBe("adequacy");
    expect(classifyCountry("GB", undefined, undefined, on("2031-12-27")).class).toBe("adequacy");
    const expired = classifyCountry("GB", undefined, undefined, on("2031-12-28"));
    expect(expired.class).toBe("third_country_no_safeguards");
    expect(expired.reason).toContain(
      "adequacy decision valid 2021-06-28 to 2031-12-27, not in force on 2031-12-28",
    );
    expect(classifyCountry("BR", undefined, undefined, on("2026-01-26")).class).toBe("adequacy");
  });

  it("uses any decision in force when a country has several (a renewal after an expiry)", () => {
    const renewed = prepareResidencyReference(
      {
        euEea: [],
        adequacy: [
          { code: "GB", scope: "whole", validFrom: "2021-06-28", validUntil: "2025-06-27" },
          { code: "GB", scope: "whole", validFrom: "2025-12-19" },
          { code: "US", scope: "dpf_certified_only", validFrom: "2023-07-10" },
          { code: "US", scope: "whole", validFrom: "2030-01-01" },
        ],
      },
      "2026-01-05",
    );
    expect(classifyCountry("GB", undefined, undefined, renewed).class).toBe("adequacy");
    const gap = prepareResidencyReference(
      {
        euEea: [],
        adequacy: [
          { code: "GB", scope: "whole", validFrom: "2021-06-28", validUntil: "2025-06-27" },
          { code: "GB", scope: "whole", validFrom: "2025-12-19" },
        ],
      },
      "2025-09-01",
    );
    expect(classifyCountry("GB", undefined, undefined, gap).reason).toBe(
      "GB: third country (adequacy decision valid 2021-06-28 to 2025-06-27, not in force on 2025-09-01; adequacy decision valid from 2025-12-19, not in force on 2025-09-01); no safeguard declared",
    );
    expect(classifyCountry("US", "scc", undefined, renewed).reason).toBe(
      "US: third country (the adequacy decision covers DPF-certified recipients only; adequacy decision valid from 2030-01-01, not in force on 2026-01-05); safeguard SCC",
    );
  });

  it("shortens long non-codes in reasons", () => {
    expect(classifyCountry("x".repeat(60), undefined, undefined, prepared).reason).toBe(
      `'${"x".repeat(40)}…' is not an ISO country code`,
    );
  });

  it("treats plain code lists as whole-country decisions without dates", () => {
    const fromCodes = residencyReferenceFromCodes(["DE"], ["CH"]);
    expect(classifyCountry("CH", undefined, undefined, fromCodes)).toEqual({
      class: "adequacy",
      country: "CH",
      reason: "CH: adequacy decision (whole country)",
    });
    expect(residencyReferenceFromCodes(["DE"], undefined).inForce.size).toBe(0);
  });
});

describe("rateResidency (product)", () => {
  it("rates the product by its worst flow and names the flows that set it", () => {
    const result = rateResidency(
      [
        flow("DE"),
        { kind: "subprocessor", label: "LLM API", country: "US", safeguard: "scc" },
        { kind: "backup", label: "archive", country: "US", safeguard: "scc" },
        { kind: "inference", label: "", country: "CH" },
      ],
      reference,
      "2025-06-30",
    );
    expect(result.rating).toBe("third_country_safeguards");
    expect(result.points).toBe(0.5);
    expect(result.setBy).toEqual([1, 2]);
    expect(result.ratingOfKnownFlows).toBe("third_country_safeguards");
    expect(result.reason).toBe(
      "third country with safeguards, set by 2 flows: subprocessor 'LLM API' (US), backup 'archive' (US)",
    );
    expect(result.counts).toEqual({
      eu_eea: 1,
      adequacy: 1,
      third_country_safeguards: 2,
      third_country_no_safeguards: 0,
      unknown: 0,
    });
    expect(result.flows.map((f) => [f.index, f.class, f.points])).toEqual([
      [0, "eu_eea", 1],
      [1, "third_country_safeguards", 0.5],
      [2, "third_country_safeguards", 0.5],
      [3, "adequacy", 0.8],
    ]);
  });

  it("reports unknown as the worst class, apart from 'no safeguards', with the known flows' rating", () => {
    const result = rateResidency(
      [flow("CN", { safeguard: "none" }), flow("unknown", { kind: "support", label: "helpdesk" })],
      reference,
      "2025-06-30",
    );
    expect(result.rating).toBe("unknown");
    expect(result.ratingOfKnownFlows).toBe("third_country_no_safeguards");
    expect(result.counts.unknown).toBe(1);
    expect(result.counts.third_country_no_safeguards).toBe(1);
    expect(result.reason).toBe(
      "unknown, set by support 'helpdesk' (unknown); the known flows rate third country without safeguards",
    );
    expect(result.points).toBe(0);
  });

  it("names a flow without a label by its kind and country", () => {
    const result = rateResidency(
      [{ kind: "inference", label: "", country: "CN" }],
      reference,
      "2025-06-30",
    );
    expect(result.reason).toBe("third country without safeguards, set by inference (CN)");
  });

  it("has no known rating when every flow is unknown", () => {
    const result = rateResidency([flow("unknown")], reference, "2025-06-30");
    expect(result).toMatchObject({ rating: "unknown", ratingOfKnownFlows: null, setBy: [0] });
    expect(result.reason).toBe("unknown, set by storage 'db' (unknown)");
  });

  it("rates an empty list unknown", () => {
    expect(rateResidency([], reference, "2025-06-30")).toMatchObject({
      rating: "unknown",
      points: 0,
      ratingOfKnownFlows: null,
      reason: "no data flows declared → unknown",
      setBy: [],
      flows: [],
    });
  });

  it("lists at most five setting flows in the reason", () => {
    const flows = Array.from({ length: 7 }, (_, i) => flow("CN", { label: `s${i}` }));
    expect(rateResidency(flows, reference, "2025-06-30").reason).toMatch(
      /set by 7 flows: .* and 2 more$/,
    );
  });

  it("orders classes best to worst and maps them to points", () => {
    expect(RESIDENCY_RATING_CLASSES.map((c) => RESIDENCY_CLASS_POINTS[c])).toEqual([
      1, 0.8, 0.5, 0, 0,
    ]);
    expect(worseResidencyClass("adequacy", "eu_eea")).toBe("adequacy");
    expect(worseResidencyClass("third_country_no_safeguards", "unknown")).toBe("unknown");
  });

  it.each([
    [[{ kind: "cloud", label: "x", country: "DE" }], /flows\[0\]\.kind must be one of/],
    [[{ kind: "storage", label: 3, country: "DE" }], /flows\[0\]\.label must be text/],
    [[{ kind: "storage", label: "x", country: null }], /flows\[0\]\.country/],
    [
      [{ kind: "storage", label: "x", country: "US", safeguard: "dpa" }],
      /flows\[0\]\.safeguard must be one of/,
    ],
    [
      [{ kind: "storage", label: "x", country: "US", recipient: { dpfCertified: "yes" } }],
      /flows\[0\]\.recipient/,
    ],
    [[{ kind: "storage", label: "x", country: "US", recipient: [] }], /flows\[0\]\.recipient/],
    [[null], /flows\[0\] must be an object/],
    ["DE", /flows must be a list/],
  ])("rejects malformed flows %j", (flows, message) => {
    expect(() => rateResidency(flows as ResidencyFlow[], reference, "2025-06-30")).toThrow(message);
  });

  it.each([
    [{ euEea: "DE", adequacy: [] }, /reference\.euEea must be a list/],
    [{ euEea: [], adequacy: {} }, /reference\.adequacy must be a list/],
    [{ euEea: [], adequacy: [null] }, /adequacy\[0\] must be an object/],
    [
      { euEea: [], adequacy: [{ code: "USA", scope: "whole", validFrom: "2020-01-01" }] },
      /\.code must be an ISO/,
    ],
    [
      { euEea: [], adequacy: [{ code: 840, scope: "whole", validFrom: "2020-01-01" }] },
      /\.code must be an ISO/,
    ],
    [
      { euEea: [], adequacy: [{ code: "US", scope: "whole", validFrom: 2020 }] },
      /\.validFrom must be a date/,
    ],
    [
      { euEea: [], adequacy: [{ code: "US", scope: "partial", validFrom: "2020-01-01" }] },
      /\.scope must be one of/,
    ],
    [
      { euEea: [], adequacy: [{ code: "US", scope: "whole", validFrom: "2020-13-01" }] },
      /\.validFrom must be a date/,
    ],
    [
      {
        euEea: [],
        adequacy: [
          { code: "US", scope: "whole", validFrom: "2020-01-01", validUntil: "2019-01-01" },
        ],
      },
      /validUntil must be a date .* on or after validFrom/,
    ],
    [
      {
        euEea: [],
        adequacy: [{ code: "US", scope: "whole", validFrom: "2020-01-01", validUntil: 5 }],
      },
      /validUntil/,
    ],
    [null, /reference must be an object/],
  ])("rejects malformed reference data %j", (bad, message) => {
    expect(() => rateResidency([], bad as unknown as ResidencyReference, "2025-06-30")).toThrow(
      message,
    );
  });

  it("needs a valid reference date", () => {
    expect(() => rateResidency([], reference, "30.06.2025")).toThrow(ScoringInputError);
    expect(() => rateResidency([], reference, 20250630 as unknown as string)).toThrow(
      /asOf must be a date/,
    );
  });
});
