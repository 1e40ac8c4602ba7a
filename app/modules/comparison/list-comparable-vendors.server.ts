import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { foldForSearch } from "../vendors/search-text";

export const PICKER_LIMIT = 100;

/**
 * Vendors of the organisation that have a scored assessment, for the comparison picker: a name
 * search, at most PICKER_LIMIT by name, plus the ones already chosen.
 */
export async function listComparableVendors(actor: UserActor, input: { search?: string; selected?: string[] }) {
  // The subquery names the organisation so that it uses the (organizationId, vendorId) index.
  // Vendor.searchName holds the folded name (lower case, no accents): the same match on SQLite and PostgreSQL.
  const words = foldForSearch(input.search ?? "").split(" ").filter(Boolean);
  const scored = { some: { organizationId: actor.organizationId, scoreResult: { not: null }, submittedAt: { not: null } } };
  const rows = await db().vendor.findMany({
    where: { organizationId: actor.organizationId, assessments: scored, ...(words.length ? { AND: words.map((word) => ({ searchName: { contains: word } })) } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PICKER_LIMIT,
    select: { id: true, name: true },
  });
  const missing = (input.selected ?? []).filter((id) => !rows.some((r) => r.id === id));
  const selected = missing.length
    ? await db().vendor.findMany({ where: { organizationId: actor.organizationId, id: { in: missing } }, select: { id: true, name: true } })
    : [];
  return [...selected, ...rows];
}
