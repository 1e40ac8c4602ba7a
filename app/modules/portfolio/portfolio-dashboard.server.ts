import { Prisma } from "../../generated/sqlite/client";
import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { assertCanReadVendors } from "../vendors/vendor-access";
import { expiryBounds, expirySql, overdueSql } from "./list-portfolio.server";
import { SEVERITIES } from "./portfolio-query";
import { OPEN_FINDING_STATUSES, tierOfRank, type Tier } from "./refresh-vendor-portfolio.server";

/** How many calendar months the score trend covers, the current month included. */
export const TREND_MONTHS = 12;

/** A count per stored value; `value` null: vendors without one (no assessment, no score, …). */
export interface CountByValue<T extends string = string> {
  value: T | null;
  vendors: number;
}

export interface PortfolioDashboard {
  /** Active (not archived) vendors of the organisation. */
  vendors: number;
  byTier: CountByValue<Tier>[];
  byStatus: CountByValue[];
  byResidency: CountByValue[];
  overdue: number;
  certificates: { expired: number; within30: number; within90: number };
  /** Open and in-progress findings per severity, and how many vendors have at least one. */
  findingsBySeverity: { severity: string; findings: number; vendors: number }[];
  /** Oldest month first; `average` null for a month without a scored submission. */
  scoreTrend: { month: string; average: number | null; assessments: number }[];
}

/** COUNT/SUM come back as bigint on PostgreSQL, as number on SQLite, and SUM of nothing as null. */
const count = (value: number | bigint | null | undefined): number => Number(value ?? 0);

/**
 * The portfolio dashboard of the actor's organisation: every figure by aggregate SQL over the
 * vendors' portfolio columns (ADR 0011), findings and assessments, never by loading rows; each
 * figure counts exactly the vendors the portfolio filter it links to lists (the same SQL
 * conditions: overdueSql, expirySql, the severity sub-select), over active vendors only.
 */
export async function loadPortfolioDashboard(
  actor: UserActor,
  input: { now?: Date } = {},
): Promise<PortfolioDashboard> {
  assertCanReadVendors(actor);
  const now = input.now ?? new Date();
  const organizationId = actor.organizationId;
  const [facts, findings, trend] = await Promise.all([
    vendorFacts(organizationId, now),
    openFindingsBySeverity(organizationId),
    scoreTrend(organizationId, now),
  ]);
  return { ...facts, findingsBySeverity: findings, scoreTrend: trend };
}

interface FactGroup {
  tierRank: number | bigint | null;
  status: string | null;
  residency: string | null;
  vendors: number | bigint;
  overdue: number | bigint | null;
}

/**
 * Tier, status and residency counts plus the overdue count in one grouped query. It groups by
 * the columns of the portfolio's covering index in that index's order (criticality first, though
 * nobody asked for it), so the database reads only the index, already in group order, with no
 * sort (ADR 0011); the groups are bounded by the closed sets of criticalities × statuses × tiers
 * × residency classes (a few hundred at most), whatever the number of vendors.
 */
async function vendorFacts(organizationId: string, now: Date) {
  const [groups, certificates] = await Promise.all([
    db().$queryRaw<FactGroup[]>`
      SELECT "latestTierRank" AS "tierRank", "latestStatus" AS "status",
             "latestResidencyClass" AS "residency", COUNT(*) AS "vendors",
             SUM(CASE WHEN ${overdueSql(now)} THEN 1 ELSE 0 END) AS "overdue"
      FROM "Vendor"
      WHERE "organizationId" = ${organizationId} AND "archivedAt" IS NULL
      GROUP BY "criticality", "latestStatus", "latestTierRank", "latestResidencyClass"`,
    certificateCounts(organizationId, now),
  ]);
  const tiers = new Map<Tier | null, number>();
  const statuses = new Map<string | null, number>();
  const residencies = new Map<string | null, number>();
  const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  let vendors = 0;
  let overdue = 0;
  for (const group of groups) {
    const n = count(group.vendors);
    vendors += n;
    add(tiers, tierOfRank(group.tierRank === null ? null : Number(group.tierRank)), n);
    add(statuses, group.status, n);
    add(residencies, group.residency, n);
    overdue += count(group.overdue);
  }
  const list = <K extends string>(map: Map<K | null, number>) =>
    [...map].map(([value, n]) => ({ value, vendors: n }));
  return {
    vendors,
    byTier: list(tiers),
    byStatus: list(statuses),
    byResidency: list(residencies),
    overdue,
    certificates,
  };
}

/**
 * Vendors per certificate window, from the index on the certificate expiry: only the vendors whose
 * certificate expires before the end of the 90-day window are read.
 */
