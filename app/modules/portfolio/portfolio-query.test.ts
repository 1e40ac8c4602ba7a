import { describe, expect, it } from "vitest";
import { FINDING_SEVERITIES } from "../review/review-input";
import {
  filteredPortfolioPath,
  parsePortfolioParams,
  portfolioParams,
  SEVERITIES,
} from "./portfolio-query";

const parse = (search: string) => parsePortfolioParams(new URLSearchParams(search));

describe("portfolio filters in the URL", () => {
  it("reads the dashboard's filters: certificate window, finding severity, 'none' rows", () => {
    expect(parse("expiry=30&severity=CRITICAL&status=none&residency=none")).toMatchObject({
      expiry: "30",
      severity: "CRITICAL",
      status: "none",
      residency: "none",
    });
    expect(parse("expiry=expired").expiry).toBe("expired");
    expect(parse("expiry=90").expiry).toBe("90");
  });

  it("ignores unknown values instead of failing", () => {
    expect(
      parse("expiry=45&severity=critical&status=nonsense&residency=mars&tier=none2"),
    ).toMatchObject({ expiry: null, severity: null, status: null, residency: null, tier: null });
    expect(parse("expiry=&severity=").expiry).toBeNull();
    expect(parse("expiry=30&expiry=x").expiry).toBe("30");
  });

  it("writes them back (round trip), leaving defaults out", () => {
    const query = parse("expiry=90&severity=HIGH&status=none&residency=eu_eea&overdue=1");
    expect(parse(portfolioParams(query).toString())).toEqual(query);
    expect(portfolioParams(parse("")).toString()).toBe("");
  });

  it("makes a tile's link: that one filter on an otherwise fresh view", () => {
    expect(filteredPortfolioPath({ expiry: "30" })).toBe("/portfolio?expiry=30");
    expect(filteredPortfolioPath({ severity: "CRITICAL" })).toBe("/portfolio?severity=CRITICAL");
    expect(filteredPortfolioPath({ overdue: true })).toBe("/portfolio?overdue=1");
    expect(filteredPortfolioPath({})).toBe("/portfolio");
  });

  it("knows the same severities as the findings form", () => {
    expect([...SEVERITIES]).toEqual([...FINDING_SEVERITIES]);
  });
});
