import { describe, expect, it } from "vitest";
import { createAssessmentScenario } from "../../../tests/support/assessment-factories";
import { submitAssessment } from "../portal/submit-assessment.server";
import { createWeightProfile, setDefaultWeightProfile } from "../weights/weight-profiles.server";
import { getAssessment } from "./get-assessment.server";
import { computeScore } from "./compute-score";

describe("scores stored at submit (method 1.1)", () => {
  it("use the organisation's default weight profile and carry transparency, residency and explanations", async () => {
    const s = await createAssessmentScenario();
    const profile = await createWeightProfile(s.admin, {
      name: "Residency first",
      weights: { sectionWeights: { residency: 60 }, questionWeights: {} },
    });
    await setDefaultWeightProfile(s.admin, profile.id);
    const { vendor } = await s.invitedVendor();
    const answers = s.completeAnswers({
      "residency.storage_countries": ["DE"],
      "residency.processing_countries": ["DE"],
      "residency.support_countries": ["US"],
      "residency.inference_countries": ["US"],
      "residency.backup_countries": ["DE"],
      "residency.transfer_safeguards": "scc_with_tia",
      "residency.dpf_certified": "no",
      "transparency.training_data_sources": "no",
    });
    await s.answer(vendor, answers);
    expect(await submitAssessment(vendor)).toEqual({ ok: true });

    const row = await s.reload();
    expect(row.weightProfileId).toBe(profile.id);
    const view = await getAssessment(s.assessor, s.assessment.id);
    const score = view.score!;
    expect(view.weightProfile?.name).toBe("Residency first");
    expect(score.weightProfile?.id).toBe(profile.id);

    // Transparency: every indicator question answered "yes"/best except the one set to "no".
    expect(score.transparency?.total).toBeGreaterThanOrEqual(5);
    expect(score.transparency?.satisfied).toBe((score.transparency?.total ?? 0) - 1);

    // Residency: US without DPF certification but with SCCs → the worst flows are the US ones.
    expect(score.residency?.rating).toBe("third_country_safeguards");
    const worst = score.residency!.setBy.map((i) => score.residency!.flows[i]!.country);
    expect(new Set(worst)).toEqual(new Set(["US"]));

    // Explanations exist and the stored result reproduces exactly with the same inputs.
    expect(score.explanation?.tier.tier).toBe(score.riskTier);
    const again = computeScore(
      s.definition,
      await s.storedAnswers(),
      row.submittedAt!.toISOString().slice(0, 10),
      {
        weightProfile: {
          id: profile.id,
          name: "Residency first",
          sectionWeights: { residency: 60 },
          questionWeights: {},
        },
      },
    );
    expect(JSON.stringify(again)).toBe(row.scoreResult);
  });

  it("the residency section weighs more under the profile than under the template's weights", async () => {
    const s = await createAssessmentScenario();
    const answers = s.completeAnswers(
      {
        "residency.storage_countries": ["US"],
        "residency.transfer_safeguards": "no_safeguards",
        "residency.dpf_certified": "no",
      },
      1,
    );
    const asOf = "2026-11-26";
    const plain = computeScore(s.definition, answers, asOf);
    const weighted = computeScore(s.definition, answers, asOf, {
      weightProfile: { id: "p", name: "p", sectionWeights: { residency: 200 } },
    });
    expect(weighted.overall!).toBeLessThan(plain.overall!);
    expect(weighted.sections.find((x) => x.key === "residency")?.score).toBe(
      plain.sections.find((x) => x.key === "residency")?.score,
    );
  });
});

describe("profiles across templates", () => {
  it("a profile naming sections another template lacks still scores that template", async () => {
    const s = await createAssessmentScenario();
    const answers = s.completeAnswers();
    const result = computeScore(s.definition, answers, "2026-11-26", {
      weightProfile: {
        id: "p",
        name: "p",
        sectionWeights: { residency: 3, "fmti-upstream": 5 },
        questionWeights: { "fmti.upstream.1": 2 },
      },
    });
    expect(result.overall).not.toBeNull();
    expect(result.weightProfile?.id).toBe("p");
  });
});