async function certificateCounts(organizationId: string, now: Date) {
  const [row] = await db().$queryRaw<
    {
      expired: number | bigint | null;
      within30: number | bigint | null;
      within90: number | bigint | null;
    }[]
  >`
    SELECT SUM(CASE WHEN ${expirySql("expired", now)} THEN 1 ELSE 0 END) AS "expired",
           SUM(CASE WHEN ${expirySql("30", now)} THEN 1 ELSE 0 END) AS "within30",
           SUM(CASE WHEN ${expirySql("90", now)} THEN 1 ELSE 0 END) AS "within90"
    FROM "Vendor"
    WHERE "organizationId" = ${organizationId} AND "archivedAt" IS NULL
      AND "certificateExpiry" < ${expiryBounds(now).within90}`;
  return {
    expired: count(row?.expired),
    within30: count(row?.within30),
    within90: count(row?.within90),
  };
}

/**
 * Open findings per severity on active vendors of the organisation, every severity listed (zero
 * included) in the order of SEVERITIES, then any other stored value.
 */
async function openFindingsBySeverity(organizationId: string) {
  const rows = await db().$queryRaw<
    { severity: string; findings: number | bigint; vendors: number | bigint }[]
  >`
    SELECT "Finding"."severity" AS "severity", COUNT(*) AS "findings",
           COUNT(DISTINCT "Vendor"."id") AS "vendors"
    FROM "Finding"
    JOIN "Assessment" ON "Assessment"."id" = "Finding"."assessmentId"
    JOIN "Vendor" ON "Vendor"."id" = "Assessment"."vendorId"
    WHERE "Finding"."organizationId" = ${organizationId}
      AND "Finding"."status" IN (${Prisma.join(OPEN_FINDING_STATUSES)})
      AND "Assessment"."organizationId" = ${organizationId}
      AND "Vendor"."organizationId" = ${organizationId}
      AND "Vendor"."archivedAt" IS NULL
    GROUP BY "Finding"."severity"`;
  const bySeverity = new Map(rows.map((row) => [row.severity, row]));
  const known: string[] = [...SEVERITIES];
  return [...known, ...[...bySeverity.keys()].filter((s) => !known.includes(s))].map(
    (severity) => ({
      severity,
      findings: count(bySeverity.get(severity)?.findings),
      vendors: count(bySeverity.get(severity)?.vendors),
    }),
  );
}

/** The first instant (UTC) of the month `offset` months after the month of `now`. */
function monthStart(now: Date, offset: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
}

/**
 * The average stored overall score of the assessments submitted in each of the last TREND_MONTHS
 * calendar months (UTC), by submission month: one row of conditional sums over the range, with
 * the month bounds as bound parameters, which reads the same on SQLite and PostgreSQL (their
 * date functions differ). Cancelled assessments and archived vendors are left out.
 */
async function scoreTrend(organizationId: string, now: Date) {
  const bounds = Array.from({ length: TREND_MONTHS + 1 }, (_, i) =>
    monthStart(now, i - TREND_MONTHS + 1),
  );
  const columns = Array.from({ length: TREND_MONTHS }, (_, i) => {
    const inMonth = Prisma.sql`"Assessment"."submittedAt" >= ${bounds[i]!} AND "Assessment"."submittedAt" < ${bounds[i + 1]!}`;
    return Prisma.sql`SUM(CASE WHEN ${inMonth} THEN "Assessment"."overallScore" END) AS ${Prisma.raw(`"s${i}"`)},
      COUNT(CASE WHEN ${inMonth} THEN 1 END) AS ${Prisma.raw(`"n${i}"`)}`;
  });
  // Driven by the index on (organizationId, submittedAt): only the range's assessments are read,
  // each joined to its vendor by primary key.
  const [row] = await db().$queryRaw<Record<string, number | bigint | null>[]>`
    SELECT ${Prisma.join(columns, ", ")}
    FROM "Assessment"
    JOIN "Vendor" ON "Vendor"."id" = "Assessment"."vendorId"
    WHERE "Assessment"."organizationId" = ${organizationId}
      AND "Assessment"."submittedAt" >= ${bounds[0]!}
      AND "Assessment"."submittedAt" < ${bounds[TREND_MONTHS]!}
      AND "Assessment"."overallScore" IS NOT NULL AND "Assessment"."status" <> 'CANCELLED'
      AND "Vendor"."organizationId" = ${organizationId} AND "Vendor"."archivedAt" IS NULL`;
  return bounds.slice(0, TREND_MONTHS).map((start, i) => {
    const n = count(row?.[`n${i}`]);
    const sum = Number(row?.[`s${i}`] ?? 0);
    return {
      month: start.toISOString().slice(0, 7),
      average: n > 0 ? sum / n : null,
      assessments: n,
    };
  });
}
