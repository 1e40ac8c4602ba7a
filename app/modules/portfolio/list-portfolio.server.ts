import { Prisma } from "../../generated/sqlite/client";
import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { foldForSearch } from "../vendors/search-text";
import { assertCanReadVendors } from "../vendors/vendor-access";
import { parseStoredTags } from "../vendors/vendor-tags";
import {
  NONE,
  PORTFOLIO_PAGE_SIZE,
  type ExpiryWindow,
  type PortfolioQuery,
} from "./portfolio-query";
import {
  OPEN_FINDING_STATUSES,
  TIER_RANK,
  tierOfRank,
  type Tier,
} from "./refresh-vendor-portfolio.server";

/** Statuses after which a due date no longer makes an assessment overdue. */
export const CLOSED_STATUSES = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "CANCELLED"];

const DAY_MS = 86_400_000;

/**
 * The bounds of the certificate windows for `now`: the start of today (UTC) and the start of the
 * day after the 30th / 90th day from today. A certificate's expiry is the UTC midnight of its
 * valid-until day (refreshVendorPortfolio), so it is valid through today when expiry >= today,
 * and expires within 30 days when expiry < today + 31 days (the 30th day counts).
 */
export function expiryBounds(now: Date): { today: Date; within30: Date; within90: Date } {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    today,
    within30: new Date(today.getTime() + 31 * DAY_MS),
    within90: new Date(today.getTime() + 91 * DAY_MS),
  };
}

/** The SQL condition "this vendor's latest assessment is overdue" (the same as the row's flag). */
export function overdueSql(now: Date): Prisma.Sql {
  return Prisma.sql`"latestDueDate" < ${now} AND "latestStatus" IS NOT NULL AND "latestStatus" NOT IN (${Prisma.join(CLOSED_STATUSES)})`;
}

/** The SQL condition of a certificate window on the vendor's earliest certificate expiry. */
export function expirySql(window: ExpiryWindow, now: Date): Prisma.Sql {
  const { today, within30, within90 } = expiryBounds(now);
  if (window === "expired") return Prisma.sql`"certificateExpiry" < ${today}`;
  // "soon": what needs attention now (the home page's count): expired or ending within 90 days.
  if (window === "soon") return Prisma.sql`"certificateExpiry" < ${within90}`;
  const end = window === "30" ? within30 : within90;
  return Prisma.sql`"certificateExpiry" >= ${today} AND "certificateExpiry" < ${end}`;
}

export interface PortfolioRow {
  id: string;
  name: string;
  criticality: string;
  tags: string[];
  product: string | null;
  latestAssessmentId: string | null;
  status: string | null;
  overall: number | null;
  tier: Tier | null;
  transparency: number | null;
  residencyClass: string | null;
  dueDate: string | null;
  certificateExpiry: string | null;
  openFindings: number;
  overdue: boolean;
}

function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** Characters LIKE treats specially, escaped with a backslash (the queries say ESCAPE '\\'). */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}

/**
 * The WHERE clause of a portfolio view: active vendors of the actor's organisation. Plain SQL
 * that reads the same on SQLite and PostgreSQL: quoted identifiers, LIKE with an explicit escape
 * character (a search for "50%" finds exactly that on both), dates as bound parameters.
 */
export function portfolioWhereSql(actor: UserActor, query: PortfolioQuery, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`"organizationId" = ${actor.organizationId}`,
    Prisma.sql`"archivedAt" IS NULL`,
  ];
  for (const word of foldForSearch(query.q).split(" ").filter(Boolean)) {
    conditions.push(Prisma.sql`"searchName" LIKE ${`%${likeLiteral(word)}%`} ESCAPE '\\'`);
  }
  if (query.tier === "none") conditions.push(Prisma.sql`"latestTierRank" IS NULL`);
  else if (query.tier) conditions.push(Prisma.sql`"latestTierRank" = ${TIER_RANK[query.tier]}`);
  if (query.status === NONE) conditions.push(Prisma.sql`"latestStatus" IS NULL`);
  else if (query.status) conditions.push(Prisma.sql`"latestStatus" = ${query.status}`);
  if (query.criticality) conditions.push(Prisma.sql`"criticality" = ${query.criticality}`);
  if (query.residency === NONE) conditions.push(Prisma.sql`"latestResidencyClass" IS NULL`);
  else if (query.residency)
    conditions.push(Prisma.sql`"latestResidencyClass" = ${query.residency}`);
  if (query.overdue) conditions.push(overdueSql(now));
  if (query.expiry) conditions.push(expirySql(query.expiry, now));
  // Vendors with an open finding of this severity on any of their assessments (the findings the
  // vendor's openFindings column counts), looked up inside the organisation only.
  if (query.severity) {
    conditions.push(Prisma.sql`"id" IN (
      SELECT "Assessment"."vendorId" FROM "Finding"
      JOIN "Assessment" ON "Assessment"."id" = "Finding"."assessmentId"
      WHERE "Finding"."organizationId" = ${actor.organizationId}
        AND "Assessment"."organizationId" = ${actor.organizationId}
        AND "Finding"."status" IN (${Prisma.join(OPEN_FINDING_STATUSES)})
        AND "Finding"."severity" = ${query.severity})`);
  }
  // The quoted tag inside the stored JSON array: "llm" does not match the tag "llm-ops".
  if (query.tag)
    conditions.push(
      Prisma.sql`"tags" LIKE ${`%${likeLiteral(JSON.stringify(query.tag))}%`} ESCAPE '\\'`,
    );
  return Prisma.join(conditions, " AND ");
}

