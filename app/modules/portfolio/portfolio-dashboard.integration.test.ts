import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "~/modules/auth/actor";
import { db } from "~/utils/db.server";
import { inTransaction } from "~/utils/transaction.server";
import { createOrganization, createVendor } from "../../../tests/support/factories";
import {
  createTemplateVersionRecord,
  createUserActor,
} from "../../../tests/support/vendor-factories";
import { createVendor as createVendorUseCase } from "~/modules/vendors/create-vendor.server";
import { listPortfolio } from "./list-portfolio.server";
import { cachedPortfolioDashboard } from "./portfolio-dashboard-cache.server";
import { loadPortfolioDashboard, type PortfolioDashboard } from "./portfolio-dashboard.server";
import { portfolioDashboardView } from "./portfolio-dashboard-view";
import { parsePortfolioParams } from "./portfolio-query";
import { refreshVendorPortfolio, type Tier } from "./refresh-vendor-portfolio.server";

/**
 * Runs on SQLite (sqlite project) and on a real PostgreSQL (postgres project). Every vendor is
 * made of real rows (assessments, an evidence answer with its validUntil, findings) and its
 * portfolio columns computed by refreshVendorPortfolio(), as the use cases do.
 */

// Today is 2026-07-15 (UTC); +30 days is 2026-08-14, +90 days is 2026-10-13.
const NOW = new Date("2026-07-15T12:00:00Z");

interface VendorSpec {
  name: string;
  archived?: boolean;
  /** The latest assessment (none: a vendor without assessments). */
  latest?: {
    status: string;
    overall?: number;
    tier?: Tier;
    residency?: string;
    due?: string;
    validUntil?: string;
    submittedAt?: string;
  };
  /** An earlier assessment, submitted and scored. */
  earlier?: { overall: number; submittedAt: string };
  findings?: { severity: string; status: string }[];
}

async function seedVendor(actor: UserActor, templateVersionId: string, spec: VendorSpec) {
  const organizationId = actor.organizationId;
  const vendor = await createVendor({ organizationId, name: spec.name });
  const assessment = (data: {
    status: string;
    overall?: number;
    tier?: Tier;
    residency?: string;
    due?: string;
    submittedAt?: string;
    createdAt: Date;
  }) =>
    db().assessment.create({
      data: {
        organizationId,
        vendorId: vendor.id,
        templateVersionId,
        title: `${spec.name} assessment`,
        status: data.status,
        createdById: actor.userId,
        createdAt: data.createdAt,
        dueDate: data.due ? new Date(data.due) : null,
        submittedAt: data.submittedAt ? new Date(data.submittedAt) : null,
        overallScore: data.overall ?? null,
        scoreResult:
          data.overall === undefined
            ? null
            : JSON.stringify({
                methodVersion: "1.1.0",
                overall: data.overall,
                riskTier: data.tier,
                sections: [],
                questions: [],
                knockOuts: [],
                completeness: { required: 0, answeredRequired: 0, ratio: 1, missingRequired: [] },
                transparency: { satisfied: 1, total: 2 },
                residency: { rating: data.residency ?? null, flows: [] },
              }),
      },
    });
  if (spec.earlier) {
    await assessment({
      status: "APPROVED",
      overall: spec.earlier.overall,
      tier: "medium",
      submittedAt: spec.earlier.submittedAt,
      createdAt: new Date("2025-01-01T00:00:00Z"),
    });
  }
  if (spec.latest) {
    const latest = await assessment({
      ...spec.latest,
      createdAt: new Date("2026-01-01T00:00:00Z"),
    });
    if (spec.latest.validUntil) {
      await db().answer.create({
        data: {
          organizationId,
          assessmentId: latest.id,
          questionKey: "iso27001",
          value: JSON.stringify({
            documentType: "iso27001",
            validUntil: spec.latest.validUntil,
            files: [],
          }),
          updatedBy: "vendor",
        },
      });
    }
    for (const finding of spec.findings ?? []) {
      await db().finding.create({
        data: {
          organizationId,
          assessmentId: latest.id,
          title: `${finding.severity} finding`,
          severity: finding.severity,
          status: finding.status,
          description: "Seeded",
          createdById: actor.userId,
        },
      });
    }
  }
  if (spec.archived) {
    await db().vendor.update({ where: { id: vendor.id }, data: { archivedAt: new Date() } });
  }
  await inTransaction((tx) => refreshVendorPortfolio(tx, organizationId, vendor.id));
  return vendor.id;
}

