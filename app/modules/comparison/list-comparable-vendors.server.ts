import { z } from "zod";
import { Prisma } from "../../generated/sqlite/client";
import { db } from "../../utils/db.server";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { parseUseCaseInput } from "../../utils/validation-messages";
import type { UserActor } from "../auth/actor";
import { foldForSearch } from "../vendors/search-text";
import { VENDOR_NAME_MAX } from "../vendors/vendor-fields";

export const PICKER_LIMIT = 100;
/** As long as a vendor name may be: each word is one LIKE, and thousands would overrun the databases. */
export const PICKER_SEARCH_MAX_CHARS = VENDOR_NAME_MAX;

/** The picker's search text and the vendors already chosen (each id checked before the query). */
export const listComparableVendorsInputSchema = z.object({
  search: z.string().max(PICKER_SEARCH_MAX_CHARS).optional(),
  selected: z.array(entityIdInput).optional(),
});
export type ListComparableVendorsInput = z.input<typeof listComparableVendorsInputSchema>;

/** Characters LIKE treats specially, escaped with a backslash (the query says ESCAPE '\\'). */
function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}

/**
 * Vendors of the organisation that have a scored assessment, for the comparison picker: a name
 * search, at most PICKER_LIMIT by name, plus the ones already chosen.
 *
 * Plain SQL, not the query builder: every view of the comparison runs this, and Prisma compiles
 * each query-builder call anew (issue 12). Vendor.comparable (ADR 0011) is kept by
 * refreshVendorPortfolio(): no subquery over assessments. Vendor.searchName holds the folded name
 * (lower case, no accents), and LIKE with an explicit escape character matches it literally and
 * alike on SQLite and PostgreSQL.
 */
export async function listComparableVendors(
  actor: UserActor,
  rawInput: ListComparableVendorsInput,
) {
  const parsed = parseUseCaseInput(listComparableVendorsInputSchema, rawInput);
  const input = {
    search: parsed.search,
    selected: parsed.selected?.map((id) => requireEntityId(id, "Vendor")),
  };
  const words = foldForSearch(input.search ?? "")
    .split(" ")
    .filter(Boolean);
  const conditions = [
    Prisma.sql`"organizationId" = ${actor.organizationId}`,
    Prisma.sql`"comparable" = ${true}`,
    ...words.map((word) => Prisma.sql`"searchName" LIKE ${`%${likeLiteral(word)}%`} ESCAPE '\\'`),
  ];
  const rows = await db().$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM "Vendor" WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY "name" ASC, "id" ASC LIMIT ${PICKER_LIMIT}`;
  const missing = [...new Set(input.selected ?? [])].filter((id) => !rows.some((r) => r.id === id));
  // The organisation is checked on the rows, not in SQL: next to "id" IN (…), SQLite's planner
  // would walk the organisation's index instead of looking up the few ids (compare-vendors.server.ts).
  const selected = missing.length
    ? (
        await db().$queryRaw<{ id: string; name: string; organizationId: string }[]>`
          SELECT "id", "name", "organizationId" FROM "Vendor" WHERE "id" IN (${Prisma.join(missing)})`
      )
        .filter((row) => row.organizationId === actor.organizationId)
        .map(({ id, name }) => ({ id, name }))
    : [];
  return [...selected, ...rows];
}
