import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { REGULATION_SNAPSHOT } from "../../reference-data/regulations";
import { db } from "../../utils/db.server";
import { DomainError } from "../../utils/errors";
import { rejectionOf, auditEventsOf } from "../../../tests/support/assessment-factories";
import { createOrganization, createVendor } from "../../../tests/support/factories";
import { createUserActor } from "../../../tests/support/vendor-factories";
import { runDueJobs } from "../jobs/job-runner.server";
import { computeScore } from "../assessments/compute-score";
import { refreshVendorPortfolio } from "../portfolio/refresh-vendor-portfolio.server";
import {
  parseTemplateDefinition,
  type TemplateDefinitionInput,
} from "../questionnaires/template-definition";
import { refreshAdequacyCatalogue } from "./adequacy-from-catalogue.server";
import { analyseImpact } from "./analyse-impact.server";
import { GLOBAL_SCOPE } from "./catalogue-values";
import { syncBundledRegulations } from "./load-bundled-regulations.server";
import { adequacyExpiryKey } from "./raise-adequacy-expiries.server";
import { enqueueRegulationDailyJob } from "./regulation-daily-job.server";
import {
  REGULATION_DAILY_JOB_NAME,
  runRegulationDailyJob,
} from "./run-regulation-daily-job.server";
import { triageChange } from "./triage-change.server";

/**
 * Impact analysis, triage and the daily regulation job (issue 14 item 7) against a real database:
 * the sqlite project and a real PostgreSQL (postgres project). The tests make their own templates
 * and question ↔ provision links (the bundled templates' links are another item's work).
 */

const text = (en: string) => ({ en, de: `${en} (DE)` });
const unique = () => randomBytes(4).toString("hex");

/** A bundled change that names provisions (the AI omnibus, say) and the UK renewal of 2025. */
const PROVISION_CHANGE = REGULATION_SNAPSHOT.changeEvents.find(
  (e) => e.affectedProvisionKeys.length > 0 && !e.type.startsWith("adequacy_"),
)!;
const UK_RENEWAL_KEY = "adequacy:gb-renewed-2031";

async function eventId(key: string): Promise<string> {
  const row = await db().changeEvent.findUniqueOrThrow({
    where: { scopeKey_key: { scopeKey: GLOBAL_SCOPE, key } },
    select: { id: true },
  });
  return row.id;
}

function definition(): TemplateDefinitionInput {
  return {
    key: `impact-${unique()}`,
    title: text("Impact test"),
    sections: [
      {
        key: "main",
        title: text("Main"),
        weight: 1,
        questions: [
          {
            key: "ai.transparency",
            type: "yes_no",
            label: text("Do you label AI output?"),
            required: true,
          },
          { key: "other", type: "yes_no", label: text("Something else?"), required: false },
          {
            key: "flows.storage",
            type: "countries",
            label: text("Where are data stored?"),
            required: true,
            residency: { role: "flow", flow: "storage" },
          },
        ],
      },
    ],
  };
}

async function createWorld() {
  const org = await createOrganization({ name: `Org ${unique()}` });
  const assessor = await createUserActor(org, "ASSESSOR");
  const dpo = await createUserActor(org, "DPO");
  const parsed = parseTemplateDefinition(definition());
  if (!parsed.ok) throw new Error(`test template invalid: ${JSON.stringify(parsed.errors)}`);
  const template = await db().questionnaireTemplate.create({
    data: { organizationId: org.id, key: parsed.definition.key, name: "Impact test template" },
  });
  const versions: { id: string }[] = [];
  for (const version of [1, 2]) {
    versions.push(
      await db().templateVersion.create({
        data: {
          templateId: template.id,
          version,
          status: "PUBLISHED",
          definition: JSON.stringify(parsed.definition),
          checksum: unique(),
          publishedAt: new Date(),
        },
      }),
    );
  }

  /** An assessment with answers; a submitted one gets the score of `scoredOn`. */
  async function assessment(
    vendorId: string,
    status: string,
    answers: Record<string, unknown>,
    options: { versionIndex?: number; scoredOn?: string } = {},
  ) {
    const score = options.scoredOn
      ? computeScore(
          parsed.ok ? parsed.definition : (undefined as never),
          answers,
          options.scoredOn,
        )
      : null;
    const row = await db().assessment.create({
      data: {
        organizationId: org.id,
        vendorId,
        templateVersionId: versions[options.versionIndex ?? 0]!.id,
        title: `Assessment ${unique()}`,
        status,
        createdById: assessor.userId,
        ...(score
          ? {
              scoreResult: JSON.stringify(score),
              scoringMethodVersion: score.methodVersion,
              overallScore: score.overall,
              submittedAt: new Date(`${options.scoredOn}T10:00:00Z`),
            }
          : {}),
      },
    });
    for (const [questionKey, value] of Object.entries(answers))
      await db().answer.create({
        data: {
          organizationId: org.id,
          assessmentId: row.id,
          questionKey,
          value: JSON.stringify(value),
          updatedBy: "vendor",
        },
      });
    return row;
  }

  async function link(questionKey: string, provisionKey: string) {
    await db().provisionLink.create({
      data: {
        organizationId: org.id,
        templateId: template.id,
        questionKey,
        provisionKey,
        relationship: "intersects",
        rationale: "test",
      },
    });
  }

  return { org, assessor, dpo, template, versions, assessment, link };
}

