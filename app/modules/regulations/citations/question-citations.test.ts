import { describe, expect, it } from "vitest";
import { TEMPLATE_REFERENCE_LINKS } from "../../../reference-data/template-provision-links";
import { localizedQuestionCitations, questionCitations } from "./question-citations";

describe("a question's references for the reader", () => {
  it("cite catalogue keys in the reader's language", () => {
    const question = { references: ["eu:2016/679:art:28:par:3:pt:a", "iso:27001:annex-a:8.24"] };
    expect(questionCitations(question, "de")).toEqual([
      "Art. 28 Abs. 3 lit. a DSGVO",
      "ISO/IEC 27001:2022 A.8.24",
    ]);
    expect(questionCitations(question, "en")).toEqual([
      "GDPR Art. 28(3)(a)",
      "ISO/IEC 27001:2022 A.8.24",
    ]);
  });

  it("render a legacy version's reference strings both ways when they stand for one provision", () => {
    // Versions published before issue 21 carry strings, not keys.
    const legacy = {
      regulationRefs: ["GDPR Art. 28(3)(a)", "BDSG § 38", "CJEU C-311/18 (Schrems II)"],
    };
    expect(questionCitations(legacy, "de")).toEqual([
      "Art. 28 Abs. 3 lit. a DSGVO",
      "§ 38 BDSG",
      "EuGH, Urt. v. 16.7.2020 – C-311/18 (Schrems II)",
    ]);
    expect(questionCitations(legacy, "en")).toEqual([
      "GDPR Art. 28(3)(a)",
      "Section 38 BDSG",
      "CJEU C-311/18 (Schrems II)",
    ]);
  });

  it("render every reference string of the bundled versions before issue 21 in German style", () => {
    const english = ["GDPR", "AI Act", "NIS2 Art.", "CJEU", "Implementing Decision", "EDPB"];
    const problems = Object.keys(TEMPLATE_REFERENCE_LINKS).flatMap((ref) => {
      const [de] = questionCitations({ regulationRefs: [ref] }, "de");
      return english.filter((mark) => de!.includes(mark)).map((mark) => `${ref} → ${de} (${mark})`);
    });
    expect(problems).toEqual([]);
  });

  it("keep a custom template's free text as written", () => {
    const custom = { regulationRefs: ["Konzernrichtlinie IT-7", "constructor"] };
    expect(questionCitations(custom, "de")).toEqual(["Konzernrichtlinie IT-7", "constructor"]);
    expect(localizedQuestionCitations(custom)).toEqual([
      { en: "Konzernrichtlinie IT-7", de: "Konzernrichtlinie IT-7" },
      { en: "constructor", de: "constructor" },
    ]);
  });
});
