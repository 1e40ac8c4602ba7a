import { db, type Tx } from "../../utils/db.server";
import {
  applicabilityFromWindows,
  type ApplicabilityStatus,
  type WindowFact,
} from "./applicability";
import { applicableVersion, type VersionSummary } from "./applicable-version.server";
import { requireQueryDay } from "./catalogue-days";
import { visibleTo, type CatalogueReader } from "./catalogue-scope";
import { toWindowFact, WINDOW_SELECT } from "./window-facts";

export interface ApplicabilityOnDate {
  provisionKey: string;
  onDate: string;
  status: ApplicabilityStatus;
  /** The version in force that day (null: none binds). */
  version: VersionSummary | null;
  /** The windows of that version's provision that cover the day. */
  windows: WindowFact[];
}

/**
 * Whether a provision applies on `onDate`, by the windows of the version in force that day (a
 * date shifted by a later amendment counts only once that amendment binds). A key the reader
 * cannot see (another organisation's framework) reads as unknown: null.
 */
export async function applicabilityOn(
  reader: CatalogueReader,
  provisionKey: string,
  onDate: string,
  client: Tx = db(),
): Promise<ApplicabilityOnDate | null> {
  requireQueryDay(onDate);
  // Which instrument holds the key (the organisation's own before a global one; decided here,
  // not by ORDER BY, because the databases sort NULL differently).
  const owners = await client.provision.findMany({
    where: { key: provisionKey, version: { instrument: visibleTo(reader) } },
    select: {
      version: { select: { instrument: { select: { key: true, organizationId: true } } } },
    },
    take: 50,
  });
  const owner =
    owners.find((o) => o.version.instrument.organizationId !== null) ?? owners[0] ?? null;
  if (!owner) return null;
  const version = await applicableVersion(reader, owner.version.instrument.key, onDate, client);
  if (!version) return { provisionKey, onDate, status: "not_in_force", version: null, windows: [] };
  const [provision, versionWindows] = await Promise.all([
    client.provision.findUnique({
      where: { versionId_key: { versionId: version.id, key: provisionKey } },
      select: { retiredAt: true, windows: { select: WINDOW_SELECT } },
    }),
    client.applicabilityWindow.findMany({
      where: { versionId: version.id, provisionId: null },
      select: WINDOW_SELECT,
    }),
  ]);
  if (!provision || provision.retiredAt !== null)
    return { provisionKey, onDate, status: "not_in_force", version, windows: [] };
  const { status, windows } = applicabilityFromWindows(
    provision.windows.map(toWindowFact),
    versionWindows.map(toWindowFact),
    onDate,
  );
  return { provisionKey, onDate, status, version, windows };
}
