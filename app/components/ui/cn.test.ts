import { describe, expect, it } from "vitest";
import { cn } from "./cn";

describe("cn", () => {
  it("joins classes and drops empty values", () => {
    expect(cn("a", false, null, undefined, "", "b")).toBe("a b");
  });

  it("lets a later Tailwind class override an earlier one of the same kind", () => {
    expect(cn("px-4 py-2 bg-brand-600", "px-2")).toBe("py-2 bg-brand-600 px-2");
    expect(cn("text-sm text-slate-700", "text-brand-900")).toBe("text-sm text-brand-900");
  });

  it("keeps classes of different kinds side by side", () => {
    expect(cn("rounded-md border", "shadow-sm")).toBe("rounded-md border shadow-sm");
  });
});
