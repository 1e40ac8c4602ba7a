import { describe, expect, it } from "vitest";
import { formatPoints } from "../../utils/score-format";
import type { Comparison } from "./compare-vendors.server";
import { comparisonPageView } from "./comparison-view";

// The comparison prints a question's points as the assessment page and the report do (issue 15):
// "0,50" on the 0–1 scale, with the same function, not "50".
describe.each(["de", "en"] as const)("comparison view (%s)", (locale) => {
  it("prints points and their spread with the page's format, and answers by their labels", () => {
    const comparison = {
      sections: [],
      differing: [
        {
          key: "security.pentest",
          label: { en: "Penetration tests?", de: "Penetrationstests?" },
          spread: 0.5,
          type: "single_choice",
          options: [
            { value: "annually", label: { en: "Annually", de: "Jährlich" } },
            { value: "every_two_years", label: { en: "Every two years", de: "Alle zwei Jahre" } },
          ],
          answers: ["annually", "every_two_years"],
          points: [1, 0.5],
        },
      ],
    } as unknown as Comparison;
    const [row] = comparisonPageView(comparison, locale).differing;
    expect(row!.spread).toBe(formatPoints(locale, 0.5));
    expect(row!.cells.map((cell) => cell.points)).toEqual([
      formatPoints(locale, 1),
      formatPoints(locale, 0.5),
    ]);
    expect(row!.cells[1]!.text).toBe(locale === "de" ? "Alle zwei Jahre" : "Every two years");
  });
});
