import { describe, expect, it } from "vitest";
import { canonicalCompareUrl, parseVendorIds } from "./comparison-params";

describe("the comparison page's address", () => {
  it("turns the picker's vendor=a&vendor=b into ?vendors=a,b and keeps the profile", () => {
    const picked = new URLSearchParams("vendor=a&vendor=b&profile=p&q=ignored");
    expect(canonicalCompareUrl(picked)).toBe("/compare?vendors=a%2Cb&profile=p");
  });

  it("leaves an address without picked vendors alone", () => {
    expect(canonicalCompareUrl(new URLSearchParams("vendors=a,b&profile=p"))).toBeNull();
  });

  it("reads ?vendors=a,b into unique ids in their order", () => {
    expect(parseVendorIds(" b, a ,b,,")).toEqual(["b", "a"]);
  });
});
