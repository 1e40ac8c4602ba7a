import { describe, expect, it } from "vitest";
import { createAssessmentScenario } from "../../../tests/support/assessment-factories";
import { db } from "../../utils/db.server";
import { submitAssessment } from "../portal/submit-assessment.server";
import { createWeightProfile, listWeightProfileNames } from "../weights/weight-profiles.server";
import { compareVendors, type Comparison } from "./compare-vendors.server";
import { listComparableVendors } from "./list-comparable-vendors.server";

// The comparison page's reads in plain SQL (issue 12): each stays inside the actor's organisation
// with another organisation's look-alike data present, on SQLite and PostgreSQL alike.

async function comparableVendor(organizationId: string | undefined, name: string) {
  const s = await createAssessmentScenario(organizationId ? { organizationId } : {});
  await db().vendor.update({
    where: { id: s.vendor.id },
    data: { name, searchName: name.toLowerCase(), comparable: true },
  });
  return s;
}

describe("the comparison picker in plain SQL", () => {
  it("lists the organisation's comparable vendors by name, searches literally, and never a foreign one", async () => {
    const own = await comparableVendor(undefined, "Gamma 50% Labs");
    const second = await comparableVendor(own.org.id, "Alpha Labs");
    const notComparable = await createAssessmentScenario({ organizationId: own.org.id });
    const foreign = await comparableVendor(undefined, "Beta 50% Labs");

    const all = await listComparableVendors(own.assessor, {});
    expect(all.map((v) => v.name)).toEqual(["Alpha Labs", "Gamma 50% Labs"]);
    expect(all.map((v) => v.id)).not.toContain(notComparable.vendor.id);
    expect(all.map((v) => v.id)).not.toContain(foreign.vendor.id);
    // "%" is a literal character of the search, not LIKE's wildcard.
    expect((await listComparableVendors(own.assessor, { search: "50%" })).map((v) => v.id)).toEqual(
      [own.vendor.id],
    );
    expect(await listComparableVendors(own.assessor, { search: "5_%" })).toEqual([]);
    // Chosen vendors missing from the list come first, a foreign id among them is left out.
    const chosen = await listComparableVendors(own.assessor, {
      search: "alpha",
      selected: [own.vendor.id, foreign.vendor.id, second.vendor.id],
    });
    expect(chosen).toEqual([
      { id: own.vendor.id, name: "Gamma 50% Labs" },
      { id: second.vendor.id, name: "Alpha Labs" },
    ]);
  });

  it("names the organisation's weight profiles only", async () => {
    const own = await createAssessmentScenario();
    const foreign = await createAssessmentScenario();
    const weights = { sectionWeights: {}, questionWeights: {} };
    const b = await createWeightProfile(own.admin, { name: "Residency first", weights });
    const a = await createWeightProfile(own.admin, { name: "Balanced", weights });
    await createWeightProfile(foreign.admin, { name: "Foreign profile", weights });
    expect(await listWeightProfileNames(own.assessor)).toEqual([
      { id: a.id, name: "Balanced" },
      { id: b.id, name: "Residency first" },
    ]);
  });
});

describe("stored scores read once", () => {
  it("a re-scored assessment shows its new figures in the comparison", async () => {
    const first = await createAssessmentScenario();
    const second = await createAssessmentScenario({ organizationId: first.org.id });
    for (const s of [first, second]) {
      const { vendor } = await s.invitedVendor();
      await s.answer(vendor, s.completeAnswers({}, 1));
      expect(await submitAssessment(vendor)).toEqual({ ok: true });
    }
    const vendorIds = [first.vendor.id, second.vendor.id];
    const before = (await compareVendors(first.assessor, { vendorIds })) as Comparison;
    const stored = await db().assessment.findUniqueOrThrow({
      where: { id: first.assessment.id },
      select: { scoreResult: true },
    });
    const rescored = { ...JSON.parse(stored.scoreResult!), overall: 12.5, riskTier: "critical" };
    await db().assessment.update({
      where: { id: first.assessment.id },
      data: { scoreResult: JSON.stringify(rescored) },
    });

    const after = (await compareVendors(first.assessor, { vendorIds })) as Comparison;
    const figures = (c: Comparison) =>
      c.candidates.find((x) => x.vendorId === first.vendor.id)!.stored;
    expect(figures(before).overall).not.toBe(12.5);
    expect(figures(after)).toMatchObject({ overall: 12.5, riskTier: "critical" });
  });
});
