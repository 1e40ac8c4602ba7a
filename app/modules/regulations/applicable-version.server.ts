import { versionInForce } from "../../reference-data/regulations/version-in-force";
import { db, type Tx } from "../../utils/db.server";
import { optionalDay, requireQueryDay } from "./catalogue-days";
import { visibleTo, type CatalogueReader } from "./catalogue-scope";

export interface VersionSummary {
  id: string;
  instrumentId: string;
  instrumentKey: string;
  label: string;
  legalStatus: string;
  publishedAt: string | null;
  entryIntoForceAt: string | null;
  sourceUrl: string | null;
  contentSha256: string;
  confirmed: boolean;
  note: string | null;
}

/**
 * The instrument with this key the reader may see: the organisation's own (an imported framework)
 * before a global one of the same key. Null when there is none, so a foreign key reads as unknown.
 */
export async function findVisibleInstrument(
  reader: CatalogueReader,
  instrumentKey: string,
  client: Tx = db(),
) {
  const found = await client.instrument.findMany({
    where: { key: instrumentKey, ...visibleTo(reader) },
    select: { id: true, key: true, organizationId: true },
  });
  return found.find((instrument) => instrument.organizationId !== null) ?? found[0] ?? null;
}

/**
 * The version of an instrument legally in force on `onDate` (YYYY-MM-DD): the binding version
 * with the latest entry into force on or before that day, not the newest version. A proposal or
 * an agreed but not yet binding amendment never answers; null before the first version binds.
 */
export async function applicableVersion(
  reader: CatalogueReader,
  instrumentKey: string,
  onDate: string,
  client: Tx = db(),
): Promise<VersionSummary | null> {
  requireQueryDay(onDate);
  const instrument = await findVisibleInstrument(reader, instrumentKey, client);
  if (!instrument) return null;
  const versions = await client.instrumentVersion.findMany({
    where: { instrumentId: instrument.id },
    orderBy: [{ entryIntoForceAt: "asc" }, { createdAt: "asc" }],
  });
  const summaries: VersionSummary[] = versions.map((version) => ({
    id: version.id,
    instrumentId: version.instrumentId,
    instrumentKey: instrument.key,
    label: version.label,
    legalStatus: version.legalStatus,
    publishedAt: optionalDay(version.publishedAt),
    entryIntoForceAt: optionalDay(version.entryIntoForceAt),
    sourceUrl: version.sourceUrl,
    contentSha256: version.contentSha256,
    confirmed: version.confirmed,
    note: version.note,
  }));
  return versionInForce(summaries, onDate);
}
