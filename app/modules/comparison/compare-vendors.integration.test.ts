import { describe, expect, it } from "vitest";
import {
  createAssessmentScenario,
  rejectionOf,
  type AssessmentScenario,
} from "../../../tests/support/assessment-factories";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { submitAssessment } from "../portal/submit-assessment.server";
import { createWeightProfile } from "../weights/weight-profiles.server";
import { execFileSync } from "node:child_process";
import { PDFDocument } from "pdf-lib";
import { comparisonSheets, renderComparisonPdf } from "./comparison-export.server";
import { compareVendors, type Comparison } from "./compare-vendors.server";
import { toCsv, toJson } from "../exports/spreadsheet";

const EU_ONLY = {
  "residency.storage_countries": ["DE"],
  "residency.processing_countries": ["DE"],
  "residency.support_countries": ["DE"],
  "residency.inference_countries": ["DE"],
  "residency.backup_countries": ["DE"],
};
const US_UNSAFE = {
  "residency.storage_countries": ["US"],
  "residency.processing_countries": ["US"],
  "residency.support_countries": ["US"],
  "residency.inference_countries": ["US"],
  "residency.backup_countries": ["US"],
  "residency.transfer_safeguards": "no_safeguards",
  "residency.dpf_certified": "no",
};

async function submitted(
  s: AssessmentScenario,
  overrides: Record<string, unknown>,
  quality: number,
) {
  const { vendor } = await s.invitedVendor();
  await s.answer(vendor, s.completeAnswers(overrides, quality));
  expect(await submitAssessment(vendor)).toEqual({ ok: true });
  return s;
}

/** Two vendors of one organisation: "strong" answers well but keeps data in the US; "local" is weaker but EU-only. */
async function world() {
  const strong = await submitted(await createAssessmentScenario(), US_UNSAFE, 1);
  const local = await submitted(
    await createAssessmentScenario({ organizationId: strong.org.id }),
    EU_ONLY,
    0.4,
  );
  return { strong, local, admin: strong.admin, assessor: strong.assessor };
}

const byVendor = (comparison: Comparison, vendorId: string) =>
  comparison.candidates.find((c) => c.vendorId === vendorId)!;

