import { describe, expect, it } from "vitest";
import { diffFieldText, diffValueText } from "./diff-text";

describe("a change's diff in words", () => {
  it("names the scoped fields of the bundle with the country, in both languages", () => {
    expect(diffFieldText("appliesUntil[GB]", "en")).toBe("Applies until (United Kingdom)");
    expect(diffFieldText("adequacy[BR]", "de")).toBe("Angemessenheitsbeschluss (Brasilien)");
    expect(diffFieldText("adequacy[io:EPO]", "en")).toBe("Adequacy decision (EPO)");
    expect(diffFieldText("text", "en")).toBe("text");
  });

  it("reads days as dates and scope values as phrases; other values as recorded", () => {
    expect(diffValueText("2031-12-27", "en", (d) => `day ${d}`)).toBe("day 2031-12-27");
    expect(diffValueText("whole", "de", String)).toBe("ganzes Land");
    expect(diffValueText("72 hours", "en", String)).toBe("72 hours");
  });
});
