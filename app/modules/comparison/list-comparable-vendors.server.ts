import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";
import { foldForSearch } from "../vendors/search-text";

export const PICKER_LIMIT = 100;

/**
 * Vendors of the organisation that have a scored assessment, for the comparison picker: a name
 * search, at most PICKER_LIMIT by name, plus the ones already chosen.
 */
export async function listComparableVendors(actor: UserActor, input: { search?: string; selected?: string[] }) {
  // Vendor.comparable (ADR 0011) is kept by refreshVendorPortfolio(): no subquery over assessments.
  // Vendor.searchName holds the folded name (lower case, no accents): the same match on SQLite and PostgreSQL.
  const words = foldForSearch(input.search ?? "").split(" ").filter(Boolean);
  const rows = await db().vendor.findMany({
    where: { organizationId: actor.organizationId, comparable: true, ...(words.length ? { AND: words.map((word) => ({ searchName: { contains: word } })) } : {}) },
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