beforeAll(async () => {
  await syncBundledRegulations();
  await refreshAdequacyCatalogue();
}, 120_000);

describe("analyseImpact through question ↔ provision links", () => {
  it("lists the organisation's questions, versions, active and decided assessments and vendors, and nothing of another organisation", async () => {
    const changeId = await eventId(PROVISION_CHANGE.key);
    const provisionKey = PROVISION_CHANGE.affectedProvisionKeys[0]!;
    const a = await createWorld();
    const b = await createWorld();
    await a.link("ai.transparency", provisionKey);
    await b.link("ai.transparency", provisionKey);
    const vendorActive = await createVendor({ organizationId: a.org.id, name: "Aktiv GmbH" });
    const vendorDecided = await createVendor({ organizationId: a.org.id, name: "Entschieden AG" });
    const active = await a.assessment(vendorActive.id, "IN_PROGRESS", { "ai.transparency": "yes" });
    const decided = await a.assessment(vendorDecided.id, "APPROVED", {}, { versionIndex: 1 });
    await a.assessment(vendorActive.id, "CANCELLED", {});
    const foreignVendor = await createVendor({ organizationId: b.org.id });
    const foreign = await b.assessment(foreignVendor.id, "INVITED", {});

    const impact = (await analyseImpact({ organizationId: a.org.id }, changeId))!;
    expect(impact.basis).toBe("provisions");
    expect(impact.questions).toEqual([
      {
        templateId: a.template.id,
        templateName: "Impact test template",
        questionKey: "ai.transparency",
        label: text("Do you label AI output?"),
        provisionKeys: [provisionKey],
      },
    ]);
    expect(impact.templateVersions.map((v) => v.id).sort()).toEqual(
      a.versions.map((v) => v.id).sort(),
    );
    expect(impact.active.map((x) => x.id)).toEqual([active.id]);
    expect(impact.decided.map((x) => [x.id, x.vendorName])).toEqual([
      [decided.id, "Entschieden AG"],
    ]);
    expect(impact.vendors.map((v) => v.name)).toEqual(["Aktiv GmbH", "Entschieden AG"]);
    expect(impact.counts).toEqual({
      questions: 1,
      templateVersions: 2,
      active: 1,
      decided: 1,
      vendors: 2,
    });
    const everyId = JSON.stringify(impact);
    expect(everyId).not.toContain(foreign.id);
    expect(everyId).not.toContain(b.template.id);

    const theirs = (await analyseImpact({ organizationId: b.org.id }, changeId))!;
    expect(theirs.active.map((x) => x.id)).toEqual([foreign.id]);
    expect(theirs.counts.decided).toBe(0);
  });

  it("answers null for another organisation's own change event and for a malformed id", async () => {
    const a = await createWorld();
    const b = await createWorld();
    const instrument = await db().instrument.findFirstOrThrow({
      where: { organizationId: null },
      select: { id: true },
    });
    const theirs = await db().changeEvent.create({
      data: {
        organizationId: b.org.id,
        scopeKey: b.org.id,
        key: `own-${unique()}`,
        instrumentId: instrument.id,
        type: "amendment",
        detectedAt: new Date("2026-01-01T00:00:00Z"),
        legalStatus: "in_force",
        affectedProvisionKeys: "[]",
        diffJson: '{"changes":[]}',
        summaryDe: "Eigene Änderung",
        summaryEn: "Own change",
        source: "import",
      },
    });
    expect(await analyseImpact({ organizationId: a.org.id }, theirs.id)).toBeNull();
    expect(await analyseImpact({ organizationId: b.org.id }, theirs.id)).not.toBeNull();
    expect(await analyseImpact({ organizationId: a.org.id }, "x".repeat(500))).toBeNull();
    expect(await analyseImpact({ organizationId: a.org.id }, "' OR 1=1 --")).toBeNull();
  });
});

