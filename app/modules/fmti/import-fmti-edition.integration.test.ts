import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseStoredScore } from "../assessments/stored-score";
import { verifyAuditChain } from "../audit/verify-audit-chain.server";
import { parseStoredDefinition } from "../questionnaires/load-template-version.server";
import { questionsOf } from "../questionnaires/template-definition";
import { db } from "../../utils/db.server";
import { createOrganization, createVendor } from "../../../tests/support/factories";
import { computeFmtiTotals } from "./fmti-totals";
import { FMTI_ATTRIBUTION, FMTI_TEMPLATE_KEY } from "./fmti-template";
import {
  FMTI_IMPORT_CREATOR,
  fmtiImportActor,
  FmtiImportError,
  importFmtiEdition,
} from "./import-fmti-edition.server";
import { readFmtiEdition, type FmtiEdition } from "./read-fmti-edition";

const MAY_2024 = path.resolve(import.meta.dirname, "../../../../shared/data/fmti/May2024");
const NOW = new Date("2026-11-20T10:00:00Z");

let edition: FmtiEdition;
beforeAll(async () => {
  edition = await readFmtiEdition(MAY_2024);
});

async function importInto(slug: string, data: FmtiEdition = edition, editionLabel = "May2024") {
  const actor = await fmtiImportActor(slug);
  return importFmtiEdition({ actor, input: { edition: data, editionLabel, now: NOW } });
}

/**
 * The transparency total stored with an assessment: its indicator questions that earned the point
 * (and, from scoring methods that count indicators, the stored transparency index, which must agree).
 */
function storedTransparencyTotal(scoreResult: string | null): number {
  const score = parseStoredScore(scoreResult);
  if (!score) throw new Error("no stored score");
  const total = score.questions.filter((q) => q.key.startsWith("fmti.") && q.points === 1).length;
  const transparency = score.transparency as { satisfied?: unknown } | null | undefined;
  if (transparency) expect(transparency.satisfied).toBe(total);
  return total;
}

