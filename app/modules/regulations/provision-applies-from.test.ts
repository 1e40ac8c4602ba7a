import { describe, expect, it } from "vitest";
import type { RegulationSnapshot } from "../../reference-data/regulations/snapshot-types";
import { provisionAppliesFrom } from "./provision-applies-from";

describe("provisionAppliesFrom (bundled catalogue)", () => {
  it("AI Act Art. 6(2): 2 August 2026 as enacted, 2 December 2027 once the AI omnibus is in force", () => {
    expect(provisionAppliesFrom("eu:2024/1689:art:6:par:2", "2026-07-31")).toEqual({
      ok: true,
      day: "2026-08-02",
    });
    expect(provisionAppliesFrom("eu:2024/1689:art:6:par:2", "2027-12-03")).toEqual({
      ok: true,
      day: "2027-12-02",
    });
    expect(provisionAppliesFrom("eu:2024/1689:art:6:par:2", null)).toEqual({
      ok: true,
      day: "2027-12-02",
    });
  });

  it("a provision with several windows needs the condition of the one meant", () => {
    expect(provisionAppliesFrom("eu:2024/1689:art:50:par:2", "2027-01-01")).toEqual({
      ok: false,
      reason: "ambiguous",
    });
    expect(
      provisionAppliesFrom(
        "eu:2024/1689:art:50:par:2|placed_on_market_before_2026-08-02",
        "2027-01-01",
      ),
    ).toEqual({ ok: true, day: "2026-12-02" });
  });

  it("an unknown provision is reported, not guessed", () => {
    expect(provisionAppliesFrom("eu:2024/1689:art:999", null)).toEqual({
      ok: false,
      reason: "unknown",
    });
  });
});

describe("provisionAppliesFrom (rules)", () => {
  const fact = { sourceUrl: "https://example.org", evidence: "primary" as const };
  const snapshot: RegulationSnapshot = {
    snapshotDate: "2026-12-07",
    changeEvents: [],
    instruments: [
      {
        ...fact,
        key: "x:act",
        kind: "eu_regulation",
        titleDe: "Akt",
        titleEn: "Act",
        authority: "EU",
        jurisdiction: "EU",
        versions: [
          {
            ...fact,
            label: "v1",
            legalStatus: "in_force",
            entryIntoForceAt: "2030-01-01",
            windows: [{ ...fact, from: "2030-06-01" }],
            provisions: [
              { key: "x:act:art:1", kind: "article", label: "Art. 1" },
              {
                key: "x:act:art:1:par:1",
                parentKey: "x:act:art:1",
                kind: "paragraph",
                label: "Art. 1(1)",
              },
              {
                key: "x:act:art:2",
                kind: "article",
                label: "Art. 2",
                windows: [{ ...fact, from: "2031-01-01" }],
              },
              {
                key: "x:act:art:2:par:1",
                parentKey: "x:act:art:2",
                kind: "paragraph",
                label: "Art. 2(1)",
              },
            ],
          },
        ],
      },
    ],
  };

  it("a provision without dates of its own applies when its parent does, else when the act does", () => {
    expect(provisionAppliesFrom("x:act:art:2:par:1", null, snapshot)).toEqual({
      ok: true,
      day: "2031-01-01",
    });
    expect(provisionAppliesFrom("x:act:art:1:par:1", null, snapshot)).toEqual({
      ok: true,
      day: "2030-06-01",
    });
  });

  it("before any version is in force, the earliest version that has the provision answers", () => {
    expect(provisionAppliesFrom("x:act:art:2", "2020-01-01", snapshot)).toEqual({
      ok: true,
      day: "2031-01-01",
    });
  });
});