describe("analyseImpact of an adequacy change", () => {
  it("lists the assessments whose data flows reach the country", async () => {
    const changeId = await eventId(UK_RENEWAL_KEY);
    const a = await createWorld();
    const vendor = await createVendor({ organizationId: a.org.id, name: "London Ltd" });
    const other = await createVendor({ organizationId: a.org.id, name: "Berlin GmbH" });
    const toUk = await a.assessment(vendor.id, "IN_PROGRESS", { "flows.storage": ["DE", "GB"] });
    const decidedUk = await a.assessment(vendor.id, "REJECTED", { "flows.storage": ["GB"] });
    await a.assessment(other.id, "IN_PROGRESS", { "flows.storage": ["DE"] });
    // "GB" inside another answer is no data flow.
    await a.assessment(other.id, "IN_PROGRESS", { "flows.storage": ["DE"], other: "GB" });

    const impact = (await analyseImpact({ organizationId: a.org.id }, changeId))!;
    expect(impact.basis).toBe("adequacy");
    expect(impact.countries).toEqual(["GB"]);
    expect(impact.active.map((x) => x.id)).toEqual([toUk.id]);
    expect(impact.decided.map((x) => x.id)).toEqual([decidedUk.id]);
    expect(impact.vendors.map((v) => v.name)).toEqual(["London Ltd"]);
    expect(impact.questions.map((q) => q.questionKey)).toEqual(["flows.storage"]);
  });
});

describe("triageChange", () => {
  it("needs a reason for not applicable, audits every change and refuses a stale form", async () => {
    const changeId = await eventId(PROVISION_CHANGE.key);
    const a = await createWorld();
    const secondDpo = await createUserActor(a.org, "DPO");
    const triage = () =>
      db().impactTriage.findUnique({
        where: {
          organizationId_changeEventId: { organizationId: a.org.id, changeEventId: changeId },
        },
      });

    const missing = await rejectionOf(
      triageChange({
        actor: a.dpo,
        input: {
          changeEventId: changeId,
          status: "not_applicable",
          reason: "  ",
          expectedVersion: 0,
        },
      }),
    );
    expect(missing).toBeInstanceOf(DomainError);
    expect((missing as DomainError).key).toBe("impact.errorReasonRequired");
    expect(await triage()).toBeNull();

    const saved = await triageChange({
      actor: a.dpo,
      input: {
        changeEventId: changeId,
        status: "not_applicable",
        reason: "We run no high-risk AI.",
        expectedVersion: 0,
      },
    });
    expect(saved).toEqual({ status: "not_applicable", version: 1 });

    // The second DPO's form was rendered before the first saved.
    const stale = await rejectionOf(
      triageChange({
        actor: secondDpo,
        input: { changeEventId: changeId, status: "applicable", expectedVersion: 0 },
      }),
    );
    expect((stale as DomainError).code).toBe("CONFLICT");
    expect((stale as DomainError).key).toBe("impact.errorTriageChanged");
    expect(await triage()).toMatchObject({ status: "not_applicable", version: 1 });

    await triageChange({
      actor: secondDpo,
      input: { changeEventId: changeId, status: "in_progress", expectedVersion: 1 },
    });
    expect(await triage()).toMatchObject({
      status: "in_progress",
      reason: null,
      version: 2,
      decidedById: secondDpo.userId,
    });
    const events = await auditEventsOf(a.org.id, "impact.triaged");
    expect(events.map((e) => [e.targetId, JSON.parse(e.payload)])).toEqual([
      [
        changeId,
        { from: null, to: "not_applicable", reason: "We run no high-risk AI.", version: 1 },
      ],
      [changeId, { from: "not_applicable", to: "in_progress", reason: null, version: 2 }],
    ]);
  });

  it("refuses assessors, and a foreign or unknown event is not found", async () => {
    const a = await createWorld();
    const changeId = await eventId(PROVISION_CHANGE.key);
    const forbidden = await rejectionOf(
      triageChange({
        actor: a.assessor,
        input: { changeEventId: changeId, status: "applicable", expectedVersion: 0 },
      }),
    );
    expect((forbidden as DomainError).code).toBe("FORBIDDEN");
    const unknown = await rejectionOf(
      triageChange({
        actor: a.dpo,
        input: { changeEventId: "no-such-event", status: "applicable", expectedVersion: 0 },
      }),
    );
    expect((unknown as DomainError).code).toBe("NOT_FOUND");
    expect(await db().impactTriage.count({ where: { organizationId: a.org.id } })).toBe(0);
  });
});

