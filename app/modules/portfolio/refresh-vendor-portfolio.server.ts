import type { Tx } from "../../utils/db.server";
import { parseStoredScore } from "../assessments/stored-score";
import { foldForSearch } from "../vendors/search-text";

export const TIER_RANK = { low: 1, medium: 2, high: 3, critical: 4 } as const;
export type Tier = keyof typeof TIER_RANK;
export const TIERS = Object.keys(TIER_RANK) as Tier[];
export function tierOfRank(rank: number | null): Tier | null {
  return TIERS.find((tier) => TIER_RANK[tier] === rank) ?? null;
}
export const OPEN_FINDING_STATUSES = ["OPEN", "IN_PROGRESS"];

/**
 * Recomputes the vendor's portfolio columns (ADR 0011) from its assessments, answers and
 * findings: the latest assessment (newest createdAt, then id) gives status, score, tier,
 * transparency, residency class, due date and certificate expiry (earliest evidence
 * validUntil); open findings count over all the vendor's assessments; "comparable" says whether
 * any assessment is submitted and scored (what /compare needs). Call it inside the
 * transaction of every use case that changes one of those facts.
 */
export async function refreshVendorPortfolio(
  tx: Tx,
  organizationId: string,
  vendorId: string,
): Promise<void> {
  const vendor = await tx.vendor.findFirst({
    where: { id: vendorId, organizationId },
    select: { id: true, name: true },
  });
  if (!vendor) return;
  const latest = await tx.assessment.findFirst({
    where: { organizationId, vendorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      status: true,
      dueDate: true,
      overallScore: true,
      scoreResult: true,
      submittedAt: true,
      product: { select: { name: true } },
    },
  });
  const score = latest ? parseStoredScore(latest.scoreResult) : null;
  const residencyClass = latest
    ? await currentResidencyClass(tx, latest, score?.residency?.rating ?? null)
    : null;
  const transparency = score?.transparency;
  let certificateExpiry: Date | null = null;
  if (latest) {
    const answers = await tx.answer.findMany({
      where: { organizationId, assessmentId: latest.id, value: { contains: "validUntil" } },
      select: { value: true },
    });
    for (const answer of answers) {
      const until = validUntilOf(answer.value);
      if (until && (!certificateExpiry || until < certificateExpiry)) certificateExpiry = until;
    }
  }
  const scoredSubmission = await tx.assessment.findFirst({
    where: { organizationId, vendorId, submittedAt: { not: null }, scoreResult: { not: null } },
    select: { id: true },
  });
  const openFindings = await tx.finding.count({
    where: { organizationId, status: { in: OPEN_FINDING_STATUSES }, assessment: { vendorId } },
  });
  await tx.vendor.updateMany({
    where: { id: vendorId, organizationId },
    data: {
      searchName: foldForSearch(vendor.name),
      latestAssessmentId: latest?.id ?? null,
      latestProductName: latest?.product?.name ?? null,
      latestStatus: latest?.status ?? null,
      latestOverall: score?.overall ?? latest?.overallScore ?? null,
      latestTierRank: score?.riskTier ? TIER_RANK[score.riskTier] : null,
      latestTransparency:
        transparency && transparency.total > 0
          ? Math.round((transparency.satisfied / transparency.total) * 1000) / 10
          : null,
      latestResidencyClass: residencyClass,
      latestDueDate: latest?.dueDate ?? null,
      certificateExpiry,
      openFindings,
      comparable: scoredSubmission !== null,
      portfolioSyncedAt: new Date(),
    },
  });
}

/**
 * The residency class the portfolio shows (ADR 0034): the stored score's, unless the daily
 * regulation job re-rated this assessment's vendor on or after the day the score was computed
 * (its submission day); a later submission scores under the law of its own day and wins again.
 */
async function currentResidencyClass(
  tx: Tx,
  latest: { id: string; submittedAt: Date | null },
  scored: string | null,
): Promise<string | null> {
  if (scored === null) return null;
  const rerating = await tx.residencyRerating.findFirst({
    where: { assessmentId: latest.id },
    orderBy: [{ ratedOn: "desc" }, { createdAt: "desc" }],
    select: { newClass: true, ratedOn: true },
  });
  if (!rerating) return scored;
  const scoredOn = latest.submittedAt?.toISOString().slice(0, 10) ?? "";
  return rerating.ratedOn.toISOString().slice(0, 10) >= scoredOn ? rerating.newClass : scored;
}

/** The vendor of an assessment, then refreshVendorPortfolio(). */
export async function refreshPortfolioOfAssessment(
  tx: Tx,
  organizationId: string,
  assessmentId: string,
): Promise<void> {
  const assessment = await tx.assessment.findFirst({
    where: { id: assessmentId, organizationId },
    select: { vendorId: true },
  });
  if (assessment) await refreshVendorPortfolio(tx, organizationId, assessment.vendorId);
}

function validUntilOf(json: string): Date | null {
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === "object" && "validUntil" in value) {
      const until = (value as { validUntil?: unknown }).validUntil;
      if (typeof until === "string" && /^\d{4}-\d{2}-\d{2}$/.test(until))
        return new Date(`${until}T00:00:00.000Z`);
    }
  } catch {
    // not JSON: no date
  }
  return null;
}
