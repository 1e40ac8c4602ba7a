import { describe, expect, it } from "vitest";
import { GOOD_ANSWERS, OPTIONS_1_1, sampleTemplate } from "./fixtures/sample-template";
import {
  prepareTemplate,
  scoreAssessment,
  scorePrepared,
  ScoringInputError,
  type ScoringAnswers,
  type ScoringOptions,
  type ScoringResultV1_1,
  type WeightProfile,
} from "./index";

function score(answers: ScoringAnswers, options: Partial<ScoringOptions> = {}): ScoringResultV1_1 {
  return scoreAssessment({
    template: sampleTemplate(),
    answers,
    options: { ...OPTIONS_1_1, ...options },
  }) as ScoringResultV1_1;
}

describe("method 1.1.0: scores", () => {
  it("computes weighted section and overall scores with countries rated through residency", () => {
    const result = score(GOOD_ANSWERS);
    expect(result.methodVersion).toBe("1.1.0");
    // security: yes 1 (w2), partial 0.5, soc2+c5 0.9, pentest 121 days ago on 0–730 → 0.8342, text unscored
    //   → 4.2342 / 5 = 84.68; residency: storage 1 (w2), inference CH → 0.8, safeguards 1 → 4.8 / 4 = 95;
    // data use: opt_in 0.8 (w3), 30 days → 1 → 3.4 / 4 = 85; access: totp 0.8, headcount unscored → 80
    expect(result.sections.map((section) => [section.key, section.score])).toEqual([
      ["security", 84.68],
      ["residency", 95],
      ["data_use", 85],
      ["access", 80],
    ]);
    expect(result.questions.find((q) => q.key === "residency.inference")).toMatchObject({
      points: 0.8,
      reason: "adequacy decision (CH) → 0.8",
    });
    // (3 · 84.684 + 2 · 95 + 2 · 85 + 1 · 80) / 8 = 86.7565
    expect(result.overall).toBe(86.76);
    expect(result.riskTier).toBe("low");
  });

  it("records no weight profile, no residency without flows, and a transparency index", () => {
    const result = score(GOOD_ANSWERS);
    expect(result.weightProfile).toBeNull();
    expect(result.residency).toBeNull();
    expect(result.transparency).toEqual({
      satisfied: 3,
      total: 3,
      byDomain: [
        {
          domain: "Upstream",
          satisfied: 2,
          total: 2,
          subdomains: [
            { subdomain: "Data", satisfied: 1, total: 1 },
            { subdomain: "Compute", satisfied: 1, total: 1 },
          ],
        },
        {
          domain: "Downstream",
          satisfied: 1,
          total: 1,
          subdomains: [{ subdomain: "Transfers", satisfied: 1, total: 1 }],
        },
      ],
      indicators: [
        {
          questionKey: "security.iso27001",
          domain: "Upstream",
          subdomain: "Data",
          satisfied: true,
          rule: "awarded when the answer is 'yes'",
        },
        {
          questionKey: "security.certs",
          domain: "Upstream",
          subdomain: "Compute",
          satisfied: true,
          rule: "awarded when a selected option is one of 'soc2', 'c5'",
        },
        {
          questionKey: "residency.safeguards",
          domain: "Downstream",
          subdomain: "Transfers",
          satisfied: true,
          rule: "Names the transfer safeguard",
        },
      ],
    });
  });

  it("counts unanswered, unknown and n/a indicators as not satisfied", () => {
    const result = score({
      ...GOOD_ANSWERS,
      "security.iso27001": "unknown",
      "security.certs": "na",
      "residency.safeguards": undefined,
    });
    expect(result.transparency?.satisfied).toBe(0);
    expect(result.transparency?.total).toBe(3);
  });

  it("has no transparency index without indicators", () => {
    const template = sampleTemplate();
    for (const section of template.sections)
      for (const question of section.questions) delete question.indicator;
    const result = scoreAssessment({
      template,
      answers: GOOD_ANSWERS,
      options: OPTIONS_1_1,
    }) as ScoringResultV1_1;
    expect(result.transparency).toBeNull();
  });

  it("applies and records a weight profile", () => {
    const profile: WeightProfile = {
      id: "health",
      name: "Health data",
      sectionWeights: { residency: 10 },
    };
    const result = score(
      { ...GOOD_ANSWERS, "residency.storage": ["US"] },
      { weightProfile: profile },
    );
    const plain = score({ ...GOOD_ANSWERS, "residency.storage": ["US"] });
    expect(result.weightProfile).toEqual({
      id: "health",
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(result.sections.find((s) => s.key === "residency")?.weight).toBe(10);
    expect(result.overall!).toBeLessThan(plain.overall!);
    expect(() =>
      score(GOOD_ANSWERS, { weightProfile: { ...profile, sectionWeights: { nope: 1 } } }),
    ).toThrow(/unknown section key 'nope'/);
  });

  it("rates residency flows and applies country-flow defaults to countries questions", () => {
    const flows = [
      { kind: "storage" as const, label: "db", country: "DE" },
      {
        kind: "subprocessor" as const,
        label: "LLM",
        country: "US",
        recipient: { dpfCertified: true },
      },
    ];
    const result = score(
      { ...GOOD_ANSWERS, "residency.inference": ["US"] },
      { residencyFlows: flows },
    );
    expect(result.residency).toMatchObject({ rating: "adequacy", setBy: [1] });
    expect(result.questions.find((q) => q.key === "residency.inference")?.points).toBe(0);
    const certified = score(
      { ...GOOD_ANSWERS, "residency.inference": ["US"] },
      { countryFlowDefaults: { recipient: { dpfCertified: true } } },
    );
    expect(certified.questions.find((q) => q.key === "residency.inference")?.points).toBe(0.8);
    const withScc = score(
      { ...GOOD_ANSWERS, "residency.inference": ["US"] },
      { countryFlowDefaults: { safeguard: "scc" } },
    );
    expect(withScc.questions.find((q) => q.key === "residency.inference")?.points).toBe(0.5);
  });

  it("accepts adequacy as plain codes (whole country, no dates)", () => {
    const result = score(
      { ...GOOD_ANSWERS, "residency.storage": ["US"] },
      { adequacyDecisions: undefined, adequacyCountries: ["CH", "US"] },
    );
    expect(result.questions.find((q) => q.key === "residency.inference")?.points).toBe(0.8);
    expect(result.questions.find((q) => q.key === "residency.storage")).toMatchObject({
      points: 0.8,
      reason: "adequacy decision (US) → 0.8",
    });
  });
});

describe("method 1.1.0: explanations", () => {
  const answers: ScoringAnswers = {
    ...GOOD_ANSWERS,
    "security.pentest": "no",
    "data_use.training": "always",
    "access.admin_mfa": "unknown",
    "data_use.retention_days": 400,
  };
  const result = score(answers);
  const explanation = result.explanation;

  it("lists contributions by lost points, largest first, ties by key, in overall points", () => {
    const lost = explanation.overall.contributions.map((c) => c.lost);
    expect([...lost].sort((a, b) => b - a)).toEqual(lost);
    for (let i = 1; i < explanation.overall.contributions.length; i++) {
      const previous = explanation.overall.contributions[i - 1]!;
      const current = explanation.overall.contributions[i]!;
      if (previous.lost === current.lost)
        expect(previous.questionKey < current.questionKey).toBe(true);
    }
    const training = explanation.overall.contributions[0]!;
    expect(training).toEqual({
      questionKey: "data_use.training",
      sectionKey: "data_use",
      status: "scored",
      points: 0,
      earned: 0,
      // data use carries 2/8 of the overall score, training 3/4 of the section: 18.75 points
      max: 18.75,
      lost: 18.75,
    });
    const byKey = new Map(result.questions.map((q) => [q.key, q]));
    for (const entry of explanation.overall.contributions) {
      const question = byKey.get(entry.questionKey)!;
      expect(entry.earned).toBe(question.contributionToOverall);
      expect(entry.max).toBe(question.maxContributionToOverall);
      expect(Math.round(entry.lost * 100)).toBe(Math.round((entry.max - entry.earned) * 100));
    }
    // Unscored and n/a questions carry no share.
    expect(explanation.overall.contributions.some((c) => c.questionKey === "security.notes")).toBe(
      false,
    );
    expect(
      explanation.overall.contributions.some((c) => c.questionKey === "access.headcount"),
    ).toBe(false);
  });

  it("restricts each section's lists to the section, sharing the overall entries", () => {
    for (const section of explanation.sections) {
      const expected = explanation.overall.contributions.filter(
        (c) => c.sectionKey === section.sectionKey,
      );
      expect(section.contributions).toEqual(expected);
      section.contributions.forEach((entry, i) => expect(entry).toBe(expected[i]));
      expect(section.score).toBe(result.sections.find((s) => s.key === section.sectionKey)!.score);
    }
    expect(explanation.sections.map((s) => s.share)).toEqual([37.5, 25, 25, 12.5]);
  });

  it("proposes the answers that would raise the score most, with the best answer and the gain", () => {
    const improvements = explanation.overall.improvements;
    expect(improvements[0]).toEqual({
      questionKey: "data_use.training",
      sectionKey: "data_use",
      currentPoints: 0,
      bestPoints: 1,
      bestAnswer: "never",
      bestAnswerText: "option 'never'",
      gain: 18.75,
    });
    const gains = improvements.map((i) => i.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    expect(improvements.every((i) => i.gain > 0)).toBe(true);
    expect(improvements.find((i) => i.questionKey === "security.pentest")).toMatchObject({
      bestAnswer: "yes",
      currentPoints: 0,
    });
    // 400 days → 0 points; the best answer (0 days) earns the whole 25 · 1/4 = 6.25 points
    expect(improvements.find((i) => i.questionKey === "data_use.retention_days")).toMatchObject({
      bestAnswer: 0,
      gain: 6.25,
    });
    // The best possible answer's contribution − the current one: opt_in (0.8) → never gains 20 % of 18.75.
    const optIn = score({ ...answers, "data_use.training": "opt_in" });
    expect(
      optIn.explanation.overall.improvements.find((i) => i.questionKey === "data_use.training")
        ?.gain,
    ).toBe(3.75);
  });

  it("keeps at most ten improvements per list", () => {
    const template = sampleTemplate();
    template.sections[0]!.questions.push(
      ...Array.from({ length: 14 }, (_, i) => ({
        key: `security.extra${String(i).padStart(2, "0")}`,
        type: "yes_no" as const,
        weight: 1,
        required: false,
      })),
    );
    const many = scoreAssessment({
      template,
      answers: {},
      options: OPTIONS_1_1,
    }) as ScoringResultV1_1;
    expect(many.explanation.overall.improvements).toHaveLength(10);
    expect(many.explanation.sections[0]!.improvements).toHaveLength(10);
    expect(many.explanation.sections[1]!.improvements.length).toBeGreaterThan(0);
    expect(many.explanation.sections[0]!.improvements.map((i) => i.questionKey)).toContain(
      "security.extra00",
    );
  });

  it("explains knock-outs with their cause and the tier with its threshold and cap", () => {
    expect(explanation.knockOuts).toEqual([
      {
        questionKey: "data_use.training",
        sectionKey: "data_use",
        label: "Customer data used for training without opt-out",
        matched: ["always"],
        answerReason: "option 'always' → 0",
        reason:
          "data_use.training: answer matched 'always' → knock-out \"Customer data used for training without opt-out\" (caps the tier at high)",
      },
      {
        questionKey: "access.admin_mfa",
        sectionKey: "access",
        label: "No MFA for administrative access",
        matched: ["unknown"],
        answerReason: "answer 'unknown' → 0 (unknown)",
        reason:
          "access.admin_mfa: answer matched 'unknown' → knock-out \"No MFA for administrative access\" (caps the tier at high)",
      },
    ]);
    expect(result.knockOuts.map((k) => k.questionKey)).toEqual([
      "data_use.training",
      "access.admin_mfa",
    ]);
    expect(explanation.tier).toMatchObject({ tier: result.riskTier, overall: result.overall });
    const capped = score({ ...GOOD_ANSWERS, "access.admin_mfa": "no_mfa" });
    // (254.052 + 190 + 170 + 0) / 8 = 76.76 → medium, capped at high
    expect(capped.overall).toBe(76.76);
    expect(capped.riskTier).toBe("high");
    expect(capped.explanation.tier).toMatchObject({
      scoreTier: "medium",
      threshold: { tier: "medium", min: 60 },
      cappedBy: ["access.admin_mfa"],
    });
  });

  it("is empty when nothing scores", () => {
    const empty = scoreAssessment({
      template: { sections: [] },
      answers: {},
      options: OPTIONS_1_1,
    }) as ScoringResultV1_1;
    expect(empty.overall).toBeNull();
    expect(empty.explanation).toEqual({
      overall: { score: null, contributions: [], improvements: [] },
      sections: [],
      knockOuts: [],
      tier: expect.objectContaining({ tier: null, reason: "no overall score → no tier" }),
    });
  });
});

describe("method 1.1.0: prepared templates and reproducibility", () => {
  it("gives byte-identical results through scoreAssessment and prepareTemplate + scorePrepared", () => {
    const prepared = prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    const answerSets: ScoringAnswers[] = [
      GOOD_ANSWERS,
      {},
      { ...GOOD_ANSWERS, "residency.storage": ["US", "CN"] },
    ];
    for (const answers of [...answerSets, ...answerSets]) {
      expect(JSON.stringify(scorePrepared(prepared, answers))).toBe(JSON.stringify(score(answers)));
    }
  });

  it("shares only frozen objects between results of one prepared template", () => {
    const prepared = prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    const answers = { ...GOOD_ANSWERS, "access.admin_mfa": "no_mfa", "residency.storage": [] };
    const first = scorePrepared(prepared, answers);
    const second = scorePrepared(prepared, answers);
    expect(second.knockOuts[0]).toBe(first.knockOuts[0]);
    expect(Object.isFrozen(first.knockOuts[0])).toBe(true);
    expect(Object.isFrozen(first.explanation.knockOuts[0])).toBe(true);
    expect(Object.isFrozen(first.transparency!.indicators[0])).toBe(true);
    const countries = first.explanation.overall.improvements.find((i) =>
      Array.isArray(i.bestAnswer),
    );
    expect(Object.isFrozen(countries?.bestAnswer)).toBe(true);
    expect(second.questions[0]).not.toBe(first.questions[0]);
  });

  it("does not depend on the order of answers, option lists or reference lists", () => {
    const reversed = Object.fromEntries(Object.entries(GOOD_ANSWERS).reverse());
    const options = {
      ...OPTIONS_1_1,
      euEeaCountries: [...OPTIONS_1_1.euEeaCountries].reverse(),
      adequacyDecisions: [...OPTIONS_1_1.adequacyDecisions!].reverse(),
    };
    expect(
      JSON.stringify(scoreAssessment({ template: sampleTemplate(), answers: reversed, options })),
    ).toBe(JSON.stringify(score(GOOD_ANSWERS)));
  });

  it("scores the same answers the same way, whichever other answers the prepared template saw before", () => {
    const prepared = prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    const fresh = () => prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    const answerSets: ScoringAnswers[] = [
      { ...GOOD_ANSWERS, "data_use.retention_days": 12, "security.pentest": "na" },
      { "security.iso27001": "no", "residency.storage": ["FR", "US"] },
      GOOD_ANSWERS,
    ];
    for (const answers of answerSets) scorePrepared(prepared, answers);
    for (const answers of answerSets) {
      expect(JSON.stringify(scorePrepared(prepared, answers))).toBe(
        JSON.stringify(scorePrepared(fresh(), answers)),
      );
    }
  });
});

describe("method 1.1.0: questions not required in one assessment", () => {
  /** The sample template with these questions' `required` set to false. */
  function withoutRequired(keys: ReadonlySet<string>) {
    const template = sampleTemplate();
    for (const section of template.sections) {
      for (const question of section.questions)
        if (keys.has(question.key)) question.required = false;
    }
    return template;
  }

  it("scores like the template with those questions not required, from one prepared template", () => {
    const prepared = prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    const required = sampleTemplate()
      .sections.flatMap((section) => section.questions)
      .filter((question) => question.required)
      .map((question) => question.key);
    const answerSets: ScoringAnswers[] = [
      GOOD_ANSWERS,
      {},
      { ...GOOD_ANSWERS, [required[0]!]: "na", [required[1]!]: undefined },
    ];
    const keySets = [
      new Set<string>(),
      new Set(required.slice(0, 2)),
      new Set([...required, "no.such.key"]),
    ];
    for (const notRequired of keySets) {
      const expected = prepareTemplate(withoutRequired(notRequired), OPTIONS_1_1);
      for (const answers of answerSets) {
        const result = scorePrepared(prepared, answers, { notRequired });
        expect(JSON.stringify(result)).toBe(JSON.stringify(scorePrepared(expected, answers)));
      }
    }
    // It changes completeness only, and really does.
    const all = scorePrepared(prepared, {}, {});
    const fewer = scorePrepared(prepared, {}, { notRequired: new Set(required.slice(0, 2)) });
    expect(fewer.completeness.required).toBe(all.completeness.required - 2);
    expect(fewer.completeness.missingRequired).toEqual(all.completeness.missingRequired.slice(2));
  });

  it("rejects notRequired that is not a Set", () => {
    const prepared = prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    expect(() =>
      scorePrepared(prepared, GOOD_ANSWERS, {
        notRequired: ["security.mfa"] as unknown as Set<string>,
      }),
    ).toThrow(new ScoringInputError("notRequired must be a Set of question keys"));
  });
});

describe("method 1.1.0: large templates and repeated defaults", () => {
  it("scores templates larger than the scratch buffers", () => {
    const template = {
      sections: Array.from({ length: 3 }, (_, s) => ({
        key: `s${s}`,
        weight: 1,
        questions: Array.from({ length: 120 }, (_, q) => ({
          key: `s${s}.q${String(q).padStart(3, "0")}`,
          type: "yes_no" as const,
          weight: 1,
          required: false,
        })),
      })),
    };
    const answers = Object.fromEntries(
      template.sections.flatMap((s) =>
        s.questions.map((q, i) => [q.key, i % 3 === 0 ? "no" : "yes"]),
      ),
    );
    const result = scoreAssessment({
      template,
      answers,
      options: OPTIONS_1_1,
    }) as ScoringResultV1_1;
    expect(result.overall).toBe(66.67);
    expect(result.explanation.overall.contributions).toHaveLength(360);
    expect(result.explanation.overall.contributions[0]).toMatchObject({
      questionKey: "s0.q000",
      lost: 0.28,
    });
    expect(result.explanation.overall.improvements.map((i) => i.questionKey).slice(0, 2)).toEqual([
      "s0.q000",
      "s0.q003",
    ]);
  });

  it("reuses the evaluator for repeated country-flow defaults", () => {
    const prepared = prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    const answers = { ...GOOD_ANSWERS, "residency.inference": ["US"] };
    const first = scorePrepared(prepared, answers, { countryFlowDefaults: { safeguard: "bcr" } });
    const second = scorePrepared(prepared, answers, { countryFlowDefaults: { safeguard: "bcr" } });
    const other = scorePrepared(prepared, answers, {
      countryFlowDefaults: { safeguard: "bcr", recipient: { dpfCertified: true } },
    });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.questions.find((q) => q.key === "residency.inference")?.points).toBe(0.5);
    expect(other.questions.find((q) => q.key === "residency.inference")?.points).toBe(0.8);
  });
});

describe("method 1.1.0: invalid input", () => {
  it.each([
    [
      { methodVersion: "1.0.0" },
      /prepareTemplate computes methods 1\.1\.0 and 1\.2\.0, got 1\.0\.0; method 1\.0\.0 is scored by scoreAssessment/,
    ],
    [
      { methodVersion: "2.0.0" },
      /prepareTemplate computes methods 1\.1\.0 and 1\.2\.0, got 2\.0\.0$/,
    ],
    [{ asOf: "30.06.2025" }, /options\.asOf must be a date/],
    [
      { asOf: 20250630 as unknown as string },
      /options\.asOf must be a date YYYY-MM-DD, got 20250630/,
    ],
    [{ asOf: undefined }, /adequacyDecisions need options\.asOf/],
    [
      { adequacyCountries: ["CH"] },
      /either options\.adequacyCountries or options\.adequacyDecisions/,
    ],
    [{ euEeaCountries: "DE" as unknown as string[] }, /options\.euEeaCountries must be a list/],
    [
      { adequacyDecisions: [{ code: "US", scope: "all", validFrom: "2020-01-01" }] as never },
      /options\.adequacyDecisions\[0\]\.scope/,
    ],
    [{ tierThresholds: { low: 10, medium: 50, high: 40 } }, /low ≥ medium ≥ high/],
  ])("rejects options %j", (override, message) => {
    expect(() => prepareTemplate(sampleTemplate(), { ...OPTIONS_1_1, ...override })).toThrow(
      message,
    );
  });

  it("rejects missing options", () => {
    expect(() => prepareTemplate(sampleTemplate(), undefined as unknown as ScoringOptions)).toThrow(
      "options are required",
    );
  });

  it("accepts residencyFlowKind on countries questions only, with a known kind", () => {
    const ok = sampleTemplate();
    ok.sections[1]!.questions[0]!.residencyFlowKind = "storage";
    expect(() => prepareTemplate(ok, OPTIONS_1_1)).not.toThrow();
    const onText = sampleTemplate();
    onText.sections[0]!.questions[4]!.residencyFlowKind = "storage";
    expect(() => prepareTemplate(onText, OPTIONS_1_1)).toThrow(
      /residencyFlowKind only applies to countries questions/,
    );
    const badKind = sampleTemplate();
    badKind.sections[1]!.questions[0]!.residencyFlowKind = "cloud" as never;
    expect(() => prepareTemplate(badKind, OPTIONS_1_1)).toThrow(/residencyFlowKind must be one of/);
  });

  it("rejects invalid indicators with their place", () => {
    const template = sampleTemplate();
    template.sections[0]!.questions[0]!.indicator!.awardWhen = ["maybe"];
    expect(() => prepareTemplate(template, OPTIONS_1_1)).toThrow(
      /sections\[0\]\.questions\[0\] \(security\.iso27001\)\.indicator\.awardWhen\[0\]/,
    );
  });

  it.each([
    [{ countryFlowDefaults: "scc" }, /countryFlowDefaults must be an object/],
    [
      { countryFlowDefaults: { safeguard: "dpa" } },
      /countryFlowDefaults\.safeguard must be one of/,
    ],
    [{ countryFlowDefaults: { recipient: { commercial: 1 } } }, /countryFlowDefaults\.recipient/],
    [{ residencyFlows: [{ kind: "storage", label: "x" }] }, /residencyFlows\[0\]\.country/],
  ])("rejects malformed residency input %j", (assessment, message) => {
    const prepared = prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    expect(() => scorePrepared(prepared, GOOD_ANSWERS, assessment as never)).toThrow(message);
  });

  it("never throws on malformed answers", () => {
    const prepared = prepareTemplate(sampleTemplate(), OPTIONS_1_1);
    for (const answers of [
      null,
      "x",
      [],
      { "security.iso27001": { nested: true }, "residency.storage": [null] },
    ]) {
      const result = scorePrepared(prepared, answers as ScoringAnswers);
      expect(result.questions.every((q) => q.status !== "scored" || q.points !== null)).toBe(true);
    }
    const inherited = scorePrepared(
      prepared,
      Object.create({ "security.iso27001": "yes" }) as ScoringAnswers,
    );
    expect(inherited.questions[0]?.status).toBe("unanswered");
  });
});

describe("scoreAssessment: method versions", () => {
  it.each(["adequacyDecisions", "weightProfile", "residencyFlows", "countryFlowDefaults"])(
    "refuses 1.1.0 option %s under method 1.0.0",
    (name) => {
      const options = {
        methodVersion: "1.0.0",
        euEeaCountries: [],
        adequacyCountries: [],
        [name]: [],
      } as ScoringOptions;
      expect(() => scoreAssessment({ template: sampleTemplate(), answers: {}, options })).toThrow(
        `method 1.0.0 does not support options.${name} (it was added in 1.1.0)`,
      );
    },
  );

  it("rejects unknown versions and missing options", () => {
    expect(() =>
      scoreAssessment({
        template: sampleTemplate(),
        answers: {},
        options: { ...OPTIONS_1_1, methodVersion: "9" },
      }),
    ).toThrow("unsupported scoring method version 9 (supported: 1.0.0, 1.1.0, 1.2.0)");
    expect(() => scoreAssessment(undefined as never)).toThrow(ScoringInputError);
    expect(() => scoreAssessment({ template: sampleTemplate(), answers: {} } as never)).toThrow(
      "options are required",
    );
  });
});