/** The sortable columns, by sort key (identifiers, never user input). */
const SORT_COLUMN = {
  score: "latestOverall",
  tier: "latestTierRank",
  due: "latestDueDate",
  transparency: "latestTransparency",
} as const;

/**
 * ORDER BY of a portfolio view: the sorted column with empty values last in either direction
 * (said explicitly: SQLite and PostgreSQL put NULL at opposite ends by default), then the folded
 * name and the id, so every row has one place and pages never overlap.
 */
export function portfolioOrderSql(query: PortfolioQuery): Prisma.Sql {
  const dir =
    query.dir ?? (query.sort === "score" || query.sort === "transparency" ? "desc" : "asc");
  const sql = dir === "desc" ? "DESC" : "ASC";
  const column = (name: string) => `"${name}"`;
  const terms: string[] = [];
  if (query.sort !== "name") {
    const sorted = column(SORT_COLUMN[query.sort]);
    terms.push(`${sorted} ${sql} NULLS LAST`);
  }
  const nameDir = query.sort === "name" ? sql : "ASC";
  terms.push(`${column("searchName")} ${nameDir}`, `${column("id")} ${nameDir}`);
  return Prisma.raw(terms.join(", "));
}

interface VendorPortfolioRow {
  id: string;
  name: string;
  criticality: string;
  tags: string;
  latestAssessmentId: string | null;
  latestProductName: string | null;
  latestStatus: string | null;
  latestOverall: number | null;
  latestTierRank: number | bigint | null;
  latestTransparency: number | null;
  latestResidencyClass: string | null;
  latestDueDate: Date | null;
  certificateExpiry: Date | null;
  openFindings: number | bigint;
}

/**
 * One page of the portfolio: vendors with the facts of their latest assessment, read from the
 * vendor's own indexed columns (ADR 0011), so filters, sort and count are single SQL queries
 * at 10,000 vendors. `pageSize: null` returns every matching row (exports).
 */
export async function listPortfolio(
  actor: UserActor,
  input: { query: PortfolioQuery; pageSize?: number | null; now?: Date },
) {
  assertCanReadVendors(actor);
  const { query } = input;
  const now = input.now ?? new Date();
  const pageSize = input.pageSize === undefined ? PORTFOLIO_PAGE_SIZE : input.pageSize;
  const where = portfolioWhereSql(actor, query, now);
  // Plain SQL, not the query builder: Prisma compiles each query anew (about a third of the
  // page's database time) and these two run on every view of the portfolio.
  const [counted] = await db().$queryRaw<
    { total: number | bigint }[]
  >`SELECT COUNT(*) AS "total" FROM "Vendor" WHERE ${where}`;
  const total = Number(counted?.total ?? 0);
  const pageCount = pageSize ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  const page = pageSize ? Math.min(query.page, pageCount) : 1;
  const limit = pageSize
    ? Prisma.sql`LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`
    : Prisma.empty;
  // The page's ids first, sorted inside the portfolio index (it holds every filter and sort
  // column, ADR 0011), then only those rows: sorting ids is cheaper than sorting whole rows.
  const rows = await db().$queryRaw<VendorPortfolioRow[]>`
    SELECT "id", "name", "criticality", "tags", "latestAssessmentId", "latestProductName", "latestStatus",
           "latestOverall", "latestTierRank", "latestTransparency", "latestResidencyClass", "latestDueDate",
           "certificateExpiry", "openFindings"
    FROM "Vendor"
    WHERE "id" IN (SELECT "id" FROM "Vendor" WHERE ${where} ORDER BY ${portfolioOrderSql(query)} ${limit})
    ORDER BY ${portfolioOrderSql(query)}`;
  const items: PortfolioRow[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    criticality: row.criticality,
    tags: parseStoredTags(row.tags),
    product: row.latestProductName,
    latestAssessmentId: row.latestAssessmentId,
    status: row.latestStatus,
    overall: row.latestOverall,
    tier: tierOfRank(row.latestTierRank === null ? null : Number(row.latestTierRank)),
    transparency: row.latestTransparency,
    residencyClass: row.latestResidencyClass,
    dueDate: isoDay(row.latestDueDate),
    certificateExpiry: isoDay(row.certificateExpiry),
    openFindings: Number(row.openFindings),
    overdue: Boolean(
      row.latestDueDate &&
      row.latestDueDate < now &&
      !CLOSED_STATUSES.includes(row.latestStatus ?? ""),
    ),
  }));
  return { items, total, page, pageCount, pageSize: pageSize ?? total, query };
}
