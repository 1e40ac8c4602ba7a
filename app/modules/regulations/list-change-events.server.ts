import { db, type Tx } from "../../utils/db.server";
import type { ChangeFeedFilters } from "./change-feed-filters";
import { visibleTo, type CatalogueReader } from "./catalogue-scope";
import { impactCountsFor, type ImpactCount } from "./impact-counts.server";

/** More than a page or a feed reader needs; older events are reached through the filters. */
export const CHANGE_LIST_MAX_ROWS = 500;

/** One change event as the page, the feeds, the digest and the CLI show it: catalogue facts only. */
export interface ChangeEventRow {
  id: string;
  key: string;
  instrument: { key: string; titleDe: string; titleEn: string };
  type: string;
  legalStatus: string;
  detectedAt: Date;
  effectiveAt: Date | null;
  updatedAt: Date;
  summaryDe: string;
  summaryEn: string;
  sourceUrl: string | null;
  source: string;
  confirmed: boolean;
  /** A synced entry nobody has confirmed yet: shown marked, never counted as a fact. */
  candidate: boolean;
  /** The reader's organisation's own row (an import or sync for it), not the global catalogue. */
  own: boolean;
  /** The organisation's impact count; null when nothing of its mapping is touched (or no org). */
  impact: ImpactCount | null;
}

const DAY_MS = 86_400_000;

function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * The change events a reader may see (the global catalogue and its organisation's own rows, never
 * dismissed sync candidates), newest first, filtered. `now` decides upcoming / past.
 */
export async function listChangeEvents(
  reader: CatalogueReader,
  filters: ChangeFeedFilters = {},
  {
    now = new Date(),
    take = CHANGE_LIST_MAX_ROWS,
    withImpact = true,
    client = db(),
  }: { now?: Date; take?: number; withImpact?: boolean; client?: Tx } = {},
): Promise<ChangeEventRow[]> {
  const tomorrow = new Date(startOfUtcDay(now).getTime() + DAY_MS);
  const effectiveAt: { gte?: Date; lt?: Date; lte?: Date } = {};
  if (filters.effectiveFrom) effectiveAt.gte = filters.effectiveFrom;
  if (filters.effectiveTo) effectiveAt.lt = new Date(filters.effectiveTo.getTime() + DAY_MS);
  const and: object[] = [visibleTo(reader), { dismissedAt: null }];
  if (Object.keys(effectiveAt).length > 0) and.push({ effectiveAt });
  if (filters.timing === "upcoming") and.push({ effectiveAt: { gte: tomorrow } });
  if (filters.timing === "past") and.push({ effectiveAt: { lt: tomorrow } });
  if (filters.timing === "pending") and.push({ effectiveAt: null });
  if (filters.instrument) and.push({ instrument: { key: filters.instrument } });
  if (filters.type) and.push({ type: filters.type });
  if (filters.legalStatus) and.push({ legalStatus: filters.legalStatus });
  // Without a reader (the public catalogue) there is no triage: the filter then matches nothing.
  if (filters.triage)
    and.push({
      triages: {
        some: { organizationId: reader?.organizationId ?? "", status: filters.triage },
      },
    });
  if (filters.since) and.push({ detectedAt: { gte: filters.since } });
  if (filters.activeBetween) {
    const { from, now: until, to } = filters.activeBetween;
    and.push({
      OR: [
        { detectedAt: { gte: from, lte: until } },
        { effectiveAt: { gte: from, lte: to } },
        { effectiveAt: null, updatedAt: { gte: from, lte: until } },
      ],
    });
  }
  const rows = await client.changeEvent.findMany({
    where: { AND: and },
    select: {
      id: true,
      key: true,
      type: true,
      legalStatus: true,
      detectedAt: true,
      effectiveAt: true,
      updatedAt: true,
      summaryDe: true,
      summaryEn: true,
      sourceUrl: true,
      source: true,
      confirmed: true,
      organizationId: true,
      instrument: { select: { key: true, titleDe: true, titleEn: true } },
    },
    orderBy: [{ detectedAt: "desc" }, { key: "asc" }],
    take,
  });
  const impact =
    reader && withImpact
      ? await impactCountsFor(
          reader.organizationId,
          rows.map((row) => row.id),
          client,
        )
      : new Map<string, ImpactCount>();
  return rows.map(({ organizationId, ...row }) => ({
    ...row,
    candidate: row.source === "sync" && !row.confirmed,
    own: organizationId !== null,
    impact: impact.get(row.id) ?? null,
  }));
}

/** The instruments that have change events visible to the reader (the page's filter options). */
export async function listChangeInstruments(
  reader: CatalogueReader,
  client: Tx = db(),
): Promise<{ key: string; titleDe: string; titleEn: string }[]> {
  return client.instrument.findMany({
    where: { AND: [visibleTo(reader), { changeEvents: { some: { dismissedAt: null } } }] },
    select: { key: true, titleDe: true, titleEn: true },
    orderBy: { key: "asc" },
  });
}
