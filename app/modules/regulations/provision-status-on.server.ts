import { db, type Tx } from "../../utils/db.server";
import { applicabilityFromWindows, type ApplicabilityStatus } from "./applicability";
import { applicableVersion } from "./applicable-version.server";
import { requireQueryDay } from "./catalogue-days";
import { visibleTo, type CatalogueReader } from "./catalogue-scope";
import { toWindowFact, WINDOW_SELECT } from "./window-facts";

export interface ProvisionStatusOnDate {
  key: string;
  label: string;
  titleDe: string | null;
  titleEn: string | null;
  instrumentTitleDe: string;
  instrumentTitleEn: string;
  /** Whether the instrument (bundled or imported) is marked confirmed in the catalogue. */
  confirmed: boolean;
  status: ApplicabilityStatus;
  /** not_yet: the first later day a window starts. */
  appliesFrom: string | null;
  /** conditional: whom the covering windows cover. */
  conditions: string[];
}

/**
 * Many provisions at once, by the same date rule as applicabilityOn (the version in force on
 * the day decides): one version lookup per instrument instead of several queries per key, for
 * the report that lists every linked provision. Keys the reader cannot see are left out.
 */
export async function provisionStatusesOn(
  reader: CatalogueReader,
  keys: readonly string[],
  onDate: string,
  client: Tx = db(),
): Promise<Map<string, ProvisionStatusOnDate>> {
  requireQueryDay(onDate);
  const result = new Map<string, ProvisionStatusOnDate>();
  if (keys.length === 0) return result;
  const rows = await client.provision.findMany({
    where: { key: { in: [...new Set(keys)] }, version: { instrument: visibleTo(reader) } },
    select: {
      key: true,
      label: true,
      titleDe: true,
      titleEn: true,
      version: {
        select: {
          instrument: {
            select: {
              key: true,
              organizationId: true,
              titleDe: true,
              titleEn: true,
              confirmed: true,
            },
          },
        },
      },
    },
  });
  // The organisation's own instrument before a global one with the same provision key.
  const owner = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const held = owner.get(row.key);
    if (
      !held ||
      (held.version.instrument.organizationId === null &&
        row.version.instrument.organizationId !== null)
    )
      owner.set(row.key, row);
  }
  const byInstrument = new Map<string, string[]>();
  for (const [key, row] of owner)
    byInstrument.set(row.version.instrument.key, [
      ...(byInstrument.get(row.version.instrument.key) ?? []),
      key,
    ]);
  for (const [instrumentKey, instrumentKeys] of byInstrument) {
    const version = await applicableVersion(reader, instrumentKey, onDate, client);
    const [provisions, versionWindows] = version
      ? await Promise.all([
          client.provision.findMany({
            where: { versionId: version.id, key: { in: instrumentKeys } },
            select: {
              key: true,
              label: true,
              titleDe: true,
              titleEn: true,
              retiredAt: true,
              windows: { select: WINDOW_SELECT },
            },
          }),
          client.applicabilityWindow.findMany({
            where: { versionId: version.id, provisionId: null },
            select: WINDOW_SELECT,
          }),
        ])
      : [[], []];
    for (const key of instrumentKeys) {
      const known = owner.get(key)!;
      const instrument = known.version.instrument;
      const provision = provisions.find((p) => p.key === key);
      const base = {
        key,
        label: provision?.label ?? known.label,
        titleDe: provision?.titleDe ?? known.titleDe,
        titleEn: provision?.titleEn ?? known.titleEn,
        instrumentTitleDe: instrument.titleDe,
        instrumentTitleEn: instrument.titleEn,
        confirmed: instrument.confirmed,
      };
      if (!provision || provision.retiredAt !== null) {
        result.set(key, { ...base, status: "not_in_force", appliesFrom: null, conditions: [] });
        continue;
      }
      const own = provision.windows.map(toWindowFact);
      const general = versionWindows.map(toWindowFact);
      const { status, windows } = applicabilityFromWindows(own, general, onDate);
      const considered = own.length > 0 ? own : general;
      const later = considered
        .map((w) => w.appliesFrom)
        .filter((day) => day > onDate)
        .sort();
      result.set(key, {
        ...base,
        status,
        appliesFrom: status === "not_yet" ? (later[0] ?? null) : null,
        conditions: windows.flatMap((w) => (w.condition ? [w.condition] : [])),
      });
    }
  }
  return result;
}
