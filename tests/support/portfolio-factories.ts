import { randomUUID } from "node:crypto";
import type { Prisma } from "../../app/generated/sqlite/client";
import { RESIDENCY_CLASSES } from "../../app/modules/portfolio/portfolio-query";
import { TIER_RANK, type Tier } from "../../app/modules/portfolio/refresh-vendor-portfolio.server";
import { CRITICALITIES } from "../../app/modules/vendors/vendor-fields";
import { foldForSearch } from "../../app/modules/vendors/search-text";
import { db } from "../../app/utils/db.server";

/**
 * Seeds a portfolio fast: `vendors` vendors with `assessmentsPerVendor` assessments each, written
 * with createMany in batches (no use case, no audit events), and the vendors' portfolio columns
 * filled as refreshVendorPortfolio() would fill them (a test checks that on a sample).
 * Everything is a function of the vendor's index i, so tests can count what to expect:
 *   name         NAME_PREFIXES[i % 5] + " " + i (5 digits)  — "Über AI", "Straße Systems", …
 *   criticality  CRITICALITIES[i % 4]
 *   tags         ["strategic"] when i % 10 === 0, else []
 *   latest       status LATEST_STATUSES[i % 5]; unscored when i % 7 === 0, else
 *                overall (i * 37) % 100 + 0.5 → tier by TIERS_BY_SCORE, transparency (i % 11) / 10,
 *                residency RESIDENCY_CLASSES[i % 5]
 *   due date     DUE_BASE + (i % 120) days;  evidence validUntil when i % 4 === 0
 *   findings     one OPEN finding on the latest assessment when i % 6 === 0
 */
export const NAME_PREFIXES = [
  "Über AI",
  "Straße Systems",
  "Acme Models",
  "Ångström Labs",
  "Zeta Cloud",
] as const;
export const LATEST_STATUSES = [
  "DRAFT",
  "IN_PROGRESS",
  "SUBMITTED",
  "AWAITING_DECISION",
  "APPROVED",
] as const;
export const DUE_BASE = new Date("2026-06-01T23:59:59Z");
const DAY = 86_400_000;

export function tierOfScore(overall: number): Tier {
  return overall >= 75 ? "low" : overall >= 50 ? "medium" : overall >= 25 ? "high" : "critical";
}

export interface SeededVendorFacts {
  name: string;
  criticality: string;
  tags: string[];
  status: string;
  overall: number | null;
  tier: Tier | null;
  transparency: number | null;
  residencyClass: string | null;
  dueDate: Date;
  certificateExpiry: Date | null;
  openFindings: number;
}

export function seededVendorFacts(i: number): SeededVendorFacts {
  const scored = i % 7 !== 0;
  const overall = scored ? ((i * 37) % 100) + 0.5 : null;
  return {
    name: `${NAME_PREFIXES[i % NAME_PREFIXES.length]} ${String(i).padStart(5, "0")}`,
    criticality: CRITICALITIES[i % CRITICALITIES.length]!,
    tags: i % 10 === 0 ? ["strategic"] : [],
    status: LATEST_STATUSES[i % LATEST_STATUSES.length]!,
    overall,
    tier: overall === null ? null : tierOfScore(overall),
    transparency: scored ? ((i % 11) / 10) * 100 : null,
    residencyClass: scored ? RESIDENCY_CLASSES[i % RESIDENCY_CLASSES.length]! : null,
    dueDate: new Date(DUE_BASE.getTime() + (i % 120) * DAY),
    certificateExpiry:
      i % 4 === 0
        ? new Date(`2027-${String((i % 12) + 1).padStart(2, "0")}-15T00:00:00.000Z`)
        : null,
    openFindings: i % 6 === 0 ? 1 : 0,
  };
}

function storedScore(facts: SeededVendorFacts, i: number): string | null {
  if (facts.overall === null) return null;
  return JSON.stringify({
    methodVersion: "1.1.0",
    overall: facts.overall,
    riskTier: facts.tier,
    sections: [],
    questions: [],
    knockOuts: [],
    completeness: { required: 0, answeredRequired: 0, ratio: 1, missingRequired: [] },
    transparency: { satisfied: i % 11, total: 10 },
    residency: { rating: facts.residencyClass, flows: [] },
  });
}

async function inBatches<T>(
  rows: T[],
  size: number,
  write: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += size)
    await write(rows.slice(start, start + size));
}

