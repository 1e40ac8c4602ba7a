import { db, type Tx } from "../../utils/db.server";
import { getEnv } from "../../utils/env.server";
import { containsLiteral } from "../../utils/like-pattern.server";
import { providerOf } from "../../utils/migrate.server";
import { visibleTo } from "../regulations/catalogue-scope";

export interface CatalogueProvision {
  key: string;
  label: string;
  titleDe: string | null;
  titleEn: string | null;
  instrumentKey: string;
  instrumentTitleDe: string;
  instrumentTitleEn: string;
  /** The catalogue's mark for the newest version holding the provision (confirmed source). */
  confirmed: boolean;
}

const SELECT = {
  key: true,
  label: true,
  titleDe: true,
  titleEn: true,
  version: {
    select: {
      confirmed: true,
      createdAt: true,
      instrument: {
        select: { key: true, organizationId: true, titleDe: true, titleEn: true },
      },
    },
  },
} as const;

type Row = {
  key: string;
  label: string;
  titleDe: string | null;
  titleEn: string | null;
  version: {
    confirmed: boolean;
    createdAt: Date;
    instrument: { key: string; organizationId: string | null; titleDe: string; titleEn: string };
  };
};

/** One entry per key: the organisation's own instrument first, then its newest version. */
function newestPerKey(rows: readonly Row[]): Map<string, CatalogueProvision> {
  const chosen = new Map<string, Row>();
  for (const row of rows) {
    const held = chosen.get(row.key);
    const ownBeatsGlobal =
      held?.version.instrument.organizationId === null &&
      row.version.instrument.organizationId !== null;
    if (
      !held ||
      ownBeatsGlobal ||
      (held.version.instrument.organizationId === row.version.instrument.organizationId &&
        row.version.createdAt > held.version.createdAt)
    )
      chosen.set(row.key, row);
  }
  return new Map(
    [...chosen.values()].map((row) => [
      row.key,
      {
        key: row.key,
        label: row.label,
        titleDe: row.titleDe,
        titleEn: row.titleEn,
        instrumentKey: row.version.instrument.key,
        instrumentTitleDe: row.version.instrument.titleDe,
        instrumentTitleEn: row.version.instrument.titleEn,
        confirmed: row.version.confirmed,
      },
    ]),
  );
}

/** The provisions with these keys that the organisation can see (bundled or its own imports). */
export async function visibleProvisions(
  organizationId: string,
  keys: readonly string[],
  client: Tx = db(),
): Promise<Map<string, CatalogueProvision>> {
  if (keys.length === 0) return new Map();
  const rows = await client.provision.findMany({
    where: {
      key: { in: [...new Set(keys)] },
      version: { instrument: visibleTo({ organizationId }) },
    },
    select: SELECT,
  });
  return newestPerKey(rows);
}

/**
 * A search over the catalogue the organisation can see, by key, label or title (the editor's
 * picker without JavaScript). At most `limit` provisions.
 */
export async function searchVisibleProvisions(
  organizationId: string,
  query: string,
  limit = 25,
): Promise<CatalogueProvision[]> {
  const text = query.trim().slice(0, 100);
  if (text.length < 2) return [];
  // Case-insensitive on both databases: SQLite's LIKE folds A–Z already; PostgreSQL needs ILIKE.
  const like = {
    contains: containsLiteral(text),
    ...(providerOf(getEnv().DATABASE_URL) === "postgresql" ? { mode: "insensitive" as const } : {}),
  };
  const rows = await db().provision.findMany({
    where: {
      version: { instrument: visibleTo({ organizationId }) },
      retiredAt: null,
      OR: [{ key: like }, { label: like }, { titleEn: like }, { titleDe: like }],
    },
    orderBy: { key: "asc" },
    take: limit * 4,
    select: SELECT,
  });
  return [...newestPerKey(rows).values()].slice(0, limit);
}