/** The organisation under test: nine active vendors and one archived one. */
const OWN: VendorSpec[] = [
  {
    name: "Alpha",
    latest: {
      status: "APPROVED",
      overall: 80,
      tier: "low",
      residency: "eu_eea",
      due: "2026-07-01T23:59:59Z",
      validUntil: "2026-07-15", // today: still valid, within 30 days
      submittedAt: "2026-07-01T09:00:00Z",
    },
    findings: [
      { severity: "CRITICAL", status: "OPEN" },
      { severity: "LOW", status: "RESOLVED" },
    ],
  },
  {
    name: "Bravo",
    latest: {
      status: "SUBMITTED",
      overall: 30,
      tier: "high",
      residency: "third_country_no_safeguards",
      due: "2026-07-01T23:59:59Z", // overdue
      validUntil: "2026-08-14", // day 30: within 30 days
      submittedAt: "2026-06-10T09:00:00Z",
    },
    earlier: { overall: 70, submittedAt: "2026-03-01T09:00:00Z" },
    findings: [
      { severity: "HIGH", status: "OPEN" },
      { severity: "HIGH", status: "IN_PROGRESS" },
    ],
  },
  {
    name: "Charlie",
    latest: {
      status: "AWAITING_DECISION",
      overall: 60,
      tier: "medium",
      residency: "adequacy",
      due: "2026-07-20T23:59:59Z",
      validUntil: "2026-08-15", // day 31: within 90 days only
      submittedAt: "2026-06-20T09:00:00Z",
    },
  },
  {
    name: "Delta",
    latest: {
      status: "IN_PROGRESS",
      overall: 10,
      tier: "critical",
      residency: "eu_eea",
      due: "2026-07-14T23:59:59Z", // yesterday: overdue
      validUntil: "2026-10-13", // day 90: within 90 days
    },
  },
  // Unscored: no tier, no residency; its certificate (day 91) is in no window.
  { name: "Echo", latest: { status: "DRAFT", validUntil: "2026-10-14" } },
  // No assessment at all.
  { name: "Foxtrot" },
  {
    name: "Golf",
    latest: {
      status: "APPROVED_WITH_CONDITIONS",
      overall: 90,
      tier: "low",
      residency: "eu_eea",
      validUntil: "2026-07-14", // yesterday: expired
      submittedAt: "2025-08-03T09:00:00Z", // the first month of the trend
    },
    findings: [{ severity: "MEDIUM", status: "OPEN" }],
  },
  {
    name: "Hotel",
    latest: {
      status: "APPROVED",
      overall: 50,
      tier: "medium",
      residency: "adequacy",
      due: "2025-07-01T23:59:59Z", // past, but decided: not overdue
      submittedAt: "2025-07-20T09:00:00Z", // 13 months ago: outside the trend
    },
  },
  {
    name: "India",
    latest: {
      status: "CANCELLED",
      overall: 99,
      tier: "low",
      residency: "eu_eea",
      due: "2026-05-01T23:59:59Z", // past, but cancelled: not overdue
      submittedAt: "2026-05-05T09:00:00Z", // cancelled: not in the trend
    },
  },
  // Archived: counts nowhere, though it is overdue, expiring and has a critical finding.
  {
    name: "Juliett",
    archived: true,
    latest: {
      status: "SUBMITTED",
      overall: 5,
      tier: "critical",
      residency: "unknown",
      due: "2026-07-01T23:59:59Z",
      validUntil: "2026-07-20",
      submittedAt: "2026-07-02T09:00:00Z",
    },
    findings: [{ severity: "CRITICAL", status: "OPEN" }],
  },
];

