import { describe, expect, it } from "vitest";
import { delegatedHref, type DelegatedClick } from "./delegated-navigation";

/** A link as the DOM gives it: attributes, and closest("a") from inside it. */
function anchor(attributes: Record<string, string>) {
  const element = {
    getAttribute: (name: string) => attributes[name] ?? null,
    hasAttribute: (name: string) => name in attributes,
    closest: (selector: string) => (selector === "a" ? element : null),
  };
  return element as unknown as Element & { closest: (selector: string) => Element | null };
}

function click(
  link: Element | null,
  change: Partial<DelegatedClick> = {},
  inside = true,
): DelegatedClick {
  return {
    defaultPrevented: false,
    button: 0,
    metaKey: false,
    altKey: false,
    ctrlKey: false,
    shiftKey: false,
    target: link ?? { closest: () => null },
    currentTarget: { contains: () => inside },
    ...change,
  };
}

describe("delegatedHref", () => {
  it("navigates an ordinary left click on a same-origin link client-side", () => {
    expect(delegatedHref(click(anchor({ href: "/vendors/v1" })))).toBe("/vendors/v1");
  });

  it("leaves everything else to the browser", () => {
    const link = anchor({ href: "/vendors/v1" });
    for (const change of [
      { metaKey: true },
      { ctrlKey: true },
      { shiftKey: true },
      { altKey: true },
      { button: 1 },
      { defaultPrevented: true },
    ]) {
      expect(delegatedHref(click(link, change)), JSON.stringify(change)).toBeNull();
    }
    expect(delegatedHref(click(link, {}, false))).toBeNull();
    expect(delegatedHref(click(null))).toBeNull();
    expect(delegatedHref(click(anchor({ href: "https://example.org/x" })))).toBeNull();
    expect(delegatedHref(click(anchor({ href: "//example.org/x" })))).toBeNull();
    expect(delegatedHref(click(anchor({ href: "/x", target: "_blank" })))).toBeNull();
    expect(
      delegatedHref(click(anchor({ href: "/portfolio/export?format=csv", download: "" }))),
    ).toBeNull();
    expect(delegatedHref(click(anchor({})))).toBeNull();
  });
});
