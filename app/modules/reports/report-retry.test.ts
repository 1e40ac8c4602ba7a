import { describe, expect, it } from "vitest";
import { MAX_REPORT_ATTEMPTS, reportRetryDelayMs } from "./report-retry";

describe("report retry policy", () => {
  it("doubles from 30 s and stops growing at an hour", () => {
    expect([1, 2, 3, 4].map(reportRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(reportRetryDelayMs(8)).toBe(3_600_000);
    expect(reportRetryDelayMs(MAX_REPORT_ATTEMPTS)).toBe(3_600_000);
  });

  it("keeps trying for hours before it gives up", () => {
    let total = 0;
    for (let attempt = 1; attempt < MAX_REPORT_ATTEMPTS; attempt++)
      total += reportRetryDelayMs(attempt);
    expect(total).toBeGreaterThan(4 * 3_600_000);
  });
});