async function importedState(organizationId: string) {
  const [vendors, assessments, versions] = await Promise.all([
    db().vendor.findMany({
      where: { organizationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db().assessment.findMany({
      where: { organizationId },
      select: {
        id: true,
        vendorId: true,
        status: true,
        createdById: true,
        title: true,
        scoreResult: true,
        overallScore: true,
        templateVersionId: true,
        _count: { select: { answers: true } },
      },
    }),
    db().templateVersion.findMany({
      where: { template: { organizationId, key: FMTI_TEMPLATE_KEY } },
      orderBy: { version: "asc" },
    }),
  ]);
  return { vendors, assessments, versions };
}

describe("importFmtiEdition", () => {
  it("creates the template, one vendor and one submitted, scored assessment per developer, audited", async () => {
    const org = await createOrganization();
    const result = await importInto(org.slug);
    expect(result).toMatchObject({
      templateKey: FMTI_TEMPLATE_KEY,
      templateVersion: 1,
      templateVersionCreated: true,
      vendorsCreated: 14,
      vendorsReused: 0,
      assessmentsCreated: 14,
      assessmentsUnchanged: 0,
      assessmentsSuperseded: 0,
      notices: [],
    });

    const { vendors, assessments, versions } = await importedState(org.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.status).toBe("PUBLISHED");
    const definition = parseStoredDefinition(versions[0]!.definition);
    expect(questionsOf(definition)).toHaveLength(100);
    expect(definition.description?.en).toContain(FMTI_ATTRIBUTION);

    expect(vendors.map((v) => v.name).sort()).toEqual([...edition.developers].sort());
    expect(assessments).toHaveLength(14);
    const totals = new Map(computeFmtiTotals(edition).map((t) => [t.developer, t.total]));
    for (const assessment of assessments) {
      const developer = vendors.find((v) => v.id === assessment.vendorId)!.name;
      expect(assessment).toMatchObject({
        status: "SUBMITTED",
        createdById: FMTI_IMPORT_CREATOR,
        title: "FMTI May2024 transparency record",
        templateVersionId: versions[0]!.id,
      });
      expect(assessment._count.answers).toBe(100);
      expect(storedTransparencyTotal(assessment.scoreResult), developer).toBe(
        totals.get(developer),
      );
      // 100 indicators: the overall score (share of indicators satisfied) equals the total.
      expect(assessment.overallScore, developer).toBe(totals.get(developer));
    }
    const bigCode = assessments.find(
      (a) => a.vendorId === vendors.find((v) => v.name === "BigCode")!.id,
    )!;
    expect(storedTransparencyTotal(bigCode.scoreResult)).toBe(85);

    const events = await db().auditEvent.findMany({
      where: { organizationId: org.id },
      orderBy: { seq: "asc" },
    });
    const count = (action: string) => events.filter((e) => e.action === action).length;
    expect(count("template.installed")).toBe(1);
    expect(count("vendor.created")).toBe(14);
    expect(count("assessment.created")).toBe(14);
    expect(count("assessment.submitted")).toBe(14);
    expect(count("fmti.imported")).toBe(1);
    expect(new Set(events.map((e) => `${e.actorType}/${e.actorLabel}`))).toEqual(
      new Set(["system/fmti import"]),
    );
    expect(await verifyAuditChain(db(), org.id)).toMatchObject({ ok: true, events: events.length });
  });

  it("is idempotent: a re-run creates no template version, vendor or assessment, and reuses vendors by name", async () => {
    const org = await createOrganization();
    const existing = await createVendor({ organizationId: org.id, name: "  bigcode " });
    await importInto(org.slug);
    const before = await importedState(org.id);
    expect(before.vendors).toHaveLength(14);
    expect(before.assessments.filter((a) => a.vendorId === existing.id)).toHaveLength(1);

    const again = await importInto(org.slug);
    expect(again).toMatchObject({
      templateVersion: 1,
      templateVersionCreated: false,
      vendorsCreated: 0,
      vendorsReused: 14,
      assessmentsCreated: 0,
      assessmentsUnchanged: 14,
    });
    const after = await importedState(org.id);
    expect(after.vendors).toEqual(before.vendors);
    expect(after.assessments.map((a) => a.id).sort()).toEqual(
      before.assessments.map((a) => a.id).sort(),
    );
    expect(after.versions).toHaveLength(1);
    expect(await verifyAuditChain(db(), org.id)).toMatchObject({ ok: true });
  });

  it("records changed scores as a new assessment and cancels the superseded one; a changed definition is a new template version", async () => {
    const org = await createOrganization();
    await importInto(org.slug);
    const adept = edition.developers.indexOf("Adept");
    const corrected: FmtiEdition = {
      ...edition,
      scores: edition.scores.map((row, i) =>
        i === 0 ? row.map((s, d) => (d === adept ? 1 - s : s)) : row,
      ),
    };
    const rerun = await importInto(org.slug, corrected);
    expect(rerun).toMatchObject({
      templateVersion: 1,
      templateVersionCreated: false,
      vendorsCreated: 0,
      assessmentsCreated: 1,
      assessmentsUnchanged: 13,
      assessmentsSuperseded: 1,
    });
    const state = await importedState(org.id);
    const adeptVendor = state.vendors.find((v) => v.name === "Adept")!;
    const adeptAssessments = state.assessments.filter((a) => a.vendorId === adeptVendor.id);
    expect(adeptAssessments.map((a) => a.status).sort()).toEqual(["CANCELLED", "SUBMITTED"]);
    const current = adeptAssessments.find((a) => a.status === "SUBMITTED")!;
    expect(storedTransparencyTotal(current.scoreResult)).toBe(
      computeFmtiTotals(corrected)[adept]!.total,
    );

    const nextEdition = await importInto(org.slug, edition, "May2024-rev2");
    expect(nextEdition).toMatchObject({
      templateVersion: 2,
      templateVersionCreated: true,
      vendorsCreated: 0,
      vendorsReused: 14,
      assessmentsCreated: 14,
    });
    const final = await importedState(org.id);
    expect(final.vendors).toHaveLength(14);
    expect(final.versions.map((v) => v.version)).toEqual([1, 2]);

    // Importing the first edition again finds its version and its assessments.
    const back = await importInto(org.slug, corrected);
    expect(back).toMatchObject({
      templateVersion: 1,
      templateVersionCreated: false,
      assessmentsCreated: 0,
      assessmentsUnchanged: 14,
    });
    const events = await db().auditEvent.findMany({
      where: { organizationId: org.id },
      select: { action: true },
    });
    expect(events.filter((e) => e.action === "assessment.cancelled")).toHaveLength(1);
    expect(events.filter((e) => e.action === "template.version_published")).toHaveLength(1);
    expect(await verifyAuditChain(db(), org.id)).toMatchObject({ ok: true });
  });

  it("refuses an unknown organisation", async () => {
    await expect(fmtiImportActor("no-such-org")).rejects.toThrow(FmtiImportError);
    await expect(fmtiImportActor("no-such-org")).rejects.toThrow(
      'no organisation with slug "no-such-org"',
    );
  });
});
