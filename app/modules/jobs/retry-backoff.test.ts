import { describe, expect, it } from "vitest";
import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from "./retry-backoff";

describe("retryDelayMs", () => {
  it("doubles per attempt, with jitter in the upper half of each step", () => {
    expect(retryDelayMs(1, 0)).toBe(RETRY_BASE_MS / 2);
    expect(retryDelayMs(1, 1)).toBe(RETRY_BASE_MS);
    expect(retryDelayMs(2, 0)).toBe(RETRY_BASE_MS);
    expect(retryDelayMs(3, 1)).toBe(4 * RETRY_BASE_MS);
    expect(retryDelayMs(3, 0.5)).toBe(3 * RETRY_BASE_MS);
  });

  it("never exceeds the cap, however many attempts", () => {
    expect(retryDelayMs(40, 1)).toBe(RETRY_CAP_MS);
    expect(retryDelayMs(40, 0)).toBe(RETRY_CAP_MS / 2);
  });
});
