import { db } from "../../utils/db.server";
import type { UserActor } from "../auth/actor";

export const PICKER_LIMIT = 100;

/**
 * Vendors of the organisation that have a scored assessment, for the comparison picker: a name
 * search, at most PICKER_LIMIT by name, plus the ones already chosen.
 */
export async function listComparableVendors(actor: UserActor, input: { search?: string; selected?: string[] }) {
  const search = input.search?.trim();
  const scored = { some: { scoreResult: { not: null }, submittedAt: { not: null } } };
  const rows = await db().vendor.findMany({
    where: { organizationId: actor.organizationId, assessments: scored, ...(search ? { name: { contains: search } } : {}) },
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
