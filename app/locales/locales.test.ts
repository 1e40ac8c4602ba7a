import { describe, expect, it } from "vitest";
import { de } from "./de";
import { en } from "./en";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("German has exactly the English namespaces and keys", () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const ns of Object.keys(en) as (keyof typeof en)[]) {
      expect(Object.keys(de[ns]).sort(), `namespace ${ns}`).toEqual(Object.keys(en[ns]).sort());
    }
  });

  it("every German text is filled and uses the same placeholders as the English one", () => {
    for (const ns of Object.keys(en) as (keyof typeof en)[]) {
      const english = en[ns] as Record<string, string>;
      const german = de[ns] as Record<string, string>;
      for (const key of Object.keys(english)) {
        expect(german[key]?.trim(), `${ns}.${key} is empty in German`).toBeTruthy();
        expect(placeholders(german[key]!), `${ns}.${key} placeholders`).toEqual(
          placeholders(english[key]!),
        );
      }
    }
  });
});