/** Another organisation with data in every category: none of it may count for OWN. */
const FOREIGN: VendorSpec[] = [
  {
    name: "Alpha",
    latest: {
      status: "SUBMITTED",
      overall: 1,
      tier: "critical",
      residency: "unknown",
      due: "2026-07-01T23:59:59Z",
      validUntil: "2026-07-16",
      submittedAt: "2026-07-03T09:00:00Z",
    },
    findings: [
      { severity: "CRITICAL", status: "OPEN" },
      { severity: "LOW", status: "OPEN" },
    ],
  },
  { name: "Kilo", latest: { status: "DRAFT", validUntil: "2026-01-01" } },
];

let own: UserActor;
let foreign: UserActor;
let dashboard: PortfolioDashboard;

beforeAll(async () => {
  const orgOwn = await createOrganization();
  const orgForeign = await createOrganization();
  own = await createUserActor(orgOwn, "ASSESSOR");
  foreign = await createUserActor(orgForeign, "AUDITOR");
  const ownTemplate = (await createTemplateVersionRecord({ organizationId: orgOwn.id })).id;
  const foreignTemplate = (await createTemplateVersionRecord({ organizationId: orgForeign.id })).id;
  for (const spec of OWN) await seedVendor(own, ownTemplate, spec);
  for (const spec of FOREIGN) await seedVendor(foreign, foreignTemplate, spec);
  dashboard = await loadPortfolioDashboard(own, { now: NOW });
}, 60_000);

const counts = (rows: { value: string | null; vendors: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.vendors > 0).map((r) => [r.value ?? "none", r.vendors]));

