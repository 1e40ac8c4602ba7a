import { describe, expect, it } from "vitest";
import { versionInForce } from "../../reference-data/regulations/version-in-force";
import { DomainError } from "../../utils/errors";
import { applicabilityFromWindows, type WindowFact } from "./applicability";
import { requireQueryDay } from "./catalogue-days";

const v = (label: string, legalStatus: string, entryIntoForceAt: string | null) => ({
  label,
  legalStatus,
  entryIntoForceAt,
});

function window(
  from: string,
  until: string | null = null,
  condition: string | null = null,
): WindowFact {
  return {
    appliesFrom: from,
    appliesUntil: until,
    condition,
    scope: null,
    sourceUrl: "https://example.test/",
    confirmed: true,
    note: null,
  };
}

describe("the version in force on a day", () => {
  const versions = [
    v("enacted", "in_force", "2024-08-01"),
    v("proposal", "proposal", null),
    v("agreed", "provisional_agreement", "2026-05-07"),
    v("amended", "in_force", "2026-08-01"),
  ];

  it("is the binding version with the latest entry into force on or before the day", () => {
    expect(versionInForce(versions, "2024-07-31")).toBeNull();
    expect(versionInForce(versions, "2024-08-01")?.label).toBe("enacted");
    // A provisional agreement is not law: the enacted text still binds.
    expect(versionInForce(versions, "2026-06-01")?.label).toBe("enacted");
    expect(versionInForce(versions, "2026-07-31")?.label).toBe("enacted");
    expect(versionInForce(versions, "2026-08-01")?.label).toBe("amended");
    expect(versionInForce(versions, null)?.label).toBe("amended");
  });

  it("answers none once the instrument is repealed or annulled", () => {
    const repealed = [...versions, v("repealed", "repealed", "2030-01-01")];
    expect(versionInForce(repealed, "2029-12-31")?.label).toBe("amended");
    expect(versionInForce(repealed, "2030-01-01")).toBeNull();
  });
});

describe("applicability from windows", () => {
  it("uses the provision's windows, else the version's, else applies", () => {
    expect(applicabilityFromWindows([], [], "2026-01-01").status).toBe("applies");
    expect(applicabilityFromWindows([], [window("2026-08-02")], "2026-08-01").status).toBe(
      "not_yet",
    );
    expect(
      applicabilityFromWindows([window("2025-02-02")], [window("2026-08-02")], "2025-02-02").status,
    ).toBe("applies");
  });

  it("treats both ends as inclusive days and tells conditional windows apart", () => {
    const windows = [window("2025-01-01", "2025-06-27")];
    expect(applicabilityFromWindows(windows, [], "2025-06-27").status).toBe("applies");
    expect(applicabilityFromWindows(windows, [], "2025-06-28").status).toBe("no_longer");
    const conditional = applicabilityFromWindows(
      [window("2026-12-02", null, "placed_on_market_before_2026-08-02")],
      [],
      "2026-12-02",
    );
    expect(conditional.status).toBe("conditional");
    expect(conditional.windows.map((w) => w.condition)).toEqual([
      "placed_on_market_before_2026-08-02",
    ]);
  });
});

describe("a day asked about", () => {
  it("refuses a malformed day as the caller's mistake", () => {
    expect(requireQueryDay("2026-02-28")).toBe("2026-02-28");
    for (const bad of ["2026-02-30", "28.02.2026", "", "2026-2-1"]) {
      expect(() => requireQueryDay(bad)).toThrow(DomainError);
    }
  });
});
