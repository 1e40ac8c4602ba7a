import { describe, expect, it } from "vitest";
import { citationOf, citeProvision, type CitationCatalogue } from "./cite-provision";

// The German DPO convention of the review (compliance-review.md §3.1) and its English counterpart.
const EXAMPLES: Array<[key: string, de: string, en: string]> = [
  ["eu:2016/679:art:28:par:1", "Art. 28 Abs. 1 DSGVO", "GDPR Art. 28(1)"],
  ["eu:2016/679:art:28:par:3:pt:a", "Art. 28 Abs. 3 lit. a DSGVO", "GDPR Art. 28(3)(a)"],
  ["eu:2016/679:art:28", "Art. 28 DSGVO", "GDPR Art. 28"],
  ["eu:2024/1689:art:50:par:1", "Art. 50 Abs. 1 KI-VO", "AI Act Art. 50(1)"],
  [
    "eu:2024/1689:art:13:par:3:pt:b:pt:iv",
    "Art. 13 Abs. 3 lit. b Ziff. iv KI-VO",
    "AI Act Art. 13(3)(b)(iv)",
  ],
  [
    "eu:2024/1689:annex:xii:pt:1:pt:b",
    "Anhang XII Nr. 1 lit. b KI-VO",
    "AI Act Annex XII point 1(b)",
  ],
  ["eu:2024/1689:ch:v", "Kapitel V KI-VO", "AI Act Chapter V"],
  ["eu:2022/2555:art:21:par:2:pt:h", "Art. 21 Abs. 2 lit. h NIS-2-RL", "NIS2 Art. 21(2)(h)"],
  ["eu:2022/2554:art:30:par:2:pt:b", "Art. 30 Abs. 2 lit. b DORA", "DORA Art. 30(2)(b)"],
  ["eu:2023/2854:art:32", "Art. 32 Data Act", "Data Act Art. 32"],
  ["de:bdsg:par:38", "§ 38 BDSG", "Section 38 BDSG"],
  ["de:betrvg:par:87:abs:1:nr:6", "§ 87 Abs. 1 Nr. 6 BetrVG", "Section 87(1) no. 6 BetrVG"],
  ["de:betrvg:par:87:par:1:pt:6", "§ 87 Abs. 1 Nr. 6 BetrVG", "Section 87(1) no. 6 BetrVG"],
  [
    "eu:2016/679:art:28:par:2:sent:2",
    "Art. 28 Abs. 2 Satz 2 DSGVO",
    "GDPR Art. 28(2), second sentence",
  ],
  ["eu:2023/1795", "Durchführungsbeschluss (EU) 2023/1795", "Implementing Decision (EU) 2023/1795"],
  [
    "eu:2023/1795:art:1",
    "Durchführungsbeschluss (EU) 2023/1795, Art. 1",
    "Implementing Decision (EU) 2023/1795, Art. 1",
  ],
  [
    "eu:2021/914:annex:cl:14",
    "Durchführungsbeschluss (EU) 2021/914, Anhang, Klausel 14",
    "Implementing Decision (EU) 2021/914, Annex, Clause 14",
  ],
  ["edpb:rec:01/2020", "EDSA-Empfehlungen 01/2020", "EDPB Recommendations 01/2020"],
  ["edpb:rec:01/2020:roadmap", "EDSA-Empfehlungen 01/2020", "EDPB Recommendations 01/2020"],
  ["edpb:gl:05/2021", "EDSA-Leitlinien 05/2021", "EDPB Guidelines 05/2021"],
  ["edpb:op:28/2024", "EDSA-Stellungnahme 28/2024", "EDPB Opinion 28/2024"],
  [
    "eu:cjeu:C-311/18:ruling",
    "EuGH, Urt. v. 16.7.2020 – C-311/18 (Schrems II)",
    "CJEU C-311/18 (Schrems II)",
  ],
  [
    "eu:cjeu:C-311/18",
    "EuGH, Urt. v. 16.7.2020 – C-311/18 (Schrems II)",
    "CJEU C-311/18 (Schrems II)",
  ],
  [
    "eu:cjeu:C-34/21",
    "EuGH, Urt. v. 30.3.2023 – C-34/21 (Hauptpersonalrat)",
    "CJEU C-34/21 (Hauptpersonalrat)",
  ],
  [
    "eu:2019/790:art:4:par:3",
    "Art. 4 Abs. 3 RL (EU) 2019/790",
    "Directive (EU) 2019/790 Art. 4(3)",
  ],
  ["iso:27001:annex-a:8.24", "ISO/IEC 27001:2022 A.8.24", "ISO/IEC 27001:2022 A.8.24"],
  ["iso:42001:annex-a:a.6.2.4", "ISO/IEC 42001:2023 A.6.2.4", "ISO/IEC 42001:2023 A.6.2.4"],
  ["iso:27001:cl:4-10", "ISO/IEC 27001:2022 Abschnitte 4–10", "ISO/IEC 27001:2022 clauses 4–10"],
  ["bsi:c5:domain:ops:crit:ops-19", "BSI C5:2020 OPS-19", "BSI C5:2020 OPS-19"],
  ["bsi:c5:crit:ops-19", "BSI C5:2020 OPS-19", "BSI C5:2020 OPS-19"],
  ["bsi:c5:domain:cry", "BSI C5:2020 CRY", "BSI C5:2020 CRY"],
  ["bsi:c5:criteria", "BSI C5:2020", "BSI C5:2020"],
  // Shapes the content of issue 21 is expected to add (rows already in citation-styles.ts).
  ["eu:2024/2847:annex:i:part:ii", "Anhang I Teil II CRA", "CRA Annex I Part II"],
  [
    "eu:2021/914:annex:clause:9",
    "Durchführungsbeschluss (EU) 2021/914, Anhang, Klausel 9",
    "Implementing Decision (EU) 2021/914, Annex, Clause 9",
  ],
  ["de:urhg:par:44b", "§ 44b UrhG", "Section 44b UrhG"],
  ["de:bsig:par:32:abs:1:nr:1", "§ 32 Abs. 1 Nr. 1 BSIG", "Section 32(1) no. 1 BSIG"],
  ["de:stgb:par:203", "§ 203 StGB", "Section 203 StGB"],
  ["edpb:gl:2/2018", "EDSA-Leitlinien 2/2018", "EDPB Guidelines 2/2018"],
  [
    "eu:cjeu:C-311/18:rn:134",
    "EuGH, Urt. v. 16.7.2020 – C-311/18 (Schrems II), Rn. 134",
    "CJEU C-311/18 (Schrems II), para. 134",
  ],
];