export async function seedPortfolio(input: {
  organizationId: string;
  createdById: string;
  templateVersionId: string;
  vendors: number;
  assessmentsPerVendor: number;
  /** Index of the first vendor (to add vendors to an already seeded organisation). */
  startIndex?: number;
  batchSize?: number;
}): Promise<{ vendorIds: string[] }> {
  const { organizationId, createdById, templateVersionId } = input;
  const batchSize = input.batchSize ?? 500;
  const start = input.startIndex ?? 0;
  const syncedAt = new Date();
  const vendors: Prisma.VendorCreateManyInput[] = [];
  const products: { id: string; organizationId: string; vendorId: string; name: string }[] = [];
  const assessments: {
    id: string;
    organizationId: string;
    vendorId: string;
    productId: string;
    templateVersionId: string;
    title: string;
    status: string;
    dueDate: Date;
    createdById: string;
    scoreResult: string | null;
    overallScore: number | null;
    createdAt: Date;
  }[] = [];
  const answers: {
    organizationId: string;
    assessmentId: string;
    questionKey: string;
    value: string;
    updatedBy: string;
  }[] = [];
  const findings: {
    organizationId: string;
    assessmentId: string;
    title: string;
    severity: string;
    description: string;
    createdById: string;
  }[] = [];
  const vendorIds: string[] = [];

  for (let n = 0; n < input.vendors; n++) {
    const i = start + n;
    const facts = seededVendorFacts(i);
    const vendorId = randomUUID();
    const productId = randomUUID();
    vendorIds.push(vendorId);
    products.push({ id: productId, organizationId, vendorId, name: `Model ${i}` });
    let latestId = "";
    for (let j = 0; j < input.assessmentsPerVendor; j++) {
      const latest = j === input.assessmentsPerVendor - 1;
      const id = randomUUID();
      if (latest) latestId = id;
      assessments.push({
        id,
        organizationId,
        vendorId,
        productId,
        templateVersionId,
        title: `Assessment ${j + 1} of ${facts.name}`,
        status: latest ? facts.status : "APPROVED",
        dueDate: latest
          ? facts.dueDate
          : new Date(facts.dueDate.getTime() - (input.assessmentsPerVendor - j) * 365 * DAY),
        createdById,
        scoreResult: latest ? storedScore(facts, i) : null,
        overallScore: latest ? facts.overall : 50,
        createdAt: new Date(Date.UTC(2024, 0, 1) + j * 200 * DAY + i * 1000),
      });
    }
    if (facts.certificateExpiry) {
      answers.push({
        organizationId,
        assessmentId: latestId,
        questionKey: "iso27001",
        value: JSON.stringify({
          documentType: "iso27001",
          validUntil: facts.certificateExpiry.toISOString().slice(0, 10),
          files: [],
        }),
        updatedBy: "vendor",
      });
    }
    if (facts.openFindings > 0) {
      findings.push({
        organizationId,
        assessmentId: latestId,
        title: "Missing DPA",
        severity: "HIGH",
        description: "Seeded finding",
        createdById,
      });
    }
    vendors.push({
      id: vendorId,
      organizationId,
      name: facts.name,
      criticality: facts.criticality,
      tags: JSON.stringify(facts.tags),
      searchName: foldForSearch(facts.name),
      latestAssessmentId: input.assessmentsPerVendor > 0 ? latestId : null,
      latestProductName: input.assessmentsPerVendor > 0 ? `Model ${i}` : null,
      latestStatus: input.assessmentsPerVendor > 0 ? facts.status : null,
      latestOverall: input.assessmentsPerVendor > 0 ? facts.overall : null,
      latestTierRank: input.assessmentsPerVendor > 0 && facts.tier ? TIER_RANK[facts.tier] : null,
      latestTransparency: input.assessmentsPerVendor > 0 ? facts.transparency : null,
      latestResidencyClass: input.assessmentsPerVendor > 0 ? facts.residencyClass : null,
      latestDueDate: input.assessmentsPerVendor > 0 ? facts.dueDate : null,
      certificateExpiry: input.assessmentsPerVendor > 0 ? facts.certificateExpiry : null,
      openFindings: input.assessmentsPerVendor > 0 ? facts.openFindings : 0,
      portfolioSyncedAt: syncedAt,
    });
  }
  const client = db();
  await inBatches(vendors, batchSize, (data) => client.vendor.createMany({ data }));
  await inBatches(products, batchSize, (data) => client.product.createMany({ data }));
  await inBatches(assessments, batchSize, (data) => client.assessment.createMany({ data }));
  if (input.assessmentsPerVendor > 0) {
    await inBatches(answers, batchSize, (data) => client.answer.createMany({ data }));
    await inBatches(findings, batchSize, (data) => client.finding.createMany({ data }));
  }
  return { vendorIds };
}
