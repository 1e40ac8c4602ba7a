import { describe, expect, it } from "vitest";
import { createAssessmentScenario, rejectionOf } from "../../../tests/support/assessment-factories";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { createInviteLink } from "../assessments/create-invite-link.server";
import { startAssessment } from "../assessments/start-assessment.server";
import { saveAnswers } from "../portal/save-answers.server";
import { submitAssessment } from "../portal/submit-assessment.server";
import { diffVendorAssessments } from "./diff-vendor-assessments.server";
import { getVendorHistory } from "./get-vendor-history.server";

describe("vendor history", () => {
  it("lists scored assessments over time and diffs two of them (answers and scores)", async () => {
    const s = await createAssessmentScenario();
    const first = await s.invitedVendor();
    await s.answer(
      first.vendor,
      s.completeAnswers(
        {
          "residency.storage_countries": ["US"],
          "residency.transfer_safeguards": "no_safeguards",
          "residency.dpf_certified": "no",
        },
        0.5,
      ),
    );
    expect(await submitAssessment(first.vendor)).toEqual({ ok: true });
    await db().assessment.update({
      where: { id: s.assessment.id },
      data: { submittedAt: new Date("2026-01-15T10:00:00Z") },
    });

    // A second assessment of the same vendor, answered better.
    const second = await startAssessment(s.assessor, {
      vendorId: s.vendor.id,
      productId: s.product.id,
      templateVersionId: s.templateVersionId,
      title: "Re-assessment",
      dueDate: "2027-06-30",
    });
    const invite = await createInviteLink(s.assessor, second.id, {
      contactEmail: "second@acme.example",
      locale: "en",
    });
    const vendor2 = await s.vendorActorFor(invite.inviteId);
    const answers = s.completeAnswers({ "residency.storage_countries": ["DE"] }, 1);
    await saveAnswers(
      vendor2,
      Object.entries(answers).map(([questionKey, value]) => ({
        questionKey,
        value,
        baseVersion: 0,
      })),
    );
    expect(await submitAssessment(vendor2)).toEqual({ ok: true });

    const history = await getVendorHistory(s.assessor, { vendorId: s.vendor.id });
    expect(history.assessments.map((a) => a.assessmentId)).toEqual([s.assessment.id, second.id]);
    const stored = await db().assessment.findMany({
      where: { vendorId: s.vendor.id },
      select: { id: true, overallScore: true },
    });
    for (const point of history.assessments)
      expect(point.overall).toBe(stored.find((r) => r.id === point.assessmentId)!.overallScore);
    expect(history.sectionKeys).toContain("residency");

    const diff = await diffVendorAssessments(s.assessor, {
      vendorId: s.vendor.id,
      fromId: s.assessment.id,
      toId: second.id,
    });
    const storage = diff.changed.find((c) => c.key === "residency.storage_countries")!;
    expect(storage).toMatchObject({ before: ["US"], after: ["DE"] });
    expect(storage.label.en.length).toBeGreaterThan(0);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.overall.before).toBe(history.assessments[0]!.overall);
    expect(diff.overall.after).toBe(history.assessments[1]!.overall);
    expect(diff.overall.delta).toBeCloseTo(diff.overall.after! - diff.overall.before!, 2);
    const residency = diff.sections.find((x) => x.key === "residency")!;
    expect(residency.after!).toBeGreaterThan(residency.before!);
  });

  it("another organisation's vendor or assessment is NOT_FOUND", async () => {
    const a = await createAssessmentScenario();
    const b = await createAssessmentScenario();
    expect(
      ((await rejectionOf(getVendorHistory(a.assessor, { vendorId: b.vendor.id }))) as DomainError)
        .code,
    ).toBe("NOT_FOUND");
    const error = await rejectionOf(
      diffVendorAssessments(a.assessor, {
        vendorId: a.vendor.id,
        fromId: a.assessment.id,
        toId: b.assessment.id,
      }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("NOT_FOUND");
  });
});
