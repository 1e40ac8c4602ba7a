import type { Prisma } from "../../generated/sqlite/client";
import { db } from "../../utils/db.server";
import { containsLiteral } from "../../utils/like-pattern.server";
import type { UserActor } from "../auth/actor";
import { foldForSearch } from "../vendors/search-text";
import { assertCanReadVendors } from "../vendors/vendor-access";
import { parseStoredTags } from "../vendors/vendor-tags";
import { PORTFOLIO_PAGE_SIZE, type PortfolioQuery } from "./portfolio-query";
import { TIER_RANK, tierOfRank, type Tier } from "./refresh-vendor-portfolio.server";

/** Statuses after which a due date no longer makes an assessment overdue. */
const CLOSED_STATUSES = ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED", "CANCELLED"];

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

/** The WHERE clause of a portfolio view: active vendors of the actor's organisation. */
export function portfolioWhere(actor: UserActor, query: PortfolioQuery, now: Date): Prisma.VendorWhereInput {
  const words = foldForSearch(query.q).split(" ").filter(Boolean);
  const and: Prisma.VendorWhereInput[] = words.map((word) => ({ searchName: { contains: word } }));
  if (query.tier === "none") and.push({ latestTierRank: null });
  else if (query.tier) and.push({ latestTierRank: TIER_RANK[query.tier] });
  if (query.status) and.push({ latestStatus: query.status });
  if (query.criticality) and.push({ criticality: query.criticality });
  if (query.residency) and.push({ latestResidencyClass: query.residency });
  if (query.overdue) and.push({ latestDueDate: { lt: now }, latestStatus: { notIn: CLOSED_STATUSES } });
  // The quoted tag inside the stored JSON array: "llm" does not match the tag "llm-ops".
  if (query.tag) and.push({ tags: { contains: containsLiteral(JSON.stringify(query.tag)) } });
  return { organizationId: actor.organizationId, archivedAt: null, AND: and };
}

function portfolioOrder(query: PortfolioQuery): Prisma.VendorOrderByWithRelationInput[] {
  const dir = query.dir ?? (query.sort === "score" || query.sort === "transparency" ? "desc" : "asc");
  const nullsLast = (sort: "asc" | "desc") => ({ sort, nulls: "last" as const });
  const first: Prisma.VendorOrderByWithRelationInput[] =
    query.sort === "score"
      ? [{ latestOverall: nullsLast(dir) }]
      : query.sort === "tier"
        ? [{ latestTierRank: nullsLast(dir) }]
        : query.sort === "due"
          ? [{ latestDueDate: nullsLast(dir) }]
          : query.sort === "transparency"
            ? [{ latestTransparency: nullsLast(dir) }]
            : [];
  const nameDir = query.sort === "name" ? dir : "asc";
  return [...first, { searchName: nameDir }, { id: nameDir }];
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
  const where = portfolioWhere(actor, query, now);
  const total = await db().vendor.count({ where });
  const pageCount = pageSize ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  const page = pageSize ? Math.min(query.page, pageCount) : 1;
  const rows = await db().vendor.findMany({
    where,
    orderBy: portfolioOrder(query),
    ...(pageSize ? { skip: (page - 1) * pageSize, take: pageSize } : {}),
    select: {
      id: true,
      name: true,
      criticality: true,
      tags: true,
      latestAssessmentId: true,
      latestProductName: true,
      latestStatus: true,
      latestOverall: true,
      latestTierRank: true,
      latestTransparency: true,
      latestResidencyClass: true,
      latestDueDate: true,
      certificateExpiry: true,
      openFindings: true,
    },
  });
  const items: PortfolioRow[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    criticality: row.criticality,
    tags: parseStoredTags(row.tags),
    product: row.latestProductName,
    latestAssessmentId: row.latestAssessmentId,
    status: row.latestStatus,
    overall: row.latestOverall,
    tier: tierOfRank(row.latestTierRank),
    transparency: row.latestTransparency,
    residencyClass: row.latestResidencyClass,
    dueDate: isoDay(row.latestDueDate),
    certificateExpiry: isoDay(row.certificateExpiry),
    openFindings: row.openFindings,
    overdue: Boolean(row.latestDueDate && row.latestDueDate < now && !CLOSED_STATUSES.includes(row.latestStatus ?? "")),
  }));
  return { items, total, page, pageCount, pageSize: pageSize ?? total, query };
}
