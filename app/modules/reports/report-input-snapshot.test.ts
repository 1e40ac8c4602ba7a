import { describe, expect, it } from "vitest";
import { parseReportInput, serializeReportInput } from "./report-input-snapshot";
import { sampleReportInput } from "./sample-report-input";

// Issue 14 item 9: a pending report recorded before the catalogue fields existed must still parse
// (and so render as it would have); a new one keeps the catalogue and the linked provisions.
describe("the stored report input", () => {
  it("parses an input recorded before issue 14 (no catalogue, no linked provisions)", () => {
    const input = sampleReportInput({ questionCount: 4 });
    const old = JSON.parse(serializeReportInput(input));
    delete old.catalogue;
    for (const section of old.answers)
      for (const answer of section.answers) delete answer.provisions;
    const parsed = parseReportInput(JSON.stringify(old));
    expect(parsed.catalogue).toBeUndefined();
    expect(parsed.answers.flatMap((s) => s.answers).every((a) => a.provisions === undefined)).toBe(
      true,
    );
  });

  it("keeps the catalogue identity and each question's provisions as display text", () => {
    const input = sampleReportInput({ questionCount: 4 });
    input.catalogue = {
      version: "vetted-regulations-2026-12-07",
      sha256: "ab".repeat(32),
      onDate: "1 Oct 2026",
    };
    input.answers[0]!.answers[0]!.provisions = [
      { provision: "Art. 50 — Transparency obligations", instrument: "AI Act", status: "in force" },
    ];
    const parsed = parseReportInput(serializeReportInput(input));
    expect(parsed.catalogue).toEqual(input.catalogue);
    expect(parsed.answers[0]!.answers[0]!.provisions).toEqual(
      input.answers[0]!.answers[0]!.provisions,
    );
  });
});