describe("compareVendors", () => {
  it("ranks by stored scores, and a weight profile re-ranks them without storing anything", async () => {
    const { strong, local, admin, assessor } = await world();
    const sections = Object.fromEntries(
      strong.definition.sections.map((s) => [s.key, s.key === "residency" ? 1 : 0]),
    );
    const profile = await createWeightProfile(admin, {
      name: "Residency only",
      weights: { sectionWeights: sections, questionWeights: {} },
    });
    const before = await db().assessment.findMany({
      where: { organizationId: strong.org.id },
      orderBy: { id: "asc" },
      select: {
        id: true,
        scoreResult: true,
        overallScore: true,
        weightProfileId: true,
        version: true,
        updatedAt: true,
      },
    });

    const plain = await compareVendors(assessor, {
      vendorIds: [strong.vendor.id, local.vendor.id],
    });
    expect(plain.ok).toBe(true);
    const stored = plain as Comparison;
    expect(byVendor(stored, strong.vendor.id).storedRank).toBe(1);
    expect(byVendor(stored, local.vendor.id).storedRank).toBe(2);
    expect(byVendor(stored, strong.vendor.id).whatIf).toBeNull();
    // Stored figures are the assessment page's figures.
    const strongRow = before.find((r) => r.id === strong.assessment.id)!;
    expect(byVendor(stored, strong.vendor.id).stored.overall).toBe(strongRow.overallScore);

    const whatIf = (await compareVendors(assessor, {
      vendorIds: [strong.vendor.id, local.vendor.id],
      profileId: profile.id,
    })) as Comparison;
    expect(whatIf.profile?.name).toBe("Residency only");
    expect(byVendor(whatIf, local.vendor.id).whatIfRank).toBe(1);
    expect(byVendor(whatIf, strong.vendor.id).whatIfRank).toBe(2);
    expect(byVendor(whatIf, local.vendor.id).storedRank).toBe(2);
    expect(byVendor(whatIf, local.vendor.id).whatIf!.overall).toBe(
      byVendor(whatIf, local.vendor.id).whatIf!.sections.residency,
    );
    expect(byVendor(whatIf, strong.vendor.id).stored.residency).toBe("third_country_no_safeguards");
    expect(byVendor(whatIf, local.vendor.id).stored.residency).toBe("eu_eea");

    // The candidates answered the residency questions differently: they lead the "differ most" list.
    expect(whatIf.differing.length).toBeGreaterThan(0);
    expect(whatIf.differing[0]!.spread).toBeGreaterThan(0);
    expect(whatIf.differing.some((d) => d.key === "residency.storage_countries")).toBe(true);

    const after = await db().assessment.findMany({
      where: { organizationId: strong.org.id },
      orderBy: { id: "asc" },
      select: {
        id: true,
        scoreResult: true,
        overallScore: true,
        weightProfileId: true,
        version: true,
        updatedAt: true,
      },
    });
    expect(after).toEqual(before);
  });

  it("refuses vendors assessed with different templates, with the templates named", async () => {
    const { strong, local, assessor } = await world();
    const other = await db().questionnaireTemplate.create({
      data: { organizationId: strong.org.id, key: "other-template", name: "Other template" },
    });
    const source = await db().templateVersion.findUniqueOrThrow({
      where: { id: strong.templateVersionId },
    });
    const version = await db().templateVersion.create({
      data: {
        templateId: other.id,
        version: 1,
        status: "PUBLISHED",
        definition: source.definition,
        checksum: source.checksum,
        publishedAt: new Date(),
      },
    });
    await db().assessment.update({
      where: { id: local.assessment.id },
      data: { templateVersionId: version.id },
    });

    const result = await compareVendors(assessor, {
      vendorIds: [strong.vendor.id, local.vendor.id],
    });
    expect(result).toMatchObject({ ok: false, refusal: { reason: "mixedTemplates" } });
    if (result.ok || result.refusal.reason !== "mixedTemplates")
      throw new Error("expected a refusal");
    expect(result.refusal.templates.map((t) => t.templateName).sort()).toEqual(
      ["AI vendor due diligence", "Other template"].sort(),
    );
  });

  it("refuses fewer than two vendors and vendors without a scored assessment", async () => {
    const { strong, assessor } = await world();
    expect(await compareVendors(assessor, { vendorIds: [strong.vendor.id] })).toMatchObject({
      ok: false,
      refusal: { reason: "count" },
    });
    const unscored = await createAssessmentScenario({ organizationId: strong.org.id });
    const result = await compareVendors(assessor, {
      vendorIds: [strong.vendor.id, unscored.vendor.id],
    });
    expect(result).toMatchObject({
      ok: false,
      refusal: { reason: "notScored", vendors: [{ id: unscored.vendor.id }] },
    });
  });

  it("another organisation's vendor id is NOT_FOUND, and so is another organisation's weight profile", async () => {
    const { strong, local, assessor } = await world();
    const foreign = await submitted(await createAssessmentScenario(), {}, 1);
    const error = await rejectionOf(
      compareVendors(assessor, { vendorIds: [strong.vendor.id, foreign.vendor.id] }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("NOT_FOUND");
    const foreignProfile = await createWeightProfile(foreign.admin, {
      name: "Foreign",
      weights: { sectionWeights: {}, questionWeights: {} },
    });
    const profileError = await rejectionOf(
      compareVendors(assessor, {
        vendorIds: [strong.vendor.id, local.vendor.id],
        profileId: foreignProfile.id,
      }),
    );
    expect((profileError as DomainError).code).toBe("NOT_FOUND");
  });

  it("exports neutralise formulas and carry the page's figures in the user's language", async () => {
    const { strong, local, assessor } = await world();
    await db().vendor.update({
      where: { id: strong.vendor.id },
      data: { name: '=HYPERLINK("http://evil")' },
    });
    const comparison = (await compareVendors(assessor, {
      vendorIds: [strong.vendor.id, local.vendor.id],
    })) as Comparison;
    const [overview, differences] = comparisonSheets(comparison, "de");
    expect(overview!.headers).toContain("Gesamt (gespeichert)");
    expect(differences!.headers).toContain("Frage");
    const csv = toCsv(overview!.headers, overview!.rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const json = JSON.parse(toJson(overview!.headers, overview!.rows)) as {
      rows: Record<string, unknown>[];
    };
    const strongRow = json.rows.find((r) => String(r.Anbieter).includes("HYPERLINK"))!;
    expect(strongRow.Anbieter).toBe(`'=HYPERLINK("http://evil")`);
    expect(strongRow["Gesamt (gespeichert)"]).toBe(
      byVendor(comparison, strong.vendor.id).stored.overall,
    );
  });

  it("the PDF one-pager of five vendors is one page in the user's language, with every vendor and figure as text", async () => {
    const { strong, local, assessor } = await world();
    const more = [];
    for (const quality of [0.6, 0.8, 0.9])
      more.push(
        await submitted(
          await createAssessmentScenario({ organizationId: strong.org.id }),
          {},
          quality,
        ),
      );
    const ids = [strong, local, ...more].map((s) => s.vendor.id);
    const comparison = (await compareVendors(assessor, { vendorIds: ids })) as Comparison;
    const bytes = await renderComparisonPdf(comparison, "de", new Date("2026-11-26T12:00:00Z"));
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const text = execFileSync("pdftotext", ["-layout", "-", "-"], {
      input: Buffer.from(bytes),
    }).toString("utf8");
    expect(text).toContain("Anbietervergleich");
    for (const c of comparison.candidates) expect(text).toContain(c.vendorName);
    const best = comparison.candidates.find((c) => c.storedRank === 1)!;
    expect(text).toContain(
      new Intl.NumberFormat("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        best.stored.overall!,
      ),
    );
  });
});
