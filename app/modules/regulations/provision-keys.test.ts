import { describe, expect, it } from "vitest";
import { changedKeysTouching, provisionKeysOverlap } from "./provision-keys";

const ART_50 = "eu:2024/1689:art:50";

describe("provision keys overlap", () => {
  it("when equal, when the link is a part of the changed provision, and when it is the whole", () => {
    expect(provisionKeysOverlap(ART_50, ART_50)).toBe(true);
    expect(provisionKeysOverlap(ART_50, `${ART_50}:par:2`)).toBe(true);
    expect(provisionKeysOverlap(`${ART_50}:par:2`, ART_50)).toBe(true);
  });

  it("not for a sibling whose key merely starts with the same digits", () => {
    expect(provisionKeysOverlap(ART_50, "eu:2024/1689:art:5")).toBe(false);
    expect(provisionKeysOverlap("eu:2024/1689:art:5", ART_50)).toBe(false);
    expect(provisionKeysOverlap(`${ART_50}:par:2`, `${ART_50}:par:1`)).toBe(false);
  });

  it("lists the changed keys that touch a link", () => {
    expect(
      changedKeysTouching([`${ART_50}:par:2`, "eu:2024/1689:art:6:par:2", ART_50], ART_50),
    ).toEqual([`${ART_50}:par:2`, ART_50]);
  });
});
