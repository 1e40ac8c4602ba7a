import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { foldForSearch } from "./search-text";
import { assertCanReadVendors } from "./vendor-access";
import { vendorListQuerySchema, type VendorListQuery } from "./vendor-schemas";

export const VENDORS_PAGE_SIZE = 25;

export interface VendorListItem {
  id: string;
  name: string;
  country: string | null;
  criticality: string;
  archivedAt: Date | null;
  productCount: number;
  latestAssessment: { id: string; status: string; overallScore: number | null } | null;
}

/**
 * The organisation's vendors, filtered by criticality and archive state and searched by name
 * (case/accent-insensitive: every word of the folded query in the stored, folded `searchName`,
 * see search-text.ts and ADR 0011) in SQL, sorted by the folded name, so SQLite and PostgreSQL
 * give the same result. Pages hold VENDORS_PAGE_SIZE vendors; a page past the end shows the
 * last page.
 */
export async function listVendors({
  actor,
  input,
}: {
  actor: UserActor;
  input: VendorListQuery & { locale?: "en" | "de" };
}) {
  assertCanReadVendors(actor);
  const query = vendorListQuerySchema.parse(input);
  const words = query.q ? foldForSearch(query.q).split(" ").filter(Boolean) : [];
  const where = {
    organizationId: actor.organizationId,
    ...(query.criticality ? { criticality: query.criticality } : {}),
    ...(query.includeArchived ? {} : { archivedAt: null }),
    AND: words.map((word) => ({ searchName: { contains: word } })),
  };
  const total = await db().vendor.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / VENDORS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const pageIds = (
    await db().vendor.findMany({
      where,
      orderBy: [{ searchName: "asc" }, { id: "asc" }],
      skip: (page - 1) * VENDORS_PAGE_SIZE,
      take: VENDORS_PAGE_SIZE,
      select: { id: true },
    })
  ).map((v) => v.id);

  const rows = pageIds.length
    ? await db().vendor.findMany({
        where: { organizationId: actor.organizationId, id: { in: pageIds } },
        select: {
          id: true,
          name: true,
          country: true,
          criticality: true,
          archivedAt: true,
          _count: { select: { products: true } },
          assessments: {
            where: { organizationId: actor.organizationId },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { id: true, status: true, overallScore: true },
          },
        },
      })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items: VendorListItem[] = pageIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return []; // deleted between the two queries
    return [
      {
        id: row.id,
        name: row.name,
        country: row.country,
        criticality: row.criticality,
        archivedAt: row.archivedAt,
        productCount: row._count.products,
        latestAssessment: row.assessments[0] ?? null,
      },
    ];
  });

  return {
    items,
    total,
    page,
    pageCount,
    pageSize: VENDORS_PAGE_SIZE,
    query: {
      q: query.q ?? "",
      criticality: query.criticality ?? null,
      includeArchived: query.includeArchived,
    },
  };
}