describe("loadPortfolioDashboard", () => {
  it("counts active vendors by tier, status and residency class, the organisation's only", () => {
    expect(dashboard.vendors).toBe(9);
    expect(counts(dashboard.byTier)).toEqual({ low: 3, medium: 2, high: 1, critical: 1, none: 2 });
    expect(counts(dashboard.byStatus)).toEqual({
      APPROVED: 2,
      SUBMITTED: 1,
      AWAITING_DECISION: 1,
      IN_PROGRESS: 1,
      DRAFT: 1,
      APPROVED_WITH_CONDITIONS: 1,
      CANCELLED: 1,
      none: 1,
    });
    expect(counts(dashboard.byResidency)).toEqual({
      eu_eea: 4,
      adequacy: 2,
      third_country_no_safeguards: 1,
      none: 2,
    });
  });

  it("counts overdue assessments (open status, due before now) and nothing decided or cancelled", () => {
    expect(dashboard.overdue).toBe(2);
  });

  it("counts certificates by window: today and day 30 within 30, day 90 within 90, day 91 in none", () => {
    expect(dashboard.certificates).toEqual({ expired: 1, within30: 2, within90: 4 });
  });

  it("counts open and in-progress findings by severity, with the vendors that have them", () => {
    expect(dashboard.findingsBySeverity).toEqual([
      { severity: "LOW", findings: 0, vendors: 0 },
      { severity: "MEDIUM", findings: 1, vendors: 1 },
      { severity: "HIGH", findings: 2, vendors: 1 },
      { severity: "CRITICAL", findings: 1, vendors: 1 },
    ]);
  });

  it("averages the scores of the submissions of each of the last 12 months", () => {
    expect(dashboard.scoreTrend).toHaveLength(12);
    expect(dashboard.scoreTrend[0]!.month).toBe("2025-08");
    expect(dashboard.scoreTrend[11]!.month).toBe("2026-07");
    const filled = Object.fromEntries(
      dashboard.scoreTrend
        .filter((p) => p.assessments > 0)
        .map((p) => [p.month, [p.average, p.assessments]]),
    );
    expect(filled).toEqual({
      "2025-08": [90, 1],
      "2026-03": [70, 1],
      "2026-06": [45, 2],
      "2026-07": [80, 1],
    });
    expect(dashboard.scoreTrend.find((p) => p.month === "2026-05")!.average).toBeNull();
  });

  it("gives the other organisation its own figures only", async () => {
    const theirs = await loadPortfolioDashboard(foreign, { now: NOW });
    expect(theirs.vendors).toBe(2);
    expect(theirs.overdue).toBe(1);
    expect(theirs.certificates).toEqual({ expired: 1, within30: 1, within90: 1 });
    expect(theirs.findingsBySeverity.map((r) => r.findings)).toEqual([1, 0, 0, 1]);
    expect(theirs.scoreTrend.filter((p) => p.assessments > 0)).toEqual([
      { month: "2026-07", average: 1, assessments: 1 },
    ]);
  });

  it("links every figure to a portfolio view that lists exactly the vendors it counts", async () => {
    const view = portfolioDashboardView(dashboard, "en");
    const linked = [
      ...view.tiles.map((tile) => ({ what: tile.id, href: tile.href, count: tile.value })),
      ...[...view.tiers, ...view.statuses, ...view.residency].map((bar) => ({
        what: bar.key,
        href: bar.href,
        count: bar.value,
      })),
      ...view.findings.map((bar) => ({ what: bar.key, href: bar.href, count: bar.vendors })),
    ];
    // Every known value links (the "none" rows too); the numbers are formatted, so compare text.
    for (const { what, href, count } of linked) {
      expect(href, what).toMatch(/^\/portfolio(\?|$)/);
      const query = parsePortfolioParams(new URL(href!, "http://x").searchParams);
      const listed = await listPortfolio(own, { query, now: NOW, pageSize: null });
      expect({ what, listed: String(listed.total) }).toEqual({ what, listed: count });
    }
    expect(linked.length).toBeGreaterThan(20);
  });

  it("labels every value in the reader's language, never by its stored key", () => {
    const de = portfolioDashboardView(dashboard, "de");
    const labels = [...de.tiers, ...de.statuses, ...de.residency, ...de.findings].map(
      (bar) => bar.label,
    );
    expect(labels).toContain("Drittland ohne Garantien");
    expect(labels).toContain("Noch nicht eingestuft");
    expect(labels).toContain("Noch keine Bewertung"); // no assessment (status)
    expect(labels).toContain("Noch keine Punktzahl"); // no score (tier)
    expect(labels).toContain("Kritisch");
    for (const label of labels) expect(label).not.toMatch(/^[a-z_]+$|^[A-Z_]+$/);
    expect(de.tiles.map((t) => t.label)).toContain("Überfällige Bewertungen");
    expect(de.trend.at(-1)).toMatchObject({ label: "Juli 2026", value: "80,0", count: "1" });
  });
});

describe("cachedPortfolioDashboard", () => {
  it("keeps the figures until an audited change or a minute passes", async () => {
    const org = await createOrganization();
    const actor = await createUserActor(org, "ASSESSOR");
    const t0 = new Date("2026-07-15T12:00:00Z");
    expect((await cachedPortfolioDashboard(actor, t0)).vendors).toBe(0);
    // An audited change (the use case records its event): counted at once.
    await createVendorUseCase({ actor, input: { name: "Audited", criticality: "LOW" } });
    expect((await cachedPortfolioDashboard(actor, t0)).vendors).toBe(1);
    // A row written behind the application's back (no audit event) shows after the minute only.
    await createVendor({ organizationId: org.id, name: "Unaudited" });
    expect((await cachedPortfolioDashboard(actor, new Date(t0.getTime() + 59_000))).vendors).toBe(
      1,
    );
    expect((await cachedPortfolioDashboard(actor, new Date(t0.getTime() + 60_000))).vendors).toBe(
      2,
    );
    // Another organisation never gets this one's figures.
    const other = await createUserActor(await createOrganization(), "ASSESSOR");
    expect((await cachedPortfolioDashboard(other, t0)).vendors).toBe(0);
  });
});