describe("citeProvision", () => {
  it.each(EXAMPLES)("%s → %s / %s", (key, de, en) => {
    expect(citationOf(key, "de")).toEqual({ text: de, exact: true });
    expect(citationOf(key, "en")).toEqual({ text: en, exact: true });
  });

  it("reads an unparseable key as the instrument's citation and the provision's label", () => {
    // "omnibus-intimate-imagery" is a descriptive key (the letter is not confirmed).
    const key = "eu:2024/1689:art:5:omnibus-intimate-imagery";
    expect(citationOf(key, "de")).toEqual({
      text: "KI-VO Art. 5 (new point, AI omnibus)",
      exact: false,
    });
    expect(citeProvision(key, "en")).toBe("AI Act Art. 5 (new point, AI omnibus)");
    expect(citeProvision("de:nis2umsucg:registration", "de")).toBe(
      "NIS2UmsuCG Registration with the BSI",
    );
  });

  it("cites a ruling the catalogue does not hold without a date", () => {
    expect(citeProvision("eu:cjeu:C-999/99", "de")).toBe("EuGH, C-999/99");
    expect(citeProvision("eu:cjeu:C-999/99", "en")).toBe("CJEU C-999/99");
  });

  it("cites a guidance document's part named by topic as the document, with its section", () => {
    const catalogue: CitationCatalogue = {
      instrument: (key) =>
        key.startsWith("edpb:") || key === "de:dsk:oh-ki"
          ? { key, kind: "guidance", citation: key === "de:dsk:oh-ki" ? "DSK-OH KI" : null }
          : undefined,
      provision: (key) =>
        ({
          "edpb:guidelines:05/2021:transfer-criteria": { key, label: "Section 2" },
          "edpb:guidelines:2/2018:art-49": { key, label: "Derogations" },
        })[key],
      instrumentKeys: () => ["edpb:guidelines:05/2021", "edpb:guidelines:2/2018", "de:dsk:oh-ki"],
    };
    const both = (key: string) => [
      citeProvision(key, "de", catalogue),
      citeProvision(key, "en", catalogue),
    ];
    expect(both("edpb:guidelines:05/2021:transfer-criteria")).toEqual([
      "EDSA-Leitlinien 05/2021, Abschn. 2",
      "EDPB Guidelines 05/2021, section 2",
    ]);
    expect(both("edpb:guidelines:2/2018:art-49")).toEqual([
      "EDSA-Leitlinien 2/2018",
      "EDPB Guidelines 2/2018",
    ]);
    expect(both("edpb:opinion:28/2024")).toEqual([
      "EDSA-Stellungnahme 28/2024",
      "EDPB Opinion 28/2024",
    ]);
    // A German guidance document is cited as such, not as a statute with §.
    expect(both("de:dsk:oh-ki:whole")).toEqual(["DSK-OH KI", "DSK-OH KI"]);
  });

  it("never shows the raw key of an imported framework: its title and label stand in", () => {
    const catalogue: CitationCatalogue = {
      instrument: (key) =>
        key === "acme:policy"
          ? {
              key,
              kind: "framework",
              titleEn: "ACME security policy",
              titleDe: "ACME-Sicherheitsrichtlinie",
            }
          : undefined,
      provision: (key) => (key === "acme:policy:rule-7" ? { key, label: "Rule 7" } : undefined),
      instrumentKeys: () => ["acme:policy"],
    };
    expect(citeProvision("acme:policy:rule-7", "de", catalogue)).toBe(
      "ACME-Sicherheitsrichtlinie Rule 7",
    );
    expect(citeProvision("acme:policy:rule-7", "en", catalogue)).toBe(
      "ACME security policy Rule 7",
    );
  });
});
