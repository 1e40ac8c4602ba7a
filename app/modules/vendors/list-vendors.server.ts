import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { matchesSearch } from "./search-text";
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
 * The organisation's vendors, filtered by criticality and archive state in SQL, searched by
 * name (case/accent-insensitive, see search-text.ts) and sorted by name with a collator in
 * JavaScript, so SQLite and PostgreSQL give the same result. The first query reads only ids
 * and names; the page's rows are then loaded in full. Pages hold VENDORS_PAGE_SIZE vendors;
 * a page past the end shows the last page.
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
  const candidates = await db().vendor.findMany({
    where: {
      organizationId: actor.organizationId,
      ...(query.criticality ? { criticality: query.criticality } : {}),
      ...(query.includeArchived ? {} : { archivedAt: null }),
    },
    select: { id: true, name: true },
  });
  const collator = new Intl.Collator(input.locale ?? "en", { sensitivity: "base", numeric: true });
  const matching = (query.q ? candidates.filter((v) => matchesSearch(v.name, query.q!)) : candidates).sort(
    (a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  const total = matching.length;
  const pageCount = Math.max(1, Math.ceil(total / VENDORS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const pageIds = matching.slice((page - 1) * VENDORS_PAGE_SIZE, page * VENDORS_PAGE_SIZE).map((v) => v.id);

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
    query: { q: query.q ?? "", criticality: query.criticality ?? null, includeArchived: query.includeArchived },
  };
}
