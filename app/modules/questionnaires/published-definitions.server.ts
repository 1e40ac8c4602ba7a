import { Prisma } from "../../generated/sqlite/client";
import { db } from "../../utils/db.server";
import { deepFreeze } from "../../utils/deep-freeze";
import { DomainError } from "../../utils/errors";
import { parseStoredDefinition } from "./load-template-version.server";
import type { TemplateDefinition } from "./template-definition";

/**
 * Parsed definitions of PUBLISHED template versions, read and validated once per process.
 * A published version never changes (its definition and checksum are fixed when it is
 * published), so this is not a cache that can go stale: it only spares pages that read the same
 * versions again and again (the comparison) the parsing, about a tenth of their time. Keyed by
 * id and checksum; a version that is not published is parsed on every read. The definitions are
 * frozen: they are shared between requests, so nobody may change them.
 */
const MAX_VERSIONS = 200;
const parsed = new Map<string, TemplateDefinition>();

/** The definitions of these template versions, by id; an unknown id is NOT_FOUND. */
export async function loadPublishedDefinitions(
  templateVersionIds: string[],
): Promise<Map<string, TemplateDefinition>> {
  const ids = [...new Set(templateVersionIds)];
  if (ids.length === 0) return new Map();
  // Plain SQL: this small read runs on every view of a page, Prisma would compile it every time.
  const versions = await db().$queryRaw<{ id: string; status: string; checksum: string }[]>`
    SELECT "id", "status", "checksum" FROM "TemplateVersion" WHERE "id" IN (${Prisma.join(ids)})`;
  if (versions.length !== ids.length)
    throw new DomainError("NOT_FOUND", "errors.templateVersionNotFound");
  const result = new Map<string, TemplateDefinition>();
  const missing: string[] = [];
  for (const version of versions) {
    const known =
      version.status === "PUBLISHED" ? parsed.get(`${version.id}:${version.checksum}`) : undefined;
    if (known) result.set(version.id, known);
    else missing.push(version.id);
  }
  if (missing.length > 0) {
    const rows = await db().templateVersion.findMany({
      where: { id: { in: missing } },
      select: { id: true, status: true, checksum: true, definition: true },
    });
    for (const row of rows) {
      const definition = deepFreeze(parseStoredDefinition(row.definition));
      result.set(row.id, definition);
      if (row.status !== "PUBLISHED") continue;
      parsed.set(`${row.id}:${row.checksum}`, definition);
      if (parsed.size > MAX_VERSIONS) parsed.delete(parsed.keys().next().value!);
    }
  }
  return result;
}