describe("the daily regulation job", () => {
  it("on 2031-12-28 records the end of UK adequacy once, raises it and re-rates a vendor storing data in GB; the decided assessment stays as it is", async () => {
    const a = await createWorld();
    const vendor = await createVendor({ organizationId: a.org.id, name: "Thames Data Ltd" });
    const decided = await a.assessment(
      vendor.id,
      "APPROVED",
      { "ai.transparency": "yes", "flows.storage": ["GB"] },
      { scoredOn: "2030-01-15" },
    );
    await db().$transaction((tx) => refreshVendorPortfolio(tx, a.org.id, vendor.id));
    expect(
      (await db().vendor.findUniqueOrThrow({ where: { id: vendor.id } })).latestResidencyClass,
    ).toBe("adequacy");
    // A second organisation with its own vendor in GB: each gets its own rows only.
    const b = await createWorld();
    const theirVendor = await createVendor({ organizationId: b.org.id, name: "Clyde Cloud Ltd" });
    await b.assessment(
      theirVendor.id,
      "SUBMITTED",
      { "flows.storage": ["GB"] },
      { scoredOn: "2030-02-01" },
    );
    await db().$transaction((tx) => refreshVendorPortfolio(tx, b.org.id, theirVendor.id));
    const before = await db().assessment.findUniqueOrThrow({ where: { id: decided.id } });
    await db().jobLease.deleteMany({ where: { name: REGULATION_DAILY_JOB_NAME } });

    // Two instances at once: the lease lets one work; the other does nothing.
    const runs = await Promise.all([
      runRegulationDailyJob({ day: "2031-12-28", holder: "instance-a" }),
      runRegulationDailyJob({ day: "2031-12-28", holder: "instance-b" }),
    ]);
    expect(runs.some((r) => r.leased)).toBe(true);
    // Once more, after both: everything is there already.
    const again = await runRegulationDailyJob({ day: "2031-12-28", holder: "instance-a" });
    expect(again).toMatchObject({ leased: true, raised: 0, rerated: 0 });

    const expiry = await db().changeEvent.findMany({
      where: { key: adequacyExpiryKey("eu:2021/1772", "GB", "2031-12-27") },
    });
    expect(expiry).toHaveLength(1);
    expect(expiry[0]).toMatchObject({
      organizationId: null,
      type: "adequacy_expiring",
      source: "schedule",
      effectiveAt: new Date("2031-12-28T00:00:00Z"),
    });
    const triages = await db().impactTriage.findMany({
      where: { organizationId: a.org.id, changeEventId: expiry[0]!.id },
    });
    expect(triages).toHaveLength(1);
    expect(triages[0]).toMatchObject({
      status: "open",
      raisedAt: new Date("2031-12-28T00:00:00Z"),
    });

    const reratings = await db().residencyRerating.findMany({
      where: { organizationId: a.org.id },
    });
    expect(reratings).toHaveLength(1);
    expect(reratings[0]).toMatchObject({
      vendorId: vendor.id,
      assessmentId: decided.id,
      changeEventId: expiry[0]!.id,
      oldClass: "adequacy",
      ratedOn: new Date("2031-12-28T00:00:00Z"),
    });
    expect(reratings[0]!.newClass).toMatch(/^third_country/);
    expect(reratings[0]!.reason).toContain("GB");
    expect(reratings[0]!.reason).toContain("2031");
    expect(await auditEventsOf(a.org.id, "vendor.residency_rerated")).toHaveLength(1);
    const theirs = await db().residencyRerating.findMany({ where: { organizationId: b.org.id } });
    expect(theirs.map((r) => r.vendorId)).toEqual([theirVendor.id]);
    expect(
      await db().impactTriage.count({
        where: { organizationId: b.org.id, changeEventId: expiry[0]!.id },
      }),
    ).toBe(1);
    expect(await auditEventsOf(a.org.id, "impact.raised")).toHaveLength(1);

    // The portfolio shows the re-rated class, also after a later refresh of the vendor's facts.
    await db().$transaction((tx) => refreshVendorPortfolio(tx, a.org.id, vendor.id));
    const after = await db().vendor.findUniqueOrThrow({ where: { id: vendor.id } });
    expect(after.latestResidencyClass).toBe(reratings[0]!.newClass);
    // The decided assessment, its score and its status are untouched.
    const unchanged = await db().assessment.findUniqueOrThrow({ where: { id: decided.id } });
    expect(unchanged).toEqual(before);
  });

  it("raises an organisation's own change only for it, and keeps a status the DPO set ahead of the day", async () => {
    const a = await createWorld();
    const b = await createWorld();
    const instrument = await db().instrument.findFirstOrThrow({
      where: { organizationId: null },
      select: { id: true },
    });
    const own = await db().changeEvent.create({
      data: {
        organizationId: a.org.id,
        scopeKey: a.org.id,
        key: `own-${unique()}`,
        instrumentId: instrument.id,
        type: "amendment",
        detectedAt: new Date("2032-03-01T00:00:00Z"),
        effectiveAt: new Date("2032-03-10T00:00:00Z"),
        legalStatus: "in_force",
        affectedProvisionKeys: "[]",
        diffJson: '{"changes":[]}',
        summaryDe: "Eigene Änderung",
        summaryEn: "Own change",
        source: "import",
      },
    });
    const pending = await db().changeEvent.create({
      data: { ...own, id: undefined, key: `own-${unique()}`, createdAt: undefined },
    });
    await triageChange({
      actor: a.dpo,
      input: { changeEventId: pending.id, status: "applicable", expectedVersion: 0 },
    });
    await db().jobLease.deleteMany({ where: { name: REGULATION_DAILY_JOB_NAME } });
    // The day before it takes effect: nothing to raise yet.
    await runRegulationDailyJob({ day: "2032-03-09", holder: "test" });
    expect(await db().impactTriage.count({ where: { changeEventId: own.id } })).toBe(0);

    await runRegulationDailyJob({ day: "2032-03-10", holder: "test" });
    const rows = await db().impactTriage.findMany({
      where: { changeEventId: { in: [own.id, pending.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => [r.organizationId, r.changeEventId, r.status])).toEqual([
      [a.org.id, pending.id, "applicable"],
      [a.org.id, own.id, "open"],
    ]);
    expect(rows.every((r) => r.raisedAt?.toISOString() === "2032-03-10T00:00:00.000Z")).toBe(true);
    expect(await db().impactTriage.count({ where: { organizationId: b.org.id } })).toBe(0);
  });

  it("is queued once a day across instances and run by the job queue", async () => {
    await db().job.deleteMany({ where: { kind: "regulations.daily" } });
    await db().jobLease.deleteMany({ where: { name: REGULATION_DAILY_JOB_NAME } });
    const queued = await Promise.all([
      enqueueRegulationDailyJob("2031-12-29"),
      enqueueRegulationDailyJob("2031-12-29"),
    ]);
    expect(queued.filter(Boolean)).toHaveLength(1);
    expect(await enqueueRegulationDailyJob("2031-12-29")).toBe(false);
    const outcomes = await runDueJobs({ holder: "test-runner" });
    expect(outcomes.length).toBeGreaterThan(0);
    const jobs = await db().job.findMany({ where: { kind: "regulations.daily" } });
    expect(jobs.map((j) => [j.idempotencyKey, j.status])).toEqual([
      ["regulations.daily:2031-12-29", "done"],
    ]);
  });
});
